import type { Kysely, Transaction } from 'kysely';
import type { UnitKind } from '@motcua/domain/units/units';
import type { Database } from '../../db/schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface UnitRow {
  id: string;
  code: string | null;
  name: string;
  nameEn: string | null;
  kind: UnitKind;
  parentId: string | null;
  provinceCode: string;
  validFrom: string | null;
  validTo: string | null;
  source: string | null;
  identityCode: string | null;
  codeTemplate: string | null;
  predecessorIds: string[];
  successorIds: string[];
}

export interface NewUnit {
  code: string | null;
  name: string;
  nameEn: string | null;
  kind: UnitKind;
  parentId: string | null;
  provinceCode: string;
  validFrom: string | null;
  validTo: string | null;
  source: string | null;
}

export const unitsRepository = {
  /** The whole tree with its links. Units are a small reference table (a country has ~4,000 units after 2025). */
  async listAll(db: Db): Promise<UnitRow[]> {
    const [units, links] = await Promise.all([
      db.selectFrom('units').selectAll().orderBy('province_code').orderBy('code').orderBy('name').execute(),
      db.selectFrom('unit_links').select(['predecessor_id', 'successor_id']).execute(),
    ]);
    const predecessors = new Map<string, string[]>();
    const successors = new Map<string, string[]>();
    for (const link of links) {
      predecessors.set(link.successor_id, [
        ...(predecessors.get(link.successor_id) ?? []),
        link.predecessor_id,
      ]);
      successors.set(link.predecessor_id, [
        ...(successors.get(link.predecessor_id) ?? []),
        link.successor_id,
      ]);
    }
    return units.map((u) => ({
      id: u.id,
      code: u.code,
      name: u.name,
      nameEn: u.name_en,
      kind: u.kind as UnitKind,
      parentId: u.parent_id,
      provinceCode: u.province_code,
      validFrom: u.valid_from,
      validTo: u.valid_to,
      source: u.source,
      identityCode: u.identity_code,
      codeTemplate: u.code_template,
      predecessorIds: predecessors.get(u.id) ?? [],
      successorIds: successors.get(u.id) ?? [],
    }));
  },

  async insert(db: Db, unit: NewUnit & { id?: string }): Promise<string> {
    const row = await db
      .insertInto('units')
      .values({
        ...(unit.id ? { id: unit.id } : {}),
        code: unit.code,
        name: unit.name,
        name_en: unit.nameEn,
        kind: unit.kind,
        parent_id: unit.parentId,
        province_code: unit.provinceCode,
        valid_from: unit.validFrom,
        valid_to: unit.validTo,
        source: unit.source,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  },

  async codeTaken(db: Db, code: string, validFrom: string | null): Promise<boolean> {
    let query = db.selectFrom('units').select('id').where('code', '=', code);
    query =
      validFrom === null ? query.where('valid_from', 'is', null) : query.where('valid_from', '=', validFrom);
    return (await query.executeTakeFirst()) !== undefined;
  },

  async insertLink(
    db: Db,
    link: { predecessorId: string; successorId: string; effectiveOn: string; basis: string | null },
  ) {
    await db
      .insertInto('unit_links')
      .values({
        predecessor_id: link.predecessorId,
        successor_id: link.successorId,
        effective_on: link.effectiveOn,
        basis: link.basis,
      })
      .onConflict((oc) => oc.columns(['predecessor_id', 'successor_id']).doNothing())
      .execute();
  },

  async update(
    db: Db,
    id: string,
    patch: {
      name?: string;
      nameEn?: string;
      validTo?: string | null;
      source?: string;
      identityCode?: string;
    },
  ) {
    await db
      .updateTable('units')
      .set({
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(patch.nameEn !== undefined ? { name_en: patch.nameEn } : {}),
        ...(patch.validTo !== undefined ? { valid_to: patch.validTo } : {}),
        ...(patch.source !== undefined ? { source: patch.source } : {}),
        ...(patch.identityCode !== undefined ? { identity_code: patch.identityCode } : {}),
      })
      .where('id', '=', id)
      .execute();
  },

  async count(db: Db): Promise<number> {
    const row = await db
      .selectFrom('units')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },
};
