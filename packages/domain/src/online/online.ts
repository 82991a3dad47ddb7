/**
 * Online filing rules that are not about one field: which documents must be uploaded, which return channels
 * a procedure offers, and what the citizen must do next in each state. Pure.
 */
import { text, type Text } from '../errors.ts';
import type { State } from '../workflow/states.ts';
import type { ReturnChannel } from '../workflow/decide.ts';
import type { FieldError, FormField } from './fields.ts';

/** One upload the online form asks for, in the order of the procedure's required documents. */
export interface UploadSlot {
  name: string;
  required: boolean;
  note?: string;
}

export interface OnlineForm {
  fields: FormField[];
  uploads: UploadSlot[];
}

export type OnlineLevel = 'none' | 'partial' | 'full';

/** The documents of one filing: every required slot filled, and at least one document in all. */
export function checkUploads(slots: readonly UploadSlot[], filled: readonly boolean[]): FieldError[] {
  const errors: FieldError[] = [];
  slots.forEach((slot, i) => {
    if (slot.required && !filled[i])
      errors.push({
        field: `doc_${i + 1}`,
        detail: text(`Chưa tải lên: ${slot.name}`, `Not uploaded yet: ${slot.name}`),
      });
  });
  if (errors.length === 0 && !filled.some(Boolean))
    errors.push({
      field: 'doc_1',
      detail: text('Cần tải lên ít nhất một giấy tờ', 'Upload at least one document'),
    });
  return errors;
}

/**
 * A full online service returns the result online or by post (vn-rules.md §3, Decree 42/2022 art. 11); the
 * counter stays open to anyone who prefers it. A partial one ends at the counter or by post: the result is
 * on paper.
 */
export function returnChannelsFor(level: OnlineLevel): ReturnChannel[] {
  if (level === 'full') return ['online', 'post', 'counter'];
  if (level === 'partial') return ['counter', 'post'];
  return [];
}

/** What the citizen should do now, for "my applications". */
export function citizenNextStep(state: State, returnChannel: ReturnChannel | null): Text {
  switch (state) {
    case 'submitted':
      return text(
        'Chờ bộ phận một cửa kiểm tra hồ sơ; bạn sẽ nhận thông báo tiếp nhận và ngày hẹn trả.',
        'Wait for the one-stop desk to check the file; you will be told when it is received and the appointment.',
      );
    case 'pre_receipt_supplement':
    case 'supplement_requested':
      return text(
        'Cần bổ sung giấy tờ: tải lên các giấy tờ được yêu cầu bên dưới. Mã hồ sơ giữ nguyên.',
        'Documents are needed: upload the requested documents below. The file keeps its code.',
      );
    case 'awaiting_payment':
      return text(
        'Nộp phí, lệ phí theo hướng dẫn của cơ quan giải quyết.',
        'Pay the fee as the office instructs.',
      );
    case 'received':
    case 'transferred':
    case 'processing':
    case 'inter_agency':
    case 'awaiting_approval':
      return text(
        'Hồ sơ đang được giải quyết; không cần làm gì thêm.',
        'The file is being processed; nothing to do.',
      );
    case 'result_ready':
      return returnChannel === 'online'
        ? text('Kết quả sẽ được trả trực tuyến tại đây.', 'The result will be returned online here.')
        : returnChannel === 'post'
          ? text('Kết quả sẽ được gửi qua bưu chính.', 'The result will be sent by post.')
          : text(
              'Mang giấy tờ tùy thân đến bộ phận một cửa để nhận kết quả.',
              'Bring your identity paper to the one-stop desk to collect the result.',
            );
    case 'returned':
      return text(
        'Đã trả kết quả. Mời bạn đánh giá mức độ hài lòng.',
        'Result returned. Please rate the service.',
      );
    case 'refused_at_intake':
    case 'refused':
      return text(
        'Hồ sơ không được giải quyết; xem lý do bên dưới.',
        'The file was refused; see the reason below.',
      );
    case 'stopped':
    case 'withdrawn':
      return text('Hồ sơ đã dừng xử lý.', 'Processing of the file has stopped.');
  }
}
