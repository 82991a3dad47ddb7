import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import {
  GENESIS_HASH,
  recordHash,
  verifyChain,
  type AuditRecord,
  type ChainBreak,
} from '@motcua/domain/audit/chain';
import type { Database } from '../../db/schema.ts';

export const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

export interface AuditEntry {
  provinceCode: string;
  actorId: string | null;
  actorUnitId: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  requestId: string | null;
  details?: Record<string, unknown>;
}

/** Appends one record to the province's chain. Must run inside the business transaction. */
export async function appendAudit(
  trx: Transaction<Database>,
  entry: AuditEntry,
  now = new Date(),
): Promise<AuditRecord> {
  // The head row is locked for the rest of the transaction: records of a province are appended one at a time.
  const lockHead = () =>
    trx
      .selectFrom('audit_heads')
      .selectAll()
      .where('province_code', '=', entry.provinceCode)
      .forUpdate()
      .executeTakeFirst();
  let head = await lockHead();
  if (!head) {
    // A province's first record: create its head (once, whoever races), then lock it.
    await trx
      .insertInto('audit_heads')
      .values({ province_code: entry.provinceCode, seq: 0, hash: GENESIS_HASH })
      .onConflict((oc) => oc.column('province_code').doNothing())
      .execute();
    head = await lockHead();
    if (!head) throw new Error(`audit head of province ${entry.provinceCode} is missing`);
  }
  const content = {
    provinceCode: entry.provinceCode,
    seq: head.seq + 1,
    at: now.toISOString(),
    actorId: entry.actorId,
    actorUnitId: entry.actorUnitId,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    requestId: entry.requestId,
    details: entry.details ?? {},
    prevHash: head.hash,
  };
  const record: AuditRecord = { ...content, hash: recordHash(content, sha256) };
  // One round trip: the record and the new head together (a data-modifying CTE).
  await trx
    .with('appended', (db) =>
      db
        .insertInto('audit_log')
        .values({
          province_code: record.provinceCode,
          seq: record.seq,
          at: record.at,
          actor_id: record.actorId,
          actor_unit_id: record.actorUnitId,
          action: record.action,
          target_type: record.targetType,
          target_id: record.targetId,
          request_id: record.requestId,
          details: JSON.stringify(record.details),
          prev_hash: record.prevHash,
          hash: record.hash,
        })
        .returning(['province_code', 'seq', 'hash']),
    )
    .updateTable('audit_heads')
    .from('appended')
    .set((eb) => ({ seq: eb.ref('appended.seq'), hash: eb.ref('appended.hash') }))
    .whereRef('audit_heads.province_code', '=', 'appended.province_code')
    .execute();
  return record;
}

type Row = Database['audit_log'] extends infer T ? { [K in keyof T]: unknown } : never;

function toRecord(row: Row): AuditRecord {
  return {
    provinceCode: row.province_code as string,
    seq: Number(row.seq),
    at: (row.at as Date).toISOString(),
    actorId: row.actor_id as string | null,
    actorUnitId: row.actor_unit_id as string | null,
    action: row.action as string,
    targetType: row.target_type as string,
    targetId: row.target_id as string | null,
    requestId: row.request_id as string | null,
    details: row.details,
    prevHash: row.prev_hash as string,
    hash: row.hash as string,
  };
}

export async function listAudit(
  db: Kysely<Database>,
  filter: { provinceCode?: string; limit: number; beforeSeq?: number },
): Promise<AuditRecord[]> {
  let query = db
    .selectFrom('audit_log')
    .selectAll()
    .orderBy('at', 'desc')
    .orderBy('seq', 'desc')
    .limit(filter.limit);
  if (filter.provinceCode) query = query.where('province_code', '=', filter.provinceCode);
  if (filter.beforeSeq !== undefined) query = query.where('seq', '<', filter.beforeSeq);
  return (await query.execute()).map(toRecord);
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  error?: ChainBreak;
}

/** Walks every province's chain in batches and compares its end with the stored head. */
export async function verifyAudit(
  db: Kysely<Database>,
  onProgress?: (checked: number, total: number) => void,
): Promise<VerifyResult> {
  const heads = await db.selectFrom('audit_heads').selectAll().orderBy('province_code').execute();
  const total = heads.reduce((sum, head) => sum + head.seq, 0);
  const orphan = await db
    .selectFrom('audit_log')
    .select('province_code')
    .where('province_code', 'not in', heads.length ? heads.map((h) => h.province_code) : [''])
    .executeTakeFirst();
  if (orphan)
    return {
      ok: false,
      checked: 0,
      error: { kind: 'head', provinceCode: orphan.province_code, expectedSeq: 0, foundSeq: 1 },
    };
  let checked = 0;
  for (const head of heads) {
    let last = { seq: 0, hash: GENESIS_HASH };
    for (;;) {
      const rows = await db
        .selectFrom('audit_log')
        .selectAll()
        .where('province_code', '=', head.province_code)
        .where('seq', '>', last.seq)
        .orderBy('seq')
        .limit(5000)
        .execute();
      if (rows.length === 0) break;
      const result = verifyChain(rows.map(toRecord), sha256, last);
      if (!result.ok) return { ok: false, checked, error: result.error };
      checked += rows.length;
      last = result.last;
      onProgress?.(checked, total);
    }
    if (last.seq !== head.seq || last.hash !== head.hash) {
      return {
        ok: false,
        checked,
        error: { kind: 'head', provinceCode: head.province_code, expectedSeq: head.seq, foundSeq: last.seq },
      };
    }
  }
  return { ok: true, checked };
}
