import { toEpochMs, type Instant } from '../calendar/dates.ts';
import { PAUSED_STATES, type State } from '../workflow/states.ts';
import { classify, type ClassifyReason, type DeadlineStatus } from './classify.ts';

/** What a file's projection knows about its time (the columns of `applications`). */
export interface DeadlineFacts {
  state: State;
  /** When the current state began (a supplement pause runs from here). */
  stateSince: Instant;
  dueAt: Instant | null;
  processedAt: Instant | null;
  returnedAt: Instant | null;
  finishedAt: Instant | null;
  supplementRequests: number;
  /** Set by an apology with a new date: the file was going to be late. */
  countsLate: boolean;
}

export interface FileDeadline {
  status: DeadlineStatus;
  reason: ClassifyReason | 'apology';
}

/**
 * The file's bucket now (vn-rules.md §1.7): early / on time / late once processing ended — Đã xử lý xong
 * first, then Đã trả kết quả, then the end of a stopped, refused or withdrawn file (§1.6) — else within time /
 * overdue. While the applicant has the next move (a supplement), the clock stands still at the request, so a
 * paused file cannot become overdue. A file that needed an apology is late however it ends (docs/GLOSSARY.md).
 * Null when the file has no appointment (not received, or a procedure without a time limit).
 */
export function deadlineStatus(facts: DeadlineFacts, now: Instant): FileDeadline | null {
  if (facts.dueAt === null) return null;
  const end = facts.processedAt ?? facts.returnedAt ?? facts.finishedAt;
  const paused = (PAUSED_STATES as readonly State[]).includes(facts.state);
  const reference = end === null && paused ? facts.stateSince : now;
  const result = classify({
    appointmentAt: facts.dueAt,
    finishedAt: end,
    referenceAt: reference,
    supplementRequests: facts.supplementRequests,
  });
  if (facts.countsLate && (result.status === 'early' || result.status === 'on_time'))
    return { status: 'late', reason: 'apology' };
  return result;
}

const PAUSE_STARTS = new Set(['request_supplement', 'request_pre_receipt_supplement']);
const PAUSE_ENDS = new Set(['supplement_received', 'pre_receipt_supplement_received']);

/**
 * Wall-clock time the applicant had the next move (supplement requests until the documents came), from the
 * file's events in order; an open pause counts up to `now`.
 */
export function pausedMs(events: readonly { action: string; at: Instant }[], now: Instant): number {
  let total = 0;
  let since: number | undefined;
  for (const event of events) {
    const at = toEpochMs(event.at);
    if (Number.isNaN(at)) continue;
    if (PAUSE_STARTS.has(event.action) && since === undefined) since = at;
    else if (PAUSE_ENDS.has(event.action) && since !== undefined) {
      total += Math.max(0, at - since);
      since = undefined;
    }
  }
  if (since !== undefined) total += Math.max(0, toEpochMs(now) - since);
  return total;
}
