import { isIsoDate } from '../../i18n/format.ts';

/**
 * The period a report page asks for, as the controls hold it: a kind, a year and a number (month 1–12,
 * quarter 1–4, half 1–2), or two dates for a custom range. The server reads the same keys (2024-Q4…).
 */
export const PERIOD_KINDS = ['month', 'quarter', 'half', 'nine_months', 'year', 'custom'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export interface PeriodChoice {
  kind: PeriodKind;
  year: number;
  /** Month, quarter or half; 1 for the kinds without a number. */
  number: number;
  /** Only for custom: ISO dates, inclusive. */
  from: string;
  to: string;
}

const COUNT: Record<PeriodKind, number> = {
  month: 12,
  quarter: 4,
  half: 2,
  nine_months: 0,
  year: 0,
  custom: 0,
};
/** Months in one period of the kind (the number's unit). */
const SPAN: Record<'month' | 'quarter' | 'half', number> = { month: 1, quarter: 3, half: 6 };

const pad = (n: number) => String(n).padStart(2, '0');

/** The numbers a kind offers: 1…12 months, 1…4 quarters, 1…2 halves; none for the others. */
export function periodNumbers(kind: PeriodKind): number[] {
  return Array.from({ length: COUNT[kind] }, (_, i) => i + 1);
}

/** The server's key: 2024-03, 2024-Q4, 2024-H1, 2024-9M, 2024; null for a custom range. */
export function periodKey(choice: PeriodChoice): string | null {
  const { kind, year, number } = choice;
  switch (kind) {
    case 'month':
      return `${year}-${pad(number)}`;
    case 'quarter':
      return `${year}-Q${number}`;
    case 'half':
      return `${year}-H${number}`;
    case 'nine_months':
      return `${year}-9M`;
    case 'year':
      return `${year}`;
    case 'custom':
      return null;
  }
}

/** First and last day of the period (ISO, inclusive). */
export function periodBounds(choice: PeriodChoice): { from: string; to: string } {
  const { kind, year, number } = choice;
  if (kind === 'custom') return { from: choice.from, to: choice.to };
  const [first, last] =
    kind === 'year'
      ? [1, 12]
      : kind === 'nine_months'
        ? [1, 9]
        : [(number - 1) * SPAN[kind] + 1, number * SPAN[kind]];
  const lastDay = new Date(Date.UTC(year, last, 0)).getUTCDate();
  return { from: `${year}-${pad(first)}-01`, to: `${year}-${pad(last)}-${pad(lastDay)}` };
}

export function isValidPeriod(choice: PeriodChoice): boolean {
  if (choice.kind === 'custom')
    return isIsoDate(choice.from) && isIsoDate(choice.to) && choice.from <= choice.to;
  const count = COUNT[choice.kind];
  return (
    Number.isInteger(choice.year) &&
    choice.year >= 2000 &&
    choice.year <= 2100 &&
    (count === 0 || (Number.isInteger(choice.number) && choice.number >= 1 && choice.number <= count))
  );
}

/** The month that stands for the period when the kind changes: its last one (custom: the month of `to`). */
function lastMonth(choice: PeriodChoice): { year: number; month: number } {
  if (choice.kind === 'custom') {
    const to = isIsoDate(choice.to) ? choice.to : choice.from;
    return { year: Number(to.slice(0, 4)), month: Number(to.slice(5, 7)) };
  }
  const to = periodBounds(choice).to;
  return { year: choice.year, month: Number(to.slice(5, 7)) };
}

/**
 * Another kind of period around the same time: the month of a quarter becomes its quarter, a quarter its
 * half…; custom starts from the dates of the period it replaces.
 */
export function changeKind(choice: PeriodChoice, kind: PeriodKind): PeriodChoice {
  if (kind === choice.kind) return choice;
  if (kind === 'custom') return { ...choice, kind, ...periodBounds(choice) };
  const last = lastMonth(choice);
  const month = Number.isFinite(last.month) ? last.month : 1;
  const number =
    kind === 'month' || kind === 'quarter' || kind === 'half' ? Math.ceil(month / SPAN[kind]) : 1;
  return { ...choice, kind, year: Number.isFinite(last.year) ? last.year : choice.year, number };
}

/** The period containing `today` (ISO), of the kind. */
export function currentPeriod(today: string, kind: Exclude<PeriodKind, 'custom'>): PeriodChoice {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const base: PeriodChoice = { kind: 'month', year, number: month, from: today, to: today };
  return changeKind(base, kind);
}

/** Reads `period=2024-Q4` or `from=…&to=…` from a query string; null when neither is there or readable. */
export function periodFromParams(params: URLSearchParams): PeriodChoice | null {
  const text = params.get('period');
  if (text !== null) {
    const match = /^(\d{4})(?:-(Q[1-4]|H[12]|6M|9M|0[1-9]|1[0-2]))?$/.exec(text.trim().toUpperCase());
    if (!match) return null;
    const year = Number(match[1]);
    const part = match[2];
    const base = { year, from: '', to: '' };
    const choice: PeriodChoice =
      part === undefined
        ? { ...base, kind: 'year', number: 1 }
        : part.startsWith('Q')
          ? { ...base, kind: 'quarter', number: Number(part.slice(1)) }
          : part === 'H1' || part === '6M'
            ? { ...base, kind: 'half', number: 1 }
            : part === 'H2'
              ? { ...base, kind: 'half', number: 2 }
              : part === '9M'
                ? { ...base, kind: 'nine_months', number: 1 }
                : { ...base, kind: 'month', number: Number(part) };
    return isValidPeriod(choice) ? choice : null;
  }
  const from = params.get('from');
  const to = params.get('to');
  if (from === null || to === null) return null;
  const year = Number(to.slice(0, 4));
  const choice: PeriodChoice = { kind: 'custom', year, number: 1, from, to };
  return isValidPeriod(choice) ? choice : null;
}

/** The query parameters of the period: `period` or `from` and `to`. */
export function periodParams(choice: PeriodChoice): Record<string, string> {
  const key = periodKey(choice);
  return key === null ? { from: choice.from, to: choice.to } : { period: key };
}
