import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { ActionBody, IntakeBody } from '@motcua/contracts/applications';
import { formatApplicationCode, lookupKeyFrom } from '@motcua/domain/codes/application-code';
import { fail, text } from '@motcua/domain/errors';
import { grantReaches } from '@motcua/domain/permissions/access';
import type { Role } from '@motcua/domain/permissions/roles';
import { PORTAL_STATUS, isTerminal, type State } from '@motcua/domain/workflow/states';
import { allowedActions, isNote, rolesOf, sideOf, type AnyAction } from '@motcua/domain/workflow/transitions';
import type { Database } from '../../db/schema.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { byActor, type Actor } from '../actor.ts';
import { documentsRepository } from '../documents/documents.repository.ts';
import type { UnitsService } from '../units/units.service.ts';
import {
  applicationsRepository as repo,
  type ApplicationRow,
  type EventRow,
} from './applications.repository.ts';
import { createChanges, intakeOutcome } from './changes.ts';
import { APOLOGY_STATES, type LegalRegime } from '@motcua/domain/deadlines/apology';
import { pausedMs } from '@motcua/domain/deadlines/status';
import { legalBasisOf } from '@motcua/domain/workflow/legal-basis';
import type { DeadlineHook, Deadlines, ProcedureLookup, StepHook } from './ports.ts';
import { toApplication, toEvent } from './view.ts';
import { writeStep } from './write-step.ts';

export const CHANNEL = { counter: 1, online: 2, postal: 3 } as const;
// Decree 118/2025 replaced Decree 61/2018 on 1 July 2025 (vn-rules.md §0): each file keeps the regime of its receipt.
const REGIME_CHANGE = new Date('2025-06-30T17:00:00Z');
export const regimeAt = (at: Date): LegalRegime =>
  at < REGIME_CHANGE ? 'decree_61_2018' : 'decree_118_2025';
export const vietnamDate = (at: Date) => new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);

