// Figure 5: counter intake over HTTP (POST /api/applications as the demo receptionist) against a plain
// single-row INSERT into a scratch table of the same store, with the same number of concurrent clients.
// The server is a child process on a fresh store; once it has stopped, this process opens the same store with
// the server's own openStore() (for PGlite: the same worker + unix socket + one-connection pg.Pool; for
// PostgreSQL: the same 10-connection pg.Pool) and times the inserts. A PGlite folder has one owner at a time
// (lock.ts) and its socket serves one connection, which the running server's pool holds, hence the order.
import http from 'node:http';
import { sql } from 'kysely';
import { openStore } from '../src/db/store.ts';
import { login, request, type BenchSession, type HttpResult } from './lib.ts';
import { drive, expectStatus, hammer, measured, type LoadRun } from './load.ts';
import { BENCH_PASSWORD, withServer, withTarget, type ServerChild } from './server-process.ts';
import type { StoreKind } from './startup.ts';

/** A birth registration received at the counter, shaped like the `birth()` of receipt-slip.db.test.ts. */
export function birth(receivingUnitId: string) {
  const person = { kind: 'person', fullName: 'Trần Văn Bình', idNumber: '068190005678', phone: '0987654321' };
  const applicant = { ...person, email: 'binh.tran@example.vn', address: 'Thôn 3, xã Đinh Văn Lâm Hà' };
  const documents = ['Tờ khai đăng ký khai sinh', 'Giấy chứng sinh'].map((name, i) => ({
    name,
    copyType: i === 0 ? 'original' : 'certified_copy',
    quantity: 1,
  }));
  const fees = { feeAmount: 8000, returnChannel: 'counter' };
  return { procedureCode: '1.001193', receivingUnitId, channel: 'counter', applicant, documents, ...fees };
}

export interface Desk {
  session: BenchSession;
  /** The receptionist's unit: the public administrative service centre of xã Đinh Văn Lâm Hà. */
  unitId: string;
  /** One POST /api/applications of `birth(unitId)`. */
  intake: (agent: http.Agent) => Promise<HttpResult>;
}

/** Logs in as the demo receptionist `motcua` and finds the service centre it receives files for. */
export async function desk(server: ServerChild): Promise<Desk> {
  const session = await login(server.url, 'motcua', BENCH_PASSWORD);
  const agent = new http.Agent();
  const units = expectStatus<{ items: { id: string; kind: string; name: string }[] }>(
    'GET /api/units',
    await request(agent, `${server.url}/api/units`, { headers: { cookie: session.cookie } }),
  );
  agent.destroy();
  const pasc = units.items.find((u) => u.kind === 'pasc' && u.name.endsWith('Đinh Văn Lâm Hà'));
  if (!pasc) throw new Error('no service centre of xã Đinh Văn Lâm Hà among the units motcua sees');
  const body = JSON.stringify(birth(pasc.id));
  const headers = {
    cookie: session.cookie,
    'x-csrf-token': session.csrfToken,
    'content-type': 'application/json',
  };
  return {
    session,
    unitId: pasc.id,
    intake: (a) => request(a, `${server.url}/api/applications`, { method: 'POST', headers, body }),
  };
}

export interface IntakeRun {
  intakeRps: number;
  intakeP50: number;
  intakeP95: number;
  intakeErrors: number;
  insertRps: number;
  insertP50: number;
  insertP95: number;
  insertErrors: number;
  /** intake/s ÷ insert/s of the run with the same index. */
  ratio: number;
}

export function intakeVsInsert(
  kind: StoreKind,
  adminUrl: string | undefined,
  options: { runs: number; durationMs: number; clients: number },
  log: (line: string) => void,
): Promise<IntakeRun[]> {
  const { runs, durationMs, clients } = options;
  return withTarget(kind, adminUrl, async (target) => {
    const intakes = await withServer(target, async (server) => {
      const d = await desk(server);
      const probe = expectStatus<{ application: { code: string } }>(
        'POST /api/applications',
        await d.intake(new http.Agent()),
        201,
      );
      log(`  ${kind}: intake answers 201, code ${probe.application.code}`);
      return measured(`${kind} intake`, runs, () => hammer(clients, durationMs, 201, d.intake), log);
    });
    const store = await openStore({ dataDir: target.dataDir, databaseUrl: target.databaseUrl });
    let inserts: LoadRun[];
    try {
      await sql`CREATE TABLE bench_insert (id bigserial PRIMARY KEY, payload jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now())`.execute(store.db);
      const payload = JSON.stringify(birth('00000000-0000-0000-0000-000000000000'));
      const insert = async () => {
        await sql`INSERT INTO bench_insert (payload) VALUES (${payload}::jsonb)`.execute(store.db);
        return true;
      };
      inserts = await measured(`${kind} insert`, runs, () => drive(clients, durationMs, insert), log);
      await sql`DROP TABLE bench_insert`.execute(store.db);
    } finally {
      await store.close();
    }
    return intakes.map((a, i) => {
      const b = inserts[i]!;
      return {
        intakeRps: a.rps,
        intakeP50: a.p50,
        intakeP95: a.p95,
        intakeErrors: a.errors,
        insertRps: b.rps,
        insertP50: b.p50,
        insertP95: b.p95,
        insertErrors: b.errors,
        ratio: a.rps / b.rps,
      };
    });
  });
}
