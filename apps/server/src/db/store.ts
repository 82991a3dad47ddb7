import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';
import { lockDataDir } from './lock.ts';

export type StoreKind = 'pglite' | 'postgres';

export interface Store {
  kind: StoreKind;
  db: Kysely<Database>;
  /** The PGlite data folder, when embedded. */
  dataDir?: string;
  serverVersion(): Promise<string>;
  close(): Promise<void>;
}

export interface StoreOptions {
  databaseUrl?: string | undefined;
  dataDir: string;
  maxWalSizeMb?: number;
  /** Pool size for PostgreSQL. PGlite has one connection, whatever this says. */
  poolSize?: number;
}

// Dates stay strings ('YYYY-MM-DD'): a legal date has no time zone, and JS Date would shift it.
pg.types.setTypeParser(1082, (value: string) => value);
// bigint counts fit in a JS number for every table we have (< 2^53).
pg.types.setTypeParser(20, (value: string) => Number.parseInt(value, 10));

export async function openStore(options: StoreOptions): Promise<Store> {
  return options.databaseUrl
    ? openPostgres(options.databaseUrl, options.poolSize ?? 10)
    : openPglite(options);
}

function kyselyOver(pool: pg.Pool): Kysely<Database> {
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

async function versionOf(db: Kysely<Database>): Promise<string> {
  const result = await sql<{ version: string }>`SELECT current_setting('server_version') AS version`.execute(
    db,
  );
  return result.rows[0]?.version ?? 'unknown';
}

async function openPostgres(url: string, poolSize: number): Promise<Store> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle connection the server closes (a restart, an administrator's terminate) is an 'error' event on the
  // pool; unhandled it would crash the process. The pool drops that client and the next query reconnects.
  pool.on('error', () => {});
  const db = kyselyOver(pool);
  await sql`SELECT 1`.execute(db);
  return { kind: 'postgres', db, serverVersion: () => versionOf(db), close: () => db.destroy() };
}

async function openPglite(options: StoreOptions): Promise<Store> {
  const dataDir = path.resolve(options.dataDir);
  const unlock = lockDataDir(dataDir);
  const socketDir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-pg-'));
  const worker = new Worker(new URL('./pglite-worker.mjs', import.meta.url), {
    workerData: {
      dataDir: path.join(dataDir, 'pglite'),
      socketPath: path.join(socketDir, '.s.PGSQL.5432'),
      maxWalSizeMb: options.maxWalSizeMb ?? 256,
    },
  });
  const cleanup = () => {
    fs.rmSync(socketDir, { recursive: true, force: true });
    unlock();
  };
  try {
    await new Promise<void>((resolve, reject) => {
      worker.once('message', (message: { ready?: boolean; error?: string }) =>
        message.ready ? resolve() : reject(new Error(`PGlite failed to open ${dataDir}: ${message.error}`)),
      );
      worker.once('error', reject);
    });
  } catch (error) {
    await worker.terminate();
    cleanup();
    throw error;
  }
  // One connection: PGlite serves one session; the pool serialises transactions in front of it.
  const pool = new pg.Pool({ host: socketDir, port: 5432, user: 'postgres', database: 'postgres', max: 1 });
  pool.on('error', () => {}); // as in openPostgres: a dropped idle connection is replaced, not fatal
  const db = kyselyOver(pool);
  let closed = false;
  return {
    kind: 'pglite',
    db,
    dataDir,
    serverVersion: async () => `${await versionOf(db)} (PGlite)`,
    close: async () => {
      if (closed) return;
      closed = true;
      await db.destroy();
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 5000);
        worker.once('message', () => {
          clearTimeout(timer);
          resolve();
        });
        worker.postMessage('close');
      });
      await worker.terminate();
      cleanup();
    },
  };
}
