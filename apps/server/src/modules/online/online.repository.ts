import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { DocumentRow } from '../records/records.repository.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** SQL of online filing: procedure forms, the citizen's own files, and the documents uploaded with them. */
export const onlineRepository = {
  async form(db: Db, code: string) {
    return db.selectFrom('procedure_forms').selectAll().where('procedure_code', '=', code).executeTakeFirst();
  },

  async saveForm(
    db: Db,
    form: { code: string; fields: unknown; uploads: unknown; source: string; by: string | null; at: Date },
  ) {
    const values = {
      fields: JSON.stringify(form.fields),
      uploads: JSON.stringify(form.uploads),
      source: form.source,
      updated_at: form.at,
      updated_by: form.by,
    };
    await db
      .insertInto('procedure_forms')
      .values({ procedure_code: form.code, ...values })
      .onConflict((oc) => oc.column('procedure_code').doUpdateSet(values))
      .execute();
  },

  /** Seeds a form only where none exists: an administrator's edit is never overwritten. */
  async seedForm(db: Db, form: { code: string; fields: unknown; uploads: unknown; source: string }) {
    const result = await db
      .insertInto('procedure_forms')
      .values({
        procedure_code: form.code,
        fields: JSON.stringify(form.fields),
        uploads: JSON.stringify(form.uploads),
        source: form.source,
      })
      .onConflict((oc) => oc.column('procedure_code').doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0);
  },

  /** The citizen's file, or nothing: another citizen's file is as absent as a missing one. */
  async ownFile(db: Db, citizenId: string, id: string) {
    return db
      .selectFrom('applications')
      .selectAll()
      .where('id', '=', id)
      .where('citizen_id', '=', citizenId)
      .executeTakeFirst();
  },

  async insertDocuments(trx: Transaction<Database>, rows: DocumentRow[]) {
    if (rows.length) await trx.insertInto('application_documents').values(rows).execute();
  },

  /** The uploaded documents of a file, with their stored type and size, in one query. */
  async documents(db: Db, provinceCode: string, applicationId: string) {
    return db
      .selectFrom('application_documents as d')
      .innerJoin('stored_files as f', (join) =>
        join.onRef('f.province_code', '=', 'd.province_code').onRef('f.sha256', '=', 'd.sha256'),
      )
      .select([
        'd.position',
        'd.sha256',
        'd.file_name',
        'd.pages',
        'd.digitized_at',
        'f.media_type',
        'f.size',
      ])
      .where('d.province_code', '=', provinceCode)
      .where('d.application_id', '=', applicationId)
      .orderBy('d.position')
      .execute();
  },
};
