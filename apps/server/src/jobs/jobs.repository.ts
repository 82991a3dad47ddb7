import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * States of a row, all in the columns of migration 0001 (no state column):
 *   pending  done_at NULL, locked_until NULL, run_at finite
 *   running  done_at NULL, locked_until set (a lease held by locked_by)
 *   done     done_at set
 *   dead     done_at NULL, locked_until NULL, run_at 'infinity' (gave up after max_attempts; last_error says why)
 */
export interface NewJob<Kind extends string = string, Payload = unknown> {
  provinceCode: string;
  /** Derived from the business fact (see jobId), never random: a retried request must collide on the key. */
  id: string;
  kind: Kind;
  payload: Payload;
  runAt?: Date;
  maxAttempts?: number;
}

/** The job a service may enqueue, given the map of kinds to payloads the runner has handlers for. */
export type JobOf<Payloads> = { [K in keyof Payloads & string]: NewJob<K, Payloads[K]> }[keyof Payloads &
  string];

export interface ClaimedJob {
  provinceCode: string;
  id: string;
  kind: string;
  payload: unknown;
  /** Including this one: claiming counts the attempt, so a runner that crashes mid-job still used it up. */
  attempts: number;
  maxAttempts: number;
  lockedBy: string;
  lockedUntil: Date;
}

export interface JobStats {
  pending: number;
  running: number;
  done: number;
  dead: number;
}

export const MAX_BACKOFF_SECONDS = 3600;
export const LAST_ERROR_MAX_CHARS = 2000;

export const backoffSeconds = (attempts: number): number => Math.min(2 ** attempts, MAX_BACKOFF_SECONDS);

/** A readable deterministic id: `jobId('deadline.reminder', applicationId, '2025-07-01')`. */
export const jobId = (kind: string, ...parts: readonly (string | number)[]): string =>
  [kind, ...parts].join(':');

const INFINITY = sql<Date>`'infinity'::timestamptz`;

const truncate = (text: string): string =>
  text.length <= LAST_ERROR_MAX_CHARS ? text : `${text.slice(0, LAST_ERROR_MAX_CHARS - 1)}…`;

const toRow = (job: NewJob) => ({
  province_code: job.provinceCode,
  id: job.id,
  kind: job.kind,
  payload: JSON.stringify(job.payload ?? {}),
  ...(job.runAt ? { run_at: job.runAt } : {}),
  ...(job.maxAttempts === undefined ? {} : { max_attempts: job.maxAttempts }),
});

