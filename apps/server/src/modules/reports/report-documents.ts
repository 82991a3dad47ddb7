import type { IndexReport, UnitIndex } from '@motcua/contracts/kpi';
import type { SummaryLine, SummaryReport } from '@motcua/contracts/reports';
import { vnDateOf } from '@motcua/domain';
import { viDate } from '@motcua/domain/reports/periods';
import type { ReportColumn, ReportDocument, ReportValue } from './export/document.ts';

/**
 * The statistics and the index as the tables agencies file (export/document.ts → XLSX, CSV): the likely columns
 * of the provinces' TTHC statistics (vn-rules.md §2.2 — the official form was not found, UNCERTAIN) and the
 * 766 ranking. Percentages go in as fractions, as the writers expect.
 */
export interface DocumentContext {
  /** The unit above the reporting one (cơ quan chủ quản), and the reporting unit. */
  agency: { parent?: string; name: string };
  place: string;
  now: Date;
}

const RECEIVED = 'Số hồ sơ nhận giải quyết';
const DONE = 'Số hồ sơ đã giải quyết';
const OPEN = 'Số hồ sơ đang giải quyết';
const NEW = 'Mới tiếp nhận';
const DIMENSION: Record<SummaryReport['by'], string> = {
  unit: 'Đơn vị',
  procedure: 'Thủ tục hành chính',
  field: 'Lĩnh vực',
  level: 'Cấp',
  channel: 'Kênh',
};

const int = (key: string, header: string, group?: string): ReportColumn => ({
  key,
  header,
  kind: 'integer',
  width: 10,
  ...(group ? { group } : {}),
});
const pct = (key: string, header: string): ReportColumn => ({ key, header, kind: 'percent', width: 11 });

function summaryColumns(by: SummaryReport['by']): ReportColumn[] {
  return [
    { key: 'no', header: 'STT', kind: 'text', width: 6, align: 'center' },
    { key: 'name', header: DIMENSION[by], kind: 'text', width: by === 'procedure' ? 44 : 30 },
    int('received', 'Tổng số', RECEIVED),
    int('carried', 'Kỳ trước chuyển qua', RECEIVED),
    int('new_counter', `${NEW}: trực tiếp`, RECEIVED),
    int('new_online', `${NEW}: trực tuyến`, RECEIVED),
    int('new_postal', `${NEW}: bưu chính`, RECEIVED),
    int('resolved', 'Tổng số', DONE),
    int('early', 'Trước hạn', DONE),
    int('on_time', 'Đúng hạn', DONE),
    int('late', 'Trễ hạn', DONE),
    int('in_progress', 'Tổng số', OPEN),
    int('within_time', 'Trong hạn', OPEN),
    int('overdue', 'Quá hạn', OPEN),
    pct('onTime', 'Tỷ lệ đúng hạn'),
    int('supplement_requests', 'Yêu cầu bổ sung'),
    int('apologies', 'Văn bản xin lỗi'),
    int('postal_returned', 'Trả qua bưu chính'),
    pct('digitized', 'Tỷ lệ số hóa'),
    pct('online', 'Tỷ lệ trực tuyến'),
    pct('satisfaction', 'Tỷ lệ hài lòng'),
    { key: 'averageDays', header: 'Thời gian giải quyết trung bình (ngày)', kind: 'decimal', width: 14 },
  ];
}

const fraction = (percent: number | null) => (percent === null ? null : percent / 100);

function summaryRow(no: string | null, line: SummaryLine): Record<string, ReportValue> {
  const c = line.counts;
  return {
    no,
    name: line.name,
    received: c.received,
    carried: c.carried,
    new_counter: c.new_counter,
    new_online: c.new_online,
    new_postal: c.new_postal,
    resolved: c.resolved,
    early: c.early,
    on_time: c.on_time,
    late: c.late,
    in_progress: c.in_progress,
    within_time: c.within_time,
    overdue: c.overdue,
    onTime: fraction(line.rates.resolvedOnTime),
    supplement_requests: c.supplement_requests,
    apologies: c.apologies,
    postal_returned: c.postal_returned,
    digitized: fraction(line.rates.digitized),
    online: fraction(line.rates.online),
    satisfaction: fraction(line.rates.satisfaction),
    averageDays: line.rates.averageDays,
  };
}

const signers = {
  left: { title: 'Người lập biểu' },
  right: { title: 'Thủ trưởng đơn vị' },
};

