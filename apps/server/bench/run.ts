// `npm run bench`: foundation figures on this machine (docs/BENCHMARKS.md explains them).
//   --runs N          runs per figure, medians reported (default 5)
//   --only LIST       comma list of: responsiveness, startup, load (default: all; startup includes memory)
//   --pg              also PostgreSQL: fresh databases on DATABASE_URL or postgres://postgres@127.0.0.1:5432/postgres
//   --rows N          rows sorted by the heavy query (default 2000000)
//   --duration S      seconds per load run (default 5); --clients N concurrent clients (default 4)
//   --rest S          idle seconds before reading RSS (default 5)
//   --json FILE       also write every run's raw figures to FILE
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { cleanupAll, fmt, machine, median, medianOf, ratio, table } from './lib.ts';
import { requestCost, type LoadRun } from './load.ts';
import { heavySql, PROBE_INTERVAL_MS, responsiveness, type ResponsivenessRun } from './responsiveness.ts';
import { startup, type StartupRun, type StoreKind } from './startup.ts';

const DEFAULT_PG = 'postgres://postgres@127.0.0.1:5432/postgres';
const HEALTH_BUDGET_MS = 50;

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    only: { type: 'string', default: 'responsiveness,startup,load' },
    pg: { type: 'boolean', default: false },
    rows: { type: 'string', default: '2000000' },
    duration: { type: 'string', default: '5' },
    clients: { type: 'string', default: '4' },
    rest: { type: 'string', default: '5' },
    json: { type: 'string' },
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
  const only = new Set(args.only.split(',').map((s) => s.trim()));
  const adminUrl = args.pg || process.env.DATABASE_URL ? (process.env.DATABASE_URL ?? DEFAULT_PG) : undefined;
  const kinds: StoreKind[] = adminUrl ? ['pglite', 'postgres'] : ['pglite'];
  const info = machine();
  const out: string[] = [
    `motcua bench — ${info.date}`,
    `machine: ${info.cpus}, ${info.ram} RAM, Node ${info.node}, load average at start ${info.load}`,
    `runs: ${runs} (cells: median (min–max) over runs)${adminUrl ? '' : '; PostgreSQL skipped (use --pg)'}`,
  ];
  const raw: Record<string, unknown> = { machine: info, runs };

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
    const s: Partial<Record<StoreKind, StartupRun[]>> = {};
    for (const kind of kinds) {
      log(`startup (${kind}):`);
      s[kind] = await startup(kind, adminUrl, runs, restMs, log);
    }
    raw.startup = s;
    out.push(
      sideBySide(
        '2. Cold start: spawn → "listening" line, ms',
        ['PGlite', 'PostgreSQL'],
        s.pglite!,
        s.postgres,
        [
          ['empty store (migrate + demo seed)', 'emptyMs', 0],
          ['  of which inside serve()', 'emptyReadyMs', 0],
          ['existing store (restart)', 'restartMs', 0],
          ['  of which inside serve()', 'restartReadyMs', 0],
        ],
        true,
      ),
      sideBySide(
        `3. Memory at rest: server RSS ${restMs / 1000} s after listening (restarted, idle), MiB`,
        ['PGlite', 'PostgreSQL'],
        s.pglite!,
        s.postgres,
        [['VmRSS of the motcua process', 'rssMiB', 0]],
        true,
      ),
    );
  }

  if (only.has('load')) {
    const l: Partial<Record<StoreKind, LoadRun[]>> = {};
    for (const kind of kinds) {
      log(`request cost (${kind}):`);
      l[kind] = await requestCost(kind, adminUrl, { runs, durationMs, clients }, log);
    }
    raw.load = l;
    out.push(
      sideBySide(
        `4. GET /api/units (quantri, cookie), ${clients} keep-alive clients, ${durationMs / 1000} s per run`,
        ['PGlite', 'PostgreSQL'],
        l.pglite!,
        l.postgres,
        [
          ['latency p50, ms', 'p50', 2],
          ['latency p95, ms', 'p95', 2],
          ['throughput, req/s', 'rps', 0],
          ['failed requests', 'errors', 0],
        ],
        true,
      ),
    );
  }

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
