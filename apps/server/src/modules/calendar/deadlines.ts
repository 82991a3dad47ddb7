import type { Calendar } from '@motcua/domain/calendar/calendar';
import { DEFAULT_OFFICE_HOURS, type OfficeHours } from '@motcua/domain/calendar/office-hours';
import type { CalendarResult } from '@motcua/domain/calendar/result';
import { APOLOGY_RULES, apologyDeadline, decideApology } from '@motcua/domain/deadlines/apology';
import { computeDueAt, type DueAt } from '@motcua/domain/deadlines/due-at';
import { extendDueAtInWorkingTime } from '@motcua/domain/deadlines/pauses';
import { fail } from '@motcua/domain/errors';
import type { Deadlines, ProcedureInfo } from '../applications/ports.ts';

export function valueOf<T>(result: CalendarResult<T>): T {
  if (result.ok) return result.value;
  // A year missing from the calendar stops the work: a guessed deadline would be a wrong legal promise.
  const { error } = result;
  fail({
    kind: 'Invalid',
    field: error.kind === 'CalendarYearMissing' ? '/calendar' : error.field,
    detail: error.detail,
  });
}

export function dueFor(
  calendar: Calendar,
  receivedAt: Date,
  time: NonNullable<ProcedureInfo['time']>,
  cutoffHour: number | null,
  officeHours: OfficeHours = DEFAULT_OFFICE_HOURS,
): DueAt {
  return valueOf(
    computeDueAt({
      receivedAt,
      amount: time.amount,
      unit: time.unit,
      ...(cutoffHour !== null ? { cutoffHour } : {}),
      calendar,
      officeHours,
    }),
  );
}

/** The deadline port over the working-day calendar in force (shipped years plus administrators' edits). */
export function createDeadlines(
  currentCalendar: () => Promise<Calendar>,
  officeHours: OfficeHours = DEFAULT_OFFICE_HOURS,
): Deadlines {
  return {
    async dueAt(receivedAt, procedure) {
      if (!procedure.time) return null;
      return new Date(
        dueFor(await currentCalendar(), receivedAt, procedure.time, procedure.cutoffHour, officeHours).dueAt,
      );
    },
    async extendByPause(dueAt, from, to) {
      const calendar = await currentCalendar();
      return new Date(
        valueOf(
          extendDueAtInWorkingTime(dueAt, [{ requestedAt: from, completedAt: to }], calendar, officeHours),
        ).dueAt,
      );
    },
    async stepDue(from, days) {
      const calendar = await currentCalendar();
      return new Date(
        dueFor(calendar, from, { amount: days, unit: 'working_days' }, null, officeHours).dueAt,
      );
    },
    async apology(facts, command, now, regime) {
      return decideApology(facts, command, now, await currentCalendar(), APOLOGY_RULES[regime], officeHours);
    },
    async apologyLatest(dueAt, regime) {
      const result = apologyDeadline(dueAt, await currentCalendar(), APOLOGY_RULES[regime], officeHours);
      return result.ok ? new Date(result.value.deadlineAt) : null;
    },
  };
}
