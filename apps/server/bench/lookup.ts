// Figure 6: the public status page's lookup, GET /api/public/applications/{code}?key={lookupKey}, from many
// concurrent keep-alive clients (one socket each) against the real server, after the desk has received some
// files. The route throttles an address only after 30 *wrong* code/key pairs in 15 minutes
// (public-lookup.ts): right pairs are never limited, so the bench needs no switch to lift the limit.
import http from 'node:http';
import { request } from './lib.ts';
import { expectStatus, hammer, measured, pace, type LoadRun } from './load.ts';
import { desk } from './intake.ts';
import { withServer, withTarget } from './server-process.ts';
import type { StoreKind } from './startup.ts';

export const LOOKUP_FILES = 100;

export function publicLookup(
  kind: StoreKind,
  adminUrl: string | undefined,
  options: { runs: number; durationMs: number; clients: number; intervalMs: number },
  log: (line: string) => void,
): Promise<{ closed: LoadRun[]; paced: LoadRun[] }> {
  return withTarget(kind, adminUrl, (target) =>
    withServer(target, async (server) => {
      const d = await desk(server);
      const agent = new http.Agent({ keepAlive: true });
      const urls: string[] = [];
      for (let i = 0; i < LOOKUP_FILES; i += 1) {
        const { application } = expectStatus<{ application: { code: string; lookupKey: string } }>(
          'POST /api/applications',
          await d.intake(agent),
          201,
        );
        const code = encodeURIComponent(application.code);
        urls.push(`${server.url}/api/public/applications/${code}?key=${application.lookupKey}`);
      }
      agent.destroy();
      const probe = await request(new http.Agent(), urls[0]!);
      expectStatus('public lookup', probe);
      log(`  ${kind}: ${LOOKUP_FILES} files received; the lookup answers ${probe.body.length} bytes`);
      let next = 0;
      const send = (a: http.Agent) => request(a, urls[next++ % urls.length]!);
      // Closed loop: each client asks again the moment it is answered — the store's capacity.
      const closed = await measured(
        `${kind} lookup, closed loop`,
        options.runs,
        () => hammer(options.clients, options.durationMs, 200, send),
        log,
      );
      // Open loop: citizens at a human pace — one lookup per client per interval.
      const pacedAgent = new http.Agent({ keepAlive: true, maxSockets: options.clients });
      try {
        const paced = await measured(
          `${kind} lookup, ${options.clients} clients every ${options.intervalMs} ms`,
          options.runs,
          () =>
            pace(options.clients, options.durationMs, options.intervalMs, async () => {
              return (await send(pacedAgent)).status === 200;
            }),
          log,
        );
        return { closed, paced };
      } finally {
        pacedAgent.destroy();
      }
    }),
  );
}
