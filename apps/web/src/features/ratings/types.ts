import type {
  FeedbackItem,
  FeedbackList,
  Indicator54Report,
  SatisfactionReport,
} from '@motcua/contracts/ratings';
import type { Language } from '../../i18n/i18n.tsx';

export type { FeedbackItem, FeedbackList, Indicator54Report, SatisfactionReport };
export type FeedbackStatus = FeedbackItem['status'];

/** The roles that read the satisfaction figures of a unit, and the one that answers its feedback. */
export const REPORT_ROLES: ReadonlySet<string> = new Set(['leader', 'ioc_operator']);
export const ANSWER_ROLE = 'leader';

const LOCALE: Record<Language, string> = { vi: 'vi-VN', en: 'en-GB' };

/** A share 0..1 (four decimals from the server) as a percentage with up to two decimals; a dash without data. */
export function formatShare(rate: number | null, lang: Language): string {
  if (rate === null) return '–';
  return `${(Math.round(rate * 10_000) / 100).toLocaleString(LOCALE[lang], { maximumFractionDigits: 2 })} %`;
}

/** A percentage 0..100 as the server computed it (two decimals). */
export function formatPercent(percent: number | null, lang: Language): string {
  if (percent === null) return '–';
  return `${percent.toLocaleString(LOCALE[lang], { maximumFractionDigits: 2 })} %`;
}

export function formatNumber(n: number, lang: Language): string {
  return n.toLocaleString(LOCALE[lang], { maximumFractionDigits: 2 });
}
