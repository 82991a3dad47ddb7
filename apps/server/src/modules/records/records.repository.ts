import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { ApplicationDocumentsTable } from '../../db/schema-documents.ts';

type Db = Kysely<Database> | Transaction<Database>;
export type DocumentRow = Selectable<ApplicationDocumentsTable>;
/** A scan and its stored file (null when the file row is missing). */
export type ScanRow = DocumentRow & { media_type: string | null; size: string | null };

export interface ReusableRow {
  source: 'prior_application' | 'prior_result';
  code: string;
  application_id: string;
  position: number | null;
  name: string;
  sha256: string;
  file_name: string;
  pages: number;
  at: Date;
}

export interface DigitizationRow {
  unit_id: string;
  received: number;
  records_digitized: number;
  components: number;
  components_digitized: number;
  components_reused: number;
  finished: number;
  results_digitized: number;
}

/** SQL of the digitization records: scans per submitted document, reuse, and the rates. */
export const recordsRepository = {
  async upsert(trx: Transaction<Database>, row: DocumentRow): Promise<void> {
    await trx
      .insertInto('application_documents')
      .values(row)
      .onConflict((oc) =>
        oc.columns(['province_code', 'application_id', 'position']).doUpdateSet({
          sha256: row.sha256,
          file_name: row.file_name,
          pages: row.pages,
          digitized_at: row.digitized_at,
          digitized_by: row.digitized_by,
          reused_from_application_id: row.reused_from_application_id,
          reused_from_code: row.reused_from_code,
          reuse_source: row.reuse_source,
        }),
      )
      .execute();
  },

  /** The scans of a file with what each stored file is, in one query (not one per document). */
  async ofApplication(db: Db, provinceCode: string, applicationId: string): Promise<ScanRow[]> {
    return db
      .selectFrom('application_documents as d')
      .leftJoin('stored_files as f', (join) =>
        join.onRef('f.province_code', '=', 'd.province_code').onRef('f.sha256', '=', 'd.sha256'),
      )
      .selectAll('d')
      .select(['f.media_type', 'f.size'])
      .where('d.province_code', '=', provinceCode)
      .where('d.application_id', '=', applicationId)
      .orderBy('d.position')
      .execute();
  },

  async one(db: Db, provinceCode: string, applicationId: string, position: number) {
    return db
      .selectFrom('application_documents')
      .selectAll()
      .where('province_code', '=', provinceCode)
      .where('application_id', '=', applicationId)
      .where('position', '=', position)
      .executeTakeFirst();
  },

  /**
   * What the citizen already gave digitized, newest first: scans of their earlier files (not ones that were
   * themselves reused: the original is named as the source) and the results issued to them.
   */
  async reusable(db: Db, provinceCode: string, idNumber: string, exceptApplicationId: string) {
    const result = await sql<ReusableRow>`
      SELECT 'prior_application' AS source, a.code, a.id AS application_id, d.position,
             coalesce(a.documents -> (d.position - 1) ->> 'name', '') AS name,
             d.sha256, d.file_name, d.pages, d.digitized_at AS at
      FROM application_documents d
      JOIN applications a ON a.province_code = d.province_code AND a.id = d.application_id
      WHERE d.province_code = ${provinceCode} AND a.applicant_id_number = ${idNumber}
        AND a.id <> ${exceptApplicationId}::uuid AND d.reuse_source IS NULL
      UNION ALL
      SELECT 'prior_result', r.result_code, a.id, NULL,
             coalesce(r.content ->> 'title', r.result_code), r.sha256, r.result_code || '.pdf', coalesce(r.pages, 1),
             coalesce(r.sealed_at, r.created_at)
      FROM application_results r
      JOIN applications a ON a.province_code = r.province_code AND a.id = r.application_id
      WHERE r.province_code = ${provinceCode} AND a.applicant_id_number = ${idNumber}
        AND a.id <> ${exceptApplicationId}::uuid AND r.status IN ('sealed', 'scanned') AND r.sha256 IS NOT NULL
      ORDER BY at DESC
      LIMIT 200`.execute(db);
    return result.rows;
  },

  /**
   * Per receiving unit: files received in [from, to) and how many have every submitted document digitized;
   * documents, digitized, reused; files finished in the period with a digitized result.
   */
  async digitization(db: Db, provinceCode: string, unitIds: string[], from: Date, to: Date) {
    if (unitIds.length === 0) return [];
    const result = await sql<DigitizationRow>`
      WITH received AS (
        SELECT a.receiving_unit_id AS unit_id, a.id,
               jsonb_array_length(a.documents) AS components,
               (SELECT count(*) FROM application_documents d
                 WHERE d.province_code = a.province_code AND d.application_id = a.id) AS digitized,
               (SELECT count(*) FROM application_documents d
                 WHERE d.province_code = a.province_code AND d.application_id = a.id
                   AND d.reuse_source IS NOT NULL) AS reused
        FROM applications a
        WHERE a.province_code = ${provinceCode} AND a.receiving_unit_id = ANY(${unitIds}::uuid[])
          AND a.received_at >= ${from} AND a.received_at < ${to}
      ), finished AS (
        SELECT a.receiving_unit_id AS unit_id, a.id,
               EXISTS (SELECT 1 FROM application_results r
                        WHERE r.province_code = a.province_code AND r.application_id = a.id
                          AND r.sha256 IS NOT NULL AND r.status <> 'draft') AS has_result
        FROM applications a
        WHERE a.province_code = ${provinceCode} AND a.receiving_unit_id = ANY(${unitIds}::uuid[])
          AND a.state IN ('result_ready', 'returned')
          AND a.processed_at >= ${from} AND a.processed_at < ${to}
      ), units AS (
        SELECT unit_id FROM received UNION SELECT unit_id FROM finished
      )
      SELECT u.unit_id,
        (SELECT count(*) FROM received r WHERE r.unit_id = u.unit_id)::int AS received,
        (SELECT count(*) FROM received r WHERE r.unit_id = u.unit_id AND r.components > 0
            AND r.digitized >= r.components)::int AS records_digitized,
        (SELECT coalesce(sum(r.components), 0) FROM received r WHERE r.unit_id = u.unit_id)::int AS components,
        (SELECT coalesce(sum(r.digitized), 0) FROM received r WHERE r.unit_id = u.unit_id)::int AS components_digitized,
        (SELECT coalesce(sum(r.reused), 0) FROM received r WHERE r.unit_id = u.unit_id)::int AS components_reused,
        (SELECT count(*) FROM finished f WHERE f.unit_id = u.unit_id)::int AS finished,
        (SELECT count(*) FROM finished f WHERE f.unit_id = u.unit_id AND f.has_result)::int AS results_digitized
      FROM units u`.execute(db);
    return result.rows;
  },
};
