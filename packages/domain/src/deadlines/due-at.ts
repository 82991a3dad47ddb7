import { addWorkingDays, isWorkingDay, nextWorkingDay, type Calendar } from '../calendar/calendar.ts';
import {
  MINUTE_MS,
  addDays,
  formatVnInstant,
  parseClock,
  toEpochMs,
  vnDateOf,
  vnInstant,
  vnTimeOfDay,
  type Instant,
  type IsoDate,
} from '../calendar/dates.ts';
import { addWorkingTime, closingInstant, type OfficeHours } from '../calendar/office-hours.ts';
import { invalid, success, type CalendarResult } from '../calendar/result.ts';

/** The unit of a procedure's legal time limit (DVCQG `DonViTinh`, vn-rules.md §1.6). */
export type DeadlineUnit = 'working_days' | 'days' | 'working_hours';

export interface DueAtOptions {
  /**
   * Receipt after closing time or on a day off counts as receipt on the next working day. UNCERTAIN for
   * procedures in general (vn-rules.md §1.6: VERIFIED only for the State Treasury, Circular 87/2021/TT-BTC);
   * default true. Receipt before opening or in the lunch break counts as that same day either way.
   */
  outsideHoursCountsNextWorkingDay?: boolean;
  /**
   * A calendar-day limit ending on a day off moves to the next working day. No TTHC text found (UNCERTAIN);
   * default true, the common practice and the Civil Code 2015 art. 148 cl. 5 rule (from memory).
   */
  rollCalendarDaysToWorkingDay?: boolean;
}

export interface DueAtInput extends DueAtOptions {
  receivedAt: Instant;
  /** Whole days for `working_days` and `days`; hours (fractions allowed) for `working_hours`. */
  amount: number;
  unit: DeadlineUnit;
  /**
   * Procedure cut-off (`15` or `'15:00'`): received after it, the file counts as received the next working
   * day (e.g. certified copies, Decree 23/2015 art. 21 — vn-rules.md §1.6, VERIFIED-2nd [S39]). Exactly at
   * the cut-off is not after it.
   */
  cutoffHour?: number | string;
  calendar: Calendar;
  officeHours: OfficeHours;
}

export interface DueAt {
  /** Due instant, Vietnam time: the end of office hours on the due day for day units. */
  dueAt: string;
  /** The appointment date printed on the slip (ngày hẹn trả, Mẫu 01). */
  dueDate: IsoDate;
  /** Day 0: the working day the receipt counts on (the day of receipt is not counted). */
  startDate: IsoDate;
}

function cutoffMs(cutoff: number | string | undefined): CalendarResult<number | undefined> {
  if (cutoff === undefined) return success(undefined);
  const minutes =
    typeof cutoff === 'number'
      ? Number.isInteger(cutoff) && cutoff >= 0 && cutoff <= 23
        ? cutoff * 60
        : undefined
      : parseClock(cutoff);
  return minutes === undefined
    ? invalid('cutoffHour', `Giờ chốt không hợp lệ: ${cutoff}`, `Not a valid cut-off time: ${cutoff}`)
    : success(minutes * MINUTE_MS);
}

/**
 * Day 0 of a day-unit deadline: the receipt date, moved to the next working day when the file came after
 * closing time or on a day off (option, see `DueAtOptions`) or after the procedure's cut-off.
 */
export function deadlineStartDay(
  input: Pick<DueAtInput, 'receivedAt' | 'cutoffHour' | 'calendar' | 'officeHours'> & DueAtOptions,
): CalendarResult<IsoDate> {
  const received = toEpochMs(input.receivedAt);
  if (Number.isNaN(received))
    return invalid('receivedAt', 'Thời điểm tiếp nhận không hợp lệ', 'receivedAt is not a valid instant');
  const cutoff = cutoffMs(input.cutoffHour);
  if (!cutoff.ok) return cutoff;
  const date = vnDateOf(received);
  const working = isWorkingDay(input.calendar, date);
  if (!working.ok) return working;
  const closing = closingInstant(input.officeHours, date);
  if (!closing.ok) return closing;
  const outsideHours = !working.value || received >= closing.value;
  const afterCutoff = working.value && cutoff.value !== undefined && vnTimeOfDay(received) > cutoff.value;
  const moves = afterCutoff || (outsideHours && (input.outsideHoursCountsNextWorkingDay ?? true));
  return moves ? nextWorkingDay(input.calendar, date) : success(date);
}

