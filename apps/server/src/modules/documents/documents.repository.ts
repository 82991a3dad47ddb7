import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** What printed documents need from other tables. */
export const documentsRepository = {
  /** The full name of an officer, for the signature block of a slip. */
  async userFullName(db: Db, userId: string): Promise<string | null> {
    const row = await db.selectFrom('users').select('full_name').where('id', '=', userId).executeTakeFirst();
    return row?.full_name ?? null;
  },
};
