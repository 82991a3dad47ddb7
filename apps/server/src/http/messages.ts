/** Problem titles in Vietnamese (default) and English, chosen by the request's Accept-Language. */
export type Lang = 'vi' | 'en';

export const PROBLEM_TITLES = {
  'not-found': { vi: 'Không tìm thấy', en: 'Not found' },
  'route-not-found': { vi: 'Không có địa chỉ này', en: 'No such route' },
  forbidden: { vi: 'Không có quyền thực hiện', en: 'Forbidden' },
  unauthenticated: { vi: 'Chưa đăng nhập', en: 'Not signed in' },
  'invalid-credentials': { vi: 'Sai tên đăng nhập hoặc mật khẩu', en: 'Wrong user name or password' },
  'too-many-attempts': { vi: 'Đăng nhập sai quá nhiều lần', en: 'Too many failed sign-in attempts' },
  conflict: { vi: 'Dữ liệu bị trùng hoặc xung đột', en: 'Conflict with existing data' },
  invalid: { vi: 'Dữ liệu không hợp lệ', en: 'Invalid data' },
  'csrf-mismatch': {
    vi: 'Thiếu hoặc sai mã chống giả mạo yêu cầu (CSRF)',
    en: 'Missing or wrong CSRF token',
  },
  'payload-too-large': { vi: 'Dữ liệu gửi lên quá lớn', en: 'Request body too large' },
  'unsupported-media-type': { vi: 'Định dạng dữ liệu không được hỗ trợ', en: 'Unsupported media type' },
  'bad-request': { vi: 'Yêu cầu không hợp lệ', en: 'Bad request' },
  internal: { vi: 'Lỗi hệ thống', en: 'Internal error' },
  'transition-not-allowed': {
    vi: 'Thao tác không hợp lệ ở trạng thái hiện tại',
    en: 'Action not allowed in the current state',
  },
  'stale-version': { vi: 'Dữ liệu đã thay đổi', en: 'Changed by someone else' },
} as const satisfies Record<string, Record<Lang, string>>;

export type ProblemType = keyof typeof PROBLEM_TITLES;

export const DETAILS = {
  tooManyAttempts: {
    vi: (s: number) => `Vui lòng thử lại sau ${Math.ceil(s / 60)} phút.`,
    en: (s: number) => `Please try again in ${Math.ceil(s / 60)} minutes.`,
  },
  internal: {
    vi: (id: string) => `Đã ghi nhận lỗi với mã ${id}. Vui lòng thử lại hoặc báo quản trị hệ thống.`,
    en: (id: string) => `The error was logged as ${id}. Please retry or contact your administrator.`,
  },
};

export function pickLang(acceptLanguage: string | undefined): Lang {
  if (!acceptLanguage) return 'vi';
  const first = acceptLanguage.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'vi';
}
