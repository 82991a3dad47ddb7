/**
 * Dates and instants in Vietnam time. Vietnam keeps UTC+07:00 all year (no daylight saving), so a fixed
 * offset converts an instant to the local date and clock exactly; no time-zone database is needed.
 */

/** A calendar date in Vietnam, `YYYY-MM-DD`. */
export type IsoDate = string;

/** A point in time: a `Date` or an ISO 8601 string with an offset (`2025-04-14T17:00:00+07:00`). */
export type Instant = Date | string;

export const VN_OFFSET_MS = 7 * 3_600_000;
export const DAY_MS = 86_400_000;
export const MINUTE_MS = 60_000;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01, or NaN when the text is not a real date. */
export function dayNumber(date: IsoDate): number {
  const match = ISO_DATE.exec(date);
  if (!match) return Number.NaN;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(y, m - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d)
    return Number.NaN;
  return ms / DAY_MS;
}

export function isIsoDate(value: string): boolean {
  return !Number.isNaN(dayNumber(value));
}

export function fromDayNumber(day: number): IsoDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(dayNumber(date) + days);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: IsoDate): number {
  return new Date(dayNumber(date) * DAY_MS).getUTCDay();
}

// Decision 188/1999/QĐ-TTg: state agencies work 40 hours in 5 days, Saturday and Sunday off.
export function isWeekend(date: IsoDate): boolean {
  const day = weekday(date);
  return day === 0 || day === 6;
}

export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

/** Milliseconds since the epoch, or NaN when the instant cannot be read. */
export function toEpochMs(instant: Instant): number {
  if (instant instanceof Date) return instant.getTime();
  // Only full timestamps with an explicit offset: a bare local time would depend on the server's zone.
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(instant)) return Number.NaN;
  return Date.parse(instant);
}

/** The Vietnam date of an instant given in epoch milliseconds. */
export function vnDateOf(ms: number): IsoDate {
  return fromDayNumber(Math.floor((ms + VN_OFFSET_MS) / DAY_MS));
}

/** Milliseconds since Vietnam midnight. */
export function vnTimeOfDay(ms: number): number {
  const local = ms + VN_OFFSET_MS;
  return local - Math.floor(local / DAY_MS) * DAY_MS;
}

/** The instant at `timeOfDayMs` after Vietnam midnight of `date`. */
export function vnInstant(date: IsoDate, timeOfDayMs: number): number {
  return dayNumber(date) * DAY_MS - VN_OFFSET_MS + timeOfDayMs;
}

/** `2025-04-14T17:00:00+07:00` (milliseconds only when there are some). */
export function formatVnInstant(ms: number): string {
  const local = new Date(ms + VN_OFFSET_MS).toISOString(); // …Z, but the clock is Vietnam's
  const millis = local.slice(19, 23);
  return `${local.slice(0, 19)}${millis === '.000' ? '' : millis}+07:00`;
}

/** Minutes after midnight of a `HH:MM` clock time, or undefined. */
export function parseClock(value: string): number | undefined {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(value);
  return match ? Number(match[1]) * 60 + Number(match[2]) : undefined;
}
