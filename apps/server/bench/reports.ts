// Figure 11: the statistics and the Decision 766 index of one unit for one quarter, from the rollups and from a
// naive count over the raw rows, in the same run, as the history grows (PGlite: 300 thousand → 1 million
// files; PostgreSQL: 1 → 10 million). The files are made set-based in SQL (generate_series), spread over
// 2021-01-01 … 2025-03-31, the 17 units of Lâm Hà, the catalogue's procedures and the three channels, each
// with its receipt and return events (5 % with a supplement request): the shape of the history generator's
// data without its detail, because 10 million files through it would take far longer than the bench.
import fs from 'node:fs';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { loadConfig } from '../src/config.ts';
import { createServices } from '../src/app.ts';
import { migrate } from '../src/db/migrate.ts';
import type { Database } from '../src/db/schema.ts';
import { openStore, type Store } from '../src/db/store.ts';
import type { Actor } from '../src/modules/actor.ts';
import { seedProcedureCatalog } from '../src/modules/procedures/procedures.seed.ts';
import { createIndexService } from '../src/modules/reports/index.service.ts';
import { createReportsService } from '../src/modules/reports/reports.service.ts';
import { rollupRepository } from '../src/modules/reports/rollup.repository.ts';
import { seedUnits } from '../src/modules/seed/seed.service.ts';
import { fmt, median, table } from './lib.ts';
import { freshTarget } from './server-process.ts';
import type { StoreKind } from './startup.ts';

export interface ReportRun {
  files: number;
  /** Seconds to write the files and events (rollups off), and to rebuild the rollups from them (and ANALYZE). */
  loadSeconds: number;
  rebuildSeconds: number;
  rollupRows: number;
  /** Medians in ms: district 676 with its communes, quarter 2024-Q4. */
  summaryRaw: number;
  summaryRollup: number;
  indexRaw: number;
  indexRollup: number;
  /** One commune alone. */
  communeRaw: number;
  communeRollup: number;
}

const CHUNK = 200_000;

/** The bench's options for this figure (parseArgs). */
export const REPORT_OPTIONS = {
  'report-sizes': { type: 'string', default: '300000,1000000' },
  'report-pg-sizes': { type: 'string', default: '1000000,10000000' },
  stores: { type: 'string' },
  // A PGlite folder kept between runs: files already there are not written again (measure again, quietly).
  'report-keep': { type: 'string' },
} as const;
// 2021-01-01 08:00 to 2025-03-31 16:00 in Vietnam.
const SPAN_SECONDS = (Date.parse('2025-03-31T09:00:00Z') - Date.parse('2021-01-01T01:00:00Z')) / 1000;

/** Adds files number `from` to `to` − 1. */
export async function addFiles(db: Kysely<Database>, from: number, to: number) {
  await db.transaction().execute(async (trx) => {
    await sql`SELECT set_config('motcua.rollups', 'off', true)`.execute(trx);
    await sql`
      WITH u AS (
        SELECT array_agg(id ORDER BY id) AS ids FROM units
        WHERE (kind IN ('commune', 'town') AND valid_to = '2025-06-30') OR name LIKE 'Bộ phận Tiếp nhận%Lâm Hà'
      ), p AS (SELECT array_agg(code ORDER BY code) AS codes FROM procedures),
      s AS (
        SELECT i, (i * 2654435761) % 4294967296 AS h, u.ids, p.codes,
               -- i × the golden ratio, mod 1: any first n files spread evenly over the whole span.
               timestamptz '2021-01-01 01:00:00Z'
                 + make_interval(secs => (i * 0.6180339887498949 - floor(i * 0.6180339887498949)) * ${SPAN_SECONDS})
                 AS received
        FROM generate_series(${from}::bigint, ${to - 1}::bigint) AS i, u, p
      )
      INSERT INTO applications (province_code, id, code, lookup_key, procedure_code, procedure_version, legal_regime,
        receiving_unit_id, channel, state, portal_status, applicant, documents, received_at, due_at, processed_at,
        finished_at, returned_at, return_channel, supplement_requests, created_at, updated_at)
      SELECT '68', gen_random_uuid(), 'BENCH-' || lpad(i::text, 9, '0'), 'BENCHKEY', codes[1 + h % cardinality(codes)], 1,
        'decree_61_2018', ids[1 + (h / 7) % cardinality(ids)], 1 + (h / 11) % 3, 'returned', 10,
        '{"kind":"person","fullName":"Người Thử"}', '[{"name":"Tờ khai","copyType":"original","quantity":1}]',
        received, received + interval '5 days',
        received + make_interval(days => (CASE WHEN (h / 13) % 100 < 2 THEN 8 ELSE 1 + (h / 17) % 4 END)::int),
        received + make_interval(days => (CASE WHEN (h / 13) % 100 < 2 THEN 9 ELSE 2 + (h / 17) % 4 END)::int),
        received + make_interval(days => (CASE WHEN (h / 13) % 100 < 2 THEN 9 ELSE 2 + (h / 17) % 4 END)::int),
        CASE WHEN (h / 19) % 100 < 5 THEN 'post' ELSE 'counter' END,
        CASE WHEN (h / 23) % 100 < 5 THEN 1 ELSE 0 END, received, received + interval '9 days'
      FROM s`.execute(trx);
    await sql`
      INSERT INTO application_events (province_code, application_id, seq, at, action, from_state, to_state)
      SELECT a.province_code, a.id, e.seq, e.at, e.action, e.from_state, e.to_state
      FROM applications a CROSS JOIN LATERAL (VALUES
        (1, a.received_at, 'receive', NULL, 'received'),
        (2, a.received_at + interval '1 hour', 'request_supplement', 'processing', 'supplement_requested'),
        (3, a.returned_at, 'return_result', 'result_ready', 'returned')) AS e(seq, at, action, from_state, to_state)
      WHERE a.code >= ${`BENCH-${String(from).padStart(9, '0')}`} AND a.code < ${`BENCH-${String(to).padStart(9, '0')}`}
        AND (e.seq <> 2 OR a.supplement_requests > 0)`.execute(trx);
  });
}

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const value = await work();
  return [value, performance.now() - started];
}

