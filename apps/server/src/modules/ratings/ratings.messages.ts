import { MAX_COMMENT_LENGTH, RATING_EDIT_DAYS } from '@motcua/domain/ratings/rating';
import type { Lang } from '../portal/portal.messages.ts';

/** The rating pages' words, Vietnamese first; English on `?lang=en`. Every key is required in both. */
export interface RatingMessages {
  title: string;
  intro: string;
  fileTitle: string;
  code: string;
  procedure: string;
  unit: string;
  returnedAt: string;
  overallLegend: string;
  required: string;
  criteriaLegend: string;
  criteriaHint: string;
  skip: string;
  commentLabel: string;
  commentHint: string;
  submit: string;
  submitEdit: string;
  editing: (until: string) => string;
  errorTitle: string;
  errorPrefix: string;
  thanksTitle: string;
  thanksText: string;
  thanksFeedback: string;
  edit: string;
  editUntil: (until: string) => string;
  yourRating: string;
  overall: string;
  comment: string;
  notReturnedTitle: string;
  notReturnedText: string;
  closedTitle: string;
  closedText: (until: string) => string;
  notFoundTitle: string;
  notFoundText: string;
  keyTitle: string;
  keyErrorTitle: string;
  keyIntro: string;
  codeLabel: string;
  codeHint: string;
  keyLabel: string;
  keyHint: string;
  continue: string;
  missingCode: string;
  missingKey: string;
  tooManyTitle: string;
  tooManyText: (minutes: number) => string;
  forbiddenTitle: string;
  forbiddenText: string;
  kioskTitle: string;
  kioskIntro: string;
  kioskAt: (unit: string) => string;
  kioskNext: string;
  kioskStart: string;
}

const vi: RatingMessages = {
  title: 'Đánh giá mức độ hài lòng',
  intro: `Ý kiến của ông/bà giúp chúng tôi phục vụ tốt hơn. Mỗi hồ sơ được đánh giá một lần và có thể sửa trong ${RATING_EDIT_DAYS} ngày kể từ khi gửi.`,
  fileTitle: 'Hồ sơ được đánh giá',
  code: 'Mã hồ sơ',
  procedure: 'Thủ tục',
  unit: 'Nơi tiếp nhận',
  returnedAt: 'Ngày trả kết quả',
  overallLegend: 'Mức độ hài lòng chung của ông/bà',
  required: '(bắt buộc)',
  criteriaLegend: 'Đánh giá theo từng tiêu chí',
  criteriaHint: 'Không bắt buộc: chỉ chọn những tiêu chí ông/bà muốn đánh giá.',
  skip: 'Không đánh giá',
  commentLabel: 'Ý kiến góp ý (không bắt buộc)',
  commentHint: `Tối đa ${MAX_COMMENT_LENGTH.toLocaleString('vi-VN')} ký tự. Nếu ông/bà không hài lòng, ý kiến sẽ được chuyển đến lãnh đạo đơn vị để trả lời.`,
  submit: 'Gửi đánh giá',
  submitEdit: 'Lưu đánh giá',
  editing: (until) => `Ông/bà đã đánh giá hồ sơ này và có thể sửa đến ${until}.`,
  errorTitle: 'Chưa gửi được đánh giá',
  errorPrefix: 'Lỗi:',
  thanksTitle: 'Cảm ơn ông/bà đã đánh giá',
  thanksText: 'Đánh giá của ông/bà đã được ghi nhận.',
  thanksFeedback: 'Ý kiến của ông/bà đã được chuyển đến lãnh đạo đơn vị để xem xét, trả lời.',
  edit: 'Sửa đánh giá',
  editUntil: (until) => `Có thể sửa đến ${until}.`,
  yourRating: 'Đánh giá của ông/bà',
  overall: 'Mức độ hài lòng chung',
  comment: 'Ý kiến góp ý',
  notReturnedTitle: 'Chưa thể đánh giá hồ sơ này',
  notReturnedText:
    'Chỉ đánh giá được sau khi đã nhận kết quả giải quyết hồ sơ. Mời ông/bà quay lại sau khi nhận kết quả.',
  closedTitle: 'Đã hết thời hạn sửa đánh giá',
  closedText: (until) =>
    `Đánh giá chỉ được sửa trong ${RATING_EDIT_DAYS} ngày kể từ khi gửi lần đầu (đến ${until}). Cảm ơn ông/bà đã đánh giá.`,
  notFoundTitle: 'Không tìm thấy hồ sơ',
  notFoundText:
    'Mã hồ sơ hoặc mã tra cứu không đúng. Vui lòng kiểm tra lại giấy tiếp nhận hồ sơ và hẹn trả kết quả.',
  keyTitle: 'Nhập mã hồ sơ và mã tra cứu',
  keyErrorTitle: 'Chưa tìm được hồ sơ',
  keyIntro: 'Hai mã này được in trên giấy tiếp nhận hồ sơ và hẹn trả kết quả.',
  codeLabel: 'Mã hồ sơ',
  codeHint: 'Ví dụ: 000.00.24.H32-251127-0001',
  keyLabel: 'Mã tra cứu',
  keyHint: 'Gồm 6 chữ cái và chữ số, in bên dưới mã hồ sơ.',
  continue: 'Tiếp tục',
  missingCode: 'Nhập mã hồ sơ',
  missingKey: 'Nhập mã tra cứu',
  tooManyTitle: 'Nhập sai quá nhiều lần',
  tooManyText: (minutes) => `Vui lòng thử lại sau ${minutes} phút.`,
  forbiddenTitle: 'Không gửi được biểu mẫu',
  forbiddenText: 'Biểu mẫu đánh giá chỉ được gửi từ chính trang đánh giá của hệ thống.',
  kioskTitle: 'Đánh giá mức độ hài lòng tại quầy',
  kioskIntro:
    'Mời ông/bà nhập mã hồ sơ và mã tra cứu in trên giấy tiếp nhận hồ sơ và hẹn trả kết quả, sau đó chọn mức độ hài lòng.',
  kioskAt: (unit) => `Tại: ${unit}`,
  kioskNext: 'Đánh giá hồ sơ khác',
  kioskStart: 'Về trang đầu',
};

