// Health prober on its own thread (its own event loop), so that a server stalling the bench's main thread
// cannot also stall the clock that measures it. Sends GET <url> every `intervalMs` over a keep-alive agent
// until told 'stop' (or `maxMs` passes), then posts every [intended send time (epoch ms), latency (ms)] pair.
// Latency counts from the *intended* send time (no coordinated omission: a late probe counts its wait).
// Plain JavaScript: a worker must start without the TypeScript loader.
import http from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

const { url, intervalMs, maxMs, timeoutMs } = workerData;
const target = new URL(url);
if (target.hostname !== '127.0.0.1') throw new Error(`prober stays on 127.0.0.1, not ${url}`);
const agent = new http.Agent({ keepAlive: true });
const samples = [];
let errors = 0;
let outstanding = 0;
let stopped = false;
const start = performance.now();
const maxProbes = Math.ceil(maxMs / intervalMs);

function probe(intended) {
  outstanding += 1;
  const done = (ok) => {
    outstanding -= 1;
    if (ok) samples.push([performance.timeOrigin + intended, performance.now() - intended]);
    else errors += 1;
    if (stopped && outstanding === 0) finish();
  };
  const req = http.get(target, { agent, timeout: timeoutMs }, (res) => {
    res.resume();
    res.on('end', () => done(res.statusCode === 200));
    res.on('error', () => done(false));
  });
  req.on('timeout', () => req.destroy(new Error('timeout')));
  req.on('error', () => done(false));
}

let sent = 0;
function tick() {
  if (stopped) return;
  const intended = start + sent * intervalMs;
  probe(intended);
  sent += 1;
  if (sent >= maxProbes) return stop();
  setTimeout(tick, Math.max(0, start + sent * intervalMs - performance.now()));
}

let finished = false;
function finish() {
  if (finished) return;
  finished = true;
  agent.destroy();
  parentPort.postMessage({ samples, errors, sent });
}

function stop() {
  if (stopped) return;
  stopped = true;
  if (outstanding === 0) finish();
  // Outstanding probes end by their own timeout at the latest.
  setTimeout(finish, timeoutMs + 1000).unref();
}

parentPort.on('message', (message) => {
  if (message === 'stop') stop();
});
tick();
