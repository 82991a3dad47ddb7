import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, type RunningServer } from '../../test/process.ts';

const PASSWORD = 'durability-password';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-kill-'));

async function signIn(server: RunningServer) {
  const response = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'quantri', password: PASSWORD }),
  });
  assert.equal(response.status, 200);
  const cookie = response.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { cookie, csrfToken };
}

describe('crash safety of the embedded store (pglite)', () => {
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  test('SIGKILL during writes loses no acknowledged write, and the next start opens the store without repair', async (t) => {
    const env = { MOTCUA_DEMO_PASSWORD: PASSWORD };
    const acknowledged: string[] = [];
    for (let round = 0; round < 3; round += 1) {
      const server = await startServer(['--data-dir', tmp], env);
      const { cookie, csrfToken } = await signIn(server);
      const units = (await (
        await fetch(`${server.url}/api/units?kind=province`, { headers: { cookie } })
      ).json()) as { items: { id: string }[] };
      const parentId = units.items[0]!.id;
      let stop = false;
      const writer = async (lane: number) => {
        for (let i = 0; !stop; i += 1) {
          try {
            const response = await fetch(`${server.url}/api/units`, {
              method: 'POST',
              headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
              body: JSON.stringify({
                name: `Phòng kiểm thử ${round}-${lane}-${i}`,
                kind: 'department',
                parentId,
              }),
            });
            if (response.status === 201) acknowledged.push(((await response.json()) as { id: string }).id);
          } catch {
            return; // the server died mid-request: that write was never acknowledged
          }
        }
      };
      const lanes = [0, 1, 2, 3].map(writer);
      await new Promise((resolve) => setTimeout(resolve, 1500 + round * 500));
      const code = await server.stop('SIGKILL');
      stop = true;
      await Promise.all(lanes);
      assert.equal(code, null);
    }
    assert.ok(acknowledged.length > 20, `only ${acknowledged.length} writes were acknowledged`);

    const server = await startServer(['--data-dir', tmp], env);
    try {
      const { cookie } = await signIn(server);
      const all = (await (await fetch(`${server.url}/api/units`, { headers: { cookie } })).json()) as {
        items: { id: string }[];
      };
      const present = new Set(all.items.map((u) => u.id));
      const lost = acknowledged.filter((id) => !present.has(id));
      t.diagnostic(`${acknowledged.length} acknowledged writes across 3 SIGKILLs, ${lost.length} lost`);
      assert.deepEqual(lost, [], `${lost.length} of ${acknowledged.length} acknowledged writes were lost`);
      const verify = await fetch(`${server.url}/api/audit/verify`, { headers: { cookie } });
      assert.equal(
        ((await verify.json()) as { ok: boolean }).ok,
        true,
        'the audit chain survived the crashes',
      );
    } finally {
      await server.stop();
    }
  });
});
