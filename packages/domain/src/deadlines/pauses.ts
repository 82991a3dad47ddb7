import type { Calendar } from '../calendar/calendar.ts';
import { formatVnInstant, toEpochMs, vnDateOf, type Instant, type IsoDate } from '../calendar/dates.ts';
import { addWorkingTime, workingTimeBetween, type OfficeHours } from '../calendar/office-hours.ts';
import { invalid, success, type CalendarResult } from '../calendar/result.ts';

/** Time waiting for the applicant's supplement (Phiếu yêu cầu bổ sung, Mẫu 02 → documents handed in). */
export interface SupplementPause {
  requestedAt: Instant;
  /** Absent while the applicant has not answered. */
  completedAt?: Instant | null;
}

/**
 * The pauses as sorted, merged [start, end) intervals in epoch ms. An open pause runs until `asOf` when
 * given and is left out otherwise (the deadline is then suspended: show the state, not a date). A pause
 * ending before it starts counts as empty, so no pause can ever shorten a deadline.
 */
export function pauseIntervals(
  pauses: readonly SupplementPause[],
  asOf?: Instant,
): CalendarResult<Array<[number, number]>> {
  const until = asOf === undefined ? undefined : toEpochMs(asOf);
  if (until !== undefined && Number.isNaN(until))
    return invalid('asOf', 'Thời điểm không hợp lệ', 'asOf is not a valid instant');
  const intervals: Array<[number, number]> = [];
  for (const pause of pauses) {
    const start = toEpochMs(pause.requestedAt);
    const end = pause.completedAt == null ? until : toEpochMs(pause.completedAt);
    if (Number.isNaN(start) || (end !== undefined && Number.isNaN(end)))
      return invalid(
        'supplementRequests',
        'Thời điểm bổ sung không hợp lệ',
        'A supplement time is not a valid instant',
      );
    if (end !== undefined && end > start) intervals.push([start, end]);
  }
  intervals.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const [start, end] of intervals) {
    const last = merged[merged.length - 1];
    // Two requests open at once are one wait, not two.
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return success(merged);
}

export interface PausedTime {
  /** Wall-clock time waited (what DVCQG subtracts: completed − requested, vn-rules.md §1.6). */
  elapsedMs: number;
  /** Office time waited: the part of the wait that fell inside office hours on working days. */
  workingMs: number;
}

export function pausedWorkingTime(
  pauses: readonly SupplementPause[],
  calendar: Calendar,
  officeHours: OfficeHours,
  asOf?: Instant,
): CalendarResult<PausedTime> {
  const intervals = pauseIntervals(pauses, asOf);
  if (!intervals.ok) return intervals;
  let elapsedMs = 0;
  let workingMs = 0;
  for (const [start, end] of intervals.value) {
    elapsedMs += end - start;
    const working = workingTimeBetween(calendar, officeHours, start, end);
    if (!working.ok) return working;
    workingMs += working.value;
  }
  return success({ elapsedMs, workingMs });
}

/**
 * The due instant pushed back by the wall-clock time waited for supplements. Equivalent to the DVCQG
 * on-time test "end − (completed − requested) ≤ appointment" (vn-rules.md §1.6, VERIFIED-2nd [S22]); use it
 * to classify. It may fall outside office hours: for a date to give the applicant use `extendDueAtInWorkingTime`.
 */
export function extendDueAt(
  dueAt: Instant,
  pauses: readonly SupplementPause[],
  asOf?: Instant,
): CalendarResult<string> {
  const due = toEpochMs(dueAt);
  if (Number.isNaN(due)) return invalid('dueAt', 'Hạn không hợp lệ', 'dueAt is not a valid instant');
  const intervals = pauseIntervals(pauses, asOf);
  if (!intervals.ok) return intervals;
  const waited = intervals.value.reduce((sum, [start, end]) => sum + (end - start), 0);
  return success(formatVnInstant(due + waited));
}

/**
 * The due instant pushed back by the office time waited, counted in office time from the old due instant:
 * a wait of one whole working day moves a 17:00 appointment to 17:00 on the next working day.
 */
export function extendDueAtInWorkingTime(
  dueAt: Instant,
  pauses: readonly SupplementPause[],
  calendar: Calendar,
  officeHours: OfficeHours,
  asOf?: Instant,
): CalendarResult<{ dueAt: string; dueDate: IsoDate }> {
  const due = toEpochMs(dueAt);
  if (Number.isNaN(due)) return invalid('dueAt', 'Hạn không hợp lệ', 'dueAt is not a valid instant');
  const paused = pausedWorkingTime(pauses, calendar, officeHours, asOf);
  if (!paused.ok) return paused;
  if (paused.value.workingMs === 0) return success({ dueAt: formatVnInstant(due), dueDate: vnDateOf(due) });
  const extended = addWorkingTime(calendar, officeHours, due, paused.value.workingMs);
  if (!extended.ok) return extended;
  return success({ dueAt: formatVnInstant(extended.value), dueDate: vnDateOf(extended.value) });
}
