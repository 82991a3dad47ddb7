// Test helper: an S3-compatible server for the S3 file store tests — moto_server (pip moto) started for the
// suite, or another server (e.g. MinIO) named by MOTCUA_TEST_S3_ENDPOINT.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import { AwsClient } from 'aws4fetch';
import type { S3StoreOptions } from './s3-file-store.ts';

export type S3TestServer = Omit<S3StoreOptions, 'prefix'> & {
  /** Sends a signed request straight to the server, for looking behind the store's back. */
  raw(method: string, path: string, init?: RequestInit): Promise<Response>;
  stop(): Promise<void>;
};

const external = process.env.MOTCUA_TEST_S3_ENDPOINT;

/** Why the S3 tests cannot run here, or `false` when they can. */
export const s3ServerMissing: string | false =
  external !== undefined || spawnSync('moto_server', ['--help']).error === undefined
    ? false
    : 'no S3-compatible server here: moto_server (pip moto) not on PATH';

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function waitUntilAnswering(endpoint: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`moto_server exited with ${child.exitCode}:\n${log()}`);
    try {
      await (await fetch(endpoint, { signal: AbortSignal.timeout(1000) })).body?.cancel();
      return;
    } catch {
      if (Date.now() > deadline) throw new Error(`moto_server did not answer at ${endpoint}:\n${log()}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/** Starts (or connects to) the server and makes sure the bucket exists. Call `stop` when done. */
export async function startS3Server(): Promise<S3TestServer> {
  let child: ChildProcess | undefined;
  let endpoint = external?.replace(/\/+$/, '');
  if (endpoint === undefined) {
    endpoint = `http://127.0.0.1:${await freePort()}`;
    const proc = spawn('moto_server', ['-H', '127.0.0.1', '-p', endpoint.split(':')[2]!], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = proc;
    let output = '';
    const keep = (chunk: Buffer) => void (output = (output + chunk.toString()).slice(-4000));
    proc.stdout.on('data', keep);
    proc.stderr.on('data', keep);
    try {
      await waitUntilAnswering(endpoint, proc, () => output);
    } catch (error) {
      proc.kill('SIGKILL');
      throw error;
    }
  }
  const options = {
    endpoint,
    bucket: process.env.MOTCUA_TEST_S3_BUCKET ?? `motcua-test-${randomBytes(4).toString('hex')}`,
    region: process.env.MOTCUA_TEST_S3_REGION ?? 'us-east-1',
    accessKeyId: process.env.MOTCUA_TEST_S3_ACCESS_KEY_ID ?? 'test',
    secretAccessKey: process.env.MOTCUA_TEST_S3_SECRET_ACCESS_KEY ?? 'test',
  };
  const client = new AwsClient({ ...options, service: 's3', retries: 0 });
  const raw = async (method: string, path: string, init: RequestInit = {}) =>
    fetch(await client.sign(`${endpoint}${path}`, { ...init, method, signal: AbortSignal.timeout(30_000) }));
  const proc = child;
  const stop = async () => {
    if (proc === undefined || proc.exitCode !== null || proc.signalCode !== null) return;
    const exited = new Promise((resolve) => proc.once('exit', resolve));
    proc.kill('SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([exited, new Promise((resolve) => (timer = setTimeout(resolve, 5000)))]);
    clearTimeout(timer);
    if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
  };

  // An existing bucket of ours (a reused MOTCUA_TEST_S3_BUCKET) is fine: 409 BucketAlreadyOwnedByYou.
  const created = await raw('PUT', `/${options.bucket}`);
  const body = await created.text();
  if (!created.ok && !body.includes('BucketAlreadyOwnedByYou')) {
    await stop();
    throw new Error(
      `could not create bucket ${options.bucket} at ${endpoint}: HTTP ${created.status} ${body}`,
    );
  }
  return { ...options, raw, stop };
}
