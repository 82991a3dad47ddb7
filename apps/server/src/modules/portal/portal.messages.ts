import type {
  DocumentCopyType,
  OnlineLevel,
  ProcedureChannel,
  ProcedureLevel,
} from '@motcua/contracts/procedures';

/** The public pages' words, Vietnamese first; English on `?lang=en`. Every key is required in both. */
export type Lang = 'vi' | 'en';

export type TimedUnit = 'working_days' | 'days' | 'working_hours' | 'hours' | 'months';

export interface Messages {
  htmlLang: Lang;
  siteName: string;
  siteTagline: string;
  skipLink: string;
  otherLanguage: { label: string; lang: Lang };
  languageNav: string;
  myFiles: string;
  searchTitle: string;
  searchIntro: string;
  searchLabel: string;
  searchHint: string;
  searchButton: string;
  found: (total: number, q: string) => string;
  allProcedures: (total: number) => string;
  noResults: string;
  pageOf: (page: number, pages: number) => string;
  previous: string;
  next: string;
  pagination: string;
  pastLastPage: string;
  backToFirstPage: string;
  results: string;
  code: string;
  level: string;
  field: string;
  time: string;
  onlineService: string;
  details: string;
  breadcrumb: string;
  home: string;
  about: string;
  name: string;
  agency: string;
  result: string;
  documentsTitle: string;
  documentName: string;
  copyType: string;
  quantity: string;
  noDocuments: string;
  illustrativeDocuments: string;
  fee: string;
  feeFree: string;
  feeNotStated: string;
  feePublished: (amount: string, text: string) => string;
  timeNotStated: string;
  timeUnitUnstated: (amount: string) => string;
  publishedAs: (text: string) => string;
  dueTitle: string;
  dueIfFiledNow: string;
  dueComputedAt: string;
  dueRules: string;
  dueCutoff: (hour: number) => string;
  dueAssumesWorkingDays: string;
  dueNoTime: string;
  dueNoCalendar: string;
  channels: string;
  channel: Record<ProcedureChannel, string>;
  onlineLevel: Record<OnlineLevel, string>;
  illustrativeService: string;
  fileOnline: string;
  legalBasis: string;
  legalBasisDecision: (basis: string) => string;
  updated: (version: number, date: string) => string;
  levels: Record<ProcedureLevel, string>;
  copyTypes: Record<DocumentCopyType, string>;
  units: Record<TimedUnit, (amount: string) => string>;
  weekdays: readonly [string, string, string, string, string, string, string];
  notFoundTitle: string;
  notFoundText: (code: string) => string;
  backToSearch: string;
  footer: string;
}

