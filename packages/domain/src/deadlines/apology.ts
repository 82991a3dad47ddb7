import { text, type Text } from '../errors.ts';
import { addWorkingDays, isWorkingDay, previousWorkingDay, type Calendar } from '../calendar/calendar.ts';
import { formatVnInstant, toEpochMs, vnDateOf, type Instant, type IsoDate } from '../calendar/dates.ts';
import { closingInstant, type OfficeHours } from '../calendar/office-hours.ts';
import { invalid, success, type CalendarResult } from '../calendar/result.ts';

/** Apology and re-appointment limits of a legal regime (vn-rules.md §1.4 E). */
export interface ApologyRule {
  /** The apology (Mẫu 04) is due at the latest this many working days before the due date. */
  latestWorkingDaysBefore: number;
  /** How many times the return date may be set again. */
  maxReschedules: number;
}

export type LegalRegime = 'decree_61_2018' | 'decree_118_2025';

export const APOLOGY_RULES: Record<LegalRegime, ApologyRule> = {
  // Decree 61/2018: at the latest 1 day before the deadline; "hẹn lại … không quá một lần" (VERIFIED-2nd [S9]).
  decree_61_2018: { latestWorkingDaysBefore: 1, maxReschedules: 1 },
  // Decree 118/2025 (Mẫu 04 renamed): whether both limits were kept is UNCERTAIN; same values, configurable.
  decree_118_2025: { latestWorkingDaysBefore: 1, maxReschedules: 1 },
};

/**
 * The latest moment to issue the apology: closing time on the working day `latestWorkingDaysBefore`
 * working days before the due date ("1 day" read as one working day). With 0, the due instant itself.
 */
export function apologyDeadline(
  dueAt: Instant,
  calendar: Calendar,
  rule: ApologyRule,
  officeHours: OfficeHours,
): CalendarResult<{ deadlineAt: string; deadlineDate: IsoDate }> {
  const due = toEpochMs(dueAt);
  if (Number.isNaN(due)) return invalid('dueAt', 'Hạn không hợp lệ', 'dueAt is not a valid instant');
  if (!Number.isInteger(rule.latestWorkingDaysBefore) || rule.latestWorkingDaysBefore < 0)
    return invalid(
      'rule',
      'Số ngày phải là số nguyên ≥ 0',
      'latestWorkingDaysBefore must be a whole number ≥ 0',
    );
  if (rule.latestWorkingDaysBefore === 0)
    return success({ deadlineAt: formatVnInstant(due), deadlineDate: vnDateOf(due) });
  const dueDate = vnDateOf(due);
  // A due instant on a day off (calendar-day limits kept on a day off) counts from the working day before it.
  const working = isWorkingDay(calendar, dueDate);
  if (!working.ok) return working;
  let anchor = dueDate;
  if (!working.value) {
    const before = previousWorkingDay(calendar, dueDate);
    if (!before.ok) return before;
    anchor = before.value;
  }
  const date = addWorkingDays(
    calendar,
    anchor,
    working.value ? -rule.latestWorkingDaysBefore : 1 - rule.latestWorkingDaysBefore,
  );
  if (!date.ok) return date;
  const closing = closingInstant(officeHours, date.value);
  if (!closing.ok) return closing;
  return success({ deadlineAt: formatVnInstant(closing.value), deadlineDate: date.value });
}

/** One earlier re-appointment (an apology with a new date). */
export interface Reschedule {
  issuedAt: Instant;
  newAppointmentAt: Instant;
}

export function canReschedule(
  history: readonly Reschedule[],
  rule: ApologyRule,
): { allowed: true } | { allowed: false; reason: 'limit_reached'; detail: Text } {
  if (history.length < rule.maxReschedules) return { allowed: true };
  return {
    allowed: false,
    reason: 'limit_reached',
    detail: text(
      `Đã hẹn lại ${history.length} lần; quy định cho phép tối đa ${rule.maxReschedules} lần`,
      `Already rescheduled ${history.length} time(s); the rule allows ${rule.maxReschedules}`,
    ),
  };
}
