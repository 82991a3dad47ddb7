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

  /** The full names of several users (the officers on a control sheet), by id; unknown ids are left out. */
  async userFullNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await db
      .selectFrom('users')
      .select(['id', 'full_name'])
      .where('id', 'in', [...ids])
      .execute();
    return new Map(rows.map((r) => [r.id, r.full_name]));
  },
};