export const MESSAGES: Record<Lang, Messages> = {
  vi: {
    htmlLang: 'vi',
    siteName: 'Dịch vụ công',
    siteTagline: 'Thủ tục hành chính — Bộ phận Một cửa',
    skipLink: 'Bỏ qua, đến nội dung chính',
    otherLanguage: { label: 'English', lang: 'en' },
    languageNav: 'Tài khoản và ngôn ngữ',
    myFiles: 'Hồ sơ của tôi',
    searchTitle: 'Tra cứu thủ tục hành chính',
    searchIntro: 'Tìm thủ tục theo tên (gõ có dấu hoặc không dấu) hoặc theo mã thủ tục.',
    searchLabel: 'Tên hoặc mã thủ tục',
    searchHint: 'Ví dụ: đăng ký khai sinh, dang ky tam tru, 1.001193',
    searchButton: 'Tìm kiếm',
    found: (total, q) => `Tìm thấy ${total} thủ tục cho “${q}”`,
    allProcedures: (total) => `Có ${total} thủ tục trong danh mục`,
    noResults: 'Không tìm thấy thủ tục nào. Hãy thử từ khóa ngắn hơn hoặc nhập mã thủ tục (ví dụ 1.001193).',
    pageOf: (page, pages) => `Trang ${page}/${pages}`,
    previous: 'Trang trước',
    next: 'Trang sau',
    pagination: 'Phân trang',
    pastLastPage: 'Trang này không có kết quả.',
    backToFirstPage: 'Về trang đầu',
    results: 'Kết quả tìm kiếm',
    code: 'Mã thủ tục',
    level: 'Cấp thực hiện',
    field: 'Lĩnh vực',
    time: 'Thời hạn giải quyết',
    onlineService: 'Dịch vụ công trực tuyến',
    details: 'Xem chi tiết',
    breadcrumb: 'Đường dẫn',
    home: 'Tra cứu thủ tục',
    about: 'Thông tin thủ tục',
    name: 'Tên thủ tục',
    agency: 'Cơ quan thực hiện',
    result: 'Kết quả giải quyết',
    documentsTitle: 'Thành phần hồ sơ',
    documentName: 'Giấy tờ',
    copyType: 'Loại bản',
    quantity: 'Số lượng',
    noDocuments: 'Danh mục chưa có thành phần hồ sơ của thủ tục này. Vui lòng hỏi Bộ phận Một cửa.',
    illustrativeDocuments:
      'Thành phần hồ sơ mang tính tham khảo; hãy đối chiếu với Cơ sở dữ liệu quốc gia về thủ tục hành chính trước khi nộp.',
    fee: 'Phí, lệ phí',
    feeFree: 'Miễn phí',
    feeNotStated: 'Không có thông tin',
    feePublished: (_amount, text) => text,
    timeNotStated: 'Không có thông tin',
    timeUnitUnstated: (amount) => `${amount} (văn bản công bố không ghi đơn vị)`,
    publishedAs: (text) => `Theo công bố: ${text}`,
    dueTitle: 'Ngày hẹn trả kết quả',
    dueIfFiledNow: 'Nếu nộp hồ sơ bây giờ, ngày hẹn trả dự kiến:',
    dueComputedAt: 'Tính tại thời điểm',
    dueRules:
      'Ngày tiếp nhận không tính; thứ Bảy, Chủ nhật và ngày nghỉ lễ, Tết không tính vào thời hạn theo ngày làm việc. Ngày hẹn chính thức ghi trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả.',
    dueCutoff: (hour) => `Hồ sơ nhận sau ${hour} giờ được tính từ ngày làm việc tiếp theo.`,
    dueAssumesWorkingDays: 'Thời hạn công bố không ghi đơn vị: ngày hẹn được tính theo ngày làm việc.',
    dueNoTime:
      'Chưa tính được ngày hẹn trả vì thời hạn giải quyết chưa được công bố. Vui lòng hỏi Bộ phận Một cửa.',
    dueNoCalendar: 'Chưa tính được ngày hẹn trả vì chưa có lịch làm việc của năm đó.',
    channels: 'Cách thức nộp hồ sơ',
    channel: {
      counter: 'Trực tiếp tại Bộ phận Một cửa',
      online: 'Trực tuyến',
      postal: 'Qua dịch vụ bưu chính công ích',
    },
    onlineLevel: {
      full: 'Toàn trình',
      partial: 'Một phần',
      none: 'Không cung cấp trực tuyến',
    },
    illustrativeService:
      'Mức độ dịch vụ trực tuyến và cách thức nộp chưa được đối chiếu với Cổng Dịch vụ công quốc gia.',
    fileOnline: 'Nộp hồ sơ trực tuyến',
    legalBasis: 'Căn cứ pháp lý',
    legalBasisDecision: (basis) => `Quyết định công bố thủ tục hành chính số ${basis}`,
    updated: (version, date) => `Phiên bản ${version}, cập nhật ngày ${date}.`,
    levels: {
      commune: 'Cấp xã',
      district: 'Cấp huyện (đến 30/6/2025)',
      province: 'Cấp tỉnh',
      ministry: 'Cấp bộ',
      other: 'Cơ quan khác',
    },
    copyTypes: {
      original: 'Bản chính',
      certified_copy: 'Bản sao chứng thực',
      photocopy: 'Bản chụp',
    },
    units: {
      working_days: (n) => `${n} ngày làm việc`,
      days: (n) => `${n} ngày`,
      working_hours: (n) => `${n} giờ làm việc`,
      hours: (n) => `${n} giờ`,
      months: (n) => `${n} tháng`,
    },
    weekdays: ['Chủ nhật', 'thứ Hai', 'thứ Ba', 'thứ Tư', 'thứ Năm', 'thứ Sáu', 'thứ Bảy'],
    notFoundTitle: 'Không tìm thấy thủ tục',
    notFoundText: (code) => `Danh mục không có thủ tục mang mã “${code}”.`,
    backToSearch: 'Quay lại tra cứu thủ tục',
    footer:
      'Thông tin thủ tục theo Cơ sở dữ liệu quốc gia về thủ tục hành chính. Giờ hiển thị theo giờ Việt Nam (GMT+7).',
  },
  en: {
    htmlLang: 'en',
    siteName: 'Public services',
    siteTagline: 'Administrative procedures — One-stop desk',
    skipLink: 'Skip to main content',
    otherLanguage: { label: 'Tiếng Việt', lang: 'vi' },
    languageNav: 'Account and language',
    myFiles: 'My applications',
    searchTitle: 'Find an administrative procedure',
    searchIntro: 'Search by name (with or without Vietnamese diacritics) or by procedure code.',
    searchLabel: 'Procedure name or code',
    searchHint: 'For example: đăng ký khai sinh, dang ky tam tru, 1.001193',
    searchButton: 'Search',
    found: (total, q) => `${total} ${total === 1 ? 'procedure' : 'procedures'} found for “${q}”`,
    allProcedures: (total) => `${total} procedures in the catalogue`,
    noResults: 'No procedure found. Try fewer words or a procedure code (for example 1.001193).',
    pageOf: (page, pages) => `Page ${page} of ${pages}`,
    previous: 'Previous page',
    next: 'Next page',
    pagination: 'Pagination',
    pastLastPage: 'This page has no results.',
    backToFirstPage: 'Back to the first page',
    results: 'Search results',
    code: 'Procedure code',
    level: 'Level',
    field: 'Field',
    time: 'Statutory time',
    onlineService: 'Online public service',
    details: 'View details',
    breadcrumb: 'Breadcrumb',
    home: 'Procedure search',
    about: 'About this procedure',
    name: 'Name',
    agency: 'Implementing body',
    result: 'Result',
    documentsTitle: 'Required documents',
    documentName: 'Document',
    copyType: 'Copy type',
    quantity: 'Quantity',
    noDocuments: 'The catalogue lists no documents for this procedure yet. Please ask at the one-stop desk.',
    illustrativeDocuments:
      'This document list is for reference; check it against the National Database on Administrative Procedures before filing.',
    fee: 'Fees and charges',
    feeFree: 'Free',
    feeNotStated: 'Not stated',
    feePublished: (amount, text) => `From ${amount} VND (published rule: “${text}”)`,
    timeNotStated: 'Not stated',
    timeUnitUnstated: (amount) => `${amount} (the published text gives no unit)`,
    publishedAs: (text) => `As published: “${text}”`,
    dueTitle: 'Expected return date',
    dueIfFiledNow: 'If you file now, the expected return date is:',
    dueComputedAt: 'Computed at',
    dueRules:
      'The day of receipt is not counted; Saturdays, Sundays and public holidays do not count towards working days. The official date is the one on your receipt.',
    dueCutoff: (hour) => `Files received after ${hour}:00 count from the next working day.`,
    dueAssumesWorkingDays: 'The published time gives no unit: the date is computed in working days.',
    dueNoTime:
      'The expected return date cannot be computed: no statutory time is published. Please ask at the one-stop desk.',
    dueNoCalendar:
      'The expected return date cannot be computed: that year’s working calendar is not available yet.',
    channels: 'How to file',
    channel: {
      counter: 'In person at the one-stop desk',
      online: 'Online',
      postal: 'By public postal service',
    },
    onlineLevel: { full: 'Fully online', partial: 'Partly online', none: 'Not available online' },
    illustrativeService:
      'The online-service level and channels have not yet been checked against the National Public Service Portal.',
    fileOnline: 'File online',
    legalBasis: 'Legal basis',
    legalBasisDecision: (basis) => `Decision publishing the procedure: ${basis}`,
    updated: (version, date) => `Version ${version}, updated ${date}.`,
    levels: {
      commune: 'Commune',
      district: 'District (until 30/6/2025)',
      province: 'Province',
      ministry: 'Ministry',
      other: 'Other agency',
    },
    copyTypes: { original: 'Original', certified_copy: 'Certified copy', photocopy: 'Photocopy' },
    units: {
      working_days: (n) => `${n} working ${n === '1' ? 'day' : 'days'}`,
      days: (n) => `${n} ${n === '1' ? 'day' : 'days'}`,
      working_hours: (n) => `${n} working ${n === '1' ? 'hour' : 'hours'}`,
      hours: (n) => `${n} ${n === '1' ? 'hour' : 'hours'}`,
      months: (n) => `${n} ${n === '1' ? 'month' : 'months'}`,
    },
    weekdays: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
    notFoundTitle: 'Procedure not found',
    notFoundText: (code) => `The catalogue has no procedure with code “${code}”.`,
    backToSearch: 'Back to procedure search',
    footer:
      'Procedure information from the National Database on Administrative Procedures. Times are Vietnam time (GMT+7).',
  },
};

/** `?lang=en` → English; anything else → Vietnamese. */
export function pickPortalLang(value: unknown): Lang {
  const first = Array.isArray(value) ? (value as unknown[])[0] : value;
  return first === 'en' ? 'en' : 'vi';
}
