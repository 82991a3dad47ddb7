import type { ProcedureTimeUnit } from '@motcua/contracts/procedures';
import { MESSAGES, type Lang, type Messages } from './portal.messages.ts';

/** Vietnam has kept UTC+7 all year since 1975: no daylight saving to look up. */
const VN_OFFSET_MS = 7 * 3600_000;
const pad = (n: number) => String(n).padStart(2, '0');

export function vnParts(at: Date) {
  const t = new Date(at.getTime() + VN_OFFSET_MS);
  return {
    year: t.getUTCFullYear(),
    month: t.getUTCMonth() + 1,
    day: t.getUTCDate(),
    weekday: t.getUTCDay(),
    hour: t.getUTCHours(),
    minute: t.getUTCMinutes(),
    second: t.getUTCSeconds(),
  };
}

/** "14:00 thứ Năm, 03/12/2026" / "14:00 Thursday, 03/12/2026", Vietnam time. */
export function formatMoment(at: Date, m: Messages): string {
  const p = vnParts(at);
  return `${pad(p.hour)}:${pad(p.minute)} ${m.weekdays[p.weekday]}, ${pad(p.day)}/${pad(p.month)}/${p.year}`;
}

/** "03/12/2026", Vietnam date. */
export function formatDay(at: Date): string {
  const p = vnParts(at);
  return `${pad(p.day)}/${pad(p.month)}/${p.year}`;
}

/** For `<time datetime>`: "2026-12-04T16:30:00+07:00". */
export function vnIso(at: Date): string {
  const p = vnParts(at);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}+07:00`;
}

const numberFormat: Record<Lang, Intl.NumberFormat> = {
  vi: new Intl.NumberFormat('vi-VN'),
  en: new Intl.NumberFormat('en-GB'),
};
export const formatNumber = (n: number, lang: Lang) => numberFormat[lang].format(n);

export interface TimeFacts {
  timeAmount: number | null;
  timeUnit: ProcedureTimeUnit | null;
  timeText: string;
}

/** The statutory time with its unit, and the published wording when it says more than the figure. */
export function timeLabel(p: TimeFacts, m: Messages, lang: Lang): { main: string; published?: string } {
  if (p.timeUnit === 'none' || p.timeAmount === null) {
    return {
      main: m.timeNotStated,
      ...(p.timeText !== 'Không có thông tin' ? { published: p.timeText } : {}),
    };
  }
  const amount = formatNumber(p.timeAmount, lang);
  if (p.timeUnit === null) return { main: m.timeUnitUnstated(amount) };
  const main = m.units[p.timeUnit](amount);
  // The seed writes a plain time as "3 ngày làm việc": such a text adds nothing to the figure.
  const plain = MESSAGES.vi.units[p.timeUnit](String(p.timeAmount));
  return p.timeText === plain ? { main } : { main, published: p.timeText };
}

export function feeLabel(p: { feeAmount: number | null; feeText: string }, m: Messages, lang: Lang): string {
  if (p.feeAmount === 0) return m.feeFree;
  if (p.feeAmount === null) return p.feeText === 'Không có thông tin' ? m.feeNotStated : p.feeText;
  return m.feePublished(formatNumber(p.feeAmount, lang), p.feeText);
}

/** A link inside the portal that keeps the language: `?lang=en` only when English. */
export function portalHref(
  path: string,
  lang: Lang,
  params: Record<string, string | number | undefined> = {},
): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') query.set(key, String(value));
  }
  if (lang === 'en') query.set('lang', 'en');
  const search = query.toString();
  return search ? `${path}?${search}` : path;
}
