import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface StoredFile {
  sha256: string;
  mediaType: string;
  size: number;
  pages: number | null;
}

/** What a stored file is; the same bytes uploaded twice are one row. */
export const filesRepository = {
  async record(trx: Db, provinceCode: string, file: StoredFile): Promise<void> {
    await trx
      .insertInto('stored_files')
      .values({
        province_code: provinceCode,
        sha256: file.sha256,
        media_type: file.mediaType,
        size: file.size,
        pages: file.pages,
      })
      .onConflict((oc) => oc.columns(['province_code', 'sha256']).doNothing())
      .execute();
  },

  async find(db: Db, provinceCode: string, sha256: string): Promise<StoredFile | undefined> {
    const row = await db
      .selectFrom('stored_files')
      .selectAll()
      .where('province_code', '=', provinceCode)
      .where('sha256', '=', sha256)
      .executeTakeFirst();
    return row
      ? { sha256: row.sha256, mediaType: row.media_type, size: Number(row.size), pages: row.pages }
      : undefined;
  },
};