export const jobsRepository = {
  /**
   * Takes the business transaction, not the pool: the job exists if and only if the business write commits.
   * Returns false when a job with this key already exists (the first payload wins).
   */
  async enqueue<Payloads = Record<string, unknown>>(
    trx: Transaction<Database>,
    job: JobOf<Payloads>,
  ): Promise<boolean> {
    const result = await trx
      .insertInto('jobs')
      .values(toRow(job as NewJob))
      .onConflict((oc) => oc.columns(['province_code', 'id']).doNothing())
      .returning('id')
      .executeTakeFirst();
    return result !== undefined;
  },

  /** One statement for many jobs; returns how many were new. */
  async enqueueMany<Payloads = Record<string, unknown>>(
    trx: Transaction<Database>,
    jobs: readonly JobOf<Payloads>[],
  ): Promise<number> {
    if (jobs.length === 0) return 0;
    const inserted = await trx
      .insertInto('jobs')
      .values(jobs.map((job) => toRow(job as NewJob)))
      .onConflict((oc) => oc.columns(['province_code', 'id']).doNothing())
      .returning('id')
      .execute();
    return inserted.length;
  },

  /**
   * Leases up to `limit` due jobs to one runner. SKIP LOCKED lets concurrent runners take disjoint rows without
   * waiting on each other and without LISTEN/NOTIFY or advisory locks, which PGlite, Citus and YugabyteDB do
   * not all offer. Citus only runs FOR UPDATE on a single shard, hence the optional province filter.
   */
  async claim(
    db: Kysely<Database>,
    options: { workerId: string; limit: number; lockSeconds: number; now: Date; provinceCode?: string },
  ): Promise<ClaimedJob[]> {
    const { workerId, limit, lockSeconds, now, provinceCode } = options;
    const lockedUntil = new Date(now.getTime() + lockSeconds * 1000);
    return db.transaction().execute(async (trx) => {
      let due = trx
        .selectFrom('jobs')
        .select(['province_code', 'id'])
        .where('done_at', 'is', null)
        .where('locked_until', 'is', null)
        .where('run_at', '<=', now);
      if (provinceCode !== undefined) due = due.where('province_code', '=', provinceCode);
      const keys = await due.orderBy('run_at').limit(limit).forUpdate().skipLocked().execute();
      if (keys.length === 0) return [];
      let update = trx
        .updateTable('jobs')
        .set((eb) => ({ locked_until: lockedUntil, locked_by: workerId, attempts: eb('attempts', '+', 1) }))
        .where((eb) =>
          eb(
            eb.refTuple('province_code', 'id'),
            'in',
            keys.map((k) => eb.tuple(k.province_code, k.id)),
          ),
        );
      if (provinceCode !== undefined) update = update.where('province_code', '=', provinceCode);
      const rows = await update
        .returning(['province_code', 'id', 'kind', 'payload', 'attempts', 'max_attempts'])
        .execute();
      return rows.map((row) => ({
        provinceCode: row.province_code,
        id: row.id,
        kind: row.kind,
        payload: row.payload,
        attempts: row.attempts,
        maxAttempts: row.max_attempts,
        lockedBy: workerId,
        lockedUntil,
      }));
    });
  },

  /**
   * last_error is kept: "succeeded on attempt 3 after X" is worth knowing.
   * Only the current lease holder may settle a job: if this runner's lease expired and the job was swept and
   * claimed again, its late result is ignored (returns false) and the new holder's run counts.
   */
  async complete(db: Db, job: ClaimedJob, now: Date): Promise<boolean> {
    const result = await leaseOf(db, job)
      .set({ done_at: now, locked_until: null, locked_by: null })
      .executeTakeFirst();
    return result.numUpdatedRows === 1n;
  },

  /** Schedules a retry after an exponential backoff, or marks the job dead once it used max_attempts. */
  async fail(db: Db, job: ClaimedJob, error: string, now: Date): Promise<'retry' | 'dead' | 'lease-lost'> {
    const dead = job.attempts >= job.maxAttempts;
    const result = await leaseOf(db, job)
      .set({
        locked_until: null,
        locked_by: null,
        last_error: truncate(error),
        run_at: dead ? INFINITY : new Date(now.getTime() + backoffSeconds(job.attempts) * 1000),
      })
      .executeTakeFirst();
    if (result.numUpdatedRows !== 1n) return 'lease-lost';
    return dead ? 'dead' : 'retry';
  },

  /** Hands back claimed jobs that were never started (a runner stopping mid-batch); the attempt is not spent. */
  async release(db: Db, jobs: readonly ClaimedJob[]): Promise<number> {
    let released = 0;
    for (const job of jobs) {
      const result = await leaseOf(db, job)
        .set((eb) => ({ locked_until: null, locked_by: null, attempts: eb('attempts', '-', 1) }))
        .executeTakeFirst();
      released += Number(result.numUpdatedRows);
    }
    return released;
  },

  /**
   * The sweep: a lease that ran out means its runner crashed or hung. The job becomes pending again at once
   * (the lease already delayed it), or dead if that was its last attempt, so a job that kills its runner
   * cannot loop forever. Claim never takes expired leases itself, so this is the one place that decides.
   */
  async releaseExpired(db: Db, now: Date): Promise<{ released: number; dead: number }> {
    const rows = await db
      .updateTable('jobs')
      .set({
        last_error: sql<string>`'lease of ' || locked_by || ' expired at ' || locked_until::text`,
        run_at: sql<Date>`CASE WHEN attempts >= max_attempts THEN 'infinity'::timestamptz ELSE ${now} END`,
        locked_until: null,
        locked_by: null,
      })
      .where('done_at', 'is', null)
      .where('locked_until', '<=', now)
      .returning(sql<boolean>`run_at = 'infinity'`.as('dead'))
      .execute();
    const dead = rows.filter((row) => row.dead).length;
    return { released: rows.length - dead, dead };
  },

  /** Makes a dead job pending again, e.g. after fixing what made its handler fail; attempts start over. */
  async retryDead(db: Db, key: { provinceCode: string; id: string }, now: Date): Promise<boolean> {
    const result = await db
      .updateTable('jobs')
      .set({ run_at: now, attempts: 0 })
      .where('province_code', '=', key.provinceCode)
      .where('id', '=', key.id)
      .where('done_at', 'is', null)
      .where('run_at', '=', INFINITY)
      .executeTakeFirst();
    return result.numUpdatedRows === 1n;
  },

  async stats(db: Db): Promise<JobStats> {
    const result = await sql<JobStats>`
      SELECT count(*) FILTER (WHERE done_at IS NULL AND locked_until IS NULL AND run_at <> 'infinity') AS pending,
             count(*) FILTER (WHERE done_at IS NULL AND locked_until IS NOT NULL) AS running,
             count(*) FILTER (WHERE done_at IS NOT NULL) AS done,
             count(*) FILTER (WHERE done_at IS NULL AND locked_until IS NULL AND run_at = 'infinity') AS dead
      FROM jobs`.execute(db);
    return result.rows[0]!;
  },
};

// The lease is identified by holder and attempt number, so a runner can never settle someone else's run,
// not even a later run of its own on the same job.
function leaseOf(db: Db, job: ClaimedJob) {
  return db
    .updateTable('jobs')
    .where('province_code', '=', job.provinceCode)
    .where('id', '=', job.id)
    .where('done_at', 'is', null)
    .where('locked_by', '=', job.lockedBy)
    .where('attempts', '=', job.attempts);
}
