import type { Selectable } from 'kysely';
import { deadlineStatus } from '@motcua/domain/deadlines/status';
import type { State } from '@motcua/domain/workflow/states';
import type { ApplicationEventsTable } from '../../db/schema.ts';
import type { ApplicationRow } from './applications.repository.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The file as stored, with its deadline bucket at `now`; the service adds what the reader may do. */
export function toApplication(row: ApplicationRow, now: Date) {
  return {
    id: row.id,
    code: row.code,
    lookupKey: row.lookup_key,
    procedureCode: row.procedure_code,
    legalRegime: row.legal_regime,
    receivingUnitId: row.receiving_unit_id,
    decidingUnitId: row.deciding_unit_id,
    assigneeId: row.assignee_id,
    channel: row.channel,
    state: row.state as State,
    portalStatus: row.portal_status,
    applicant: row.applicant,
    documents: row.documents,
    feeAmount: row.fee_amount === null ? null : Number(row.fee_amount),
    returnChannel: row.return_channel as 'counter' | 'post' | 'online' | null,
    receivedAt: iso(row.received_at),
    dueAt: iso(row.due_at),
    originalDueAt: iso(row.original_due_at),
    stepDueAt: iso(row.step_due_at),
    finishedAt: iso(row.finished_at),
    deadline: deadlineStatus(
      {
        state: row.state as State,
        stateSince: row.updated_at,
        dueAt: row.due_at,
        processedAt: row.processed_at,
        returnedAt: row.returned_at,
        finishedAt: row.finished_at,
        supplementRequests: row.supplement_requests,
        countsLate: row.counts_late,
      },
      now,
    ),
    supplementRequests: row.supplement_requests,
    apologies: row.apologies,
    countsAsLate: row.counts_late,
    version: row.version,
  };
}

export function toEvent(row: Selectable<ApplicationEventsTable>) {
  return {
    seq: row.seq,
    at: row.at.toISOString(),
    action: row.action,
    fromState: row.from_state as State | null,
    toState: row.to_state as State,
    actorId: row.actor_id,
    actorUnitId: row.actor_unit_id,
    payload: row.payload,
    legalBasis: row.legal_basis,
  };
}
