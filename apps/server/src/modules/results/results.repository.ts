import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type {
  ApplicationResultsTable,
  OutgoingDocumentsTable,
  ResultStatus,
} from '../../db/schema-documents.ts';

type Db = Kysely<Database> | Transaction<Database>;
export type ResultRow = Selectable<ApplicationResultsTable>;
export type OutgoingRow = Selectable<OutgoingDocumentsTable>;

/** "05/QĐ-UBND": a number below 10 takes a leading zero (Decree 30/2020 Annex I). */
export const numberSymbolOf = (number: number, symbol: string) =>
  `${String(number).padStart(2, '0')}/${symbol}`;

/** SQL of results, the document-number sequence and the outgoing-documents register. */
export const resultsRepository = {
  /** A new result numbered n = last + 1 of the file, in one statement (the primary key settles races). */
  async insert(
    trx: Transaction<Database>,
    row: { provinceCode: string; applicationId: string; code: string; status: ResultStatus; content: object },
    extra: { sha256?: string; pages?: number; draftedBy: string },
  ): Promise<ResultRow> {
    const result = await sql<ResultRow>`
      INSERT INTO application_results
        (province_code, application_id, n, result_code, status, content, sha256, pages, drafted_by)
      SELECT ${row.provinceCode}::text, ${row.applicationId}::uuid, coalesce(max(n), 0) + 1,
        ${row.code}::text || '-KQ' || (coalesce(max(n), 0) + 1), ${row.status}::text,
        ${JSON.stringify(row.content)}::jsonb, ${extra.sha256 ?? null}::text, ${extra.pages ?? null}::int,
        ${extra.draftedBy}::uuid
      FROM application_results
      WHERE province_code = ${row.provinceCode} AND application_id = ${row.applicationId}::uuid
      RETURNING *`.execute(trx);
    return result.rows[0]!;
  },

  /** Signed e-results of a file (sealed by the organisation, or a scanned signed paper). */
  async signedCount(db: Db, provinceCode: string, applicationId: string): Promise<number> {
    const row = await db
      .selectFrom('application_results')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('province_code', '=', provinceCode)
      .where('application_id', '=', applicationId)
      .where('status', 'in', ['sealed', 'scanned'])
      .where('sha256', 'is not', null)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  async list(db: Db, provinceCode: string, applicationId: string): Promise<ResultRow[]> {
    return db
      .selectFrom('application_results')
      .selectAll()
      .where('province_code', '=', provinceCode)
      .where('application_id', '=', applicationId)
      .orderBy('n')
      .execute();
  },

  /** One result, locked when read inside a transaction: signing the same draft twice waits, then sees it signed. */
  async find(db: Db, provinceCode: string, applicationId: string, n: number, lock = false) {
    let query = db
      .selectFrom('application_results')
      .selectAll()
      .where('province_code', '=', provinceCode)
      .where('application_id', '=', applicationId)
      .where('n', '=', n);
    if (lock) query = query.forUpdate();
    return query.executeTakeFirst();
  },

  async update(
    trx: Transaction<Database>,
    key: { provinceCode: string; applicationId: string; n: number },
    patch: Partial<Omit<ResultRow, 'province_code' | 'application_id' | 'n' | 'content' | 'created_at'>> & {
      content?: string;
    },
  ) {
    await trx
      .updateTable('application_results')
      .set(patch)
      .where('province_code', '=', key.provinceCode)
      .where('application_id', '=', key.applicationId)
      .where('n', '=', key.n)
      .execute();
  },

  /** The next number of the issuing organisation's year; the row lock orders concurrent issues. */
  async nextNumber(trx: Transaction<Database>, provinceCode: string, unitId: string, year: number) {
    const row = await trx
      .insertInto('document_sequences')
      .values({ province_code: provinceCode, unit_id: unitId, year, last: 1 })
      .onConflict((oc) =>
        oc
          .columns(['province_code', 'unit_id', 'year'])
          .doUpdateSet({ last: sql`document_sequences.last + 1` }),
      )
      .returning('last')
      .executeTakeFirstOrThrow();
    return row.last;
  },

  async insertOutgoing(
    trx: Transaction<Database>,
    doc: Omit<OutgoingRow, 'id' | 'created_at'>,
  ): Promise<OutgoingRow> {
    return trx.insertInto('outgoing_documents').values(doc).returningAll().executeTakeFirstOrThrow();
  },

  async setOutgoingFile(trx: Transaction<Database>, provinceCode: string, id: string, sha256: string) {
    await trx
      .updateTable('outgoing_documents')
      .set({ sha256 })
      .where('province_code', '=', provinceCode)
      .where('id', '=', id)
      .execute();
  },

  async outgoing(db: Db, provinceCode: string, unitIds: string[], from: Date, to: Date) {
    if (unitIds.length === 0) return [];
    return db
      .selectFrom('outgoing_documents')
      .selectAll()
      .where('province_code', '=', provinceCode)
      .where('unit_id', 'in', unitIds)
      .where('issued_at', '>=', from)
      .where('issued_at', '<', to)
      .orderBy('issued_at')
      .orderBy('number')
      .limit(5000)
      .execute();
  },

  async outgoingById(db: Db, provinceCode: string, id: string) {
    return db
      .selectFrom('outgoing_documents')
      .selectAll()
      .where('province_code', '=', provinceCode)
      .where('id', '=', id)
      .executeTakeFirst();
  },

  /** Documents issued and how many digitally signed, per issuing unit, in [from, to). */
  async signedShare(db: Db, provinceCode: string, unitIds: string[], from: Date, to: Date) {
    if (unitIds.length === 0) return [];
    return db
      .selectFrom('outgoing_documents')
      .select((eb) => [
        'unit_id',
        eb.fn.countAll<string>().as('issued'),
        eb.fn.count<string>(sql`CASE WHEN signed_digitally THEN 1 END`).as('signed'),
      ])
      .where('province_code', '=', provinceCode)
      .where('unit_id', 'in', unitIds)
      .where('issued_at', '>=', from)
      .where('issued_at', '<', to)
      .groupBy('unit_id')
      .execute();
  },
};