const issuedOn = (now: Date) => vnDateOf(now.getTime());

export function summaryDocument(report: SummaryReport, ctx: DocumentContext): ReportDocument {
  return {
    lang: 'vi',
    agency: ctx.agency,
    title: 'Báo cáo tình hình, kết quả giải quyết thủ tục hành chính',
    subtitle: `${report.unit.name}${report.below ? ' và các đơn vị trực thuộc' : ''}`,
    periodLabel: `Kỳ báo cáo: ${report.period.label} (từ ngày ${viDate(report.period.from)} đến ngày ${viDate(report.period.to)})`,
    place: ctx.place,
    issuedOn: issuedOn(ctx.now),
    columns: summaryColumns(report.by),
    rows: report.lines.map((line, i) => summaryRow(String(i + 1), line)),
    total: { ...summaryRow(null, report.total), name: 'Tổng cộng' },
    notes: [
      'Tỷ lệ đúng hạn = (trước hạn + đúng hạn) / đã giải quyết. Hồ sơ có từ hai lần yêu cầu bổ sung hoặc phải xin lỗi, gia hạn được tính trễ hạn.',
      `Số liệu tính từ dữ liệu hồ sơ lúc ${new Date(report.asOf).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' })}${report.history ? ', gồm số liệu của các đơn vị trước sắp xếp' : ''}.`,
    ],
    signers,
  };
}

export function indexDocument(report: IndexReport, ctx: DocumentContext): ReportDocument {
  const groups = report.total.groups;
  const columns: ReportColumn[] = [
    { key: 'rank', header: 'Xếp hạng', kind: 'integer', width: 8 },
    { key: 'name', header: 'Đơn vị', kind: 'text', width: 32 },
    ...groups.map((g): ReportColumn => ({
      key: g.id,
      header: `${g.name.vi} (${g.max})`,
      group: 'Điểm theo nhóm chỉ số',
      kind: 'decimal',
      width: 12,
    })),
    { key: 'total', header: 'Tổng điểm (100)', kind: 'decimal', width: 10 },
    { key: 'band', header: 'Xếp loại', kind: 'text', width: 12 },
  ];
  const row = (u: UnitIndex): Record<string, ReportValue> => ({
    rank: u.rank,
    name: u.unitName,
    ...Object.fromEntries(u.groups.map((g) => [g.id, g.points])),
    total: u.total,
    band: u.band.name.vi,
  });
  const missing = report.total.indicators.filter((i) => i.source === 'missing').map((i) => i.id);
  return {
    lang: 'vi',
    agency: ctx.agency,
    title: 'Kết quả đánh giá chất lượng phục vụ người dân, doanh nghiệp',
    subtitle: 'theo Bộ chỉ số ban hành kèm Quyết định số 766/QĐ-TTg ngày 23/6/2022',
    periodLabel: `Kỳ đánh giá: ${report.period.label} (từ ngày ${viDate(report.period.from)} đến ngày ${viDate(report.period.to)})`,
    place: ctx.place,
    issuedOn: issuedOn(ctx.now),
    columns,
    rows: report.units.map(row),
    total: { ...row(report.total), rank: null, name: `${report.total.unitName} (chung)` },
    notes: [
      `Ngưỡng xếp loại: ${report.bands.map((b) => `${b.name.vi} từ ${b.min} điểm`).join('; ')}.`,
      ...(missing.length > 0 ? [`Chỉ số chưa có dữ liệu (tính 0 điểm): ${missing.join(', ')}.`] : []),
    ],
    signers,
  };
}

/** "Huyện Lâm Hà" → "Lâm Hà": the place written before the date of a document. */
export function placeOf(unitName: string): string {
  return unitName.replace(/^(Tỉnh|Thành phố|Huyện|Thị xã|Quận|Xã|Phường|Thị trấn|Đặc khu)\s+/u, '');
}

/** The agency block of a unit's report: its People's Committee, or the organisation under its unit. */
export function agencyOf(
  unit: { name: string; kind: string },
  parent: { name: string; kind: string } | undefined,
): DocumentContext['agency'] {
  const committee = (u: { name: string }) =>
    `Ủy ban nhân dân ${u.name.replace(/^(\p{Lu})/u, (c) => c.toLowerCase())}`;
  if (unit.kind === 'pasc' || unit.kind === 'department')
    return parent ? { parent: committee(parent), name: unit.name } : { name: unit.name };
  return { name: committee(unit) };
}