/** Opens a fresh store of the kind with the units and the catalogue. */
async function freshStore(kind: StoreKind, adminUrl: string | undefined, keep: string | undefined) {
  if (kind === 'pglite' && keep !== undefined && fs.existsSync(path.join(keep, 'pglite', 'PG_VERSION'))) {
    const store = await openStore({ dataDir: keep, poolSize: 2 });
    await migrate(store.db);
    return { store, dispose: () => store.close() };
  }
  const target =
    kind === 'pglite' && keep !== undefined
      ? { dataDir: keep, databaseUrl: undefined, dispose: async () => {} }
      : await freshTarget(kind, adminUrl);
  const store = await openStore({ databaseUrl: target.databaseUrl, dataDir: target.dataDir, poolSize: 2 });
  await migrate(store.db);
  await seedUnits(store.db);
  await seedProcedureCatalog(store.db);
  return {
    store,
    async dispose() {
      await store.close();
      await target.dispose();
    },
  };
}

function actorFor(provinceId: string): Actor {
  return {
    userId: '00000000-0000-0000-0000-000000000000',
    username: 'bench',
    unitId: provinceId,
    provinceCode: '68',
    grants: [{ role: 'ioc_operator', unitId: provinceId }],
    requestId: 'bench',
    via: 'cli',
  };
}

async function measureAt(store: Store, runs: number) {
  const services = createServices(store, { ...loadConfig({}), maintenanceMinutes: 0 });
  const { units } = await services.units.loadTree();
  const province = units.find((u) => u.code === '68')!;
  const district = units.find((u) => u.code === '676')!;
  const commune = units.find((u) => u.code === '24871' && u.validTo === '2025-06-30')!;
  const actor = actorFor(province.id);
  const engines = {
    raw: createReportsService({ db: store.db, units: services.units, engine: 'raw' }),
    rollup: createReportsService({ db: store.db, units: services.units, engine: 'rollup' }),
  };
  const index = {
    raw: createIndexService({ db: store.db, units: services.units, reports: engines.raw }),
    rollup: createIndexService({ db: store.db, units: services.units, reports: engines.rollup }),
  };
  const q = (unitId: string) => ({ unitId, period: '2024-Q4' });
  const check = [
    await engines.raw.summary(actor, q(district.id)),
    await engines.rollup.summary(actor, q(district.id)),
  ];
  if (JSON.stringify(check[0]!.total.counts) !== JSON.stringify(check[1]!.total.counts))
    throw new Error('the rollups and the raw count disagree');
  const sample = async (work: () => Promise<unknown>) => {
    await work(); // warm
    const times: number[] = [];
    for (let i = 0; i < runs; i += 1) times.push((await timed(work))[1]);
    return median(times);
  };
  return {
    summaryRaw: await sample(() => engines.raw.summary(actor, q(district.id))),
    summaryRollup: await sample(() => engines.rollup.summary(actor, q(district.id))),
    indexRaw: await sample(() => index.raw.index(actor, q(district.id))),
    indexRollup: await sample(() => index.rollup.index(actor, q(district.id))),
    communeRaw: await sample(() => engines.raw.summary(actor, q(commune.id))),
    communeRollup: await sample(() => engines.rollup.summary(actor, q(commune.id))),
    received: check[1]!.total.counts.received,
  };
}

