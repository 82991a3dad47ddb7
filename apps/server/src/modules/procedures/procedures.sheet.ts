import type {
  ProcedureChannel,
  DocumentCopyType,
  OnlineLevel,
  ProcedureCreateBody,
  ProcedureLevel,
  ProcedureTimeUnit,
} from '@motcua/contracts/procedures';
import { text, type Text } from '@motcua/domain/errors';
import type { ContentField, ProcedureContent } from './procedures.rules.ts';

/**
 * The catalogue as a spreadsheet: one row per procedure, Vietnamese headers and labels, the same columns in
 * CSV and XLSX. Every value the database holds has a cell, so export → import finds nothing changed.
 */
export type ColumnKey = 'code' | ContentField;
export type Cell = string | number | Date | null;

export interface Column {
  key: ColumnKey;
  header: string;
  width: number;
}

export const COLUMNS: readonly Column[] = [
  { key: 'code', header: 'Mã TTHC', width: 11 },
  { key: 'name', header: 'Tên thủ tục', width: 60 },
  { key: 'nameEn', header: 'Tên tiếng Anh', width: 30 },
  { key: 'field', header: 'Lĩnh vực', width: 18 },
  { key: 'levels', header: 'Cấp thực hiện', width: 16 },
  { key: 'decidingAgency', header: 'Cơ quan có thẩm quyền quyết định', width: 28 },
  { key: 'timeAmount', header: 'Thời hạn giải quyết', width: 11 },
  { key: 'timeUnit', header: 'Đơn vị thời hạn', width: 15 },
  { key: 'timeText', header: 'Thời hạn (nguyên văn)', width: 26 },
  { key: 'cutoffHour', header: 'Giờ chốt nhận trong ngày', width: 12 },
  { key: 'feeAmount', header: 'Phí, lệ phí (đồng)', width: 13 },
  { key: 'feeText', header: 'Phí, lệ phí (nguyên văn)', width: 32 },
  { key: 'documents', header: 'Thành phần hồ sơ', width: 70 },
  { key: 'documentsSource', header: 'Nguồn thành phần hồ sơ', width: 28 },
  { key: 'resultType', header: 'Kết quả thực hiện', width: 24 },
  { key: 'onlineLevel', header: 'Mức độ dịch vụ công trực tuyến', width: 14 },
  { key: 'channels', header: 'Cách thức thực hiện', width: 28 },
  { key: 'serviceSource', header: 'Nguồn mức độ và cách thức', width: 28 },
  { key: 'legalBasis', header: 'Quyết định công bố', width: 20 },
  { key: 'effectiveFrom', header: 'Hiệu lực từ ngày', width: 12 },
  { key: 'effectiveTo', header: 'Hiệu lực đến ngày', width: 12 },
  { key: 'source', header: 'Nguồn dữ liệu', width: 50 },
];

export const headerOf = (key: ColumnKey): string => COLUMNS.find((c) => c.key === key)!.header;

const LEVELS: Record<ProcedureLevel, string> = {
  province: 'tỉnh',
  district: 'huyện',
  commune: 'xã',
  ministry: 'bộ',
  other: 'cơ quan khác',
};
const UNITS: Record<ProcedureTimeUnit, string> = {
  working_days: 'ngày làm việc',
  days: 'ngày',
  working_hours: 'giờ làm việc',
  hours: 'giờ',
  months: 'tháng',
  none: 'không quy định',
};
const ONLINE: Record<OnlineLevel, string> = { none: 'không', partial: 'một phần', full: 'toàn trình' };
const CHANNEL_LABELS: Record<ProcedureChannel, string> = {
  counter: 'trực tiếp',
  online: 'trực tuyến',
  postal: 'bưu chính',
};
const COPIES: Record<DocumentCopyType, string> = {
  original: 'bản chính',
  certified_copy: 'bản sao có chứng thực',
  photocopy: 'bản chụp',
};

/** Reads a label (or the code itself): case, spacing and a leading "cấp" do not matter. */
function lookup<K extends string>(labels: Record<K, string>, value: string, aliases: Record<string, K> = {}) {
  const wanted = value.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').replace(/^cấp /, '').trim();
  const entries = Object.entries(labels) as [K, string][];
  return entries.find(([key, label]) => label === wanted || key === wanted)?.[0] ?? aliases[wanted];
}

export function documentLine(d: ProcedureContent['documents'][number]): string {
  return `${d.name} [${COPIES[d.copyType]} × ${d.quantity}]${d.note ? ` — ${d.note}` : ''}`;
}
const DOCUMENT_LINE = /^(.+?)\s*\[\s*(.+?)\s*[×xX*]\s*(\d+)\s*\](?:\s*[—–-]\s*(.*))?$/u;

export function toCells(row: { code: string } & ProcedureContent): Cell[] {
  const cells: Record<ColumnKey, Cell> = {
    ...row,
    levels: row.levels.map((l) => LEVELS[l]).join(', '),
    timeUnit: row.timeUnit === null ? null : UNITS[row.timeUnit],
    documents: row.documents.map(documentLine).join('\n') || null,
    onlineLevel: ONLINE[row.onlineLevel],
    channels: row.channels.map((c) => CHANNEL_LABELS[c]).join(', '),
  };
  return COLUMNS.map((c) => cells[c.key]);
}

export interface CellError {
  column: ColumnKey;
  message: Text;
}

