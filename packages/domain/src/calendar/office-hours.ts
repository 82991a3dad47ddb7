import { text, type Text } from '../errors.ts';
import { isWorkingDay, type Calendar } from './calendar.ts';
import { MINUTE_MS, addDays, parseClock, vnDateOf, vnInstant, vnTimeOfDay, type IsoDate } from './dates.ts';
import { invalid, success, type CalendarResult } from './result.ts';

/** One opening period of the counter, in Vietnam time (`HH:MM`). */
export interface OfficeSession {
  start: string;
  end: string;
}

/** A unit's office hours, the same on every working day (make-up Saturdays included). */
export interface OfficeHours {
  sessions: readonly OfficeSession[];
}

// vn-rules.md §1.6: counter hours are set locally; this commune's example is the default (VERIFIED-2nd [S46]).
export const DEFAULT_OFFICE_HOURS: OfficeHours = {
  sessions: [
    { start: '07:00', end: '11:30' },
    { start: '13:30', end: '17:00' },
  ],
};

/** Problems with an office-hours setting: at least one session, each valid, in order, not overlapping. */
export function validateOfficeHours(hours: OfficeHours): Text[] {
  if (hours.sessions.length === 0) return [text('Chưa có giờ làm việc', 'No office session')];
  const problems: Text[] = [];
  let previousEnd = -1;
  for (const { start, end } of hours.sessions) {
    const s = parseClock(start);
    const e = parseClock(end);
    if (s === undefined || e === undefined) {
      problems.push(text(`Giờ không hợp lệ: ${start}–${end}`, `Not a valid HH:MM time: ${start}–${end}`));
      continue;
    }
    if (e <= s)
      problems.push(
        text(`Giờ kết thúc trước giờ bắt đầu: ${start}–${end}`, `Ends before it starts: ${start}–${end}`),
      );
    if (s < previousEnd)
      problems.push(
        text(
          `Các buổi chồng lấn hoặc sai thứ tự: ${start}`,
          `Sessions overlap or are out of order: ${start}`,
        ),
      );
    previousEnd = Math.max(previousEnd, e);
  }
  return problems;
}

/** Sessions as [start, end) milliseconds after midnight, or an error value. */
export function sessionsMs(hours: OfficeHours): CalendarResult<Array<[number, number]>> {
  const problems = validateOfficeHours(hours);
  if (problems.length > 0 && problems[0]) return invalid('officeHours', problems[0].vi, problems[0].en);
  return success(
    hours.sessions.map(({ start, end }) => [
      (parseClock(start) ?? 0) * MINUTE_MS,
      (parseClock(end) ?? 0) * MINUTE_MS,
    ]),
  );
}

/** Closing time (end of the last session) on `date`, as an instant. */
export function closingInstant(hours: OfficeHours, date: IsoDate): CalendarResult<number> {
  const sessions = sessionsMs(hours);
  if (!sessions.ok) return sessions;
  return success(vnInstant(date, Math.max(...sessions.value.map(([, end]) => end))));
}

export function isWithinOfficeHours(
  calendar: Calendar,
  hours: OfficeHours,
  at: number,
): CalendarResult<boolean> {
  const sessions = sessionsMs(hours);
  if (!sessions.ok) return sessions;
  const working = isWorkingDay(calendar, vnDateOf(at));
  if (!working.ok) return working;
  const time = vnTimeOfDay(at);
  return success(working.value && sessions.value.some(([s, e]) => time >= s && time < e));
}

/**
 * The instant reached after `durationMs` of office time counted from `from` (epoch ms). Time outside the
 * sessions and on days off does not count, so with the default hours 8 working hours from Friday 15:00 end on Monday 15:00.
 * With a zero duration the result is the first office moment at or after `from`. An end that lands on a
 * session's end stays there (11:30, not 13:30).
 */
export function addWorkingTime(
  calendar: Calendar,
  hours: OfficeHours,
  from: number,
  durationMs: number,
): CalendarResult<number> {
  if (!Number.isFinite(from)) return invalid('from', 'Thời điểm không hợp lệ', 'Not a valid instant');
  if (!Number.isFinite(durationMs) || durationMs < 0)
    return invalid('amount', 'Thời lượng phải ≥ 0', 'The duration must be zero or more');
  const sessions = sessionsMs(hours);
  if (!sessions.ok) return sessions;
  let date = vnDateOf(from);
  let time = vnTimeOfDay(from);
  let remaining = durationMs;
  for (;;) {
    const working = isWorkingDay(calendar, date);
    if (!working.ok) return working;
    if (working.value) {
      for (const [start, end] of sessions.value) {
        if (time >= end) continue;
        const begin = Math.max(time, start);
        if (remaining <= end - begin) return success(vnInstant(date, begin + remaining));
        remaining -= end - begin;
        time = end;
      }
    }
    date = addDays(date, 1);
    time = 0;
  }
}

/** Office time (ms) inside [from, to): the working time elapsed between two instants. */
export function workingTimeBetween(
  calendar: Calendar,
  hours: OfficeHours,
  from: number,
  to: number,
): CalendarResult<number> {
  if (!Number.isFinite(from) || !Number.isFinite(to))
    return invalid('from', 'Thời điểm không hợp lệ', 'Not a valid instant');
  const sessions = sessionsMs(hours);
  if (!sessions.ok) return sessions;
  if (to <= from) return success(0);
  let total = 0;
  const lastDate = vnDateOf(to - 1); // [from, to) ends before `to`
  for (let date = vnDateOf(from); ; date = addDays(date, 1)) {
    const working = isWorkingDay(calendar, date);
    if (!working.ok) return working;
    if (working.value) {
      for (const [start, end] of sessions.value) {
        const s = Math.max(vnInstant(date, start), from);
        const e = Math.min(vnInstant(date, end), to);
        if (e > s) total += e - s;
      }
    }
    if (date === lastDate) break;
  }
  return success(total);
}
