/**
 * Decision 766/QĐ-TTg (23/6/2022) service-quality index — the catalogue of indicators as data
 * (vn-rules.md §5). Texts follow DVCQG's "Mô tả công thức tính chỉ số 766" [S22] and the indicator names DVCQG
 * displays [S23]; maxima from the DVCQG API [S23], cross-checked on published results [S24], [S25].
 *
 * The `max` and `target` written here are the defaults; scoring reads them from a `KpiConfig` (config.ts) so a
 * caller can override them when an official text says otherwise.
 */
import type { KpiGroupId, LocalText } from './groups.ts';

// prettier-ignore
export const KPI_INDICATOR_IDS = [
  '1.1', '1.2', '1.3', '1.4', '2.1', '2.2', '3.1', '3.2', '3.3', '3.5', '3.5b', '3.6',
  '4.1', '4.2', 'ECC', '4.3', '4.4', '4.5a', '4.5b', '5.1', '5.2', '5.3', '5.4',
] as const;
export type KpiIndicatorId = (typeof KPI_INDICATOR_IDS)[number];

/**
 * How points are given: 'ratio' by the §5.2 rule (max from the target on, else percent / target × max; no
 * target: percent × max), 'indicator54' by the special 5.4 formula (ratings/indicator-5-4.ts), 'display' shown
 * for reference only (0 points).
 */
export type KpiKind = 'ratio' | 'indicator54' | 'display';

/** 'computed': motcua holds the data; 'entered': the data lives elsewhere (national DB, payment, PAKN, …). */
export type KpiSource = 'computed' | 'entered';

export interface KpiIndicator {
  id: KpiIndicatorId;
  group: KpiGroupId;
  name: LocalText;
  numerator: LocalText;
  denominator: LocalText;
  formula: LocalText;
  /** Default maximum points. */
  max: number;
  /** Default target percent: full points from it on; null = linear. */
  target: number | null;
  kind: KpiKind;
  source: KpiSource;
  /** Metric code on the DVCQG API where one is known [S23]. */
  dvcqgMetric: string | null;
}

const t = (vi: string, en: string): LocalText => ({ vi, en });

/** "Rate (%) = numerator / denominator × 100", with the indicator's own rule after it when it has one. */
function ratioFormula(num: Pair, den: Pair, note?: Pair): LocalText {
  const term = (label: string): string => (label.includes(' − ') ? `(${label})` : label);
  const vi = `Tỷ lệ (%) = ${term(num[0])} / ${term(den[0])} × 100`;
  const en = `Rate (%) = ${term(num[1])} / ${term(den[1])} × 100`;
  return note ? t(`${vi}; ${note[0]}`, `${en}; ${note[1]}`) : t(vi, en);
}

/** Shorthand for the rows below: [vi, en] pairs for name, numerator, denominator and formula. */
type Pair = [string, string];
function row(
  id: KpiIndicatorId,
  group: KpiGroupId,
  spec: {
    name: Pair;
    num: Pair;
    den: Pair;
    /** The indicator's own rule, after the ratio (ratio kinds). */
    note?: Pair;
    /** The whole formula text, for non-ratio kinds. */
    formula?: Pair;
    max: number;
    target?: number;
    kind?: KpiKind;
    source: KpiSource;
    metric?: string;
  },
): KpiIndicator {
  return {
    id,
    group,
    name: t(...spec.name),
    numerator: t(...spec.num),
    denominator: t(...spec.den),
    formula: spec.formula ? t(...spec.formula) : ratioFormula(spec.num, spec.den, spec.note),
    max: spec.max,
    target: spec.target ?? null,
    kind: spec.kind ?? 'ratio',
    source: spec.source,
    dvcqgMetric: spec.metric ?? null,
  };
}

