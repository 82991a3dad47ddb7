import { toEpochMs, vnDateOf, type Instant } from '../calendar/dates.ts';

/** Report buckets (vn-rules.md §1.7): trước hạn, đúng hạn, trễ hạn; open files trong hạn, quá hạn. */
export type DeadlineStatus = 'early' | 'on_time' | 'late' | 'within_time' | 'overdue';

export const DEADLINE_STATUSES = [
  'early',
  'on_time',
  'late',
  'within_time',
  'overdue',
] as const satisfies readonly DeadlineStatus[];

/**
 * What "trước hạn" means; the boundary is not in any text found (vn-rules.md §1.7, UNCERTAIN).
 * - `earlier_day` (default, the recommended reading): finished on a day before the appointment day;
 *   finishing any time on the appointment day, up to the appointment, is on time.
 * - `earlier_instant`: any time before the appointment instant; only exactly at it is on time.
 * - `never`: no early bucket — Decision 766 lumps "trước hạn, đúng hạn" together.
 */
export type EarlyRule = 'earlier_day' | 'earlier_instant' | 'never';

export interface ClassifyInput {
  /** The appointment (ngày hẹn trả), already extended by supplement pauses (`extendDueAt`). */
  appointmentAt: Instant;
  /** End of processing (`endOfProcessing`), when there is one. */
  finishedAt?: Instant | null;
  /** End of the reporting period, or now for the current one. */
  referenceAt: Instant;
  /** How many times the applicant was asked for a supplement. */
  supplementRequests: number;
  earlyRule?: EarlyRule;
}

export type ClassifyReason = 'after_appointment' | 'second_supplement' | 'by_appointment';

/**
 * Exactly one bucket for every file. A file counts as finished only if it finished by `referenceAt` (a
 * report as of a past date ignores later events). More than one supplement request makes a file late, or
 * overdue while open: DVCQG counts it so (vn-rules.md §1.4 B, §1.6, VERIFIED-2nd [S22]).
 */
export function classify(input: ClassifyInput): { status: DeadlineStatus; reason: ClassifyReason } {
  const appointment = toEpochMs(input.appointmentAt);
  const reference = toEpochMs(input.referenceAt);
  const finished = input.finishedAt == null ? Number.NaN : toEpochMs(input.finishedAt);
  const secondSupplement = input.supplementRequests > 1;
  if (finished <= reference) {
    if (secondSupplement) return { status: 'late', reason: 'second_supplement' };
    if (!(finished <= appointment)) return { status: 'late', reason: 'after_appointment' };
    return {
      status: isEarly(finished, appointment, input.earlyRule ?? 'earlier_day') ? 'early' : 'on_time',
      reason: 'by_appointment',
    };
  }
  if (secondSupplement) return { status: 'overdue', reason: 'second_supplement' };
  return reference <= appointment
    ? { status: 'within_time', reason: 'by_appointment' }
    : { status: 'overdue', reason: 'after_appointment' };
}

function isEarly(finished: number, appointment: number, rule: EarlyRule): boolean {
  switch (rule) {
    case 'earlier_day':
      return vnDateOf(finished) < vnDateOf(appointment);
    case 'earlier_instant':
      return finished < appointment;
    case 'never':
      return false;
  }
}
