import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { ActionBody, IntakeBody } from '@motcua/contracts/applications';
import { formatApplicationCode, lookupKeyFrom } from '@motcua/domain/codes/application-code';
import { fail, text } from '@motcua/domain/errors';
import { grantReaches } from '@motcua/domain/permissions/access';
import type { Role } from '@motcua/domain/permissions/roles';
import { decide } from '@motcua/domain/workflow/decide';
import { PORTAL_STATUS, isTerminal, type State } from '@motcua/domain/workflow/states';
import { ACTION_ROLES, ACTION_SIDE, allowedActions } from '@motcua/domain/workflow/transitions';
import type { Database } from '../../db/schema.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { byActor, type Actor } from '../actor.ts';
import { documentsRepository } from '../documents/documents.repository.ts';
import type { UnitsService } from '../units/units.service.ts';
import {
  applicationsRepository as repo,
  type ApplicationPatch,
  type ApplicationRow,
} from './applications.repository.ts';
import { effectsOf } from './effects.ts';
import type { Deadlines, ProcedureLookup } from './ports.ts';
import { toApplication, toEvent } from './view.ts';

const CHANNEL = { counter: 1, online: 2, postal: 3 } as const;
// Decree 118/2025 replaced Decree 61/2018 on 1 July 2025 (vn-rules.md §0): each file keeps the regime of its receipt.
const REGIME_CHANGE = new Date('2025-06-30T17:00:00Z');
const vietnamDate = (at: Date) => new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);

export function createApplicationsService(deps: {
  db: Kysely<Database>;
  units: UnitsService;
  procedures: ProcedureLookup;
  deadlines: Deadlines;
  clock?: () => Date;
}) {
  const { db, units, procedures, deadlines } = deps;
  const now = deps.clock ?? (() => new Date());

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
    const receivedAt = now();
    const dueAt = await deadlines.dueAt(receivedAt, procedure);
    const state: State = 'received';
    // Outside the transaction: PGlite has one connection, a query on the pool inside it would wait forever.
    const unitCode = await codeUnit(unit.id);
    try {
      const id = await db.transaction().execute(async (trx) => {
        const seq = await repo.nextSequence(trx, unit.provinceCode, unit.id, vietnamDate(receivedAt));
        const code = formatApplicationCode(
          {
            unitCode,
            date: vietnamDate(receivedAt),
            seq,
          },
          unit.codeTemplate ?? undefined,
        );
        const id = await repo.insert(trx, {
          province_code: unit.provinceCode,
          code,
          lookup_key: lookupKeyFrom(randomBytes(6)),
          procedure_code: procedure.code,
          procedure_version: procedure.version,
          legal_regime: receivedAt < REGIME_CHANGE ? 'decree_61_2018' : 'decree_118_2025',
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
          received_at: receivedAt,
          due_at: dueAt,
          original_due_at: dueAt,
          processed_at: null,
          returned_at: null,
          finished_at: null,
        });
        await repo.appendEvent(trx, {
          provinceCode: unit.provinceCode,
          applicationId: id,
          at: receivedAt,
          actorId: actor.userId,
          actorUnitId: actor.unitId,
          action: 'receive',
          fromState: null,
          toState: state,
          payload: {
            channel: body.channel,
            dueAt: dueAt?.toISOString() ?? null,
            procedureVersion: procedure.version,
          },
          legalBasis: 'Circular 01/2018/TT-VPCP, Mẫu 01',
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
          action: 'application.received',
          targetType: 'application',
          targetId: id,
          details: { code, procedure: procedure.code },
        });
        return id;
      });
      return get(actor, id);
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
    return { application: toApplication(row), events: events.map(toEvent) };
  }

  async function act(actor: Actor, id: string, body: ActionBody) {
    const row = await load(actor, id);
    const side =
      ACTION_SIDE[body.action] === 'receiving'
        ? row.receiving_unit_id
        : (row.deciding_unit_id ?? row.receiving_unit_id);
    if (!(await holds(actor, ACTION_ROLES[body.action], side)))
      fail({ kind: 'Forbidden', permission: `applications.${body.action}` });
    if (body.version !== row.version)
      fail({ kind: 'StaleVersion', entity: 'application', expected: body.version, actual: row.version });
    const result = decide(
      {
        state: row.state as State,
        supplementRequests: row.supplement_requests,
        preReceiptSupplements: row.pre_receipt_supplements,
      },
      body,
    );
    if (!result.ok) fail(result.error);
    const at = now();
    const patch: ApplicationPatch = await effectsOf(result.decision, body, row, at, deadlines);
    const to = result.decision.to;
    patch.state = to;
    patch.portal_status = PORTAL_STATUS[to];
    if (isTerminal(to) && !row.finished_at) patch.finished_at = at;
    await db.transaction().execute(async (trx) => {
      if (!(await repo.update(trx, row, body.version, patch)))
        fail({
          kind: 'StaleVersion',
          entity: 'application',
          expected: body.version,
          actual: body.version + 1,
        });
      const { version: _v, action: _a, ...details } = body;
      await repo.appendEvent(trx, {
        provinceCode: row.province_code,
        applicationId: row.id,
        at,
        actorId: actor.userId,
        actorUnitId: actor.unitId,
        action: body.action,
        fromState: row.state,
        toState: to,
        payload: {
          ...details,
          ...(result.decision.countsAsLate ? { countsAsLate: true } : {}),
          ...(patch.due_at ? { dueAt: patch.due_at.toISOString() } : {}),
        },
        legalBasis: null,
      });
      await appendAudit(trx, {
        ...byActor(actor),
        provinceCode: row.province_code,
        action: `application.${body.action}`,
        targetType: 'application',
        targetId: row.id,
        details: { code: row.code, from: row.state, to },
      });
    });
    return get(actor, id);
  }

  async function queue(
    actor: Actor,
    query: {
      unitId: string;
      state?: State | undefined;
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
      limit: query.limit ?? 100,
    });
    return { items: rows.map(toApplication) };
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

  return { intake, get, act, queue, receiptSlip, allowedActions };
}

export type ApplicationsService = ReturnType<typeof createApplicationsService>;