function dayUnitDue(input: DueAtInput, received: number): CalendarResult<DueAt> {
  if (!Number.isInteger(input.amount))
    return invalid('amount', 'Số ngày phải là số nguyên', 'Day limits must be whole days');
  const start = deadlineStartDay(input);
  if (!start.ok) return start;
  const { calendar } = input;
  let dueDate: IsoDate;
  if (input.unit === 'working_days') {
    const due = addWorkingDays(calendar, start.value, input.amount);
    if (!due.ok) return due;
    dueDate = due.value;
  } else {
    dueDate = addDays(start.value, input.amount);
  }
  const working = isWorkingDay(calendar, dueDate);
  if (!working.ok) return working;
  // Only a zero amount with day 0 on a day off (option off) lands on a day off for working_days.
  const roll = input.unit === 'working_days' || (input.rollCalendarDaysToWorkingDay ?? true);
  if (!working.value && roll) {
    const next = nextWorkingDay(calendar, dueDate);
    if (!next.ok) return next;
    dueDate = next.value;
  }
  let dueAt = endOfDueDay(input, dueDate);
  if (!dueAt.ok) return dueAt;
  if (dueAt.value < received) {
    // A same-day result cannot be due before the file arrived: past closing it moves to the next working day.
    const next = nextWorkingDay(calendar, dueDate);
    if (!next.ok) return next;
    dueDate = next.value;
    dueAt = endOfDueDay(input, dueDate);
    if (!dueAt.ok) return dueAt;
  }
  return success({ dueAt: formatVnInstant(dueAt.value), dueDate, startDate: start.value });
}

/** Closing time on a working day; 24:00 (23:59:59) on a day off kept by `rollCalendarDaysToWorkingDay: false`. */
function endOfDueDay(input: DueAtInput, date: IsoDate): CalendarResult<number> {
  const working = isWorkingDay(input.calendar, date);
  if (!working.ok) return working;
  // Civil Code 2015 art. 148 cl. 6 (from memory): a period ends at 24:00 of its last day.
  return working.value
    ? closingInstant(input.officeHours, date)
    : success(vnInstant(addDays(date, 1), 0) - 1000);
}

function hourUnitDue(input: DueAtInput, received: number): CalendarResult<DueAt> {
  const cutoff = cutoffMs(input.cutoffHour);
  if (!cutoff.ok) return cutoff;
  const date = vnDateOf(received);
  const working = isWorkingDay(input.calendar, date);
  if (!working.ok) return working;
  let from = received;
  if (working.value && cutoff.value !== undefined && vnTimeOfDay(received) > cutoff.value) {
    const next = nextWorkingDay(input.calendar, date);
    if (!next.ok) return next;
    from = vnInstant(next.value, 0);
  }
  // Office time only: outside hours and days off never count, whatever the option says.
  const start = addWorkingTime(input.calendar, input.officeHours, from, 0);
  if (!start.ok) return start;
  const due = addWorkingTime(
    input.calendar,
    input.officeHours,
    start.value,
    Math.round(input.amount * 60 * MINUTE_MS),
  );
  if (!due.ok) return due;
  return success({
    dueAt: formatVnInstant(due.value),
    dueDate: vnDateOf(due.value),
    startDate: vnDateOf(start.value),
  });
}

/**
 * The appointment for a file: the day of receipt is day 0, so with 5 working days a file received on a
 * Monday with no holiday that week is due the next Monday at closing time (vn-rules.md §1.6).
 */
export function computeDueAt(input: DueAtInput): CalendarResult<DueAt> {
  const received = toEpochMs(input.receivedAt);
  if (Number.isNaN(received))
    return invalid('receivedAt', 'Thời điểm tiếp nhận không hợp lệ', 'receivedAt is not a valid instant');
  if (!Number.isFinite(input.amount) || input.amount < 0)
    return invalid('amount', 'Thời hạn phải ≥ 0', 'The time limit must be zero or more');
  switch (input.unit) {
    case 'working_days':
    case 'days':
      return dayUnitDue(input, received);
    case 'working_hours':
      return hourUnitDue(input, received);
  }
}
