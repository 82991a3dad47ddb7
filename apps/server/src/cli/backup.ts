import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { PGlite } from '@electric-sql/pglite';
import type { Config } from '../config.ts';
import { lockDataDir } from '../db/lock.ts';

/**
 * Embedded store: a gzip tarball of the PGlite data folder, made by PGlite itself after a CHECKPOINT
 * (the server must be stopped: one process per folder). PostgreSQL: pg_dump's custom format.
 */
export async function backup(config: Config, out: string): Promise<string> {
  const target = path.resolve(out);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  if (config.databaseUrl) {
    const result = spawnSync(
      'pg_dump',
      ['--format=custom', '--no-owner', `--file=${target}`, config.databaseUrl],
      { stdio: 'inherit' },
    );
    if (result.error)
      throw new Error(`pg_dump could not run (${result.error.message}); install the PostgreSQL client tools`);
    if (result.status !== 0) throw new Error(`pg_dump failed with exit code ${result.status}`);
    return target;
  }
  const unlock = lockDataDir(config.dataDir);
  try {
    const db = await PGlite.create(path.join(config.dataDir, 'pglite'));
    await db.exec('CHECKPOINT');
    const dump = await db.dumpDataDir('gzip');
    fs.writeFileSync(target, Buffer.from(await dump.arrayBuffer()));
    await db.close();
    return target;
  } finally {
    unlock();
  }
}

export async function restore(config: Config, file: string, options: { force: boolean }): Promise<void> {
  const source = path.resolve(file);
  if (!fs.existsSync(source)) throw new Error(`backup file not found: ${source}`);
  if (config.databaseUrl) {
    const result = spawnSync(
      'pg_restore',
      ['--clean', '--if-exists', '--no-owner', `--dbname=${config.databaseUrl}`, source],
      { stdio: 'inherit' },
    );
    if (result.error) throw new Error(`pg_restore could not run (${result.error.message})`);
    if (result.status !== 0) throw new Error(`pg_restore failed with exit code ${result.status}`);
    return;
  }
  const unlock = lockDataDir(config.dataDir);
  try {
    const pgDir = path.join(config.dataDir, 'pglite');
    if (fs.existsSync(pgDir) && fs.readdirSync(pgDir).length > 0) {
      if (!options.force)
        throw new Error(`${pgDir} is not empty; pass --force to replace it with the backup`);
      fs.rmSync(pgDir, { recursive: true, force: true });
    }
    const blob = new Blob([fs.readFileSync(source)]);
    const db = await PGlite.create({ dataDir: pgDir, loadDataDir: blob });
    await db.query('SELECT 1');
    await db.close();
  } finally {
    unlock();
  }
}
