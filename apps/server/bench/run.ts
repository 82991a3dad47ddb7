// `npm run bench`: foundation figures on this machine (docs/BENCHMARKS.md explains them).
//   --runs N          runs per figure, medians reported (default 5)
//   --only LIST       comma list of: responsiveness, startup, load, intake, lookup, due-at, signing, store,
//                     lighthouse, reports, history (default: all but reports and history; startup includes memory;
//                     lighthouse needs /usr/bin/chromium; reports writes millions of files, history 300k: ask)
//   --report-sizes LIST   reports: totals of files on PGlite (default 300000,1000000)
//   --report-pg-sizes LIST   reports: totals on PostgreSQL (default 1000000,10000000); --report-keep DIR: a PGlite
//                     store kept in DIR between runs (only the files it lacks are written)
//   --pg              also PostgreSQL: fresh databases on DATABASE_URL or postgres://postgres@127.0.0.1:5432/postgres
//   --stores LIST     only these (pglite,postgres): e.g. the two long report loads in two processes side by side
//   --rows N          rows sorted by the heavy query (default 2000000)
//   --duration S      seconds per load run (default 5); --clients N concurrent clients (default 4;
//                     load, intake and its plain-insert baseline)
//   --lookup-clients N   concurrent clients of the public lookup (default 200)
//   --lookup-interval-ms N   open loop: each lookup client asks once per N ms (default 1000)
//   --rest S          idle seconds before reading RSS (default 5)
//   --json FILE       also write every run's raw figures to FILE
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { cleanupAll, fmt, machine, median, medianOf, ratio, storesOf, table } from './lib.ts';
import { dueAtRate, type DueAtRun } from './due-at.ts';
import { intakeVsInsert } from './intake.ts';
import { lighthouseReport } from './lighthouse.ts';
import { requestCost } from './load.ts';
import { REPORT_OPTIONS, reportsSection } from './reports.ts';
import { historyRuns, historyTable } from './history.ts';
import { LOOKUP_FILES, publicLookup } from './lookup.ts';
import type { LoadRun } from './load.ts';
import { heavySql, PROBE_INTERVAL_MS, responsiveness, type ResponsivenessRun } from './responsiveness.ts';
import { startup, type StoreKind } from './startup.ts';
import { signingRuns, storeRuns, type StoreRun } from './signing.ts';

const DEFAULT_PG = 'postgres://postgres@127.0.0.1:5432/postgres';
const HEALTH_BUDGET_MS = 50;
const INTAKE_RATIO_TARGET = 0.5;
const LOOKUP_P99_BUDGET_MS = 20;
const ALL = 'responsiveness,startup,load,intake,lookup,due-at,signing,store,lighthouse';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    only: { type: 'string', default: ALL },
    pg: { type: 'boolean', default: false },
    rows: { type: 'string', default: '2000000' },
    duration: { type: 'string', default: '5' },
    clients: { type: 'string', default: '4' },
    'lookup-clients': { type: 'string', default: '200' },
    'lookup-interval-ms': { type: 'string', default: '1000' },
    rest: { type: 'string', default: '5' },
    json: { type: 'string' },
    ...REPORT_OPTIONS,
    help: { type: 'boolean', default: false },
  },
});

function int(name: string, value: string, min: number, maxValue: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > maxValue)
    throw new Error(`--${name} must be ${min}…${maxValue}`);
  return n;
}

const log = (line: string) => process.stderr.write(`${line}\n`);

/** "median (min–max)" over runs. */
function cell(values: number[], digits = 0): string {
  if (values.length === 1) return fmt(values[0], digits);
  return `${fmt(median(values), digits)} (${fmt(Math.min(...values), digits)}–${fmt(Math.max(...values), digits)})`;
}

function sideBySide<T extends object>(
  title: string,
  names: [string, string],
  a: T[],
  b: T[] | undefined,
  rows: [label: string, key: keyof T, digits: number][],
  firstOverSecond = false,
): string {
  const ma = medianOf(a);
  const mb = b && b.length > 0 ? medianOf(b) : undefined;
  const values = (runs: T[] | undefined, key: keyof T) =>
    (runs ?? []).map((r) => r[key] as unknown as number);
  return table(title, [
    ['', ...names, firstOverSecond ? `${names[0]}÷${names[1]}` : `${names[1]}÷${names[0]}`],
    ...rows.map(([label, key, digits]) => [
      label,
      cell(values(a, key), digits),
      b && b.length > 0 ? cell(values(b, key), digits) : '—',
      firstOverSecond ? ratio(ma[key], mb?.[key]) : ratio(mb?.[key], ma[key]),
    ]),
  ]);
}

