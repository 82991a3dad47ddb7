// Figure 12: `motcua seed history --profile lamha-2021-2025` (302,048 files with their events, documents,
// results and ratings) on a fresh store of each kind: planning, writing (rollups off), rebuilding the rollups.
import { migrate } from '../src/db/migrate.ts';
import { openStore } from '../src/db/store.ts';
import { seedHistory, type HistoryOutcome } from '../src/modules/history/history.service.ts';
import { seedUnits } from '../src/modules/seed/seed.service.ts';
import { fmt, median, table } from './lib.ts';
import { freshTarget } from './server-process.ts';
import type { StoreKind } from './startup.ts';

export type HistoryRun = HistoryOutcome['seconds'] & { files: number; total: number };

async function once(kind: StoreKind, adminUrl: string | undefined): Promise<HistoryRun> {
  const target = await freshTarget(kind, adminUrl);
  const store = await openStore({ databaseUrl: target.databaseUrl, dataDir: target.dataDir, poolSize: 2 });
  try {
    await migrate(store.db);
    await seedUnits(store.db);
    const started = performance.now();
    const outcome = await seedHistory(store.db, {
      profile: 'lamha-2021-2025',
      seed: 1,
      scale: 1,
      replace: false,
    });
    return { ...outcome.seconds, files: outcome.files, total: (performance.now() - started) / 1000 };
  } finally {
    await store.close();
    await target.dispose();
  }
}

/** `runs` generations of the whole profile on a fresh store of `kind`. */
export async function historyRuns(
  kind: StoreKind,
  adminUrl: string | undefined,
  runs: number,
  log: (line: string) => void,
): Promise<HistoryRun[]> {
  const out: HistoryRun[] = [];
  for (let i = 0; i < runs; i += 1) {
    const run = await once(kind, adminUrl);
    log(
      `  ${kind} run ${i + 1}: ${run.total.toFixed(1)} s (write ${run.write.toFixed(1)}, rebuild ${run.rebuild.toFixed(1)})`,
    );
    out.push(run);
  }
  return out;
}

export function historyTable(kinds: readonly StoreKind[], results: Partial<Record<StoreKind, HistoryRun[]>>) {
  const m = (runs: HistoryRun[], key: keyof HistoryRun) => fmt(median(runs.map((r) => r[key])), 1);
  return table('12. History generator, lamha-2021-2025 at scale 1, seconds (median)', [
    ['store', 'files', 'runs', 'plan', 'write', 'rebuild + ANALYZE', 'total', 'target 60 s'],
    ...kinds.map((kind) => {
      const runs = results[kind] ?? [];
      const total = median(runs.map((r) => r.total));
      return [
        kind,
        (runs[0]?.files ?? 0).toLocaleString('en-US'),
        String(runs.length),
        m(runs, 'plan'),
        m(runs, 'write'),
        m(runs, 'rebuild'),
        fmt(total, 1),
        total <= 60 ? 'met' : 'NOT met',
      ];
    }),
  ]);
}
