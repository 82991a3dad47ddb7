import { randomBytes } from 'node:crypto';
import os from 'node:os';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from '../db/schema.ts';
import { jobsRepository, type ClaimedJob } from './jobs.repository.ts';

export type JobLogger = Pick<Logger, 'info' | 'warn' | 'error'>;

export interface JobContext {
  provinceCode: string;
  id: string;
  kind: string;
  /** 1 on the first run. */
  attempt: number;
  maxAttempts: number;
  /** From the runner's clock: handlers take time from here, never from `new Date()`. */
  now: Date;
  logger: JobLogger;
}

/**
 * A handler MUST be idempotent: it may run more than once for the same job, because delivery is at least once.
 * A runner can crash (or lose its lease) after the side effect and before `complete`; the sweep then hands the
 * job to another runner. Make the effect safe to repeat: upsert on a key derived from the job id, check
 * "already sent/signed/rendered" first, or pass the job id as the idempotency key to the remote service.
 * Throwing fails this attempt (retried with backoff); returning completes the job.
 */
export type JobHandler<Payload> = (payload: Payload, ctx: JobContext) => Promise<void>;

/** The registry: one handler per kind, typed by the same map the services enqueue with (JobOf<Payloads>). */
export type JobHandlers<Payloads> = { [K in keyof Payloads & string]: JobHandler<Payloads[K]> };

export interface JobRunnerOptions<Payloads> {
  db: Kysely<Database>;
  handlers: JobHandlers<Payloads>;
  /** Unique per runner process; stored in locked_by and in the sweep's last_error. */
  workerId: string;
  /** How long an idle runner waits before polling again. */
  pollMs?: number;
  /** Jobs claimed per round trip; all of them must finish within the lease. */
  batchSize?: number;
  /** The lease: a job still running after this is presumed lost and swept back to pending. */
  lockSeconds?: number;
  sweepEveryMs?: number;
  /** Claim per province, in turn (required on Citus, where FOR UPDATE must hit one shard); all when absent. */
  provinceCodes?: readonly string[];
  clock?: () => Date;
  logger: JobLogger;
}

export interface JobRunner {
  start(): void;
  /** Finishes the job in flight, hands back the rest of its batch, then resolves. */
  stop(): Promise<void>;
  /** One round: sweep if due, claim, run. Returns how many jobs ran (succeeded or failed). */
  runOnce(): Promise<number>;
}

const MAX_IDLE_AFTER_ERRORS_MS = 60_000;

export const defaultWorkerId = (): string =>
  `${os.hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;

export function createJobRunner<Payloads>(options: JobRunnerOptions<Payloads>): JobRunner {
  const { db, workerId, logger } = options;
  const pollMs = options.pollMs ?? 1000;
  const batchSize = options.batchSize ?? 10;
  const lockSeconds = options.lockSeconds ?? 300;
  const sweepEveryMs = options.sweepEveryMs ?? 30_000;
  const clock = options.clock ?? (() => new Date());
  const scopes: readonly (string | undefined)[] = options.provinceCodes ?? [undefined];
  // Payloads come back from jsonb untyped; they were typed when enqueued through JobOf<Payloads>.
  const handlers = options.handlers as unknown as Partial<Record<string, JobHandler<unknown>>>;

  let stopping = false;
  let loop: Promise<void> | undefined;
  let wake: (() => void) | undefined;
  let lastSweepAt = Number.NEGATIVE_INFINITY;

  async function sweepIfDue(now: Date): Promise<void> {
    if (now.getTime() - lastSweepAt < sweepEveryMs) return;
    lastSweepAt = now.getTime();
    const { released, dead } = await jobsRepository.releaseExpired(db, now);
    if (released + dead > 0) logger.warn({ released, dead, workerId }, 'expired job leases swept');
  }

  async function run(job: ClaimedJob): Promise<void> {
    const handler = Object.hasOwn(handlers, job.kind) ? handlers[job.kind] : undefined;
    const ctx: JobContext = {
      provinceCode: job.provinceCode,
      id: job.id,
      kind: job.kind,
      attempt: job.attempts,
      maxAttempts: job.maxAttempts,
      now: clock(),
      logger,
    };
    let failure: unknown;
    let failed = false;
    try {
      if (!handler) {
        // Failed, not skipped: during a rolling deploy a newer runner may know the kind and take a retry.
        throw new Error(
          `no handler for job kind "${job.kind}" (this runner handles: ${Object.keys(handlers).join(', ') || 'none'})`,
        );
      }
      await handler(job.payload, ctx);
    } catch (error) {
      failed = true;
      failure = error;
    }
    const log = { jobId: job.id, provinceCode: job.provinceCode, kind: job.kind, attempt: job.attempts };
    if (!failed) {
      if (!(await jobsRepository.complete(db, job, clock()))) {
        logger.warn(log, 'job finished after its lease was lost; the next holder runs it again');
      }
      return;
    }
    const message = failure instanceof Error ? (failure.stack ?? failure.message) : String(failure);
    const outcome = await jobsRepository.fail(db, job, message, clock());
    const level = outcome === 'dead' ? 'error' : 'warn';
    logger[level]({ ...log, err: failure, outcome }, `job failed (${outcome})`);
  }

  async function runOnce(): Promise<number> {
    await sweepIfDue(clock());
    let ran = 0;
    for (const provinceCode of scopes) {
      if (stopping) break;
      const jobs = await jobsRepository.claim(db, {
        workerId,
        limit: batchSize,
        lockSeconds,
        now: clock(),
        ...(provinceCode === undefined ? {} : { provinceCode }),
      });
      let started = 0;
      try {
        while (started < jobs.length && !stopping) {
          started += 1;
          await run(jobs[started - 1]!);
          ran += 1;
        }
      } finally {
        // Unstarted jobs go back now rather than waiting out the lease (on stop, or if settling one threw).
        const unstarted = jobs.slice(started);
        if (unstarted.length > 0) {
          await jobsRepository.release(db, unstarted).catch((error: unknown) => {
            logger.error({ err: error, workerId }, 'could not release claimed jobs; the sweep will');
          });
        }
      }
    }
    return ran;
  }

  function pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wake = undefined;
        resolve();
      }
      wake = done;
    });
  }

  async function loopUntilStopped(): Promise<void> {
    let errors = 0;
    while (!stopping) {
      let ran = 0;
      try {
        ran = await runOnce();
        errors = 0;
      } catch (error) {
        errors += 1;
        logger.error({ err: error, workerId }, 'job runner round failed');
      }
      if (stopping) break;
      // A busy runner goes straight on; an idle or failing one waits (longer while the database is away).
      if (ran === 0 || errors > 0) await pause(Math.min(pollMs * 2 ** errors, MAX_IDLE_AFTER_ERRORS_MS));
    }
  }

  return {
    start() {
      if (loop) return;
      stopping = false;
      logger.info({ workerId, pollMs, batchSize, lockSeconds }, 'job runner started');
      loop = loopUntilStopped();
    },
    async stop() {
      stopping = true;
      wake?.();
      await loop;
      loop = undefined;
    },
    runOnce,
  };
}