const REQUIRED: readonly ColumnKey[] = [
  'code',
  'name',
  'field',
  'levels',
  'timeText',
  'feeText',
  'onlineLevel',
  'channels',
  'legalBasis',
  'source',
];

function cellText(cell: Cell): string | null {
  if (cell === null) return null;
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  const value = String(cell).normalize('NFC').trim();
  return value === '' ? null : value;
}

/**
 * One spreadsheet row as a create body (schema and rules are checked afterwards, by the same code as the API),
 * with the errors of cells that cannot even be read.
 */
export function fromCells(get: (key: ColumnKey) => Cell): { body: ProcedureCreateBody; errors: CellError[] } {
  const errors: CellError[] = [];
  const bad = (column: ColumnKey, vi: string, en: string) => errors.push({ column, message: text(vi, en) });
  const str = (key: ColumnKey) => cellText(get(key));
  for (const key of REQUIRED) if (str(key) === null) bad(key, 'bắt buộc nhập', 'is required');

  const list = <K extends string>(key: ColumnKey, labels: Record<K, string>, aliases?: Record<string, K>) =>
    (str(key) ?? '')
      .split(/[,;\n]/)
      .map((part) => part.trim())
      .filter((part) => part !== '')
      .flatMap((part) => {
        const found = lookup(labels, part, aliases);
        if (found === undefined) bad(key, `không hiểu “${part}”`, `cannot read "${part}"`);
        return found === undefined ? [] : [found];
      });

  const number = (key: ColumnKey, pattern: RegExp, clean: (v: string) => string) => {
    const raw = get(key);
    if (typeof raw === 'number') return raw;
    const value = str(key);
    if (value === null) return null;
    if (!pattern.test(value)) {
      bad(key, `“${value}” không phải là số`, `"${value}" is not a number`);
      return null;
    }
    return Number(clean(value));
  };

  const date = (key: ColumnKey) => {
    const value = str(key);
    if (value === null) return null;
    const vn = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
    if (vn) return `${vn[3]}-${vn[2]!.padStart(2, '0')}-${vn[1]!.padStart(2, '0')}`;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value))
      bad(key, 'ngày phải có dạng YYYY-MM-DD hoặc dd/mm/yyyy', 'a date is YYYY-MM-DD or dd/mm/yyyy');
    return value;
  };

  const unitText = str('timeUnit');
  const timeUnit = unitText === null ? null : lookup(UNITS, unitText, { không: 'none' });
  if (unitText !== null && timeUnit === undefined)
    bad('timeUnit', `không hiểu “${unitText}”`, `cannot read "${unitText}"`);
  const onlineText = str('onlineLevel');
  const onlineLevel = onlineText === null ? 'none' : lookup(ONLINE, onlineText);
  if (onlineLevel === undefined)
    bad('onlineLevel', `không hiểu “${onlineText}”`, `cannot read "${onlineText}"`);

  const documents = (str('documents') ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .flatMap((line, index) => {
      const match = DOCUMENT_LINE.exec(line);
      const copyType = match ? lookup(COPIES, match[2]!) : undefined;
      if (!match || copyType === undefined) {
        bad(
          'documents',
          `dòng ${index + 1} phải có dạng “Tên giấy tờ [bản chính × 1] — ghi chú”`,
          `line ${index + 1} must read "Name [bản chính × 1] — note"`,
        );
        return [];
      }
      return [{ name: match[1]!, copyType, quantity: Number(match[3]), note: match[4]?.trim() || null }];
    });

  const cutoffText = str('cutoffHour');
  const cutoff = /^(\d{1,2})(?:\s*(?:h|giờ|:00))?$/.exec(cutoffText ?? '');
  if (cutoffText !== null && !cutoff && typeof get('cutoffHour') !== 'number')
    bad('cutoffHour', `“${cutoffText}” không phải là giờ (0–23)`, `"${cutoffText}" is not an hour (0–23)`);

  const body: ProcedureCreateBody = {
    // A spreadsheet may have turned 1.000690 into the number 1.00069: codes have six decimals.
    code: typeof get('code') === 'number' ? (get('code') as number).toFixed(6) : (str('code') ?? ''),
    name: str('name') ?? '',
    nameEn: str('nameEn'),
    field: str('field') ?? '',
    levels: list('levels', LEVELS, { 'cq khác': 'other' }),
    decidingAgency: str('decidingAgency'),
    timeAmount: number('timeAmount', /^\d+([.,]\d+)?$/, (v) => v.replace(',', '.')),
    timeUnit: timeUnit ?? null,
    timeText: str('timeText') ?? '',
    cutoffHour:
      typeof get('cutoffHour') === 'number'
        ? (get('cutoffHour') as number)
        : cutoff
          ? Number(cutoff[1])
          : null,
    feeAmount: number('feeAmount', /^\d{1,3}([.,\s]?\d{3})*$/, (v) => v.replace(/[.,\s]/g, '')),
    feeText: str('feeText') ?? '',
    documents,
    documentsSource: str('documentsSource'),
    resultType: str('resultType'),
    onlineLevel: onlineLevel ?? 'none',
    channels: list('channels', CHANNEL_LABELS, { 'bưu chính công ích': 'postal' }),
    serviceSource: str('serviceSource'),
    legalBasis: str('legalBasis') ?? '',
    effectiveFrom: date('effectiveFrom'),
    effectiveTo: date('effectiveTo'),
    source: str('source') ?? '',
  };
  return { body, errors };
}