const en: RatingMessages = {
  title: 'Rate our service',
  intro: `Your opinion helps us serve you better. Each application can be rated once, and the rating can be changed for ${RATING_EDIT_DAYS} days after it is sent.`,
  fileTitle: 'The application you are rating',
  code: 'Application code',
  procedure: 'Procedure',
  unit: 'Received at',
  returnedAt: 'Result handed over on',
  overallLegend: 'Overall, how satisfied are you?',
  required: '(required)',
  criteriaLegend: 'Rate each aspect',
  criteriaHint: 'Optional: rate only the aspects you want to.',
  skip: 'No answer',
  commentLabel: 'Comments (optional)',
  commentHint: `At most ${MAX_COMMENT_LENGTH.toLocaleString('en-GB')} characters. If you are not satisfied, your comment goes to the head of the office, who will answer it.`,
  submit: 'Send rating',
  submitEdit: 'Save rating',
  editing: (until) => `You have rated this application; you can change your rating until ${until}.`,
  errorTitle: 'Your rating was not sent',
  errorPrefix: 'Error:',
  thanksTitle: 'Thank you for your rating',
  thanksText: 'Your rating has been recorded.',
  thanksFeedback: 'Your comment has been passed to the head of the office, who will look into it and answer.',
  edit: 'Change your rating',
  editUntil: (until) => `You can change it until ${until}.`,
  yourRating: 'Your rating',
  overall: 'Overall satisfaction',
  comment: 'Comments',
  notReturnedTitle: 'This application cannot be rated yet',
  notReturnedText:
    'An application can be rated only after its result was handed over. Please come back once you have it.',
  closedTitle: 'The rating can no longer be changed',
  closedText: (until) =>
    `A rating can be changed only within ${RATING_EDIT_DAYS} days of first sending it (until ${until}). Thank you for your rating.`,
  notFoundTitle: 'Application not found',
  notFoundText:
    'The application code or the lookup key is wrong. Please check the receipt slip you were given.',
  keyTitle: 'Enter the application code and the lookup key',
  keyErrorTitle: 'The application could not be found',
  keyIntro: 'Both are printed on the receipt slip you were given.',
  codeLabel: 'Application code',
  codeHint: 'For example: 000.00.24.H32-251127-0001',
  keyLabel: 'Lookup key',
  keyHint: 'Six letters and digits, printed under the application code.',
  continue: 'Continue',
  missingCode: 'Enter the application code',
  missingKey: 'Enter the lookup key',
  tooManyTitle: 'Too many wrong attempts',
  tooManyText: (minutes) => `Please try again in ${minutes} minutes.`,
  forbiddenTitle: 'The form could not be sent',
  forbiddenText: 'The rating form can only be sent from this site’s own rating page.',
  kioskTitle: 'Rate our service at the counter',
  kioskIntro:
    'Please enter the application code and the lookup key printed on your receipt slip, then tell us how satisfied you are.',
  kioskAt: (unit) => `At: ${unit}`,
  kioskNext: 'Rate another application',
  kioskStart: 'Back to the start',
};

export const RATING_MESSAGES: Record<Lang, RatingMessages> = { vi, en };