/** Grows one store through `sizes` (ascending totals of files), measuring at each. */
export async function reportRollups(
  kind: StoreKind,
  adminUrl: string | undefined,
  sizes: readonly number[],
  runs: number,
  log: (line: string) => void,
  keep?: string,
): Promise<ReportRun[]> {
  const fresh = await freshStore(kind, adminUrl, keep);
  const store = fresh.store;
  const out: ReportRun[] = [];
  try {
    let written = (
      await sql<{ n: number }>`SELECT count(*)::int AS n FROM applications WHERE code LIKE 'BENCH-%'`.execute(
        store.db,
      )
    ).rows[0]!.n;
    for (const size of sizes) {
      if (size < written)
        throw new Error(`--report-keep: the store already holds ${written} files, more than ${size}`);
      const loaded = size > written;
      const [, loadMs] = await timed(async () => {
        for (let from = written; from < size; from += CHUNK) {
          await addFiles(store.db, from, Math.min(size, from + CHUNK));
          log(`  ${kind}: ${Math.min(size, from + CHUNK).toLocaleString('en-US')} files written`);
        }
      });
      written = size;
      const [, rebuildMs] = loaded ? await timed(() => rollupRepository.rebuild(store.db)) : [0, NaN];
      const rows = await sql<{ n: number }>`SELECT count(*)::int AS n FROM report_rollup`.execute(store.db);
      const m = await measureAt(store, runs);
      log(
        `  ${kind} ${size.toLocaleString('en-US')} files: summary ${m.summaryRaw.toFixed(1)} → ${m.summaryRollup.toFixed(1)} ms, index ${m.indexRaw.toFixed(1)} → ${m.indexRollup.toFixed(1)} ms`,
      );
      out.push({
        files: size,
        loadSeconds: loaded ? loadMs / 1000 : NaN,
        rebuildSeconds: rebuildMs / 1000,
        rollupRows: rows.rows[0]!.n,
        summaryRaw: m.summaryRaw,
        summaryRollup: m.summaryRollup,
        indexRaw: m.indexRaw,
        indexRollup: m.indexRollup,
        communeRaw: m.communeRaw,
        communeRollup: m.communeRollup,
      });
    }
    return out;
  } finally {
    await fresh.dispose();
  }
}

/** The table of docs/BENCHMARKS.md §11. */
export function reportTable(kinds: readonly StoreKind[], results: Partial<Record<StoreKind, ReportRun[]>>) {
  return table(
    '11. Statistics and 766 index of a unit for a quarter (2024-Q4), rollups vs a naive count over the raw rows (ms, median)',
    [
      [
        'store',
        'files',
        'summary raw',
        'summary rollup',
        'raw÷rollup',
        'index raw',
        'index rollup',
        'commune raw',
        'commune rollup',
        'rollup rows',
        'load s',
        'rebuild s',
      ],
      ...kinds.flatMap((kind) =>
        (results[kind] ?? []).map((r) => [
          kind,
          r.files.toLocaleString('en-US'),
          fmt(r.summaryRaw, 1),
          fmt(r.summaryRollup, 1),
          fmt(r.summaryRaw / r.summaryRollup, 0),
          fmt(r.indexRaw, 1),
          fmt(r.indexRollup, 1),
          fmt(r.communeRaw, 1),
          fmt(r.communeRollup, 1),
          r.rollupRows.toLocaleString('en-US'),
          Number.isNaN(r.loadSeconds) ? 'kept' : fmt(r.loadSeconds, 0),
          Number.isNaN(r.rebuildSeconds) ? 'kept' : fmt(r.rebuildSeconds, 0),
        ]),
      ),
    ],
  );
}

/** `--only reports`: grows a store of each kind through its sizes (e.g. "300000,1000000") and tabulates. */
export async function reportsSection(
  kinds: readonly StoreKind[],
  adminUrl: string | undefined,
  runs: number,
  options: { 'report-sizes': string; 'report-pg-sizes': string; 'report-keep'?: string | undefined },
  perStore: <R>(
    name: string,
    measure: (kind: StoreKind) => Promise<R>,
  ) => Promise<Partial<Record<StoreKind, R>>>,
  log: (line: string) => void,
): Promise<string> {
  const sizesOf = (option: string, text: string) =>
    text.split(',').map((n) => {
      const size = Number(n.trim());
      if (!Number.isInteger(size) || size < 1000 || size > 50_000_000)
        throw new Error(`--${option}: sizes are whole numbers from 1000 to 50000000`);
      return size;
    });
  const sizes: Record<StoreKind, number[]> = {
    pglite: sizesOf('report-sizes', options['report-sizes']),
    postgres: sizesOf('report-pg-sizes', options['report-pg-sizes']),
  };
  const results = await perStore('reports', (kind) =>
    reportRollups(kind, adminUrl, sizes[kind], runs, log, options['report-keep']),
  );
  return reportTable(kinds, results);
}