/** `sideBySide` of per-store runs, PGlite first; the ratio column is PGlite ÷ PostgreSQL. */
function byStore<T extends object>(
  title: string,
  runs: Partial<Record<StoreKind, T[]>>,
  rows: [label: string, key: keyof T, digits: number][],
): string {
  return sideBySide(title, ['PGlite', 'PostgreSQL'], runs.pglite!, runs.postgres, rows, true);
}

async function main() {
  if (args.help) {
    process.stdout.write(
      fs
        .readFileSync(new URL(import.meta.url), 'utf8')
        .split('\nimport')[0]!
        .concat('\n'),
    );
    return;
  }
  const runs = int('runs', args.runs, 1, 50);
  const rows = int('rows', args.rows, 1000, 50_000_000);
  const durationMs = int('duration', args.duration, 1, 120) * 1000;
  const clients = int('clients', args.clients, 1, 64);
  const restMs = int('rest', args.rest, 0, 120) * 1000;
  const lookupClients = int('lookup-clients', args['lookup-clients'], 1, 1000);
  const lookupIntervalMs = int('lookup-interval-ms', args['lookup-interval-ms'], 10, 60_000);
  const only = new Set(args.only.split(',').map((s) => s.trim()));
  const unknown = [...only].filter((name) => !`${ALL},reports,history`.split(',').includes(name));
  if (unknown.length > 0) throw new Error(`--only: unknown ${unknown.join(', ')} (known: ${ALL},reports)`);
  const adminUrl = args.pg || process.env.DATABASE_URL ? (process.env.DATABASE_URL ?? DEFAULT_PG) : undefined;
  const kinds = storesOf(args.stores, adminUrl !== undefined);
  const info = machine();
  const out: string[] = [
    `motcua bench — ${info.date}`,
    `machine: ${info.cpus}, ${info.ram} RAM, Node ${info.node}, load average at start ${info.load}`,
    `runs: ${runs} (cells: median (min–max) over runs)${adminUrl ? '' : '; PostgreSQL skipped (use --pg)'}`,
  ];
  const raw: Record<string, unknown> = { machine: info, runs };

  const perStore = async <R>(
    name: string,
    measure: (kind: StoreKind) => Promise<R>,
  ): Promise<Partial<Record<StoreKind, R>>> => {
    const result: Partial<Record<StoreKind, R>> = {};
    for (const kind of kinds) {
      log(`${name} (${kind}):`);
      result[kind] = await measure(kind);
    }
    raw[name] = result;
    return result;
  };
  const verdict = <T>(
    what: string,
    runsOf: Partial<Record<StoreKind, T[]>>,
    value: (run: T) => number,
    met: (m: number) => boolean,
  ) =>
    `requirement "${what}": ` +
    kinds
      .map((kind) => {
        const m = median((runsOf[kind] ?? []).map(value));
        return `${kind} ${fmt(m, 2)} → ${met(m) ? 'MET' : 'NOT MET'}`;
      })
      .join('; ');

  if (only.has('responsiveness')) {
    log(`responsiveness: heavy query ${heavySql(rows)}`);
    const r = await responsiveness(runs, rows, log);
    raw.responsiveness = r;
    const rowsOf: [string, keyof ResponsivenessRun, number][] = [
      ['heavy query duration, ms', 'queryMs', 0],
      ['health p50 idle, ms', 'baseP50', 1],
      ['health p95 idle, ms', 'baseP95', 1],
      ['health max idle, ms', 'baseMax', 1],
      ['health p50 during query, ms', 'heavyP50', 1],
      ['health p95 during query, ms', 'heavyP95', 1],
      ['health max during query, ms', 'heavyMax', 1],
      ['event-loop delay max idle, ms', 'baseLoopMax', 1],
      ['event-loop delay max during query, ms', 'heavyLoopMax', 1],
      ['main-thread GC pause max idle, ms', 'baseGcMax', 1],
      ['main-thread GC pause max during query, ms', 'heavyGcMax', 1],
      ['health answers during query', 'probes', 0],
      ['failed probes', 'errors', 0],
    ];
    out.push(
      sideBySide(
        `1. GET /api/health every ${PROBE_INTERVAL_MS} ms while a heavy query runs (${fmt(rows)} rows sorted)\n` +
          '   worker = real store (PGlite on a worker thread) + real app; naive = PGlite and node:http on one thread',
        ['worker', 'naive'],
        r.worker,
        r.naive,
        rowsOf,
      ),
    );
    const worst = Math.max(...r.worker.map((w) => w.heavyMax));
    out.push(
      `requirement "health within ${HEALTH_BUDGET_MS} ms during a heavy query": worst answer over all runs ` +
        `${worst.toFixed(1)} ms → ${worst <= HEALTH_BUDGET_MS ? 'MET' : 'NOT MET'}`,
    );
  }

  if (only.has('startup')) {
    const s = await perStore('startup', (kind) => startup(kind, adminUrl, runs, restMs, log));
    out.push(
      byStore('2. Cold start: spawn → "listening" line, ms', s, [
        ['empty store (migrate + demo seed)', 'emptyMs', 0],
        ['  of which inside serve()', 'emptyReadyMs', 0],
        ['existing store (restart)', 'restartMs', 0],
        ['  of which inside serve()', 'restartReadyMs', 0],
      ]),
      byStore(`3. Memory at rest: server RSS ${restMs / 1000} s after listening (restarted, idle), MiB`, s, [
        ['VmRSS of the motcua process', 'rssMiB', 0],
      ]),
    );
  }

  if (only.has('load')) {
    const l = await perStore('load', (kind) =>
      requestCost(kind, adminUrl, { runs, durationMs, clients }, log),
    );
    out.push(
      byStore(
        `4. GET /api/units (quantri, cookie), ${clients} keep-alive clients, ${durationMs / 1000} s per run`,
        l,
        [
          ['latency p50, ms', 'p50', 2],
          ['latency p95, ms', 'p95', 2],
          ['throughput, req/s', 'rps', 0],
          ['failed requests', 'errors', 0],
        ],
      ),
    );
  }

  if (only.has('intake')) {
    const r = await perStore('intake', (kind) =>
      intakeVsInsert(kind, adminUrl, { runs, durationMs, clients }, log),
    );
    out.push(
      byStore(
        `5. POST /api/applications (motcua, birth registration) vs a plain single-row INSERT in the same store,\n` +
          `   ${clients} concurrent clients each, ${durationMs / 1000} s per run`,
        r,
        [
          ['intake throughput, files/s', 'intakeRps', 0],
          ['intake latency p50, ms', 'intakeP50', 1],
          ['intake latency p95, ms', 'intakeP95', 1],
          ['failed intakes', 'intakeErrors', 0],
          ['plain INSERT throughput, rows/s', 'insertRps', 0],
          ['plain INSERT latency p50, ms', 'insertP50', 2],
          ['plain INSERT latency p95, ms', 'insertP95', 2],
          ['failed INSERTs', 'insertErrors', 0],
          ['intake/s ÷ INSERT/s (per run)', 'ratio', 3],
        ],
      ),
      verdict(
        `intake/s ÷ INSERT/s ≥ ${INTAKE_RATIO_TARGET}`,
        r,
        (x) => x.ratio,
        (m) => m >= INTAKE_RATIO_TARGET,
      ),
    );
  }

  if (only.has('lookup')) {
    const both = await perStore('lookup', (kind) =>
      publicLookup(
        kind,
        adminUrl,
        { runs, durationMs, clients: lookupClients, intervalMs: lookupIntervalMs },
        log,
      ),
    );
    const pick = (key: 'closed' | 'paced'): Partial<Record<StoreKind, LoadRun[]>> => ({
      pglite: both.pglite![key],
      ...(both.postgres ? { postgres: both.postgres[key] } : {}),
    });
    const [closed, paced] = [pick('closed'), pick('paced')];
    const columns: [label: string, key: keyof LoadRun, digits: number][] = [
      ['latency p50, ms', 'p50', 1],
      ['latency p95, ms', 'p95', 1],
      ['latency p99, ms', 'p99', 1],
      ['throughput, req/s', 'rps', 0],
      ['failed requests', 'errors', 0],
    ];
    out.push(
      byStore(
        `6a. GET /api/public/applications/{code}?key=…, ${lookupClients} clients each asking once every ` +
          `${lookupIntervalMs} ms (open loop, ${Math.round((lookupClients * 1000) / lookupIntervalMs)} req/s ` +
          `offered) over ${LOOKUP_FILES} files, ${durationMs / 1000} s per run`,
        paced,
        columns,
      ),
      verdict(
        `lookup p99 ≤ ${LOOKUP_P99_BUDGET_MS} ms for ${lookupClients} concurrent clients`,
        paced,
        (x) => x.p99,
        (m) => m <= LOOKUP_P99_BUDGET_MS,
      ),
      byStore(
        `6b. The same lookup, ${lookupClients} clients asking again as soon as answered (closed loop: ` +
          `the store's capacity; latency ≈ clients ÷ throughput)`,
        closed,
        columns,
      ),
    );
  }

  if (only.has('due-at')) {
    log('due-at:');
    const r: DueAtRun[] = dueAtRate(runs, durationMs, log);
    raw['due-at'] = r;
    out.push(
      table(`7. Due-date computations on this thread, ${durationMs / 1000} s per run`, [
        ['', 'per second'],
        ['computeDueAt (4,096 varied inputs, shipped calendar)', cell(r.map((x) => x.opsPerS))],
        [
          'buildCalendar (shipped years), done before each server computation',
          cell(r.map((x) => x.buildsPerS)),
        ],
        ['failed computations', cell(r.map((x) => x.failures))],
      ]),
    );
  }

  if (only.has('signing')) {
    log('signing:');
    const r = await signingRuns(runs, durationMs, log);
    raw.signing = r;
    const one = median(r.map((x) => x.docsPerS1));
    out.push(
      table(
        `8. A result PDF (A4, QR) rendered, signed by the leader (visible) and sealed by the organisation (visible),\n` +
          `   RSA-2048, PAdES; serial medians of 20 per run; throughput ${durationMs / 1000} s per run`,
        [
          ['', 'value', 'vs 1 in flight'],
          [
            'render only, ms (median)',
            cell(
              r.map((x) => x.renderMs),
              1,
            ),
            '',
          ],
          [
            'render + sign + seal, ms (median)',
            cell(
              r.map((x) => x.serialMs),
              1,
            ),
            '',
          ],
          ['signed PDF size, kB', cell(r.map((x) => x.bytes / 1024)), ''],
          [
            'results/s, 1 in flight (main thread)',
            cell(
              r.map((x) => x.docsPerS1),
              1,
            ),
            '1.00',
          ],
          [
            'results/s, 4 in flight (main thread)',
            cell(
              r.map((x) => x.docsPerS4),
              1,
            ),
            ratio(median(r.map((x) => x.docsPerS4)), one),
          ],
          [
            'results/s, 2 worker threads (2 cores)',
            cell(
              r.map((x) => x.docsPerSWorkers),
              1,
            ),
            ratio(median(r.map((x) => x.docsPerSWorkers)), one),
          ],
        ],
      ),
    );
  }

  if (only.has('store')) {
    log('store:');
    const r = await storeRuns(runs, log);
    raw.store = r;
    const rowsOf: [string, keyof StoreRun, number][] = [
      ['write, files/s', 'writeFilesPerS', 0],
      ['write, MiB/s', 'writeMBps', 0],
      ['read (re-hashed), files/s', 'readFilesPerS', 0],
      ['read (re-hashed), MiB/s', 'readMBps', 0],
    ];
    out.push(
      sideBySide(
        `9. File store, 100 distinct files of 1 MiB written then read, one at a time (durable: fsync per file)` +
          (r.s3Skipped
            ? `\n   S3 skipped: ${r.s3Skipped}`
            : '\n   S3 = moto_server on this machine (an emulator: Python, in memory)'),
        ['local folder', 'S3 (moto)'],
        r.local,
        r.s3,
        rowsOf,
      ),
    );
  }

  if (only.has('lighthouse')) {
    log('lighthouse:');
    const { lines, figures } = await lighthouseReport(runs, log);
    raw.lighthouse = figures;
    out.push(...lines);
  }

  if (only.has('reports')) out.push(await reportsSection(kinds, adminUrl, runs, args, perStore, log));
  if (only.has('history'))
    out.push(
      historyTable(kinds, await perStore('history', (kind) => historyRuns(kind, adminUrl, runs, log))),
    );

  out.push(`\nload average at end: ${machine().load}`);
  process.stdout.write(`${out.join('\n')}\n`);
  if (args.json) fs.writeFileSync(args.json, `${JSON.stringify(raw, null, 2)}\n`);
}

let exiting = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    if (exiting) return;
    exiting = true;
    log(`${signal}: cleaning up`);
    void cleanupAll().finally(() => process.exit(130));
  });
}

try {
  await main();
} catch (error) {
  process.exitCode = 1;
  log(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
} finally {
  await cleanupAll();
}
