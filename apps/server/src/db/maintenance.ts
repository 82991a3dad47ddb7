import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.ts';

/**
 * PGlite runs neither autovacuum nor the checkpointer (architecture.md §2): without this the WAL and dead
 * tuples grow without bound. On a PostgreSQL server the server does it itself.
 */
export async function runMaintenance(db: Kysely<Database>): Promise<void> {
  await sql`CHECKPOINT`.execute(db);
  await sql`VACUUM (ANALYZE)`.execute(db);
}
