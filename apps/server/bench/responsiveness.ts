// Figure 1: does GET /api/health still answer while a heavy query runs?
// Two setups in this process, each serving HTTP on this process's main thread:
//  - "worker": the real store (PGlite on a worker thread behind a unix socket) and the real app (createApp);
//  - "naive": PGlite.create on the main thread and a plain node:http server answering health on the same loop.
// The heavy query is sent from this process; the health prober runs on its own thread (prober.mjs).
import fs from 'node:fs';
import http from 'node:http';
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'kysely';
import { createApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { openStore } from '../src/db/store.ts';
import { createLogger } from '../src/logger.ts';
import { max, onCleanup, percentile, sleep, tempDir } from './lib.ts';

export const PROBE_INTERVAL_MS = 20;
const BASELINE_MS = 2000;
const LEAD_MS = 200;
const LOOP_RESOLUTION_MS = 5;
const STALL_MS = 25;
const MAX_WINDOW_MS = 120_000;

export const heavySql = (rows: number) =>
  `SELECT count(*) AS n FROM (SELECT md5(g::text) AS m FROM generate_series(1, ${rows}) g ORDER BY 1) s`;

export interface ResponsivenessRun {
  baseP50: number;
  baseP95: number;
  baseMax: number;
  baseLoopMax: number;
  heavyP50: number;
  heavyP95: number;
  heavyMax: number;
  heavyLoopMax: number;
  /** Longest garbage-collection pause of the main thread. */
  baseGcMax: number;
  heavyGcMax: number;
  queryMs: number;
  probes: number;
  errors: number;
}

interface Setup {
  url: string;
  heavy(rows: number): Promise<void>;
  close(): Promise<void>;
}

async function workerSetup(): Promise<Setup> {
  const folder = tempDir('worker');
  const store = await openStore({ dataDir: folder.dir });
  const config = { ...loadConfig({}), dataDir: folder.dir, maintenanceMinutes: 0 };
  const app = await createApp(config, createLogger('silent'), store);
  const address = await app.server.listen({ port: 0, host: '127.0.0.1' });
  const close = onCleanup(async () => {
    await app.close();
    await store.close();
    await folder.remove();
  });
  return {
    url: `${address}/api/health`,
    async heavy(rows) {
      await sql.raw(heavySql(rows)).execute(store.db);
    },
    close,
  };
}

async function naiveSetup(): Promise<Setup> {
  const folder = tempDir('naive');
  const db = await PGlite.create(folder.dir);
  const body = JSON.stringify({ status: 'ok' });
  const server = http.createServer((req, res) => {
    res.writeHead(req.url === '/api/health' ? 200 : 404, { 'content-type': 'application/json' });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  const close = onCleanup(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await db.close();
    await folder.remove();
  });
  return {
    url: `http://127.0.0.1:${port}/api/health`,
    async heavy(rows) {
      await db.query(heavySql(rows));
    },
    close,
  };
}

interface Window {
  latencies: number[];
  errors: number;
  loopMaxMs: number;
  gcMaxMs: number;
  /**
   * Main-thread stalls over STALL_MS: the main-thread GC time overlapping each, and (Linux schedstat) how
   * much of the stall the thread spent on a CPU and how much waiting in the run queue for one.
   */
  stalls: Stall[];
  actionMs: number;
}

interface Stall {
  ms: number;
  gcMs: number;
  cpuMs: number;
  queuedMs: number;
}

/** [ns on CPU, ns waiting for a CPU] of this process's main thread, from /proc (zeros elsewhere). */
function schedstat(): [number, number] {
  try {
    const [run, wait] = fs.readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').split(' ');
    return [Number(run), Number(wait)];
  } catch {
    return [0, 0];
  }
}

/** Watches this thread: gaps between 5 ms ticks longer than STALL_MS, and garbage-collection pauses. */
function watchMainThread() {
  const gcs: { start: number; end: number }[] = [];
  const collect = (entries: PerformanceEntry[]) => {
    for (const e of entries) gcs.push({ start: e.startTime, end: e.startTime + e.duration });
  };
  const observer = new PerformanceObserver((list) => collect(list.getEntries()));
  observer.observe({ entryTypes: ['gc'] });
  const gaps: { start: number; end: number; cpuMs: number; queuedMs: number }[] = [];
  let last = performance.now();
  let lastSched = schedstat();
  const ticker = setInterval(() => {
    const now = performance.now();
    const sched = schedstat();
    if (now - last > STALL_MS) {
      gaps.push({
        start: last,
        end: now,
        cpuMs: (sched[0] - lastSched[0]) / 1e6,
        queuedMs: (sched[1] - lastSched[1]) / 1e6,
      });
    }
    last = now;
    lastSched = sched;
  }, LOOP_RESOLUTION_MS);
  return () => {
    clearInterval(ticker);
    collect(observer.takeRecords()); // entries not yet delivered to the callback
    observer.disconnect();
    const overlap = (a: { start: number; end: number }, b: { start: number; end: number }) =>
      Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
    return {
      gcMaxMs: Math.max(0, ...gcs.map((g) => g.end - g.start)),
      stalls: gaps.map((gap): Stall => ({
        ms: gap.end - gap.start,
        gcMs: gcs.reduce((sum, g) => sum + overlap(g, gap), 0),
        cpuMs: gap.cpuMs,
        queuedMs: gap.queuedMs,
      })),
    };
  };
}

/** Probes `url` every PROBE_INTERVAL_MS while `action` runs; keeps the probes intended during the action. */
async function probeDuring(url: string, action: () => Promise<void>): Promise<Window> {
  const prober = new Worker(new URL('./prober.mjs', import.meta.url), {
    workerData: { url, intervalMs: PROBE_INTERVAL_MS, maxMs: MAX_WINDOW_MS, timeoutMs: 30_000 },
  });
  const stopProber = onCleanup(() => prober.terminate().then(() => undefined));
  const result = new Promise<{ samples: [number, number][]; errors: number }>((resolve, reject) => {
    prober.once('message', resolve);
    prober.once('error', reject);
  });
  try {
    await new Promise((resolve) => prober.once('online', resolve));
    await sleep(LEAD_MS);
    const loop = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
    loop.enable();
    // The histogram records nothing on its first tick (it has no previous tick): let it tick first.
    await sleep(LOOP_RESOLUTION_MS * 4);
    const watch = watchMainThread();
    const from = performance.timeOrigin + performance.now();
    await action();
    const to = performance.timeOrigin + performance.now();
    // A loop blocked for the whole action records its delay only when the sampling timers fire afterwards.
    await sleep(LOOP_RESOLUTION_MS * 4);
    const { gcMaxMs, stalls } = watch();
    loop.disable();
    prober.postMessage('stop');
    const { samples, errors } = await result;
    return {
      latencies: samples.filter(([at]) => at >= from && at <= to).map(([, ms]) => ms),
      errors,
      loopMaxMs: loop.max / 1e6,
      gcMaxMs,
      stalls,
      actionMs: to - from,
    };
  } finally {
    await stopProber();
  }
}

const describeStalls = (stalls: Window['stalls']) =>
  stalls.length === 0
    ? 'none'
    : stalls
        .map(
          (s) =>
            `${s.ms.toFixed(0)} ms (GC ${s.gcMs.toFixed(0)}, on CPU ${s.cpuMs.toFixed(0)}, ` +
            `waiting for a CPU ${s.queuedMs.toFixed(0)})`,
        )
        .join(', ');

async function measure(setup: Setup, rows: number, log: (line: string) => void): Promise<ResponsivenessRun> {
  const base = await probeDuring(setup.url, () => sleep(BASELINE_MS));
  const heavy = await probeDuring(setup.url, () => setup.heavy(rows));
  log(
    `    main-thread stalls > ${STALL_MS} ms: idle ${describeStalls(base.stalls)}; ` +
      `during query ${describeStalls(heavy.stalls)}`,
  );
  return {
    baseP50: percentile(base.latencies, 50),
    baseP95: percentile(base.latencies, 95),
    baseMax: max(base.latencies),
    baseLoopMax: base.loopMaxMs,
    heavyP50: percentile(heavy.latencies, 50),
    heavyP95: percentile(heavy.latencies, 95),
    heavyMax: max(heavy.latencies),
    heavyLoopMax: heavy.loopMaxMs,
    baseGcMax: base.gcMaxMs,
    heavyGcMax: heavy.gcMaxMs,
    queryMs: heavy.actionMs,
    probes: heavy.latencies.length,
    errors: base.errors + heavy.errors,
  };
}

export type SetupName = 'worker' | 'naive';

/** `runs` measurements (baseline window, then heavy-query window) for each setup, one setup open at a time. */
export async function responsiveness(
  runs: number,
  rows: number,
  log: (line: string) => void,
): Promise<Record<SetupName, ResponsivenessRun[]>> {
  const results: Record<SetupName, ResponsivenessRun[]> = { worker: [], naive: [] };
  for (const name of ['worker', 'naive'] as const) {
    const setup = name === 'worker' ? await workerSetup() : await naiveSetup();
    try {
      // Warm-up: the first health answer caches the server version (a query), and the first query plans.
      await probeDuring(setup.url, () => sleep(500));
      for (let i = 0; i < runs; i += 1) {
        const run = await measure(setup, rows, log);
        log(
          `  ${name} run ${i + 1}/${runs}: query ${run.queryMs.toFixed(0)} ms, health p95 ` +
            `${run.heavyP95.toFixed(1)} ms, max ${run.heavyMax.toFixed(1)} ms, loop max ${run.heavyLoopMax.toFixed(1)} ms`,
        );
        results[name].push(run);
      }
    } finally {
      await setup.close();
    }
  }
  return results;
}
