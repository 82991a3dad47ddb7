import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { migrate } from '../src/db/migrate.ts';
import { openStore, type Store } from '../src/db/store.ts';

/**
 * A fresh, migrated store for one test file: PGlite in a temporary folder by default, or a new database on
 * the PostgreSQL server named by MOTCUA_TEST_DATABASE_URL (dropped afterwards).
 */
export interface TestStore {
  store: Store;
  dispose: () => Promise<void>;
}

export const testDatabaseUrl = process.env.MOTCUA_TEST_DATABASE_URL;
export const storeLabel = testDatabaseUrl ? 'postgres' : 'pglite';

export async function createTestStore(): Promise<TestStore> {
  if (testDatabaseUrl) {
    const name = `motcua_test_${Date.now()}_${randomBytes(3).toString('hex')}`;
    const admin = new pg.Client({ connectionString: testDatabaseUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(testDatabaseUrl);
    url.pathname = `/${name}`;
    const store = await openStore({ databaseUrl: url.toString(), dataDir: '' });
    await migrate(store.db);
    return {
      store,
      async dispose() {
        await store.close();
        const cleanup = new pg.Client({ connectionString: testDatabaseUrl });
        await cleanup.connect();
        await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await cleanup.end();
      },
    };
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-test-'));
  const store = await openStore({ dataDir });
  await migrate(store.db);
  return {
    store,
    async dispose() {
      await store.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
