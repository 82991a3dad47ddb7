import { isWorkingDay, type Calendar } from '@motcua/domain/calendar/calendar';
import { addDays, dayNumber, fromDayNumber, vnInstant, type IsoDate } from '@motcua/domain/calendar/dates';
import { DEFAULT_OFFICE_HOURS, sessionsMs } from '@motcua/domain/calendar/office-hours';

/**
 * A seeded PRNG (mulberry32 over a splitmix-scrambled seed): the same seed gives the same history on every
 * machine, unlike Math.random.
 */
export function prng(seed: number): () => number {
  let s = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export const randInt = (rand: () => number, min: number, max: number) =>
  min + Math.floor(rand() * (max - min + 1));

/** Exactly `k` distinct items of `pool`, uniformly (partial Fisher–Yates on a copy). */
export function pick<T>(rand: () => number, pool: readonly T[], k: number): T[] {
  if (k > pool.length) throw new Error(`history: cannot pick ${k} of ${pool.length}`);
  const a = [...pool];
  for (let i = 0; i < k; i += 1) {
    const j = i + Math.floor(rand() * (a.length - i));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a.slice(0, k);
}

/**
 * The office clock: a position counts working minutes from the first working day, so any position is a
 * moment at the counter (working day, office hours) and adding minutes never lands on a night or a holiday.
 * Position d·W + m (0 < m ≤ W) is minute m of working day d; d·W + W is its closing time.
 */
export interface WorkClock {
  /** Working minutes per day. */
  W: number;
  days: readonly IsoDate[];
  /** Index of the first working day on or after the date. */
  dayOnOrAfter(date: IsoDate): number;
  ms(position: number): number;
  /** Position of the start of the date (the closing time of the working day before it). */
  startOf(date: IsoDate): number;
}

export function workClock(calendar: Calendar, from: IsoDate, to: IsoDate): WorkClock {
  const sessions = sessionsMs(DEFAULT_OFFICE_HOURS);
  if (!sessions.ok) throw new Error('history: invalid default office hours');
  const spans = sessions.value.map(([a, b]) => [a / 60_000, b / 60_000] as const);
  const W = spans.reduce((sum, [a, b]) => sum + b - a, 0);
  const days: IsoDate[] = [];
  const first = dayNumber(from);
  const onOrAfter: number[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) {
    onOrAfter.push(days.length);
    const working = isWorkingDay(calendar, date);
    if (!working.ok) throw new Error(`history: no calendar for ${date}`);
    if (working.value) days.push(date);
  }
  const minuteOf = (m: number) => {
    let rest = m;
    for (const [a, b] of spans) {
      if (rest <= b - a) return a + rest;
      rest -= b - a;
    }
    return spans.at(-1)![1];
  };
  const starts = days.map((day) => vnInstant(day, 0));
  return {
    W,
    days,
    dayOnOrAfter: (date) => onOrAfter[dayNumber(date) - first] ?? days.length,
    ms(position) {
      const d = Math.ceil(position / W) - 1;
      const start = starts[d];
      if (start === undefined) throw new Error(`history: position ${position} outside the calendar`);
      return start + minuteOf(position - d * W) * 60_000;
    },
    startOf: (date) => (onOrAfter[dayNumber(date) - first] ?? days.length) * W,
  };
}

export const isoOf = (ms: number) => new Date(ms).toISOString();
export const dateOf = (day: number) => fromDayNumber(day);
