import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.ts';

const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

export function listMigrations(): string[] {
  return fs
    .readdirSync(MIGRATIONS_DIR)
    .filter((name) => /^\d{4}_.+\.sql$/.test(name))
    .sort();
}

/**
 * Forward-only plain SQL migrations, each in its own transaction. The table lock makes concurrent starts of
 * several server processes safe without advisory locks (which distributed PostgreSQL may not offer).
 */
export async function migrate(db: Kysely<Database>, onApplied?: (name: string) => void): Promise<string[]> {
  await sql`CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`.execute(
    db,
  );
  const applied: string[] = [];
  for (const name of listMigrations()) {
    const done = await db.transaction().execute(async (trx) => {
      await sql`LOCK TABLE schema_migrations IN EXCLUSIVE MODE`.execute(trx);
      const exists = await trx
        .selectFrom('schema_migrations')
        .select('name')
        .where('name', '=', name)
        .executeTakeFirst();
      if (exists) return false;
      await sql.raw(fs.readFileSync(path.join(MIGRATIONS_DIR, name), 'utf8')).execute(trx);
      await trx.insertInto('schema_migrations').values({ name }).execute();
      return true;
    });
    if (done) {
      applied.push(name);
      onApplied?.(name);
    }
  }
  return applied;
}
