import type { Language } from '../../i18n/i18n.tsx';

/** Figures as Vietnamese statistics print them: 302.048, 99,18 % (English: 302,048, 99.18 %). */
const LOCALE: Record<Language, string> = { vi: 'vi-VN', en: 'en-GB' };

export function formatCount(n: number, lang: Language): string {
  return n.toLocaleString(LOCALE[lang], { maximumFractionDigits: 0 });
}

/** A percent 0..100 as the server rounds it (two decimals), a dash when there is nothing to divide by. */
export function formatPercent(percent: number | null, lang: Language): string {
  if (percent === null) return '–';
  return `${percent.toLocaleString(LOCALE[lang], { maximumFractionDigits: 2 })} %`;
}

/** Points out of a maximum, e.g. 17,5/20. */
export function formatPoints(points: number, max: number, lang: Language): string {
  return `${formatDecimal(points, lang)}/${formatDecimal(max, lang)}`;
}

export function formatDecimal(value: number | null, lang: Language): string {
  if (value === null) return '–';
  return value.toLocaleString(LOCALE[lang], { maximumFractionDigits: 2 });
}

/** Dates of a period as the page writes them (dd/mm/yyyy). */
export function formatDay(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

const DAY_MS = 86_400_000;
const VN_OFFSET_MS = 7 * 3_600_000;

/**
 * When the figures were taken: a past period is measured at its end (the server's reference is midnight after
 * its last day, Vietnam time), which reads better as "the end of 31/12/2024" than as "01/01/2025 00:00".
 */
export function asOfMoment(asOf: string, periodTo: string): { kind: 'end'; day: string } | { kind: 'at' } {
  const end = Date.parse(`${periodTo}T00:00:00Z`) + DAY_MS - VN_OFFSET_MS;
  return Date.parse(asOf) === end ? { kind: 'end', day: formatDay(periodTo) } : { kind: 'at' };
}
