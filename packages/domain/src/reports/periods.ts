import { addDays, dayNumber, VN_OFFSET_MS, type IsoDate } from '../calendar/dates.ts';

/**
 * Reporting periods (vn-rules.md §2.2): month, quarter, 6 months, 9 months, year — the periods DVCQG's 766
 * dashboards and the provinces' statistics use — and any custom range of days. Dates are Vietnam dates; a
 * period is the half-open range of instants [from 00:00, day after `to` 00:00) in Vietnam time. Pure.
 */
export type PeriodKind = 'month' | 'quarter' | 'half' | 'nine_months' | 'year' | 'custom';

export interface Period {
  kind: PeriodKind;
  /** Canonical text: `2024`, `2024-Q4`, `2024-H1`, `2024-9M`, `2024-03`, or `2024-01-05..2024-02-10`. */
  key: string;
  /** First and last day, inclusive. */
  from: IsoDate;
  to: IsoDate;
  label: { vi: string; en: string };
}

const ROMAN = ['I', 'II', 'III', 'IV'];
export const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** Custom ranges up to this many days (a leader comparing several years asks for them one by one). */
export const MAX_CUSTOM_DAYS = 5 * 366;

const pad = (n: number) => String(n).padStart(2, '0');
const lastDayOfMonth = (year: number, month: number): IsoDate =>
  addDays(`${month === 12 ? year + 1 : year}-${pad(month === 12 ? 1 : month + 1)}-01`, -1);
/** `DD/MM/YYYY`, the way Vietnamese documents write a date. */
export const viDate = (date: IsoDate) => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;

function months(year: number, first: number, last: number) {
  return { from: `${year}-${pad(first)}-01`, to: lastDayOfMonth(year, last) };
}

/** Why a period text or range was refused, in both languages. */
export interface PeriodProblem {
  vi: string;
  en: string;
}

export type PeriodResult = { ok: true; period: Period } | { ok: false; problem: PeriodProblem };

const bad = (vi: string, en: string): PeriodResult => ({ ok: false, problem: { vi, en } });

/**
 * Reads `2024` (year), `2024-Q1`…`Q4`, `2024-H1` / `2024-6M` (first six months), `2024-H2`, `2024-9M`,
 * `2024-03` (month). Years 2000–2100.
 */
export function parsePeriod(text: string): PeriodResult {
  const match = /^(\d{4})(?:-(Q[1-4]|H[12]|6M|9M|0[1-9]|1[0-2]))?$/.exec(text.trim().toUpperCase());
  const year = match ? Number(match[1]) : Number.NaN;
  if (!match || year < 2000 || year > 2100)
    return bad(
      'Kỳ báo cáo viết dạng 2024, 2024-Q4, 2024-H1, 2024-9M hoặc 2024-03 (năm 2000–2100)',
      'A period is written 2024, 2024-Q4, 2024-H1, 2024-9M or 2024-03 (years 2000–2100)',
    );
  const part = match[2];
  if (part === undefined) return ok('year', `${year}`, months(year, 1, 12), `Năm ${year}`, `Year ${year}`);
  if (part.startsWith('Q')) {
    const q = Number(part.slice(1));
    return ok(
      'quarter',
      `${year}-Q${q}`,
      months(year, q * 3 - 2, q * 3),
      `Quý ${ROMAN[q - 1]} năm ${year}`,
      `Q${q} ${year}`,
    );
  }
  if (part === 'H1' || part === '6M')
    return ok('half', `${year}-H1`, months(year, 1, 6), `6 tháng đầu năm ${year}`, `First half of ${year}`);
  if (part === 'H2')
    return ok(
      'half',
      `${year}-H2`,
      months(year, 7, 12),
      `6 tháng cuối năm ${year}`,
      `Second half of ${year}`,
    );
  if (part === '9M')
    return ok(
      'nine_months',
      `${year}-9M`,
      months(year, 1, 9),
      `9 tháng năm ${year}`,
      `First nine months of ${year}`,
    );
  const month = Number(part);
  return ok(
    'month',
    `${year}-${part}`,
    months(year, month, month),
    `Tháng ${month} năm ${year}`,
    `${MONTHS_EN[month - 1]} ${year}`,
  );
}

/** A custom range of whole days, `from` ≤ `to`, at most {@link MAX_CUSTOM_DAYS} days. */
export function customPeriod(from: IsoDate, to: IsoDate): PeriodResult {
  const first = dayNumber(from);
  const last = dayNumber(to);
  if (Number.isNaN(first) || Number.isNaN(last))
    return bad('Ngày viết dạng YYYY-MM-DD', 'Dates are written YYYY-MM-DD');
  if (last < first)
    return bad('Ngày kết thúc không được trước ngày bắt đầu', 'The last day cannot be before the first');
  if (last - first + 1 > MAX_CUSTOM_DAYS)
    return bad(
      `Kỳ báo cáo dài nhất ${MAX_CUSTOM_DAYS} ngày`,
      `A period is at most ${MAX_CUSTOM_DAYS} days long`,
    );
  return ok(
    'custom',
    `${from}..${to}`,
    { from, to },
    `Từ ngày ${viDate(from)} đến ngày ${viDate(to)}`,
    `From ${from} to ${to}`,
  );
}

function ok(
  kind: PeriodKind,
  key: string,
  range: { from: IsoDate; to: IsoDate },
  vi: string,
  en: string,
): PeriodResult {
  return { ok: true, period: { kind, key, ...range, label: { vi, en } } };
}

/** The period's instants: [first day 00:00, the day after the last 00:00), Vietnam time. */
export function periodInstants(period: Pick<Period, 'from' | 'to'>): { from: Date; to: Date } {
  const midnight = (date: IsoDate) => new Date(dayNumber(date) * 86_400_000 - VN_OFFSET_MS);
  return { from: midnight(period.from), to: midnight(addDays(period.to, 1)) };
}

/** The full label as reports print it: "Quý IV năm 2024 (từ ngày 01/10/2024 đến ngày 31/12/2024)". */
export function periodTitle(period: Period, lang: 'vi' | 'en'): string {
  if (period.kind === 'custom') return period.label[lang];
  return lang === 'vi'
    ? `${period.label.vi} (từ ngày ${viDate(period.from)} đến ngày ${viDate(period.to)})`
    : `${period.label.en} (${period.from} to ${period.to})`;
}

/** The quarters of a year, for an index table over a year. */
export function quartersOf(year: number): Period[] {
  return [1, 2, 3, 4].map((q) => (parsePeriod(`${year}-Q${q}`) as { period: Period }).period);
}
