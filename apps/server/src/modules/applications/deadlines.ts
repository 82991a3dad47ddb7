import { buildCalendar, type Calendar } from '@motcua/domain/calendar/calendar';
import type { CalendarYear } from '@motcua/domain/calendar/calendar-year';
import { SHIPPED_CALENDAR_YEARS } from '@motcua/domain/calendar/data/years';
import { DEFAULT_OFFICE_HOURS, type OfficeHours } from '@motcua/domain/calendar/office-hours';
import type { CalendarResult } from '@motcua/domain/calendar/result';
import { computeDueAt } from '@motcua/domain/deadlines/due-at';
import { extendDueAtInWorkingTime } from '@motcua/domain/deadlines/pauses';
import { fail } from '@motcua/domain/errors';
import type { Deadlines } from './ports.ts';

function valueOf<T>(result: CalendarResult<T>): T {
  if (result.ok) return result.value;
  // A year missing from the calendar must stop the intake: a guessed deadline would be a wrong legal promise.
  const { error } = result;
  if (error.kind === 'CalendarYearMissing')
    fail({ kind: 'Invalid', field: '/calendar', detail: error.detail });
  fail({ kind: 'Invalid', field: error.field, detail: error.detail });
}

/** The deadline port over the working-day calendar (the shipped years; administrators' edits come later). */
export function createDeadlines(
  years: readonly CalendarYear[] = SHIPPED_CALENDAR_YEARS,
  officeHours: OfficeHours = DEFAULT_OFFICE_HOURS,
): Deadlines & { calendar: Calendar } {
  const calendar = buildCalendar(years);
  return {
    calendar,
    async dueAt(receivedAt, procedure) {
      if (!procedure.time) return null;
      const due = valueOf(
        computeDueAt({
          receivedAt,
          amount: procedure.time.amount,
          unit: procedure.time.unit,
          ...(procedure.cutoffHour !== null ? { cutoffHour: procedure.cutoffHour } : {}),
          calendar,
          officeHours,
        }),
      );
      return new Date(due.dueAt);
    },
    async extendByPause(dueAt, from, to) {
      const extended = valueOf(
        extendDueAtInWorkingTime(dueAt, [{ requestedAt: from, completedAt: to }], calendar, officeHours),
      );
      return new Date(extended.dueAt);
    },
  };
}
