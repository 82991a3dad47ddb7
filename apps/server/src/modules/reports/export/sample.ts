import type { ReportColumn, ReportDocument, ReportValue } from './document.ts';

/** A quarter's TTHC report of Lâm Hà in the layout the tests and the preview use. */

const RECEIVED = 'Số hồ sơ nhận giải quyết';
const DONE = 'Số hồ sơ đã giải quyết';
const OPEN = 'Số hồ sơ đang giải quyết';

export const SAMPLE_COLUMNS: ReportColumn[] = [
  { key: 'no', header: 'STT', kind: 'text', width: 6, align: 'center' },
  { key: 'unit', header: 'Đơn vị', kind: 'text', width: 30 },
  { key: 'received', header: 'Tổng số', group: RECEIVED, kind: 'integer', width: 10 },
  { key: 'carried', header: 'Kỳ trước chuyển qua', group: RECEIVED, kind: 'integer', width: 11 },
  { key: 'new', header: 'Mới tiếp nhận', group: RECEIVED, kind: 'integer', width: 11 },
  { key: 'done', header: 'Tổng số', group: DONE, kind: 'integer', width: 10 },
  { key: 'onTime', header: 'Trước hạn, đúng hạn', group: DONE, kind: 'integer', width: 11 },
  { key: 'late', header: 'Quá hạn', group: DONE, kind: 'integer', width: 10 },
  { key: 'onTimeRate', header: 'Tỷ lệ đúng hạn', group: DONE, kind: 'percent', width: 11 },
  { key: 'open', header: 'Tổng số', group: OPEN, kind: 'integer', width: 10 },
  { key: 'openInTime', header: 'Trong hạn', group: OPEN, kind: 'integer', width: 10 },
  { key: 'openLate', header: 'Quá hạn', group: OPEN, kind: 'integer', width: 10 },
  { key: 'avgDays', header: 'Thời gian giải quyết trung bình (ngày)', kind: 'decimal', width: 14 },
];

type Figures = [number, number, number, number, number, number, number];
const UNITS: [string, Figures, number | null][] = [
  ['Văn phòng HĐND và UBND huyện', [12, 1534, 1541, 1532, 9, 5, 0], 3.42],
  ['Phòng Tài nguyên và Môi trường', [37, 2210, 2231, 2190, 41, 16, 0], 11.5],
  ['UBND thị trấn Đinh Văn', [4, 1873, 1876, 1876, 0, 1, 0], 1.2],
  ['UBND xã Phúc Thọ', [0, 688, 688, 681, 7, 0, 0], null],
];

function row(no: string, unit: string, f: Figures, avgDays: number | null): Record<string, ReportValue> {
  const [carried, fresh, done, onTime, late, openInTime, openLate] = f;
  return {
    no,
    unit,
    received: carried + fresh,
    carried,
    new: fresh,
    done,
    onTime,
    late,
    onTimeRate: done === 0 ? null : onTime / done,
    open: openInTime + openLate,
    openInTime,
    openLate,
    avgDays,
  };
}

export function sampleDocument(lang: 'vi' | 'en' = 'vi'): ReportDocument {
  const rows = UNITS.map(([unit, f, avg], i) => row(String(i + 1), unit, f, avg));
  const sums = UNITS.reduce<Figures>(
    (acc, [, f]) => acc.map((v, i) => v + f[i]!) as Figures,
    [0, 0, 0, 0, 0, 0, 0],
  );
  return {
    lang,
    agency: { parent: 'Ủy ban nhân dân huyện Lâm Hà', name: 'Văn phòng HĐND và UBND huyện' },
    title: 'Báo cáo tình hình, kết quả giải quyết thủ tục hành chính',
    subtitle: 'tại Bộ phận Tiếp nhận và Trả kết quả huyện Lâm Hà',
    periodLabel: 'Kỳ báo cáo: Quý IV năm 2024 (từ ngày 01/10/2024 đến ngày 31/12/2024)',
    place: 'Lâm Hà',
    issuedOn: '2025-01-05',
    columns: SAMPLE_COLUMNS,
    rows,
    total: { ...row('', 'Tổng cộng', sums, 5.31), no: null },
    notes: [
      'Tỷ lệ đúng hạn = số hồ sơ giải quyết trước hạn, đúng hạn / tổng số hồ sơ đã giải quyết trong kỳ.',
      'Thời gian giải quyết trung bình tính theo ngày làm việc, từ ngày tiếp nhận đến ngày có kết quả.',
    ],
    signers: {
      left: { title: 'Người lập biểu', name: 'Nguyễn Thị Hồng' },
      right: { title: 'KT. Chánh Văn phòng\nPhó Chánh Văn phòng', name: 'Trần Văn Bình' },
    },
  };
}
