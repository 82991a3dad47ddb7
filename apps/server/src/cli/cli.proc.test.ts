import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openStore } from '../db/store.ts';
import { runCli, startServer } from '../../test/process.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-cli-'));
const PASSWORD = 'cli-test-password';
const env = { MOTCUA_DEMO_PASSWORD: PASSWORD };

describe('the motcua command (pglite)', () => {
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  test('--help lists every command', async () => {
    const result = await runCli(['--help']);
    assert.equal(result.code, 0);
    for (const command of [
      'serve',
      'migrate',
      'seed',
      'users',
      'units',
      'backup',
      'restore',
      'audit',
      'openapi',
      'report',
      'export',
    ]) {
      assert.match(result.stdout, new RegExp(`\\b${command}\\b`));
    }
    const sub = await runCli(['users', 'create', '--help']);
    assert.match(sub.stdout, /--full-name/);
  });

  test('reports from the command line: JSON, CSV, XLSX; a bad period is named', async () => {
    const dir = path.join(tmp, 'report');
    assert.equal((await runCli(['seed', '--no-demo-users', '--data-dir', dir], env)).code, 0);
    const json = await runCli([
      'report',
      'summary',
      '--period',
      '2024-Q4',
      '--unit',
      '676',
      '--data-dir',
      dir,
    ]);
    assert.equal(json.code, 0, json.stderr);
    const report = JSON.parse(json.stdout);
    assert.equal(report.unit.name, 'Huyện Lâm Hà');
    assert.equal(report.period.label, 'Quý IV năm 2024');
    const csv = await runCli([
      'report',
      'index',
      '--period',
      '2024-Q4',
      '--format',
      'csv',
      '--data-dir',
      dir,
    ]);
    assert.equal(csv.code, 0, csv.stderr);
    assert.match(csv.stdout, /^\uFEFFXếp hạng,Đơn vị,/);
    const out = path.join(dir, 'index.xlsx');
    const xlsx = await runCli([
      'report',
      'index',
      '--period',
      '2024',
      '--format',
      'xlsx',
      '--out',
      out,
      '--data-dir',
      dir,
    ]);
    assert.equal(xlsx.code, 0, xlsx.stderr);
    assert.equal(fs.readFileSync(out).subarray(0, 2).toString(), 'PK');
    const bad = await runCli(['report', 'summary', '--period', '2024-Q5', '--data-dir', dir]);
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /--period.*2024-Q4/);
    const unknown = await runCli([
      'report',
      'summary',
      '--period',
      '2024',
      '--unit',
      '99999',
      '--data-dir',
      dir,
    ]);
    assert.match(unknown.stderr, /--unit: no unit with code or id 99999/);
    const raw = await runCli([
      'export',
      'applications',
      '--from',
      '2024-01-01',
      '--to',
      '2024-12-31',
      '--data-dir',
      dir,
    ]);
    assert.equal(raw.code, 0, raw.stderr);
    assert.match(raw.stdout, /^\uFEFFcode,unit_code,unit_name,procedure_code,channel,state,received_at/);
  });

  test('a bad environment variable is named in the error', async () => {
    const result = await runCli(['migrate', '--data-dir', path.join(tmp, 'env')], { PORT: 'eighty' });
    assert.equal(result.code, 1);
    assert.match(result.stderr, /PORT/);
  });

  test('audit verify passes on an intact trail and names the first altered or deleted record', async () => {
    const dir = path.join(tmp, 'audit');
    const seeded = await runCli(['seed', '--data-dir', dir], env);
    assert.equal(seeded.code, 0, seeded.stderr);
    assert.match(seeded.stdout, /unit\(s\) added/);
    const ok = await runCli(['audit', 'verify', '--data-dir', dir]);
    assert.equal(ok.code, 0, ok.stderr);
    assert.match(ok.stdout, /audit trail intact: \d+ record/);

    let store = await openStore({ dataDir: dir });
    await store.db
      .updateTable('audit_log')
      .set({ details: JSON.stringify({ username: 'kẻ gian' }) })
      .where('province_code', '=', '68')
      .where('seq', '=', 3)
      .execute();
    await store.close();
    const altered = await runCli(['audit', 'verify', '--data-dir', dir]);
    assert.equal(altered.code, 1);
    assert.match(altered.stderr, /province 68, record #3: the record was altered/);

    store = await openStore({ dataDir: dir });
    const row = await store.db
      .selectFrom('audit_log')
      .select('hash')
      .where('province_code', '=', '68')
      .where('seq', '=', 3)
      .executeTakeFirstOrThrow();
    await store.db.deleteFrom('audit_log').where('province_code', '=', '68').where('seq', '=', 3).execute();
    await store.close();
    assert.ok(row.hash);
    const deleted = await runCli(['audit', 'verify', '--data-dir', dir]);
    assert.equal(deleted.code, 1);
    assert.match(deleted.stderr, /expected record #3, found #4: a record is missing/);
  });

  test('users create and units add work from the command line, with clear errors', async () => {
    const dir = path.join(tmp, 'admin');
    assert.equal((await runCli(['seed', '--no-demo-users', '--data-dir', dir])).code, 0);
    const unit = await runCli([
      'units',
      'add',
      '--data-dir',
      dir,
      '--code',
      '98',
      '--name',
      'Tỉnh Thử',
      '--kind',
      'province',
      '--parent',
      'VN',
    ]);
    assert.equal(unit.code, 0, unit.stderr);
    assert.match(unit.stdout, /Tỉnh Thử added/);
    const user = await runCli(
      [
        'users',
        'create',
        '--data-dir',
        dir,
        '--username',
        'nguyen.an',
        '--full-name',
        'Nguyễn An',
        '--unit',
        '24871',
        '--role',
        'receptionist',
        'leader@68',
      ],
      {
        MOTCUA_NEW_PASSWORD: 'a-long-enough-password',
      },
    );
    assert.equal(user.code, 0, user.stderr);
    const badRole = await runCli([
      'users',
      'create',
      '--data-dir',
      dir,
      '--username',
      'x.y',
      '--full-name',
      'X Y',
      '--unit',
      '24871',
      '--role',
      'boss',
    ]);
    assert.equal(badRole.code, 1);
    assert.match(badRole.stderr, /--role: unknown role "boss"/);
    const badUnit = await runCli([
      'users',
      'create',
      '--data-dir',
      dir,
      '--username',
      'x.z',
      '--full-name',
      'X Z',
      '--unit',
      '00000',
      '--role',
      'admin',
    ]);
    assert.match(badUnit.stderr, /--unit\/--parent: no unit with code or id 00000/);
  });

  test('a second server on the same data folder fails with a clear message; production refuses demo accounts', async () => {
    const dir = path.join(tmp, 'lock');
    const first = await startServer(['--data-dir', dir], env);
    try {
      const second = await runCli(['serve', '--port', '0', '--data-dir', dir], env);
      assert.equal(second.code, 1);
      assert.match(second.stderr, /already in use by another motcua process \(pid \d+\)/);
    } finally {
      assert.equal(await first.stop(), 0);
    }
    const production = await runCli(['serve', '--production', '--port', '0', '--data-dir', dir]);
    assert.equal(production.code, 1);
    assert.match(production.stderr, /Refusing to start in production: 5 demo account/);
  });

  test('a production start on an empty folder seeds no demo users', async () => {
    const dir = path.join(tmp, 'prod');
    const server = await startServer(['--production', '--data-dir', dir]);
    try {
      assert.doesNotMatch(server.output(), /demo accounts/);
      const login = await fetch(`${server.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'quantri', password: PASSWORD }),
      });
      assert.equal(login.status, 401);
    } finally {
      await server.stop();
    }
  });

  test('backup and restore round-trip the embedded store', async () => {
    const dir = path.join(tmp, 'audit');
    const file = path.join(tmp, 'backup.tar.gz');
    const backup = await runCli(['backup', '--out', file, '--data-dir', dir]);
    assert.equal(backup.code, 0, backup.stderr);
    const target = path.join(tmp, 'restored');
    const restored = await runCli(['restore', '--from', file, '--data-dir', target]);
    assert.equal(restored.code, 0, restored.stderr);
    const again = await runCli(['restore', '--from', file, '--data-dir', target]);
    assert.equal(again.code, 1);
    assert.match(again.stderr, /is not empty; pass --force/);
    const store = await openStore({ dataDir: target });
    const units = await store.db
      .selectFrom('units')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    await store.close();
    assert.equal(Number(units.n), 33);
  });
});
