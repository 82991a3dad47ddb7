// The real server as a child process (`node --import tsx …/main.ts serve`), as a person starts it, and fresh
// PostgreSQL databases for it. Every child and database is registered for cleanup.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { onCleanup, tempDir } from './lib.ts';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const CLI = path.join(REPO_ROOT, 'apps/server/src/cli/main.ts');
export const BENCH_PASSWORD = 'bench-demo-password';
const START_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 15_000;

export interface ServerChild {
  pid: number;
  url: string;
  /** From spawn to the "motcua listening" line, as measured by the bench. */
  startMs: number;
  /** The server's own "ready in N ms" (from the start of serve(), after Node and tsx have loaded). */
  readyMs: number;
  stop(): Promise<void>;
}

export interface ServerTarget {
  dataDir: string;
  /** PostgreSQL database URL; PGlite in dataDir when absent. */
  databaseUrl?: string | undefined;
}

function childEnv(target: ServerTarget): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    LOG_LEVEL: 'warn',
    MOTCUA_DEMO_PASSWORD: BENCH_PASSWORD,
    MOTCUA_MAINTENANCE_MINUTES: '0',
  };
  delete env.DATABASE_URL;
  delete env.NODE_ENV;
  if (target.databaseUrl) env.DATABASE_URL = target.databaseUrl;
  return env;
}

/** Spawns `motcua serve` on a free port of 127.0.0.1 and resolves at its "listening" line. */
export function startServer(target: ServerTarget): Promise<ServerChild> {
  const started = performance.now();
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', CLI, 'serve', '--port', '0', '--host', '127.0.0.1', '--data-dir', target.dataDir],
    { cwd: REPO_ROOT, env: childEnv(target), stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  let alive = true;
  void exited.then(() => (alive = false));
  const stop = onCleanup(async () => {
    if (!alive) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(timer);
  });
  return new Promise((resolve, reject) => {
    let output = '';
    let settled = false;
    const fail = (why: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void stop().then(() => reject(new Error(`${why}:\n${output.slice(-4000)}`)));
    };
    const timer = setTimeout(() => fail('server did not start in time'), START_TIMEOUT_MS);
    child.stdout.on('data', (d: Buffer) => {
      if (settled) return;
      output += d.toString();
      const match = /motcua listening on (http:\/\/\S+) \(store: \w+, ready in (\d+) ms\)/.exec(output);
      if (!match) return;
      const startMs = performance.now() - started;
      settled = true;
      clearTimeout(timer);
      resolve({ pid: child.pid!, url: match[1]!, startMs, readyMs: Number(match[2]), stop });
    });
    child.stderr.on('data', (d: Buffer) => {
      if (!settled) output += d.toString();
    });
    void exited.then((code) => fail(`server exited with ${code} before listening`));
  });
}

export interface BenchDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A new, empty database on the PostgreSQL server behind `adminUrl`; dropped at cleanup. */
export async function createDatabase(adminUrl: string): Promise<BenchDatabase> {
  const name = `motcua_bench_${Date.now()}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const drop = onCleanup(async () => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    } finally {
      await client.end();
    }
  });
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop };
}

/** A fresh target of the given kind: an empty PGlite folder, or an empty database (with a scratch folder). */
export async function freshTarget(
  kind: 'pglite' | 'postgres',
  adminUrl: string | undefined,
): Promise<ServerTarget & { dispose(): Promise<void> }> {
  const folder = tempDir(kind);
  if (kind === 'pglite') return { dataDir: folder.dir, dispose: folder.remove };
  if (!adminUrl) throw new Error('PostgreSQL target without an admin URL');
  const database = await createDatabase(adminUrl);
  return {
    dataDir: folder.dir,
    databaseUrl: database.url,
    async dispose() {
      await database.drop();
      await folder.remove();
    },
  };
}

/** Runs `use` on a fresh target of the given kind, disposed afterwards (even on failure). */
export async function withTarget<T>(
  kind: 'pglite' | 'postgres',
  adminUrl: string | undefined,
  use: (target: ServerTarget) => Promise<T>,
): Promise<T> {
  const target = await freshTarget(kind, adminUrl);
  try {
    return await use(target);
  } finally {
    await target.dispose();
  }
}

/** Runs `use` against a server started on `target`, stopped afterwards (even on failure). */
export async function withServer<T>(
  target: ServerTarget,
  use: (server: ServerChild) => Promise<T>,
): Promise<T> {
  const server = await startServer(target);
  try {
    return await use(server);
  } finally {
    await server.stop();
  }
}