export function createApplicationsService(deps: {
  db: Kysely<Database>;
  units: UnitsService;
  procedures: ProcedureLookup;
  deadlines: Deadlines;
  clock?: () => Date;
  onDeadline?: DeadlineHook;
  /** Every step, in its transaction: the citizen's e-mail and SMS are enqueued from here. */
  onStep?: StepHook;
}) {
  const { db, units, procedures, deadlines } = deps;
  const now = deps.clock ?? (() => new Date());
  const onDeadline: DeadlineHook = deps.onDeadline ?? (async () => {});
  const onStep: StepHook = deps.onStep ?? (async () => {});
  const { actionChange, noteChange } = createChanges({ procedures, deadlines, db });

  /** Does the actor hold one of `roles` reaching `unitId`? */
  async function holds(actor: Actor, roles: readonly Role[], unitId: string): Promise<boolean> {
    const { tree } = await units.loadTree();
    const path = tree.pathTo(unitId);
    return path !== undefined && actor.grants.some((g) => roles.includes(g.role) && grantReaches(g, path));
  }

  /**
   * The code's first part: the receiving unit's electronic identity code; until an administrator sets one,
   * the nearest GSO code up the tree stands in (a service centre has none of its own).
   */
  async function codeUnit(unitId: string): Promise<string> {
    const { units: all, tree } = await units.loadTree();
    for (const step of [...(tree.pathTo(unitId) ?? [])].reverse()) {
      const u = all.find((x) => x.id === step.id);
      if (u?.identityCode) return u.identityCode;
      if (u?.code) return u.code;
    }
    return 'MC';
  }

  /** The unit whose officers take `action` on the file: the receiving desk, or the deciding department. */
  const unitFor = (row: ApplicationRow, action: AnyAction) =>
    sideOf(action) === 'receiving' ? row.receiving_unit_id : (row.deciding_unit_id ?? row.receiving_unit_id);

  /** What this officer may do now: allowed in the state, and a role at the right unit. */
  async function allowedFor(actor: Actor, row: ApplicationRow): Promise<AnyAction[]> {
    const state = row.state as State;
    const candidates: AnyAction[] = [...allowedActions(state)];
    if (!isTerminal(state)) candidates.push('add_note');
    if (row.due_at && row.apologies === 0 && (APOLOGY_STATES as readonly string[]).includes(state))
      candidates.push('issue_apology');
    const allowed: AnyAction[] = [];
    for (const action of candidates)
      if (await holds(actor, rolesOf(action), unitFor(row, action))) allowed.push(action);
    return allowed;
  }

  /** One file as the reader sees it; with its events, also how long it waited for the applicant. */
  async function view(actor: Actor, row: ApplicationRow, events?: readonly EventRow[]) {
    const allowed = await allowedFor(actor, row);
    const latest =
      allowed.includes('issue_apology') && row.due_at
        ? await deadlines.apologyLatest(row.due_at, row.legal_regime as LegalRegime)
        : null;
    return {
      ...toApplication(row, now()),
      ...(events ? { pausedMs: pausedMs(events, now()) } : {}),
      allowedActions: allowed,
      ...(latest ? { apologyLatestAt: latest.toISOString() } : {}),
    };
  }

  async function load(actor: Actor, id: string): Promise<ApplicationRow> {
    const row = await repo.find(db, id);
    if (!row) fail({ kind: 'NotFound', entity: 'application', id });
    const readers: Role[] = ['receptionist', 'specialist', 'leader', 'ioc_operator'];
    const visible =
      (await holds(actor, readers, row.receiving_unit_id)) ||
      (row.deciding_unit_id !== null && (await holds(actor, readers, row.deciding_unit_id)));
    if (!visible) fail({ kind: 'Forbidden', permission: 'applications.read' });
    return row;
  }

  async function intake(actor: Actor, body: IntakeBody, idempotencyKey?: string) {
    if (!(await holds(actor, ['receptionist'], body.receivingUnitId)))
      fail({ kind: 'Forbidden', permission: 'applications.receive' });
    const unit = await units.get(actor, body.receivingUnitId);
    if (body.channel === 'postal' && !body.postal) {
      fail({
        kind: 'Invalid',
        field: '/body/postal',
        detail: text(
          'Hồ sơ qua bưu chính cần số hiệu bưu gửi và ngày nhận',
          'A postal file needs its tracking number and date',
        ),
      });
    }
    if (body.applicant.kind === 'organisation' && !body.applicant.organisationName) {
      fail({
        kind: 'Invalid',
        field: '/body/applicant/organisationName',
        detail: text('Nhập tên tổ chức', 'Enter the organisation’s name'),
      });
    }
    const procedure = await procedures.find(body.procedureCode);
    if (!procedure)
      fail({
        kind: 'Invalid',
        field: '/body/procedureCode',
        detail: text('Không có thủ tục này trong danh mục', 'No such procedure in the catalog'),
      });
    const requestHash = createHash('sha256').update(JSON.stringify(body)).digest('hex');
    if (idempotencyKey) {
      const seen = await repo.findIdempotent(db, unit.provinceCode, actor.userId, idempotencyKey);
      if (seen) return replay(actor, seen, requestHash);
    }
    const outcome = intakeOutcome(body);
    const receivedAt = now();
    const regime = regimeAt(receivedAt);
    const received = outcome.state === 'received';
    const dueAt = received ? await deadlines.dueAt(receivedAt, procedure) : null;
    const state: State = outcome.state;
    // Outside the transaction: PGlite has one connection, a query on the pool inside it would wait forever.
    const unitCode = await codeUnit(unit.id);
    try {
      const created = await db.transaction().execute(async (trx) => {
        const seq = await repo.nextSequence(trx, unit.provinceCode, unit.id, vietnamDate(receivedAt));
        const code = formatApplicationCode(
          {
            unitCode,
            date: vietnamDate(receivedAt),
            seq,
          },
          unit.codeTemplate ?? undefined,
        );
        const row = await repo.insert(trx, {
          province_code: unit.provinceCode,
          code,
          lookup_key: lookupKeyFrom(randomBytes(6)),
          procedure_code: procedure.code,
          procedure_version: procedure.version,
          legal_regime: regime,
          receiving_unit_id: unit.id,
          deciding_unit_id: null,
          assignee_id: null,
          channel: CHANNEL[body.channel],
          state,
          portal_status: PORTAL_STATUS[state],
          applicant: { ...body.applicant, fullName: body.applicant.fullName.normalize('NFC') },
          applicant_id_number: body.applicant.idNumber ?? null,
          documents: body.documents,
          fee_amount: body.feeAmount ?? null,
          return_channel: body.returnChannel,
          postal: body.postal ?? null,
          received_at: received ? receivedAt : null,
          due_at: dueAt,
          original_due_at: dueAt,
          step_due_at: null,
          citizen_id: null,
          pre_receipt_supplements: state === 'pre_receipt_supplement' ? 1 : 0,
          processed_at: null,
          returned_at: null,
          finished_at: isTerminal(state) ? receivedAt : null,
        });
        const id = row.id;
        const event = await repo.appendEvent(trx, {
          provinceCode: unit.provinceCode,
          applicationId: id,
          at: receivedAt,
          actorId: actor.userId,
          actorUnitId: actor.unitId,
          action: outcome.action,
          fromState: null,
          toState: state,
          payload: {
            channel: body.channel,
            dueAt: dueAt?.toISOString() ?? null,
            procedureVersion: procedure.version,
            ...outcome.payload,
          },
          legalBasis: legalBasisOf(outcome.action, regime),
        });
        await onStep(trx, {
          action: outcome.action,
          row,
          payload: event.payload as Record<string, unknown>,
          at: receivedAt,
        });
        if (idempotencyKey)
          await repo.saveIdempotent(trx, {
            provinceCode: unit.provinceCode,
            userId: actor.userId,
            key: idempotencyKey,
            requestHash,
            applicationId: id,
          });
        await appendAudit(trx, {
          ...byActor(actor),
          provinceCode: unit.provinceCode,
          action: `application.${outcome.action}`,
          targetType: 'application',
          targetId: id,
          details: { code, procedure: procedure.code },
        });
        return { row, event };
      });
      // Built from what was written: no read back.
      return {
        application: await view(actor, created.row, [created.event]),
        events: [toEvent(created.event)],
      };
    } catch (error) {
      // Two retries of one request raced: the loser's key insert collided; answer with the winner's application.
      const seen = idempotencyKey
        ? await repo.findIdempotent(db, unit.provinceCode, actor.userId, idempotencyKey)
        : undefined;
      if (seen) return replay(actor, seen, requestHash);
      throw error;
    }
  }

  async function replay(
    actor: Actor,
    seen: { request_hash: string; application_id: string },
    requestHash: string,
  ) {
    if (seen.request_hash !== requestHash) {
      fail({
        kind: 'Conflict',
        entity: 'application',
        field: '/headers/idempotency-key',
        detail: text(
          'Khóa Idempotency-Key đã dùng cho một yêu cầu khác',
          'This Idempotency-Key was used for a different request',
        ),
      });
    }
    return get(actor, seen.application_id);
  }

  async function get(actor: Actor, id: string) {
    const row = await load(actor, id);
    const events = await repo.events(db, row.province_code, row.id);
    return { application: await view(actor, row, events), events: events.map(toEvent) };
  }

  async function act(actor: Actor, id: string, body: ActionBody) {
    const row = await load(actor, id);
    if (!(await holds(actor, rolesOf(body.action), unitFor(row, body.action))))
      fail({ kind: 'Forbidden', permission: `applications.${body.action}` });
    if (body.version !== row.version)
      fail({ kind: 'StaleVersion', entity: 'application', expected: body.version, actual: row.version });
    const at = now();
    const change = isNote(body.action)
      ? await noteChange(row, body, body.action, at)
      : await actionChange(row, body, body.action, at);
    const { version: _v, action: _a, ...details } = body;
    const updated = await db.transaction().execute(async (trx) => {
      const changed = await writeStep(
        trx,
        { onStep, onDeadline },
        {
          row,
          version: body.version,
          action: body.action,
          change,
          details,
          author: { userId: actor.userId, unitId: actor.unitId, requestId: actor.requestId },
          at,
        },
      );
      if (!changed)
        fail({
          kind: 'StaleVersion',
          entity: 'application',
          expected: body.version,
          actual: body.version + 1,
        });
      return changed;
    });
    const events = await repo.events(db, updated.province_code, updated.id);
    return { application: await view(actor, updated, events), events: events.map(toEvent) };
  }

  /** Who can be given the file: specialists and leaders of the deciding department (or the desk before transfer). */
  async function assignees(actor: Actor, id: string) {
    const row = await load(actor, id);
    const unitId = row.deciding_unit_id ?? row.receiving_unit_id;
    const { tree } = await units.loadTree();
    const path = tree.pathTo(unitId) ?? [];
    const rows = await repo.staffAt(
      db,
      path.map((p) => p.id),
      ['specialist', 'leader'],
    );
    const reach = rows.filter((r) => grantReaches({ role: r.role as Role, unitId: r.unit_id }, path));
    type Staff = 'specialist' | 'leader';
    const byUser = new Map<string, { id: string; fullName: string; roles: Staff[] }>();
    for (const r of reach) {
      const entry = byUser.get(r.id) ?? { id: r.id, fullName: r.full_name, roles: [] };
      if (!entry.roles.includes(r.role as Staff)) entry.roles.push(r.role as Staff);
      byUser.set(r.id, entry);
    }
    return { items: [...byUser.values()] };
  }

  async function queue(
    actor: Actor,
    query: {
      unitId: string;
      state?: State | undefined;
      channel?: 'counter' | 'postal' | undefined;
      mine?: boolean | undefined;
      limit?: number | undefined;
    },
  ) {
    const unit = await units.get(actor, query.unitId);
    if (!(await holds(actor, ['receptionist', 'specialist', 'leader', 'ioc_operator'], unit.id)))
      fail({ kind: 'Forbidden', permission: 'applications.read' });
    const { units: all, tree } = await units.loadTree();
    const unitIds = all.filter((u) => tree.isAncestorOrSelf(unit.id, u.id)).map((u) => u.id);
    const openStates = query.state ? [query.state] : undefined;
    const rows = await repo.queue(db, {
      provinceCode: unit.provinceCode,
      unitIds,
      ...(openStates ? { states: openStates } : {}),
      ...(query.mine ? { assigneeId: actor.userId } : {}),
      ...(query.channel ? { channel: query.channel } : {}),
      limit: query.limit ?? 100,
    });
    const at = now();
    const items = [];
    for (const row of rows)
      items.push({ ...toApplication(row, at), allowedActions: await allowedFor(actor, row) });
    return { items };
  }

  /** Mẫu 01's sources, worded by documents/receipt-data.ts: the file, its history, units, procedure, officer. */
  async function receiptSlip(actor: Actor, id: string) {
    const row = await load(actor, id);
    const events = await repo.events(db, row.province_code, row.id);
    const officerId = events.find((e) => e.action === 'receive')?.actor_id;
    return {
      application: row,
      events,
      units: await units.loadTree(),
      procedure: await procedures.find(row.procedure_code),
      officerName: officerId ? await documentsRepository.userFullName(db, officerId) : null,
    };
  }

  // `hooks`: for steps written outside this service (a citizen's online filing), the same as every step's.
  return {
    intake,
    get,
    act,
    queue,
    receiptSlip,
    assignees,
    load,
    holds,
    codeUnit,
    hooks: { onStep, onDeadline },
  };
}

export type ApplicationsService = ReturnType<typeof createApplicationsService>;
