import { sql, type Kysely } from 'kysely';
import pino from 'pino';
import type { Database } from '../db/schema.ts';
import { openStore, type Store } from '../db/store.ts';
import { testDatabaseUrl } from '../../test/store.ts';
import { jobId, jobsRepository, type JobOf, type NewJob } from './jobs.repository.ts';

/** Test fixtures for the jobs tests (not a test file itself: no `.test.ts`). */
export interface TestJobs {
  'test.echo': { n: number };
  'test.fail': { reason: string };
}

export const T0 = new Date('2025-07-01T01:00:00.000Z');
export const PROVINCE = '68';

type EchoJob = NewJob<'test.echo', TestJobs['test.echo']>;

export const echoJob = (
  n: number,
  overrides: Partial<Pick<EchoJob, 'provinceCode' | 'payload' | 'runAt' | 'maxAttempts'>> = {},
): EchoJob => ({
  provinceCode: PROVINCE,
  id: jobId('test.echo', n),
  kind: 'test.echo',
  payload: { n },
  runAt: T0,
  ...overrides,
});

export async function enqueue(db: Kysely<Database>, ...jobs: JobOf<TestJobs>[]): Promise<number> {
  return db.transaction().execute((trx) => jobsRepository.enqueueMany<TestJobs>(trx, jobs));
}

export interface JobRow {
  attempts: number;
  max_attempts: number;
  locked_by: string | null;
  locked_until: Date | null;
  done_at: Date | null;
  last_error: string | null;
  /** null when dead: pg parses 'infinity' to a number, not a Date. */
  run_at: Date | null;
  dead: boolean;
}

export async function readJob(db: Kysely<Database>, id: string, provinceCode = PROVINCE): Promise<JobRow> {
  const result = await sql<JobRow>`
    SELECT attempts, max_attempts, locked_by, locked_until, done_at, last_error,
           CASE WHEN run_at = 'infinity' THEN NULL ELSE run_at END AS run_at, run_at = 'infinity' AS dead
    FROM jobs WHERE province_code = ${provinceCode} AND id = ${id}`.execute(db);
  const row = result.rows[0];
  if (!row) throw new Error(`no job ${provinceCode}/${id}`);
  return row;
}

/** A second pool on the same PostgreSQL database, so that two runners really race; undefined on PGlite. */
export async function secondConnection(db: Kysely<Database>): Promise<Store | undefined> {
  if (!testDatabaseUrl) return undefined;
  const { rows } = await sql<{ name: string }>`SELECT current_database() AS name`.execute(db);
  const url = new URL(testDatabaseUrl);
  url.pathname = `/${rows[0]!.name}`;
  return openStore({ databaseUrl: url.toString(), dataDir: '' });
}

export function fakeClock(start = T0) {
  let now = start;
  return {
    clock: () => now,
    advance(seconds: number) {
      now = new Date(now.getTime() + seconds * 1000);
      return now;
    },
  };
}

export const secondsAfter = (seconds: number, from = T0) => new Date(from.getTime() + seconds * 1000);

type LogLine = { level: number; msg: string } & Record<string, unknown>;

/** A real pino logger whose lines the test can read. */
export function recordingLogger() {
  const lines: LogLine[] = [];
  const logger = pino(
    { level: 'info' },
    { write: (line: string) => lines.push(JSON.parse(line) as LogLine) },
  );
  return { logger, lines };
}
