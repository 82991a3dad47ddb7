import type { ActionBody } from '@motcua/contracts/applications';
import type { Decision } from '@motcua/domain/workflow/decide';
import type { ApplicationPatch, ApplicationRow } from './applications.repository.ts';
import type { Deadlines } from './ports.ts';

/**
 * What an allowed action changes on the projection, besides its state. The time the current state began is
 * `row.updated_at`: every action updates the row, so a supplement pause runs from there to `at`.
 */
export async function effectsOf(
  decision: Decision,
  body: ActionBody,
  row: ApplicationRow,
  at: Date,
  deadlines: Deadlines,
): Promise<ApplicationPatch> {
  switch (decision.action) {
    case 'transfer':
      return { deciding_unit_id: body.decidingUnitId ?? null };
    case 'assign':
    case 'reassign':
      return { assignee_id: body.assigneeId ?? null };
    case 'request_pre_receipt_supplement':
      return { pre_receipt_supplements: row.pre_receipt_supplements + 1 };
    case 'request_supplement':
      return {
        supplement_requests: row.supplement_requests + 1,
        counts_late: row.counts_late || decision.countsAsLate,
      };
    case 'supplement_received':
      // The time spent waiting for the applicant does not count (vn-rules.md §1.6): the appointment moves.
      return row.due_at ? { due_at: await deadlines.extendByPause(row.due_at, row.updated_at, at) } : {};
    case 'approve':
      return { processed_at: at };
    case 'return_result':
      return {
        returned_at: at,
        return_channel: body.channel ?? null,
        ...(body.channel === 'post'
          ? {
              postal: {
                ...(row.postal as object | null),
                returnTrackingNumber: body.trackingNumber,
                returnedOn: at.toISOString(),
              },
            }
          : {}),
      };
    default:
      return {};
  }
}
