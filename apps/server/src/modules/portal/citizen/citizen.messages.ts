import type { Lang } from '../portal.messages.ts';

/** The words of the citizen's pages (sign-in, my files, filing, supplement), Vietnamese first. */
export interface CitizenMessages {
  myFiles: string;
  signInTitle: string;
  signInIntro: string;
  destinationLabel: string;
  destinationHint: string;
  sendCode: string;
  codeSent: (where: string) => string;
  codeLabel: string;
  codeHint: string;
  fullNameLabel: string;
  fullNameHint: string;
  signIn: string;
  oidcSignIn: string;
  oidcHint: string;
  or: string;
  signOut: string;
  signedInAs: (name: string) => string;
  errorsTitle: string;
  noFiles: string;
  findProcedure: string;
  code: string;
  procedure: string;
  status: string;
  submittedAt: string;
  appointment: string;
  nextStep: string;
  open: string;
  waitingForYou: string;
  filedTitle: (code: string) => string;
  filedText: string;
  unit: string;
  returnChannel: string;
  channels: Record<'online' | 'post' | 'counter', string>;
  history: string;
  documents: string;
  download: string;
  results: string;
  noResults: string;
  rate: string;
  rateText: string;
  yourAnswers: string;
  supplementTitle: string;
  supplementIntro: string;
  supplementNote: string;
  supplementButton: string;
  supplemented: string;
  fileTitle: (name: string) => string;
  fileIntro: string;
  applicantSection: string;
  formSection: string;
  uploadsSection: string;
  uploadHint: (mb: number) => string;
  required: string;
  optional: string;
  whereSection: string;
  whereLabel: string;
  howLabel: string;
  submit: string;
  chooseAgain: string;
  tooLarge: (mb: number) => string;
  notOnline: string;
  chooseOne: string;
  size: (kb: number) => string;
}

