import type { Transaction } from 'kysely';
import type { LegalRegime } from '@motcua/domain/deadlines/apology';
import { legalBasisOf } from '@motcua/domain/workflow/legal-basis';
import type { AnyAction } from '@motcua/domain/workflow/transitions';
import type { Database } from '../../db/schema.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { applicationsRepository as repo, type ApplicationRow } from './applications.repository.ts';
import type { Change } from './changes.ts';
import type { DeadlineHook, StepHook } from './ports.ts';

/** Who took the step: an officer (a user) or the citizen who filed online (no user: the event says so). */
export interface StepAuthor {
  userId: string | null;
  unitId: string | null;
  requestId: string | null;
  /** Kept in the event and the audit record when the author is a citizen. */
  citizenId?: string;
}

/**
 * One step written in the caller's transaction: the file (optimistic version check), its event, the citizen's
 * messages (onStep), the audit record and the reminders when the appointment or assignee moved. An officer's
 * action and a citizen's supplement go through here alike, so neither can skip a part.
 */
export async function writeStep(
  trx: Transaction<Database>,
  hooks: { onStep: StepHook; onDeadline: DeadlineHook },
  step: {
    row: ApplicationRow;
    version: number;
    action: AnyAction;
    change: Change;
    details: Record<string, unknown>;
    author: StepAuthor;
    at: Date;
  },
): Promise<ApplicationRow | undefined> {
  const { row, change, author, at } = step;
  const changed = await repo.update(trx, row, step.version, change.patch, at);
  if (!changed) return undefined;
  const byCitizen = author.citizenId ? { byCitizen: author.citizenId } : {};
  const appended = await repo.appendEvent(trx, {
    provinceCode: row.province_code,
    applicationId: row.id,
    at,
    actorId: author.userId,
    actorUnitId: author.unitId,
    action: step.action,
    fromState: row.state,
    toState: change.to,
    payload: { ...step.details, ...change.payload, ...byCitizen },
    legalBasis: legalBasisOf(step.action, row.legal_regime as LegalRegime),
  });
  await hooks.onStep(trx, {
    action: step.action,
    row: changed,
    payload: appended.payload as Record<string, unknown>,
    at,
  });
  await appendAudit(trx, {
    provinceCode: row.province_code,
    actorId: author.userId,
    actorUnitId: author.unitId,
    requestId: author.requestId,
    action: `application.${step.action}`,
    targetType: 'application',
    targetId: row.id,
    details: { code: row.code, from: row.state, to: change.to, ...byCitizen },
  });
  const dueAt = change.patch.due_at === undefined ? row.due_at : change.patch.due_at;
  const assigneeId = change.patch.assignee_id === undefined ? row.assignee_id : change.patch.assignee_id;
  if (dueAt?.getTime() !== row.due_at?.getTime() || assigneeId !== row.assignee_id)
    await hooks.onDeadline(trx, { provinceCode: row.province_code, id: row.id, dueAt, assigneeId });
  return changed;
}
