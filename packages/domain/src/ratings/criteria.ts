/**
 * Citizen satisfaction rating of one application (hồ sơ) at the one-stop: the rating levels and the criteria
 * (vn-rules.md §6.1).
 */
import type { Text } from '../errors.ts';

/**
 * The three levels offered at one-stop centres: Rất hài lòng / Hài lòng / Không hài lòng (vn-rules.md §6.1,
 * VERIFIED [S27]). Ordered from best to worst.
 */
export const RATING_LEVELS = ['rat_hai_long', 'hai_long', 'khong_hai_long'] as const;
export type RatingLevel = (typeof RATING_LEVELS)[number];

export const RATING_LEVEL_NAMES: Record<RatingLevel, Text> = {
  rat_hai_long: { vi: 'Rất hài lòng', en: 'Very satisfied' },
  hai_long: { vi: 'Hài lòng', en: 'Satisfied' },
  khong_hai_long: { vi: 'Không hài lòng', en: 'Not satisfied' },
};

/** The levels counted as satisfied in the satisfaction rate (vn-rules.md §6.1: rất hài lòng + hài lòng). */
export const SATISFIED_LEVELS: readonly RatingLevel[] = ['rat_hai_long', 'hai_long'];

export function isRatingLevel(value: unknown): value is RatingLevel {
  return typeof value === 'string' && (RATING_LEVELS as readonly string[]).includes(value);
}

/**
 * The 12 criteria shown on the Thừa Thiên Huế public-service portal rating page, in the portal's order
 * (vn-rules.md §6.1, VERIFIED [S26]). The list comes from that one provincial portal [S26]; its legal source
 * (probably Decree 61/2018 on evaluating the one-stop + Circular 01/2018/TT-VPCP) is UNCERTAIN, and so is the
 * portal's own scoring scale (e.g. 0–2 points per criterion). Here every criterion is rated on the same three
 * levels as the overall rating. The Vietnamese names render the criteria as vn-rules summarises them, not
 * necessarily the portal's exact wording. The codes are stable: they are stored with each rating, so never
 * rename or reuse one — add new codes instead.
 */
export const CRITERIA = [
  'overall',
  'convenience',
  'on_time',
  'staff_attitude',
  'processing_time',
  'step_time',
  'contacts',
  'agencies',
  'one_stop',
  'publicity',
  'feedback_handling',
  'online_service',
] as const;
export type CriterionCode = (typeof CRITERIA)[number];

export const CRITERION_NAMES: Record<CriterionCode, Text> = {
  overall: { vi: 'Mức độ hài lòng chung về dịch vụ', en: 'Overall satisfaction with the service' },
  convenience: { vi: 'Sự thuận tiện khi thực hiện thủ tục', en: 'Convenience' },
  on_time: {
    vi: 'Giải quyết, trả kết quả đúng hẹn',
    en: 'Processing and return of the result on time',
  },
  staff_attitude: { vi: 'Thái độ của cán bộ, công chức', en: 'Attitude of the officials' },
  processing_time: {
    vi: 'Thời gian giải quyết so với thời gian quy định',
    en: 'Processing time compared with the legal time limit',
  },
  step_time: {
    vi: 'Thời gian thực hiện từng bước so với quy định',
    en: 'Time of each step compared with the regulation',
  },
  contacts: {
    vi: 'Số lần phải liên hệ để hoàn thành hồ sơ',
    en: 'Number of contacts needed to complete the application',
  },
  agencies: { vi: 'Số cơ quan phải liên hệ', en: 'Number of agencies contacted' },
  one_stop: {
    vi: 'Tiếp nhận, giải quyết, trả kết quả tại Bộ phận Một cửa',
    en: 'Receipt, processing and return of the result at the one-stop desk',
  },
  publicity: { vi: 'Công khai thủ tục hành chính', en: 'Publicity of administrative procedures' },
  feedback_handling: {
    vi: 'Tiếp nhận, xử lý phản ánh, kiến nghị',
    en: 'Handling of feedback and petitions',
  },
  online_service: {
    vi: 'Tiến độ và chất lượng cung cấp dịch vụ công trực tuyến',
    en: 'Progress and quality of online public services',
  },
};

export function isCriterionCode(value: unknown): value is CriterionCode {
  return typeof value === 'string' && (CRITERIA as readonly string[]).includes(value);
}
