import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface NewKey {
  provinceCode: string;
  ownerKind: 'person' | 'organisation';
  unitId: string;
  userId: string | null;
  pkcs12: Buffer;
  certificate: Buffer;
  subject: string;
  notAfter: Date;
  imageSha256: string | null;
  createdBy: string | null;
}

/** SQL of signing keys (PKCS#12 as uploaded) and the roots verification trusts. */
export const keysRepository = {
  /** A new key replaces the holder's active one, in one transaction (one active key per holder). */
  async replace(trx: Transaction<Database>, key: NewKey) {
    let retire = trx
      .updateTable('signing_keys')
      .set({ active: false })
      .where('province_code', '=', key.provinceCode)
      .where('active', '=', true)
      .where('owner_kind', '=', key.ownerKind);
    retire =
      key.ownerKind === 'person'
        ? retire.where('user_id', '=', key.userId)
        : retire.where('unit_id', '=', key.unitId);
    await retire.execute();
    return trx
      .insertInto('signing_keys')
      .values({
        province_code: key.provinceCode,
        owner_kind: key.ownerKind,
        unit_id: key.unitId,
        user_id: key.userId,
        pkcs12: key.pkcs12,
        certificate: key.certificate,
        subject: key.subject,
        not_after: key.notAfter,
        image_sha256: key.imageSha256,
        created_by: key.createdBy,
      })
      .returning(['id'])
      .executeTakeFirstOrThrow();
  },

  /** The key in use: a person's (the leader's signature) or a unit's (the organisation's seal). */
  async active(db: Db, provinceCode: string, owner: { userId: string } | { unitId: string }) {
    const query = db
      .selectFrom('signing_keys')
      .selectAll()
      .where('province_code', '=', provinceCode)
      .where('active', '=', true);
    const owned =
      'userId' in owner
        ? query.where('owner_kind', '=', 'person').where('user_id', '=', owner.userId)
        : query.where('owner_kind', '=', 'organisation').where('unit_id', '=', owner.unitId);
    return owned.executeTakeFirst();
  },

  async listForUnits(db: Db, provinceCode: string, unitIds: string[]) {
    if (unitIds.length === 0) return [];
    return db
      .selectFrom('signing_keys')
      .select([
        'id',
        'owner_kind',
        'unit_id',
        'user_id',
        'subject',
        'not_after',
        'image_sha256',
        'active',
        'created_at',
      ])
      .where('province_code', '=', provinceCode)
      .where('unit_id', 'in', unitIds)
      .orderBy('created_at', 'desc')
      .limit(500)
      .execute();
  },

  async addRoot(db: Db, root: { certificate: Buffer; subject: string; notAfter: Date; demo: boolean }) {
    const sha256 = createHash('sha256').update(root.certificate).digest('hex');
    await db
      .insertInto('trusted_roots')
      .values({
        certificate: root.certificate,
        sha256,
        subject: root.subject,
        not_after: root.notAfter,
        demo: root.demo,
      })
      .onConflict((oc) => oc.column('sha256').doNothing())
      .execute();
    return sha256;
  },

  async roots(db: Db) {
    return db.selectFrom('trusted_roots').selectAll().orderBy('created_at').execute();
  },
};
