import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { startServer, type RunningServer } from '../../../test/process.ts';

const PASSWORD = 'intake-crash-password';
const ADMIN_URL = process.env.MOTCUA_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function signIn(server: RunningServer) {
  const response = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'motcua', password: PASSWORD }),
  });
  assert.equal(response.status, 200);
  const cookie = response.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken, user } = (await response.json()) as { csrfToken: string; user: { unitId: string } };
  return { cookie, csrfToken, unitId: user.unitId };
}

/** Intakes from 4 lanes until SIGKILL; then every acknowledged application must be there, codes unique. */
async function crashRounds(args: string[], env: Record<string, string>) {
  const acknowledged = new Map<string, string>();
  for (let round = 0; round < 2; round += 1) {
    const server = await startServer(args, env);
    const { cookie, csrfToken, unitId } = await signIn(server);
    let stop = false;
    const lane = async () => {
      while (!stop) {
        try {
          const response = await fetch(`${server.url}/api/applications`, {
            method: 'POST',
            headers: {
              cookie,
              'x-csrf-token': csrfToken,
              'content-type': 'application/json',
              'idempotency-key': randomBytes(8).toString('hex'),
            },
            body: JSON.stringify({
              procedureCode: '1.001193',
              receivingUnitId: unitId,
              channel: 'counter',
              applicant: { kind: 'person', fullName: 'Trần Văn Bình', address: 'Thôn 2' },
              documents: [],
              returnChannel: 'counter',
            }),
          });
          if (response.status === 201) {
            const { application } = (await response.json()) as { application: { id: string; code: string } };
            acknowledged.set(application.id, application.code);
          }
        } catch {
          return;
        }
      }
    };
    const lanes = [lane(), lane(), lane(), lane()];
    await new Promise((resolve) => setTimeout(resolve, 2000));
    await server.stop('SIGKILL');
    stop = true;
    await Promise.all(lanes);
  }
  const server = await startServer(args, env);
  try {
    const { cookie, unitId } = await signIn(server);
    const listed = (await (
      await fetch(`${server.url}/api/applications?unitId=${unitId}&limit=500`, { headers: { cookie } })
    ).json()) as {
      items: { id: string; code: string }[];
    };
    const found = new Map(listed.items.map((a) => [a.id, a.code]));
    const lost = [...acknowledged.keys()].filter((id) => found.get(id) !== acknowledged.get(id));
    return { acknowledged: acknowledged.size, lost, codes: listed.items.map((a) => a.code) };
  } finally {
    await server.stop();
  }
}

describe('SIGKILL during a stream of intakes', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-intake-kill-'));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('PGlite: no acknowledged application lost, no code given twice', async (t) => {
    const result = await crashRounds(['--data-dir', dir], { MOTCUA_DEMO_PASSWORD: PASSWORD });
    t.diagnostic(`${result.acknowledged} acknowledged intakes across 2 kills, ${result.lost.length} lost`);
    assert.ok(result.acknowledged > 10 && result.acknowledged <= 500);
    assert.deepEqual(result.lost, []);
    assert.equal(new Set(result.codes).size, result.codes.length);
  });

  test('PostgreSQL: the same', async (t) => {
    const admin = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 2000 });
    try {
      await admin.connect();
    } catch (error) {
      return t.skip(`no PostgreSQL server at ${ADMIN_URL} (${(error as Error).message})`);
    }
    const name = `motcua_kill_${randomBytes(4).toString('hex')}`;
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(ADMIN_URL);
    url.pathname = `/${name}`;
    try {
      const result = await crashRounds([], { MOTCUA_DEMO_PASSWORD: PASSWORD, DATABASE_URL: url.toString() });
      t.diagnostic(`${result.acknowledged} acknowledged intakes across 2 kills, ${result.lost.length} lost`);
      assert.ok(result.acknowledged > 10 && result.acknowledged <= 500);
      assert.deepEqual(result.lost, []);
      assert.equal(new Set(result.codes).size, result.codes.length);
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  });
});
