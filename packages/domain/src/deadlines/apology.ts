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

/** States in which the deciding body can still see the file will be late: open, not yet decided. */
export const APOLOGY_STATES = [
  'received',
  'transferred',
  'processing',
  'supplement_requested',
  'awaiting_payment',
  'inter_agency',
  'awaiting_approval',
] as const;

export interface ApologyFacts {
  state: string;
  dueAt: Instant | null;
  /** Apologies already issued (each one set a new appointment). */
  apologies: number;
}

export interface ApologyCommand {
  reason: string;
  /** The new appointment day (a working day after the current appointment); the time is its closing hour. */
  newAppointmentDate: IsoDate;
}

export type ApologyRefusal =
  'state' | 'no_due_date' | 'limit_reached' | 'too_late' | 'reason' | 'not_working_day' | 'not_after_due';

/**
 * Judges an apology with a new appointment (Mẫu 04, vn-rules.md §1.4 E); pure. The letter must be issued at
 * the latest `rule.latestWorkingDaysBefore` working days before the current appointment, and the return date
 * may be set again at most `rule.maxReschedules` times.
 */
export function decideApology(
  facts: ApologyFacts,
  command: ApologyCommand,
  now: Instant,
  calendar: Calendar,
  rule: ApologyRule,
  officeHours: OfficeHours,
):
  | { ok: true; newAppointmentAt: string; latestAt: string }
  | { ok: false; refusal: ApologyRefusal; field: string; detail: Text } {
  const no = (refusal: ApologyRefusal, field: string, vi: string, en: string) =>
    ({ ok: false, refusal, field, detail: text(vi, en) }) as const;
  if (!(APOLOGY_STATES as readonly string[]).includes(facts.state))
    return no(
      'state',
      '/body/action',
      'Chỉ xin lỗi, hẹn lại khi hồ sơ đang giải quyết',
      'An apology is issued only while the file is being processed',
    );
  if (facts.dueAt === null)
    return no('no_due_date', '/body/action', 'Hồ sơ không có ngày hẹn trả', 'The file has no appointment');
  const limit = canReschedule(Array.from({ length: facts.apologies }), rule);
  if (!limit.allowed)
    return { ok: false, refusal: 'limit_reached', field: '/body/action', detail: limit.detail };
  if (!command.reason.trim())
    return no('reason', '/body/reason', 'Nêu lý do chậm trả kết quả', 'State why the result will be late');
  const latest = apologyDeadline(facts.dueAt, calendar, rule, officeHours);
  if (!latest.ok) return no('too_late', '/body/action', latest.error.detail.vi, latest.error.detail.en);
  if (toEpochMs(now) > toEpochMs(latest.value.deadlineAt)) {
    const shown = latest.value.deadlineDate.split('-').reverse().join('/');
    return no(
      'too_late',
      '/body/action',
      `Đã quá thời hạn xin lỗi, hẹn lại (chậm nhất ngày ${shown})`,
      `Too late for an apology with a new date (the latest day was ${shown})`,
    );
  }
  const working = isWorkingDay(calendar, command.newAppointmentDate);
  if (!working.ok || !working.value)
    return no(
      'not_working_day',
      '/body/newAppointmentDate',
      'Ngày hẹn mới phải là ngày làm việc',
      'The new appointment must be a working day',
    );
  const closing = closingInstant(officeHours, command.newAppointmentDate);
  if (!closing.ok || closing.value <= toEpochMs(facts.dueAt))
    return no(
      'not_after_due',
      '/body/newAppointmentDate',
      'Ngày hẹn mới phải sau ngày hẹn hiện tại',
      'The new appointment must be after the current one',
    );
  return { ok: true, newAppointmentAt: formatVnInstant(closing.value), latestAt: latest.value.deadlineAt };
}
