/**
 * One report table as the agencies file it: the agency and national-motto blocks, a title, the period, the
 * table (grouped headers, a total row), notes and the signatures. The writers (xlsx.ts, csv.ts) take this.
 */
import { MONTHS_EN } from '@motcua/domain/reports/periods';

export type ReportLang = 'vi' | 'en';
export type ColumnKind = 'text' | 'integer' | 'percent' | 'decimal';
export type ReportValue = string | number | null;

export interface ReportColumn {
  key: string;
  header: string;
  /** A merged header cell above consecutive columns with the same group. */
  group?: string;
  kind: ColumnKind;
  /** In Excel character widths. */
  width?: number;
  /** Text is left-aligned and figures right-aligned unless said otherwise (e.g. a centred "STT"). */
  align?: 'left' | 'center' | 'right';
}

export interface ReportSigner {
  title: string;
  name?: string;
}

export interface ReportDocument {
  lang: ReportLang;
  /** Cơ quan chủ quản (parent) and the unit issuing the report. */
  agency: { parent?: string; name: string };
  title: string;
  subtitle?: string;
  periodLabel: string;
  place: string;
  /** YYYY-MM-DD */
  issuedOn: string;
  columns: ReportColumn[];
  rows: Record<string, ReportValue>[];
  total?: Record<string, ReportValue>;
  notes?: string[];
  signers: { left?: ReportSigner; right: ReportSigner };
}

export class ReportDocumentError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid report document: ${problems.join('; ')}`);
    this.name = 'ReportDocumentError';
  }
}

function valueProblem(column: ReportColumn, value: ReportValue): string | undefined {
  if (value === null) return undefined;
  if (column.kind === 'text') return typeof value === 'string' ? undefined : 'is not a string';
  if (typeof value !== 'number' || !Number.isFinite(value)) return 'is not a finite number';
  if (column.kind === 'integer' && !Number.isInteger(value)) return 'is not an integer';
  // A percent is stored as the fraction, so a rate of 99.18% is 0.9918; 99.18 would print as 9918%.
  if (column.kind === 'percent' && (value < 0 || value > 1)) return 'is not a fraction between 0 and 1';
  return undefined;
}

/** Every problem with the document: unknown or duplicate keys, values of the wrong kind, a bad date. */
export function documentProblems(doc: ReportDocument): string[] {
  const problems: string[] = [];
  if (doc.columns.length === 0) problems.push('no columns');
  const byKey = new Map<string, ReportColumn>();
  for (const column of doc.columns) {
    if (byKey.has(column.key)) problems.push(`column "${column.key}" appears twice`);
    byKey.set(column.key, column);
    if (column.width !== undefined && !(column.width > 0)) problems.push(`column "${column.key}": bad width`);
  }
  const seenGroups = new Set<string>();
  doc.columns.forEach((column, i) => {
    const group = column.group;
    if (group === undefined || doc.columns[i - 1]?.group === group) return;
    // A group split by another column would need two merged cells with the same text: almost surely a mistake.
    if (seenGroups.has(group)) problems.push(`group "${group}" is not on consecutive columns`);
    seenGroups.add(group);
  });
  const check = (where: string, row: Record<string, ReportValue>) => {
    for (const [key, value] of Object.entries(row)) {
      const column = byKey.get(key);
      if (!column) {
        problems.push(`${where}: "${key}" is not a column`);
        continue;
      }
      const problem = valueProblem(column, value);
      if (problem) problems.push(`${where}: "${key}" (${column.kind}) ${problem}: ${JSON.stringify(value)}`);
    }
  };
  doc.rows.forEach((row, i) => check(`row ${i + 1}`, row));
  if (doc.total) check('total', doc.total);
  if (!parseDay(doc.issuedOn)) problems.push(`issuedOn "${doc.issuedOn}" is not a date YYYY-MM-DD`);
  return problems;
}

export function assertValidDocument(doc: ReportDocument): void {
  const problems = documentProblems(doc);
  if (problems.length > 0) throw new ReportDocumentError(problems);
}

function parseDay(day: string): { year: number; month: number; day: number } | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return undefined;
  const [year, month, date] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const check = new Date(Date.UTC(year, month - 1, date));
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== date) return undefined;
  return { year, month, day: date };
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * "Lâm Hà, ngày 05 tháng 02 năm 2025" — days below 10 and months 1–2 take a leading zero (Decree 30/2020,
 * so that nobody can add a digit); "Lâm Hà, 05 February 2025" in English.
 */
export function placeAndDate(lang: ReportLang, place: string, issuedOn: string): string {
  const d = parseDay(issuedOn);
  if (!d) throw new ReportDocumentError([`issuedOn "${issuedOn}" is not a date YYYY-MM-DD`]);
  if (lang === 'en') return `${place}, ${pad(d.day)} ${MONTHS_EN[d.month - 1]} ${d.year}`;
  const month = d.month <= 2 ? pad(d.month) : String(d.month);
  return `${place}, ngày ${pad(d.day)} tháng ${month} năm ${d.year}`;
}

export const FIXED_TEXTS = {
  vi: {
    nation: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    motto: 'Độc lập - Tự do - Hạnh phúc',
    signHint: '(Ký, ghi rõ họ tên, đóng dấu)',
    // The preparer of the table signs without the seal, which belongs to the head of the agency.
    preparerHint: '(Ký, ghi rõ họ tên)',
  },
  en: {
    nation: 'SOCIALIST REPUBLIC OF VIET NAM',
    motto: 'Independence - Freedom - Happiness',
    signHint: '(Signature, full name, seal)',
    preparerHint: '(Signature, full name)',
  },
} as const;

/** Runs of consecutive columns under one header group (or none), by position. */
export function headerGroups(columns: ReportColumn[]): { group?: string; from: number; to: number }[] {
  const runs: { group?: string; from: number; to: number }[] = [];
  columns.forEach((column, i) => {
    const last = runs[runs.length - 1];
    if (last && column.group !== undefined && last.group === column.group) last.to = i;
    else runs.push(column.group === undefined ? { from: i, to: i } : { group: column.group, from: i, to: i });
  });
  return runs;
}
