import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { startServer } from '../../test/process.ts';

const ADMIN_URL = process.env.MOTCUA_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function reachable(): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return undefined;
  } catch (error) {
    return `no PostgreSQL server at ${ADMIN_URL} (${(error as Error).message})`;
  }
}

test('with DATABASE_URL the same server migrates, seeds and serves the demo on PostgreSQL', async (t) => {
  const why = await reachable();
  if (why) return t.skip(why);
  const name = `motcua_serve_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  try {
    const server = await startServer([], {
      DATABASE_URL: url.toString(),
      MOTCUA_DEMO_PASSWORD: 'postgres-demo-pass',
    });
    try {
      const health = (await (await fetch(`${server.url}/api/health`)).json()) as {
        store: { kind: string; version: string };
      };
      assert.equal(health.store.kind, 'postgres');
      assert.match(health.store.version, /^\d+/);
      const login = await fetch(`${server.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'quantri', password: 'postgres-demo-pass' }),
      });
      assert.equal(login.status, 200);
      const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
      const units = (await (
        await fetch(`${server.url}/api/units?at=2025-06-30`, { headers: { cookie } })
      ).json()) as { items: { name: string }[] };
      assert.ok(units.items.some((u) => u.name === 'Huyện Lâm Hà'));
    } finally {
      assert.equal(await server.stop(), 0);
    }
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
});
