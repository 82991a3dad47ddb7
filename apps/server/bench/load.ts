// Figure 4: cost of an authenticated read, GET /api/units with a session cookie, from a few concurrent
// keep-alive clients in this process against the real server (child process). Also the load loop that the
// lifecycle figures (intake.ts, lookup.ts) reuse.
import http from 'node:http';
import { login, percentile, request, sleep, type HttpResult } from './lib.ts';
import { BENCH_PASSWORD, withServer, withTarget } from './server-process.ts';
import type { StoreKind } from './startup.ts';

const MAX_REQUESTS_PER_CLIENT = 1_000_000;

export interface LoadRun {
  p50: number;
  p95: number;
  p99: number;
  rps: number;
  requests: number;
  errors: number;
}

/** Percentiles and rate of the successes since `started`. */
function summary(latencies: number[], errors: number, started: number): LoadRun {
  const elapsedS = (performance.now() - started) / 1000;
  return {
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    rps: latencies.length / elapsedS,
    requests: latencies.length,
    errors,
  };
}

/** One request, timed from `from`: a success adds its latency, a failure or a rejection counts an error. */
async function attempt(once: () => Promise<boolean>, from: number, latencies: number[]): Promise<boolean> {
  try {
    if (await once()) {
      latencies.push(performance.now() - from);
      return true;
    }
  } catch {
    // counted below
  }
  return false;
}

/**
 * `clients` concurrent loops, each calling `once` back to back until `durationMs` has passed. `once` resolves
 * true for a success; a false or a rejection counts as an error. Latencies and throughput count successes.
 */
export async function drive(
  clients: number,
  durationMs: number,
  once: () => Promise<boolean>,
): Promise<LoadRun> {
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const deadline = started + durationMs;
  const client = async () => {
    for (let i = 0; i < MAX_REQUESTS_PER_CLIENT && performance.now() < deadline; i += 1) {
      if (!(await attempt(once, performance.now(), latencies))) errors += 1;
    }
  };
  await Promise.all(Array.from({ length: clients }, client));
  return summary(latencies, errors, started);
}

/**
 * Open loop: each of `clients` sends one request every `intervalMs` (a random first offset), whether or not
 * the server keeps up, so the arrival rate is clients ÷ interval. Latency runs from the scheduled moment: a
 * request that had to wait for the client's previous one counts its wait (no coordinated omission).
 */
export async function pace(
  clients: number,
  durationMs: number,
  intervalMs: number,
  once: () => Promise<boolean>,
): Promise<LoadRun> {
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const deadline = started + durationMs;
  const client = async () => {
    let at = started + Math.random() * intervalMs;
    while (at < deadline) {
      const wait = at - performance.now();
      if (wait > 0) await sleep(wait);
      if (!(await attempt(once, at, latencies))) errors += 1;
      at += intervalMs;
    }
  };
  await Promise.all(Array.from({ length: clients }, client));
  return summary(latencies, errors, started);
}

/** `drive` over HTTP: one keep-alive socket per client; `send` makes one request, success = `expected` status. */
export async function hammer(
  clients: number,
  durationMs: number,
  expected: number,
  send: (agent: http.Agent) => Promise<HttpResult>,
): Promise<LoadRun> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
  try {
    return await drive(clients, durationMs, async () => (await send(agent)).status === expected);
  } finally {
    agent.destroy();
  }
}

/** One warm-up run (JIT, plans, pool, caches), then `runs` measured runs, each logged; 250 ms apart. */
export async function measured(
  label: string,
  runs: number,
  run: () => Promise<LoadRun>,
  log: (line: string) => void,
): Promise<LoadRun[]> {
  await run();
  const results: LoadRun[] = [];
  for (let i = 0; i < runs; i += 1) {
    const r = await run();
    log(
      `  ${label} run ${i + 1}/${runs}: p50 ${r.p50.toFixed(2)} ms, p95 ${r.p95.toFixed(2)} ms, ` +
        `p99 ${r.p99.toFixed(2)} ms, ${r.rps.toFixed(0)}/s, ${r.errors} errors`,
    );
    results.push(r);
    await sleep(250);
  }
  return results;
}

/** Fails unless `response` has the `expected` status; returns the parsed JSON body. */
export function expectStatus<T>(what: string, response: HttpResult, expected = 200): T {
  if (response.status !== expected) throw new Error(`${what}: ${response.status} ${response.body}`);
  return JSON.parse(response.body) as T;
}

export function requestCost(
  kind: StoreKind,
  adminUrl: string | undefined,
  options: { runs: number; durationMs: number; clients: number },
  log: (line: string) => void,
): Promise<LoadRun[]> {
  return withTarget(kind, adminUrl, (target) =>
    withServer(target, async (server) => {
      const { cookie } = await login(server.url, 'quantri', BENCH_PASSWORD);
      const url = `${server.url}/api/units`;
      const probe = await request(new http.Agent(), url, { headers: { cookie } });
      expectStatus('GET /api/units', probe);
      log(`  ${kind}: GET /api/units answers ${probe.body.length} bytes`);
      return measured(
        kind,
        options.runs,
        () =>
          hammer(options.clients, options.durationMs, 200, (agent) =>
            request(agent, url, { headers: { cookie } }),
          ),
        log,
      );
    }),
  );
}
