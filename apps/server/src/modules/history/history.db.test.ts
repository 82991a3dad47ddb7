import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { createServices } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import type { Actor } from '../actor.ts';
import { seedUnits } from '../seed/seed.service.ts';
import { unitsRepository } from '../units/units.repository.ts';
import { REPO_ROOT, runCli } from '../../../test/process.ts';
import { createTestStore, storeLabel, testDatabaseUrl, type TestStore } from '../../../test/store.ts';
import { generatedCount, seedHistory } from './history.service.ts';

/**
 * The whole Lâm Hà profile written into a fresh store: the normal report path (rollups) and an independent
 * recomputation from the raw export both give the published figures (../shared/docs/product.md, "The demo").
 */
describe(`history: the Lâm Hà profile gives the published figures (${storeLabel})`, () => {
  let t: TestStore;
  let services: ReturnType<typeof createServices>;
  let actor: Actor;
  let districtId: string;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-history-'));

  before(async () => {
    t = await createTestStore();
    await seedUnits(t.store.db);
    services = createServices(t.store, loadConfig({}));
    const units = await unitsRepository.listAll(t.store.db);
    districtId = units.find((u) => u.code === '676')!.id;
    actor = {
      userId: '00000000-0000-0000-0000-000000000000',
      username: 'test',
      unitId: units.find((u) => u.parentId === null)!.id,
      provinceCode: '00',
      grants: [{ role: 'ioc_operator', unitId: units.find((u) => u.parentId === null)!.id }],
      requestId: 'history-test',
      via: 'cli',
    };
  });
  after(async () => {
    await t.dispose();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  const summary = (from: string, to: string) =>
    services.reports.summary(actor, { unitId: districtId, from, to, below: true, history: true, by: 'unit' });

  test('a second run needs --replace, which replaces the earlier history', async () => {
    const small = await seedHistory(t.store.db, {
      profile: 'lamha-2021-2025',
      seed: 1,
      scale: 0.01,
      replace: false,
    });
    assert.equal(await generatedCount(t.store.db), small.files);
    await assert.rejects(
      seedHistory(t.store.db, { profile: 'lamha-2021-2025', seed: 1, scale: 0.01, replace: false }),
      /--replace/,
    );
    await assert.rejects(
      seedHistory(t.store.db, { profile: 'lamha-2099', seed: 1, scale: 1, replace: true }),
      /--profile: unknown profile/,
    );
  });

  test('the full profile: the report reproduces every published figure', async () => {
    const outcome = await seedHistory(t.store.db, {
      profile: 'lamha-2021-2025',
      seed: 1,
      scale: 1,
      replace: true,
    });
    process.stdout.write(
      `# ${storeLabel}: ${JSON.stringify(outcome.seconds)} ${JSON.stringify(outcome.rows)}\n`,
    );
    assert.equal(await generatedCount(t.store.db), 302_048);
    const report = await summary('2021-01-01', '2025-03-31');
    const { counts, rates } = report.total;
    assert.deepEqual(report.problems, []);
    assert.equal(counts.received, 302_048);
    assert.equal(counts.carried, 0);
    assert.equal(counts.resolved, 302_011);
    assert.equal(counts.in_progress, 37);
    assert.equal(counts.early + counts.on_time, 299_558);
    assert.equal(counts.late, 2_453);
    assert.equal(rates.onTimeOfReceived, 99.18);
    assert.equal(counts.new_postal, 5_731);
    assert.equal(counts.postal_returned, 8_797);
    assert.equal(counts.ratings, 35_749);
    assert.equal(counts.ratings_satisfied, 30_251);
    assert.equal(rates.satisfaction, 84.62);
    assert.ok(counts.supplement_requests > 0 && counts.apologies > 0 && counts.new_online > 0);
    const digitized = async (from: string, to: string) => (await summary(from, to)).total.rates.digitized;
    assert.equal(await digitized('2022-01-01', '2022-12-31'), 37.1);
    assert.equal(await digitized('2023-01-01', '2023-12-31'), 78.8);
    assert.ok((await digitized('2024-01-01', '2024-12-31'))! >= 99.9);
    assert.equal(await digitized('2025-01-01', '2025-03-31'), 100);
  });

  test('the raw export, recomputed by a script of its own, gives the same figures', async () => {
    const files = path.join(tmp, 'files.csv');
    const events = path.join(tmp, 'events.csv');
    let target: string[];
    let env: Record<string, string> = {};
    if (testDatabaseUrl) {
      const name = (await sql<{ d: string }>`SELECT current_database() AS d`.execute(t.store.db)).rows[0]!.d;
      const url = new URL(testDatabaseUrl);
      url.pathname = `/${name}`;
      env = { DATABASE_URL: url.toString() };
      target = [];
    } else {
      // PGlite serves one process: the test lets go of the folder while the command runs.
      await t.store.close();
      target = ['--data-dir', t.store.dataDir!];
    }
    const args = [
      'export',
      'applications',
      '--unit',
      '676',
      '--history',
      '--from',
      '2021-01-01',
      '--to',
      '2025-03-31',
    ];
    const exported = await runCli([...args, '--out', files, '--events', events, ...target], env, 900_000);
    assert.equal(exported.code, 0, exported.stderr);
    const out = execFileSync(
      process.execPath,
      [
        path.join(REPO_ROOT, 'scripts/recompute-report.mjs'),
        '--files',
        files,
        '--events',
        events,
        '--from',
        '2021-01-01',
        '--to',
        '2025-03-31',
      ],
      { maxBuffer: 16 * 1024 * 1024 },
    ).toString();
    const r = JSON.parse(out);
    assert.equal(r.counts.received, 302_048);
    assert.equal(r.counts.resolved, 302_011);
    assert.equal(r.counts.in_progress, 37);
    assert.equal(r.counts.early + r.counts.on_time, 299_558);
    assert.equal(r.counts.late, 2_453);
    assert.equal(r.rates.onTimeOfReceived, 99.18);
    assert.deepEqual(r.postal, { received: 5_731, returned: 8_797, total: 14_528 });
    assert.equal(r.byYear['2022'].digitized, 37.1);
    assert.equal(r.byYear['2023'].digitized, 78.8);
    assert.ok(r.byYear['2024'].digitized >= 99.9);
    assert.equal(r.byYear['2025'].digitized, 100);
    assert.equal(r.counts.ratings, 35_749);
    assert.equal(r.rates.satisfaction, 84.62);
    assert.ok(r.counts.supplement_requests > 0 && r.counts.apologies > 0);
  });
});
