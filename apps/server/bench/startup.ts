// Figures 2 and 3: cold start (spawn → "listening" line) on an empty store and on a restart, and the RSS of
// the idle server process some seconds after it listens.
import { rssMiB, sleep } from './lib.ts';
import { freshTarget, startServer } from './server-process.ts';

export type StoreKind = 'pglite' | 'postgres';

export interface StartupRun {
  /** Empty store: migrations and demo seed included. */
  emptyMs: number;
  emptyReadyMs: number;
  /** Existing store: a restart. */
  restartMs: number;
  restartReadyMs: number;
  /** RSS of the restarted server, idle, `restMs` after its listening line. */
  rssMiB: number;
}

export async function startup(
  kind: StoreKind,
  adminUrl: string | undefined,
  runs: number,
  restMs: number,
  log: (line: string) => void,
): Promise<StartupRun[]> {
  const results: StartupRun[] = [];
  for (let i = 0; i < runs; i += 1) {
    const target = await freshTarget(kind, adminUrl);
    try {
      const first = await startServer(target);
      await first.stop();
      const second = await startServer(target);
      await sleep(restMs);
      const rss = rssMiB(second.pid);
      await second.stop();
      const run: StartupRun = {
        emptyMs: first.startMs,
        emptyReadyMs: first.readyMs,
        restartMs: second.startMs,
        restartReadyMs: second.readyMs,
        rssMiB: rss,
      };
      log(
        `  ${kind} run ${i + 1}/${runs}: empty ${run.emptyMs.toFixed(0)} ms, restart ` +
          `${run.restartMs.toFixed(0)} ms, RSS ${run.rssMiB.toFixed(0)} MiB`,
      );
      results.push(run);
    } finally {
      await target.dispose();
    }
  }
  return results;
}
