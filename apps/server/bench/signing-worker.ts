// One worker thread of figure 8: renders and signs results one after another for durationMs, reports the count.
import { parentPort, workerData } from 'node:worker_threads';
import { renderAndSign, signingKit } from './signing.ts';

const { durationMs } = workerData as { durationMs: number };
const kit = await signingKit();
await renderAndSign(kit);
const end = performance.now() + durationMs;
let done = 0;
while (performance.now() < end) {
  await renderAndSign(kit);
  done += 1;
}
parentPort!.postMessage(done);
