import type { CalendarYear, DayOff, MakeUpWorkingDay } from './calendar-year.ts';
import { addDays, dayNumber, isIsoDate, isWeekend, yearOf, type IsoDate } from './dates.ts';
import { invalid, success, yearMissing, type CalendarResult } from './result.ts';

/** The working calendar: weekends (Decision 188/1999/QĐ-TTg) plus the days off and make-up days per year. */
export interface Calendar {
  readonly years: ReadonlyMap<number, CalendarYear>;
  readonly daysOff: ReadonlyMap<IsoDate, DayOff>;
  readonly makeUpDays: ReadonlyMap<IsoDate, MakeUpWorkingDay>;
}

export type DayReason = 'weekday' | 'weekend' | 'day_off' | 'make_up';

export interface DayInfo {
  date: IsoDate;
  working: boolean;
  reason: DayReason;
  dayOff?: DayOff;
  makeUp?: MakeUpWorkingDay;
}

/**
 * Builds a calendar from stored years. One entry per year: when a year is listed twice the later one
 * wins, so `[...SHIPPED_CALENDAR_YEARS, ...editedYears]` gives the administrator's version. Validate each
 * year with `validateCalendarYear` before storing it.
 */
export function buildCalendar(years: readonly CalendarYear[]): Calendar {
  const byYear = new Map<number, CalendarYear>();
  for (const year of years) byYear.set(year.year, year);
  const daysOff = new Map<IsoDate, DayOff>();
  const makeUpDays = new Map<IsoDate, MakeUpWorkingDay>();
  for (const year of byYear.values()) {
    // An entry counts only in its own year, so a stray date cannot make a missing year look present.
    for (const day of year.daysOff) if (yearOf(day.date) === year.year) daysOff.set(day.date, day);
    for (const day of year.makeUpWorkingDays)
      if (yearOf(day.date) === year.year) makeUpDays.set(day.date, day);
  }
  return { years: byYear, daysOff, makeUpDays };
}

function checkDate(date: IsoDate, field: string): CalendarResult<IsoDate> {
  return isIsoDate(date)
    ? success(date)
    : invalid(field, `Ngày không hợp lệ: ${date}`, `Not a valid YYYY-MM-DD date: ${date}`);
}

/** Why a date is or is not a working day; an error when its year is not in the calendar. */
export function describeDay(calendar: Calendar, date: IsoDate): CalendarResult<DayInfo> {
  const checked = checkDate(date, 'date');
  if (!checked.ok) return checked;
  if (!calendar.years.has(yearOf(date))) return yearMissing(yearOf(date));
  const makeUp = calendar.makeUpDays.get(date);
  if (makeUp) return success({ date, working: true, reason: 'make_up', makeUp });
  const dayOff = calendar.daysOff.get(date);
  if (dayOff) return success({ date, working: false, reason: 'day_off', dayOff });
  return success(
    isWeekend(date)
      ? { date, working: false, reason: 'weekend' }
      : { date, working: true, reason: 'weekday' },
  );
}

export function isWorkingDay(calendar: Calendar, date: IsoDate): CalendarResult<boolean> {
  const info = describeDay(calendar, date);
  return info.ok ? success(info.value.working) : info;
}

function step(calendar: Calendar, date: IsoDate, direction: 1 | -1): CalendarResult<IsoDate> {
  const checked = checkDate(date, 'date');
  if (!checked.ok) return checked;
  let current = date;
  for (;;) {
    current = addDays(current, direction);
    const working = isWorkingDay(calendar, current);
    if (!working.ok) return working; // a missing year stops the walk: the loop always ends
    if (working.value) return success(current);
  }
}

/** The first working day strictly after `date`. */
export function nextWorkingDay(calendar: Calendar, date: IsoDate): CalendarResult<IsoDate> {
  return step(calendar, date, 1);
}

/** The last working day strictly before `date`. */
export function previousWorkingDay(calendar: Calendar, date: IsoDate): CalendarResult<IsoDate> {
  return step(calendar, date, -1);
}

/**
 * The `n`-th working day after `date` (n > 0), before it (n < 0), or `date` itself (n = 0). The day of
 * departure is day 0 and is not counted, as in Civil Code 2015 art. 147 cl. 1 (the first day of a period
 * is the day after the event — article from memory, UNCERTAIN for administrative procedures).
 */
export function addWorkingDays(calendar: Calendar, date: IsoDate, n: number): CalendarResult<IsoDate> {
  if (!Number.isInteger(n))
    return invalid('amount', 'Số ngày phải là số nguyên', 'The amount must be whole days');
  const checked = checkDate(date, 'date');
  if (!checked.ok) return checked;
  let current = date;
  for (let left = Math.abs(n); left > 0; left--) {
    const next = step(calendar, current, n > 0 ? 1 : -1);
    if (!next.ok) return next;
    current = next.value;
  }
  return success(current);
}

/**
 * Working days from `from` to `to`, half-open: for to ≥ from, the working days d with from < d ≤ to; for
 * to < from, minus the working days d with to ≤ d < from. So `workingDaysBetween(a, addWorkingDays(a, n))`
 * is `n` for every n.
 */
export function workingDaysBetween(calendar: Calendar, from: IsoDate, to: IsoDate): CalendarResult<number> {
  const a = checkDate(from, 'from');
  if (!a.ok) return a;
  const b = checkDate(to, 'to');
  if (!b.ok) return b;
  const forward = dayNumber(to) >= dayNumber(from);
  const [first, last] = forward ? [addDays(from, 1), to] : [to, addDays(from, -1)];
  let count = 0;
  for (let day = first; dayNumber(day) <= dayNumber(last); day = addDays(day, 1)) {
    const working = isWorkingDay(calendar, day);
    if (!working.ok) return working;
    if (working.value) count++;
  }
  return success(forward ? count : -count);
}
