// Figure 4: cost of an authenticated read, GET /api/units with a session cookie, from a few concurrent
// keep-alive clients in this process against the real server (child process).
import http from 'node:http';
import { login, percentile, request, sleep } from './lib.ts';
import { BENCH_PASSWORD, freshTarget, startServer } from './server-process.ts';
import type { StoreKind } from './startup.ts';

const MAX_REQUESTS_PER_CLIENT = 1_000_000;

export interface LoadRun {
  p50: number;
  p95: number;
  rps: number;
  requests: number;
  errors: number;
}

async function hammer(url: string, cookie: string, clients: number, durationMs: number): Promise<LoadRun> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const deadline = started + durationMs;
  const client = async () => {
    for (let i = 0; i < MAX_REQUESTS_PER_CLIENT && performance.now() < deadline; i += 1) {
      const t = performance.now();
      try {
        const response = await request(agent, url, { headers: { cookie } });
        if (response.status === 200) latencies.push(performance.now() - t);
        else errors += 1;
      } catch {
        errors += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, client));
  const elapsedS = (performance.now() - started) / 1000;
  agent.destroy();
  return {
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    rps: latencies.length / elapsedS,
    requests: latencies.length,
    errors,
  };
}

export async function requestCost(
  kind: StoreKind,
  adminUrl: string | undefined,
  options: { runs: number; durationMs: number; clients: number },
  log: (line: string) => void,
): Promise<LoadRun[]> {
  const target = await freshTarget(kind, adminUrl);
  const results: LoadRun[] = [];
  try {
    const server = await startServer(target);
    try {
      const cookie = await login(server.url, 'quantri', BENCH_PASSWORD);
      const url = `${server.url}/api/units`;
      const probe = await request(new http.Agent(), url, { headers: { cookie } });
      if (probe.status !== 200) throw new Error(`GET /api/units: ${probe.status} ${probe.body}`);
      log(`  ${kind}: GET /api/units answers ${probe.body.length} bytes`);
      await hammer(url, cookie, options.clients, options.durationMs); // warm-up: JIT, plans, pool, caches
      for (let i = 0; i < options.runs; i += 1) {
        const run = await hammer(url, cookie, options.clients, options.durationMs);
        log(
          `  ${kind} run ${i + 1}/${options.runs}: p50 ${run.p50.toFixed(2)} ms, p95 ${run.p95.toFixed(2)} ms, ` +
            `${run.rps.toFixed(0)} req/s, ${run.errors} errors`,
        );
        results.push(run);
        await sleep(250);
      }
    } finally {
      await server.stop();
    }
  } finally {
    await target.dispose();
  }
  return results;
}