/** vn-rules §5.2 table, in DVCQG's display order. */
export const KPI_INDICATORS: readonly KpiIndicator[] = [
  // Group 1 — 6 + 4 + 2 + 6 = 18 [S23].
  row('1.1', 'transparency', {
    name: ['TTHC công bố đúng hạn', 'Procedures published on time'],
    num: ['Số TTHC được công bố đúng hạn', 'Procedures published on time'],
    den: ['Số TTHC được công bố trong kỳ', 'Procedures published in the period'],
    note: [
      'đúng hạn khi quyết định công bố ký trước ngày có hiệu lực của văn bản quy định ít nhất 20 ngày làm việc (bộ) / 5 ngày làm việc (tỉnh)',
      'on time when the publication decision is signed at least 20 working days (ministry) / 5 (province) before the legal basis takes effect',
    ],
    max: 6,
    source: 'entered',
    metric: 'PUBLISH_ON_TIME',
  }),
  row('1.2', 'transparency', {
    name: ['TTHC cập nhật, công khai đúng hạn', 'Procedures updated and made public on time'],
    num: ['Số TTHC được công khai đúng hạn trên CSDL quốc gia về TTHC', 'Procedures made public on time'],
    den: ['Số TTHC được công bố trong kỳ', 'Procedures published in the period'],
    note: [
      'đúng hạn khi công khai trong 10 ngày làm việc (bộ) / 5 ngày làm việc (tỉnh) kể từ ngày quyết định công bố',
      'on time when made public within 10 working days (ministry) / 5 (province) of the publication decision',
    ],
    max: 4,
    source: 'entered',
    metric: 'PUBLIC_UPDATE_ON_TIME',
  }),
  row('1.3', 'transparency', {
    name: ['TTHC công khai đầy đủ nội dung', 'Procedures published with all components'],
    num: ['Số TTHC công khai đầy đủ các bộ phận tạo thành', 'Procedures with every component published'],
    den: ['Số TTHC đã công bố', 'Procedures published'],
    note: [
      'đủ các bộ phận: tên, trình tự, cách thức, thành phần và số lượng hồ sơ, thời hạn, đối tượng, cơ quan thực hiện (Nghị định 63/2010, Điều 8 khoản 2)',
      'all components: name, steps, channels, dossier components and copies, time limit, subjects, agency (Decree 63/2010 Art. 8(2))',
    ],
    max: 2,
    source: 'computed',
    metric: 'PUBLIC_CONTENT_FULL',
  }),
  row('1.4', 'transparency', {
    name: ['Hồ sơ đồng bộ lên Cổng DVCQG', 'Dossiers synchronised to the National Public Service Portal'],
    num: ['Số hồ sơ tiếp nhận trong kỳ đã đồng bộ', 'Dossiers received in the period and synchronised'],
    den: ['Tổng số hồ sơ tiếp nhận trong kỳ', 'Dossiers received in the period'],
    note: [
      'mẫu số lấy số lớn hơn giữa Hệ thống thông tin báo cáo quốc gia và Cổng DVCQG',
      'the denominator is the larger of the national reporting system and the portal figures',
    ],
    max: 6,
    source: 'entered',
    metric: 'DOSSIER_SYNC',
  }),
  // Group 2 — 20 [S21], [S24]; 2.2 is shown without points.
  row('2.1', 'progress', {
    name: ['Hồ sơ xử lý trước hạn, đúng hạn', 'Dossiers processed early or on time'],
    num: ['Số hồ sơ đã và đang xử lý trước hạn, đúng hạn', 'Dossiers processed or in progress within time'],
    den: ['Tổng số hồ sơ tiếp nhận, xử lý trong kỳ', 'Dossiers received or processed in the period'],
    note: ['điểm = tỷ lệ × 20', 'points = rate × 20'], // verified on DVCQG data [S24]
    max: 20,
    source: 'computed',
  }),
  row('2.2', 'progress', {
    name: ['Thời gian giải quyết trung bình', 'Average processing time'],
    num: [
      'Tổng thời gian giải quyết của các hồ sơ đã giải quyết',
      'Total processing time of completed dossiers',
    ],
    den: ['Số hồ sơ đã giải quyết', 'Completed dossiers'],
    formula: [
      'Thời gian trung bình = tổng thời gian / số hồ sơ, theo từng TTHC; chỉ để tham khảo, không tính điểm',
      'Average = total time / completed dossiers, per procedure; for reference, no points',
    ],
    max: 0,
    kind: 'display',
    source: 'computed',
  }),
  // Group 3a — 12 points. UNCERTAIN: the source does not resolve how the 12 points split among 3.1/3.2/3.3
  // ([S23] gives 12 to one "full online dossiers" row and null to the others; vn-rules §5.2, §12 item 5).
  // Default here: 4 / 4 / 4, overridable through KpiConfig.
  row('3.1', 'online', {
    name: ['TTHC cung cấp dịch vụ công trực tuyến', 'Procedures offered as online public services'],
    num: ['Số TTHC cung cấp DVCTT một phần hoặc toàn trình', 'Procedures offered partly or fully online'],
    den: ['Số TTHC thuộc thẩm quyền', "Procedures under the unit's authority"],
    note: ['đạt tối đa từ 80 %', 'full points from 80 %'],
    max: 4,
    target: 80,
    source: 'computed',
  }),
  row('3.2', 'online', {
    name: ['DVCTT có phát sinh hồ sơ', 'Online services with dossiers'],
    num: ['Số DVCTT có ít nhất một hồ sơ trực tuyến', 'Online services with at least one online dossier'],
    den: ['Số DVCTT của các TTHC', 'Online services offered'],
    max: 4,
    source: 'computed',
  }),
  // [S22] also multiplies this rate by the dossier sync ratio (1.4) on DVCQG; within motcua every dossier is
  // counted, so the caller passes plain counts and 1.4 is entered separately.
  row('3.3', 'online', {
    name: ['Hồ sơ theo hình thức nộp', 'Dossiers by filing channel'],
    num: ['Số hồ sơ nộp trực tuyến', 'Dossiers filed online'],
    den: ['Tổng số hồ sơ tiếp nhận', 'Dossiers received'],
    note: [
      'hồ sơ trực tuyến: kênh trực tuyến và, nếu TTHC trả kết quả giấy, có kết quả điện tử; đạt tối đa từ 50 %',
      'online: filed online and, when the procedure returns a paper result, with an e-result; full points from 50 %',
    ],
    max: 4,
    target: 50,
    source: 'computed',
  }),
  // Group 3b — 2 + 2 + 6 = 10 [S23].
  row('3.5', 'payment', {
    name: [
      'TTHC có nghĩa vụ tài chính được cung cấp trên Cổng DVCQG',
      'Procedures with fees integrated for payment on the portal',
    ],
    num: ['Số TTHC có dữ liệu phí, lệ phí đã đồng bộ', 'Procedures whose fee data is synchronised'],
    den: ['Số TTHC có phí, lệ phí khác 0', 'Procedures with non-zero fees'],
    note: ['đạt tối đa từ 80 %', 'full points from 80 %'],
    max: 2,
    target: 80,
    source: 'entered',
  }),
  row('3.5b', 'payment', {
    name: ['TTHC có giao dịch thanh toán trực tuyến', 'Procedures with online payment transactions'],
    num: [
      'Số TTHC có ít nhất một giao dịch thanh toán trực tuyến thành công',
      'Procedures with at least one successful online payment',
    ],
    den: ['Số TTHC có nghĩa vụ tài chính', 'Procedures with financial obligations'],
    note: ['đạt tối đa từ 80 %', 'full points from 80 %'],
    max: 2,
    target: 80,
    source: 'entered',
  }),
  row('3.6', 'payment', {
    name: ['Hồ sơ thanh toán trực tuyến', 'Dossiers paid online'],
    num: ['Số hồ sơ thanh toán trực tuyến', 'Dossiers paid online'],
    den: ['Số hồ sơ của TTHC có phí, lệ phí khác 0', 'Dossiers of procedures with non-zero fees'],
    note: [
      'mẫu số trừ các hồ sơ có danh sách phí đồng bộ đều bằng 0',
      'the denominator leaves out dossiers whose synchronised fees are all 0',
    ],
    max: 6,
    source: 'entered',
  }),
  // Group 4 — 6 + 4 + 2 + 2 + 4 + 2 + 2 = 22 [S23].
  row('4.1', 'digitization', {
    name: ['Hồ sơ có kết quả giải quyết điện tử', 'Dossiers with an electronic result'],
    num: ['Số hồ sơ có tệp kết quả điện tử', 'Dossiers with an electronic result file'],
    den: ['Số hồ sơ của TTHC có kết quả bằng văn bản', 'Dossiers of procedures with a written result'],
    max: 6,
    source: 'computed',
    metric: 'ORIGINAL_RESULT_AVAILABLE',
  }),
  row('4.2', 'digitization', {
    name: ['Hồ sơ thực hiện số hóa thành phần', 'Dossiers with digitised components'],
    num: ['Số hồ sơ được số hóa thành phần (và có kết quả điện tử khi cần)', 'Dossiers digitised'],
    den: ['Số hồ sơ thuộc thẩm quyền', "Dossiers under the unit's authority"],
    note: ['đạt tối đa từ 80 %', 'full points from 80 %'],
    max: 4,
    target: 80,
    source: 'computed',
    metric: 'SO_HOA_GIAY_TO_GIAI_QUYET',
  }),
  // The decision names no formula for this row in the stored sources (vn-rules §5.2: API metric only).
  row('ECC', 'digitization', {
    name: [
      'Cung cấp dịch vụ chứng thực bản sao điện tử từ bản chính',
      'Electronic certified copies from originals',
    ],
    num: ['Số hồ sơ chứng thực bản sao điện tử từ bản chính', 'Electronic certified copies issued'],
    den: ['Số hồ sơ chứng thực bản sao từ bản chính', 'Certified copies from originals'],
    note: ['số liệu lấy từ Cổng DVCQG', 'figures taken from the national portal'],
    max: 2,
    source: 'entered',
    metric: 'ELECTRONIC_CERTIFIED_COPY',
  }),
  row('4.3', 'digitization', {
    name: ['Hồ sơ khai thác, sử dụng lại dữ liệu số hóa', 'Dossiers reusing digitised data'],
    num: ['Số hồ sơ có thành phần sử dụng lại dữ liệu số hóa', 'Dossiers with a reused digitised component'],
    den: ['Số hồ sơ tiếp nhận trong kỳ', 'Dossiers received in the period'],
    note: ['đạt tối đa từ 80 %', 'full points from 80 %'],
    max: 2,
    target: 80,
    source: 'computed',
    metric: 'REUSED_DIGITIZED_DATA',
  }),
  row('4.4', 'digitization', {
    name: ['Hồ sơ số hóa kết nối, chia sẻ để tái sử dụng', 'Digitised dossiers shared for reuse'],
    num: [
      'Số hồ sơ có thành phần từ kho dữ liệu cá nhân hoặc kết quả đồng bộ lên Cổng DVCQG',
      'Dossiers using the personal data store or with the e-result synchronised to the portal',
    ],
    den: ['Số hồ sơ tiếp nhận trong kỳ', 'Dossiers received in the period'],
    max: 4,
    source: 'entered',
    metric: 'SYNCED_WITH_DVCQG_PERSONAL_STORAGE',
  }),
  row('4.5a', 'digitization', {
    name: ['TTHC kết nối, chia sẻ dữ liệu dân cư', 'Procedures connected to population data'],
    num: ['Số TTHC có hồ sơ dùng VNeID, kho cá nhân hoặc CSDL dân cư', 'Procedures using population data'],
    den: ['Số TTHC có đối tượng là công dân', 'Procedures whose subjects are citizens'],
    max: 2,
    source: 'entered',
    metric: 'CITIZEN_DATA_CONNECTED_FORMALITY',
  }),
  row('4.5b', 'digitization', {
    name: ['Hồ sơ sử dụng thông tin từ CSDL dân cư', 'Dossiers using population data'],
    num: ['Số hồ sơ có sử dụng thông tin, dữ liệu dân cư', 'Dossiers using population data'],
    den: ['Tổng số hồ sơ', 'All dossiers'],
    max: 2,
    source: 'entered',
    metric: 'CITIZEN_DATA_CONNECTED_DOSSIER',
  }),
  // Group 5 — 0 + 6 + 6 + 6 = 18 [S20], [S24].
  row('5.1', 'satisfaction', {
    name: ['Phản ánh, kiến nghị theo phân loại', 'Feedback by category'],
    num: ['Số PAKN về quy định, TTHC', 'Feedback on regulations and procedures'],
    den: ['Tổng số PAKN', 'All feedback'],
    formula: [
      'Tỷ lệ PAKN về quy định, TTHC và về cán bộ, công chức; chỉ để tham khảo, không tính điểm',
      'Shares of feedback on regulations/procedures and on officials; for reference, no points',
    ],
    max: 0,
    kind: 'display',
    source: 'entered',
    metric: 'PETITION_CLASSIFICATION_TTHC',
  }),
  row('5.2', 'satisfaction', {
    name: ['Phản ánh, kiến nghị xử lý đúng hạn', 'Feedback handled on time'],
    num: ['Số PAKN đã và đang xử lý đúng hạn', 'Feedback handled or in progress within time'],
    den: ['Số PAKN tiếp nhận', 'Feedback received'],
    note: ['trả lời trong 15 ngày làm việc', 'answered within 15 working days'],
    max: 6,
    source: 'entered',
    metric: 'PETITION_PROCESSING_ON_TIME',
  }),
  row('5.3', 'satisfaction', {
    name: ['Hài lòng trong xử lý phản ánh, kiến nghị', 'Satisfaction with feedback handling'],
    num: [
      'Tổng PAKN − PAKN không hài lòng − PAKN quá hạn − PAKN khiếu nại lại',
      'Feedback − unsatisfied − overdue − repeated complaints',
    ],
    den: ['Tổng số PAKN tiếp nhận lần đầu trong kỳ', 'Feedback first received in the period'],
    max: 6,
    source: 'entered',
    metric: 'PETITION_HANDLING_SATISFACTION',
  }),
  row('5.4', 'satisfaction', {
    name: [
      'Hài lòng trong tiếp nhận, giải quyết TTHC',
      'Satisfaction with receiving and resolving procedures',
    ],
    num: [
      'Số hồ sơ − hồ sơ quá hạn − hồ sơ có PAKN hoặc không hài lòng',
      'Dossiers − overdue − with feedback or a dislike',
    ],
    den: ['Số hồ sơ thuộc thẩm quyền trong kỳ', "Dossiers under the unit's authority in the period"],
    formula: [
      'Tỷ lệ (%) = 100 % − (tỷ lệ hồ sơ quá hạn + tỷ lệ hồ sơ có PAKN hoặc không hài lòng); đạt tối đa từ 90 %',
      'Rate (%) = 100 % − (overdue rate + rate with feedback or a dislike); full points from 90 %',
    ],
    max: 6,
    target: 90,
    kind: 'indicator54',
    source: 'computed',
    metric: 'DOSSIER_RECEIVING_SATISFACTION',
  }),
];

const BY_ID = new Map(KPI_INDICATORS.map((indicator) => [indicator.id, indicator]));

/** The catalogue entry of an indicator. */
export function kpiIndicator(id: KpiIndicatorId): KpiIndicator {
  const indicator = BY_ID.get(id);
  if (!indicator) throw new RangeError(`unknown indicator ${id}`);
  return indicator;
}

export function isKpiIndicatorId(id: string): id is KpiIndicatorId {
  return BY_ID.has(id as KpiIndicatorId);
}
