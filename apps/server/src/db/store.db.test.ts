import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { createTestStore, storeLabel, testDatabaseUrl, type TestStore } from '../../test/store.ts';
import { DataDirLockedError } from './lock.ts';
import { runMaintenance } from './maintenance.ts';
import { listMigrations, migrate } from './migrate.ts';
import { openStore } from './store.ts';

describe(`store (${storeLabel})`, () => {
  let t: TestStore;
  before(async () => {
    t = await createTestStore();
  });
  after(() => t.dispose());

  test('migrations are recorded and a second run applies nothing', async () => {
    const applied = await t.store.db.selectFrom('schema_migrations').select('name').orderBy('name').execute();
    assert.deepEqual(
      applied.map((r) => r.name),
      listMigrations(),
    );
    assert.deepEqual(await migrate(t.store.db), []);
  });

  test('two concurrent migrate calls apply each migration once', async () => {
    const [a, b] = await Promise.all([migrate(t.store.db), migrate(t.store.db)]);
    assert.deepEqual([...a, ...b], []);
  });

  test('maintenance (CHECKPOINT, VACUUM ANALYZE) runs on the store', async () => {
    await runMaintenance(t.store.db);
    const analyzed = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM pg_stat_user_tables WHERE last_vacuum IS NOT NULL`.execute(t.store.db);
    assert.ok(analyzed.rows[0]!.n > 0);
  });

  test('dates come back as YYYY-MM-DD strings, whatever the time zone', async () => {
    const row = await sql<{ d: string }>`SELECT DATE '2025-06-30' AS d`.execute(t.store.db);
    assert.equal(row.rows[0]!.d, '2025-06-30');
  });

  test('the health version names the store', async () => {
    assert.match(await t.store.serverVersion(), testDatabaseUrl ? /^\d+/ : /\(PGlite\)$/);
  });
});

describe('embedded store folder', { skip: testDatabaseUrl ? 'PGlite only' : false }, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-store-'));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('a second open of a folder in use fails with a message naming the folder and the owner', async () => {
    const store = await openStore({ dataDir: dir, maxWalSizeMb: 64 });
    try {
      await assert.rejects(openStore({ dataDir: dir }), (error: unknown) => {
        assert.ok(error instanceof DataDirLockedError);
        assert.match(error.message, new RegExp(`${dir}.*already in use.*pid ${process.pid}`));
        return true;
      });
    } finally {
      await store.close();
    }
  });

  test('the WAL cap is in force after a restart', async () => {
    const store = await openStore({ dataDir: dir, maxWalSizeMb: 64 });
    try {
      const row = await sql<{ max_wal_size: string }>`SHOW max_wal_size`.execute(store.db);
      assert.equal(row.rows[0]!.max_wal_size, '64MB');
    } finally {
      await store.close();
    }
  });
});