export const CITIZEN_MESSAGES: Record<Lang, CitizenMessages> = {
  vi: {
    myFiles: 'Hồ sơ của tôi',
    signInTitle: 'Đăng nhập / Đăng ký',
    signInIntro:
      'Nhập thư điện tử hoặc số điện thoại di động. Chúng tôi gửi một mã gồm 6 chữ số, dùng được trong 10 phút. Lần đầu đăng nhập là đăng ký tài khoản.',
    destinationLabel: 'Thư điện tử hoặc số điện thoại di động',
    destinationHint: 'Ví dụ: ten@example.vn hoặc 0912 345 678',
    sendCode: 'Gửi mã',
    codeSent: (where) => `Đã gửi mã đến ${where}.`,
    codeLabel: 'Mã đăng nhập (6 chữ số)',
    codeHint: 'Không chia sẻ mã này với bất kỳ ai.',
    fullNameLabel: 'Họ và tên',
    fullNameHint: 'Chỉ cần khi đăng nhập lần đầu (tạo tài khoản).',
    signIn: 'Đăng nhập',
    oidcSignIn: 'Đăng nhập bằng tài khoản định danh điện tử',
    oidcHint: 'Dùng tài khoản của nhà cung cấp định danh (OpenID Connect) đã được cấu hình.',
    or: 'hoặc',
    signOut: 'Đăng xuất',
    signedInAs: (name) => `Đang đăng nhập: ${name}`,
    errorsTitle: 'Cần sửa các mục sau',
    noFiles: 'Bạn chưa nộp hồ sơ trực tuyến nào.',
    findProcedure: 'Tìm thủ tục để nộp hồ sơ',
    code: 'Mã hồ sơ',
    procedure: 'Thủ tục',
    status: 'Trạng thái',
    submittedAt: 'Ngày nộp',
    appointment: 'Ngày hẹn trả',
    nextStep: 'Việc cần làm',
    open: 'Xem hồ sơ',
    waitingForYou: 'Cần bạn bổ sung',
    filedTitle: (code) => `Đã nộp hồ sơ ${code}`,
    filedText:
      'Hồ sơ đang chờ bộ phận một cửa kiểm tra. Mã hồ sơ đã được gửi vào thư điện tử hoặc tin nhắn của bạn (nếu đã khai).',
    unit: 'Nơi nộp',
    returnChannel: 'Nhận kết quả',
    channels: {
      online: 'Trực tuyến (tải về tại đây)',
      post: 'Qua bưu chính',
      counter: 'Tại bộ phận một cửa',
    },
    history: 'Quá trình xử lý',
    documents: 'Giấy tờ đã nộp',
    download: 'Tải về',
    results: 'Kết quả',
    noResults: 'Chưa có kết quả.',
    rate: 'Đánh giá mức độ hài lòng',
    rateText: 'Ý kiến của bạn giúp cơ quan phục vụ tốt hơn.',
    yourAnswers: 'Thông tin đã khai',
    supplementTitle: 'Bổ sung hồ sơ',
    supplementIntro: 'Tải lên các giấy tờ được yêu cầu. Hồ sơ giữ nguyên mã.',
    supplementNote: 'Ghi chú cho cán bộ (không bắt buộc)',
    supplementButton: 'Gửi bổ sung',
    supplemented: 'Đã gửi bổ sung. Bộ phận một cửa sẽ kiểm tra lại hồ sơ.',
    fileTitle: (name) => `Nộp hồ sơ trực tuyến: ${name}`,
    fileIntro:
      'Các mục có dấu * là bắt buộc. Sau khi nộp, hồ sơ ở trạng thái “Mới đăng ký” cho đến khi được tiếp nhận.',
    applicantSection: 'Người nộp hồ sơ',
    formSection: 'Tờ khai điện tử',
    uploadsSection: 'Giấy tờ tải lên',
    uploadHint: (mb) => `Tệp PDF, JPEG hoặc PNG, tối đa ${mb} MB mỗi tệp.`,
    required: 'bắt buộc',
    optional: 'không bắt buộc',
    whereSection: 'Nơi nộp và cách nhận kết quả',
    whereLabel: 'Nộp tại',
    howLabel: 'Cách nhận kết quả',
    submit: 'Nộp hồ sơ',
    chooseAgain: 'Vì lý do an toàn, trình duyệt không giữ tệp đã chọn: vui lòng chọn lại các tệp.',
    tooLarge: (mb) => `Tệp vượt quá ${mb} MB. Hãy chọn tệp nhỏ hơn (quét với độ phân giải thấp hơn).`,
    notOnline: 'Thủ tục này chưa cung cấp dịch vụ công trực tuyến; mời nộp tại bộ phận một cửa.',
    chooseOne: '— Chọn —',
    size: (kb) => `${kb.toLocaleString('vi-VN')} KB`,
  },
  en: {
    myFiles: 'My applications',
    signInTitle: 'Sign in / Sign up',
    signInIntro:
      'Enter your e-mail address or mobile number. We send a 6-digit code, valid for 10 minutes. Your first sign-in creates the account.',
    destinationLabel: 'E-mail or mobile number',
    destinationHint: 'For example: name@example.com or 0912 345 678',
    sendCode: 'Send code',
    codeSent: (where) => `A code was sent to ${where}.`,
    codeLabel: 'Sign-in code (6 digits)',
    codeHint: 'Do not share this code with anyone.',
    fullNameLabel: 'Full name',
    fullNameHint: 'Only needed the first time (to create the account).',
    signIn: 'Sign in',
    oidcSignIn: 'Sign in with your digital identity account',
    oidcHint: 'Uses the configured identity provider (OpenID Connect).',
    or: 'or',
    signOut: 'Sign out',
    signedInAs: (name) => `Signed in: ${name}`,
    errorsTitle: 'Please correct the following',
    noFiles: 'You have not filed any application online yet.',
    findProcedure: 'Find a procedure to file',
    code: 'Application code',
    procedure: 'Procedure',
    status: 'Status',
    submittedAt: 'Filed on',
    appointment: 'Appointment',
    nextStep: 'What to do next',
    open: 'Open',
    waitingForYou: 'Your documents are needed',
    filedTitle: (code) => `Application ${code} filed`,
    filedText:
      'The one-stop desk will check it. The code was sent to your e-mail or phone (if you gave them).',
    unit: 'Filed at',
    returnChannel: 'Result',
    channels: { online: 'Online (download here)', post: 'By post', counter: 'At the one-stop desk' },
    history: 'History',
    documents: 'Documents filed',
    download: 'Download',
    results: 'Results',
    noResults: 'No result yet.',
    rate: 'Rate the service',
    rateText: 'Your opinion helps the office serve better.',
    yourAnswers: 'What you declared',
    supplementTitle: 'Add documents',
    supplementIntro: 'Upload the documents requested. The application keeps its code.',
    supplementNote: 'Note to the officer (optional)',
    supplementButton: 'Send',
    supplemented: 'Documents sent. The one-stop desk will check the application again.',
    fileTitle: (name) => `File online: ${name}`,
    fileIntro:
      'Items marked * are required. Once filed, the application is “Submitted” until the desk receives it.',
    applicantSection: 'Applicant',
    formSection: 'Electronic declaration',
    uploadsSection: 'Documents to upload',
    uploadHint: (mb) => `PDF, JPEG or PNG files, at most ${mb} MB each.`,
    required: 'required',
    optional: 'optional',
    whereSection: 'Where to file and how to receive the result',
    whereLabel: 'File at',
    howLabel: 'Receive the result',
    submit: 'File the application',
    chooseAgain: 'For your safety the browser does not keep chosen files: please choose the files again.',
    tooLarge: (mb) => `A file is larger than ${mb} MB. Choose a smaller file (scan at a lower resolution).`,
    notOnline: 'This procedure is not offered online; please file at the one-stop desk.',
    chooseOne: '— Choose —',
    size: (kb) => `${kb.toLocaleString('en-GB')} KB`,
  },
};
