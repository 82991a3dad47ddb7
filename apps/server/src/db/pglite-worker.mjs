// Owns the embedded PGlite database on a worker thread, so that its synchronous WASM work never blocks the
// HTTP event loop (architecture.md §2), and serves it on a private unix socket to the main thread's pg.Pool.
// Plain JavaScript: a worker must start without the TypeScript loader.
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';

const { dataDir, socketPath, maxWalSizeMb } = workerData;

try {
  // The extensions a PostgreSQL server ships in contrib; PGlite needs them handed over (catalog search).
  const db = await PGlite.create(dataDir, { extensions: { pg_trgm, unaccent } });
  // PGlite runs no background checkpointer: cap the WAL (read at the next start, hence ALTER SYSTEM) and let
  // the scheduled CHECKPOINT recycle it (see maintenance.ts).
  const wal = `${Math.max(32, Number(maxWalSizeMb))}MB`;
  const current = await db.query(`SELECT setting, unit FROM pg_settings WHERE name = 'max_wal_size'`);
  if (current.rows[0] && `${current.rows[0].setting}${current.rows[0].unit}` !== wal) {
    await db.exec(`ALTER SYSTEM SET max_wal_size = '${wal}'`);
    await db.exec(`ALTER SYSTEM SET min_wal_size = '32MB'`);
  }
  const server = new PGLiteSocketServer({ db, path: socketPath, maxConnections: 1 });
  await server.start();
  parentPort.on('message', async (message) => {
    if (message === 'close') {
      await server.stop();
      await db.close();
      parentPort.postMessage({ closed: true });
    }
  });
  parentPort.postMessage({ ready: true });
} catch (error) {
  parentPort.postMessage({ error: String(error?.stack ?? error) });
}
