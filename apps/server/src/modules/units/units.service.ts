import type { Kysely } from 'kysely';
import type { UnitCreateBody, UnitUpdateBody } from '@motcua/contracts/units';
import { fail, text } from '@motcua/domain/errors';
import { can, type Grant } from '@motcua/domain/permissions/access';
import type { Permission } from '@motcua/domain/permissions/roles';
import { indexTree } from '@motcua/domain/units/tree';
import { canNest, fitsWithin, isValidOn, validityProblem } from '@motcua/domain/units/units';
import type { Database } from '../../db/schema.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { byActor, type Actor } from '../actor.ts';
import { ttlCache } from '../../cache.ts';
import { unitsRepository as repo, type UnitRow } from './units.repository.ts';

const ENDS_BEFORE_START = text('Ngày hết hiệu lực trước ngày bắt đầu', 'validTo is before validFrom');

/**
 * How long the unit tree is kept in memory. Every request checks roles against it, and units change a few times
 * a year: this process sees its own changes at once, another process's within this time.
 */
export const UNIT_TREE_TTL_MS = 10_000;

export function createUnitsService(deps: { db: Kysely<Database>; clock?: () => number }) {
  const { db } = deps;
  const tree = ttlCache(
    async () => {
      const units = await repo.listAll(db);
      return { units, tree: indexTree(units) };
    },
    UNIT_TREE_TTL_MS,
    deps.clock,
  );
  const loadTree = () => tree.get(undefined);
  const invalidate = () => tree.invalidate();

  /** Throws NotFound / Forbidden unless the grants allow `permission` on the unit. */
  async function authorize(
    grants: readonly Grant[],
    permission: Permission,
    unitId: string,
  ): Promise<UnitRow> {
    const { tree } = await loadTree();
    const unit = tree.get(unitId) as UnitRow | undefined;
    const path = tree.pathTo(unitId);
    if (!unit || !path) fail({ kind: 'NotFound', entity: 'unit', id: unitId });
    if (!can(grants, permission, path)) fail({ kind: 'Forbidden', permission });
    return unit;
  }

  async function list(
    actor: Actor,
    query: { at?: string | undefined; kind?: string | undefined; parentId?: string | undefined },
  ) {
    const { units, tree } = await loadTree();
    const items = units.filter((unit) => {
      const path = tree.pathTo(unit.id);
      if (!path || !can(actor.grants, 'units.read', path)) return false;
      if (query.at !== undefined && !isValidOn(unit, query.at)) return false;
      if (query.kind !== undefined && unit.kind !== query.kind) return false;
      return query.parentId === undefined || unit.parentId === query.parentId;
    });
    return { items };
  }

  async function get(actor: Actor, id: string) {
    return authorize(actor.grants, 'units.read', id);
  }

  async function create(actor: Actor, body: UnitCreateBody) {
    const { units, tree } = await loadTree();
    const parent = body.parentId ? (tree.get(body.parentId) as UnitRow | undefined) : undefined;
    if (body.parentId && !parent)
      fail({ kind: 'Invalid', field: '/body/parentId', detail: text('Không có đơn vị này', 'No such unit') });
    const parentPath = parent ? tree.pathTo(parent.id) : undefined;
    // A root (a country) can only be added by whoever manages an existing root: i.e. the system administrator.
    const roots = units.filter((u) => u.parentId === null);
    const allowed = parentPath
      ? can(actor.grants, 'units.manage', parentPath)
      : roots.some((r) => can(actor.grants, 'units.manage', tree.pathTo(r.id) ?? []));
    if (!allowed) fail({ kind: 'Forbidden', permission: 'units.manage' });
    if (!canNest(body.kind, parent?.kind ?? null)) {
      fail({
        kind: 'Invalid',
        field: '/body/kind',
        detail: text(
          `Loại đơn vị “${body.kind}” không thể đặt dưới “${parent?.kind ?? '—'}”`,
          `A ${body.kind} cannot be placed under ${parent ? `a ${parent.kind}` : 'nothing'}`,
        ),
      });
    }
    const validity = { validFrom: body.validFrom ?? null, validTo: body.validTo ?? null };
    const invalid = validityProblem(validity);
    if (invalid) fail({ kind: 'Invalid', field: '/body/validTo', detail: ENDS_BEFORE_START });
    if (parent && !fitsWithin(validity, parent)) {
      fail({
        kind: 'Invalid',
        field: '/body/validFrom',
        detail: text(
          'Thời gian hiệu lực của đơn vị phải nằm trong thời gian hiệu lực của đơn vị cấp trên',
          'The unit must lie within its parent’s validity dates',
        ),
      });
    }
    let provinceCode = parent?.provinceCode ?? '00';
    if (body.kind === 'province') {
      provinceCode = body.provinceCode ?? body.code ?? '';
      if (!/^[0-9]{2}$/.test(provinceCode))
        fail({
          kind: 'Invalid',
          field: '/body/code',
          detail: text('Tỉnh cần mã GSO 2 chữ số', 'A province needs its two-digit GSO code'),
        });
    }
    const predecessors = body.predecessorIds ?? [];
    for (const [index, id] of predecessors.entries()) {
      if (!tree.get(id))
        fail({
          kind: 'Invalid',
          field: `/body/predecessorIds/${index}`,
          detail: text('Không có đơn vị này', 'No such unit'),
        });
    }
    if (predecessors.length > 0 && !validity.validFrom) {
      fail({
        kind: 'Invalid',
        field: '/body/validFrom',
        detail: text(
          'Đơn vị hình thành từ đơn vị khác cần có ngày bắt đầu hiệu lực',
          'A unit formed from predecessors needs the date it was formed',
        ),
      });
    }
    const created = await db.transaction().execute(async (trx) => {
      if (body.code && (await repo.codeTaken(trx, body.code, validity.validFrom))) {
        fail({
          kind: 'Conflict',
          entity: 'unit',
          field: '/body/code',
          detail: text(
            `Mã ${body.code} đã tồn tại với cùng ngày hiệu lực`,
            `Code ${body.code} already exists from the same date`,
          ),
        });
      }
      const id = await repo.insert(trx, {
        code: body.code ?? null,
        name: body.name.normalize('NFC'),
        nameEn: body.nameEn ?? null,
        kind: body.kind,
        parentId: parent?.id ?? null,
        provinceCode,
        validFrom: validity.validFrom,
        validTo: validity.validTo,
        source: body.source ?? null,
      });
      for (const predecessorId of predecessors) {
        await repo.insertLink(trx, {
          predecessorId,
          successorId: id,
          effectiveOn: validity.validFrom!,
          basis: body.source ?? null,
        });
      }
      await appendAudit(trx, {
        ...byActor(actor),
        provinceCode,
        action: 'unit.created',
        targetType: 'unit',
        targetId: id,
        details: { code: body.code ?? null, name: body.name, kind: body.kind },
      });
      return (await repo.listAll(trx)).find((u) => u.id === id)!;
    });
    invalidate();
    return created;
  }

  async function update(actor: Actor, id: string, body: UnitUpdateBody) {
    const unit = await authorize(actor.grants, 'units.manage', id);
    if (body.validTo !== undefined && validityProblem({ validFrom: unit.validFrom, validTo: body.validTo })) {
      fail({ kind: 'Invalid', field: '/body/validTo', detail: ENDS_BEFORE_START });
    }
    const updated = await db.transaction().execute(async (trx) => {
      await repo.update(trx, id, { ...body, ...(body.name ? { name: body.name.normalize('NFC') } : {}) });
      await appendAudit(trx, {
        ...byActor(actor),
        provinceCode: unit.provinceCode,
        action: 'unit.updated',
        targetType: 'unit',
        targetId: id,
        details: { ...body },
      });
      return (await repo.listAll(trx)).find((u) => u.id === id)!;
    });
    invalidate();
    return updated;
  }

  return { list, get, create, update, authorize, loadTree, invalidate };
}

export type UnitsService = ReturnType<typeof createUnitsService>;
