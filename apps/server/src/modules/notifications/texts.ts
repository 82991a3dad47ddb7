import { vietnamParts } from '../documents/receipt-data.ts';

const pad = (n: number) => String(n).padStart(2, '0');

/** "17:00" and "30/11/2026" in Vietnam time, as the titles of notifications show them. */
export function clockAndDate(at: Date): { time: string; date: string } {
  const p = vietnamParts(at);
  return { time: `${pad(p.hour)}:${pad(p.minute)}`, date: `${pad(p.day)}/${pad(p.month)}/${p.year}` };
}

/** `2026-11-30` → `30/11/2026`. */
export const dayMonthYear = (isoDate: string): string => isoDate.split('-').reverse().join('/');
