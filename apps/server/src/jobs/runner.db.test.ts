import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { createTestStore, storeLabel, type TestStore } from '../../test/store.ts';
import { jobId, jobsRepository } from './jobs.repository.ts';
import { createJobRunner, type JobHandlers } from './runner.ts';
import {
  echoJob,
  enqueue,
  fakeClock,
  readJob,
  recordingLogger,
  secondConnection,
  secondsAfter,
  T0,
  type TestJobs,
} from './jobs.test-support.ts';

describe(`job runner (${storeLabel})`, () => {
  let testStore: TestStore;
  let db: Kysely<Database>;
  before(async () => {
    testStore = await createTestStore();
    db = testStore.store.db;
  });
  after(() => testStore.dispose());

  const noFailures: JobHandlers<TestJobs>['test.fail'] = async () => {};

  test('two runners drain 2,000 jobs and every job is handled exactly once', async (t) => {
    const total = 2000;
    await enqueue(db, ...Array.from({ length: total }, (_, n) => echoJob(n)));
    const other = await secondConnection(db);
    const calls = new Map<number, number>();
    const byRunner = { a: 0, b: 0 };
    const runner = (name: 'a' | 'b', runnerDb: Kysely<Database>) =>
      createJobRunner<TestJobs>({
        db: runnerDb,
        workerId: `runner-${name}`,
        batchSize: 20,
        clock: () => T0,
        logger: recordingLogger().logger,
        handlers: {
          'test.echo': async ({ n }) => {
            calls.set(n, (calls.get(n) ?? 0) + 1);
            byRunner[name] += 1;
            await new Promise(setImmediate);
          },
          'test.fail': noFailures,
        },
      });
    const drain = async (r: ReturnType<typeof runner>) => {
      while ((await r.runOnce()) > 0);
    };
    const started = performance.now();
    try {
      await Promise.all([drain(runner('a', db)), drain(runner('b', other?.db ?? db))]);
    } finally {
      await other?.close();
    }
    const ms = Math.round(performance.now() - started);
    const duplicates = [...calls.values()].filter((count) => count > 1).length;
    t.diagnostic(
      `${storeLabel}: ${total} jobs in ${ms} ms, ${calls.size} handled, ${duplicates} duplicates, ` +
        `runner a ${byRunner.a} / runner b ${byRunner.b}${other ? ' (two pools)' : ' (one PGlite connection)'}`,
    );
    assert.equal(calls.size, total, 'every job ran');
    assert.equal(duplicates, 0, 'no job ran twice');
    assert.ok(byRunner.a > 0 && byRunner.b > 0, 'both runners took part');
    assert.deepEqual(await jobsRepository.stats(db), { pending: 0, running: 0, done: total, dead: 0 });
    const claimedTwice = await db.selectFrom('jobs').select('id').where('attempts', '<>', 1).execute();
    assert.deepEqual(claimedTwice, [], 'each job was claimed exactly once');
    await db.deleteFrom('jobs').execute();
  });

  test('a failing handler is retried after 2, 4 … seconds and given up after max_attempts', async () => {
    const time = fakeClock();
    const attempts: number[] = [];
    const { logger, lines } = recordingLogger();
    const runner = createJobRunner<TestJobs>({
      db,
      workerId: 'runner-a',
      clock: time.clock,
      logger,
      handlers: {
        'test.echo': async () => {},
        'test.fail': async ({ reason }, ctx) => {
          attempts.push(ctx.attempt);
          throw new Error(reason);
        },
      },
    });
    const id = jobId('test.fail', 'mail-1');
    await db.transaction().execute((trx) =>
      jobsRepository.enqueue<TestJobs>(trx, {
        provinceCode: '68',
        id,
        kind: 'test.fail',
        payload: { reason: 'SMTP 554 rejected' },
        runAt: T0,
        maxAttempts: 3,
      }),
    );
    assert.equal(await runner.runOnce(), 1);
    assert.equal((await readJob(db, id)).run_at?.getTime(), secondsAfter(2).getTime());
    time.advance(1);
    assert.equal(await runner.runOnce(), 0, 'not before the backoff');
    time.advance(1);
    assert.equal(await runner.runOnce(), 1);
    assert.equal((await readJob(db, id)).run_at?.getTime(), secondsAfter(2 + 4).getTime());
    time.advance(4);
    assert.equal(await runner.runOnce(), 1);
    time.advance(7 * 86_400);
    assert.equal(await runner.runOnce(), 0, 'a dead job is not retried');
    assert.deepEqual(attempts, [1, 2, 3]);
    const row = await readJob(db, id);
    assert.deepEqual([row.dead, row.done_at, row.attempts], [true, null, 3]);
    assert.match(row.last_error ?? '', /^Error: SMTP 554 rejected/);
    assert.deepEqual(
      lines.filter((l) => l.jobId === id).map((l) => l.outcome),
      ['retry', 'retry', 'dead'],
    );
    await db.deleteFrom('jobs').execute();
  });

  test('a job leased by a crashed runner is swept and run again by another runner after the lease', async () => {
    await enqueue(db, echoJob(1));
    const [lost] = await jobsRepository.claim(db, {
      workerId: 'crashed',
      limit: 10,
      lockSeconds: 60,
      now: T0,
    });
    assert.ok(lost, 'the crashed runner held the job');
    const time = fakeClock();
    const seen: { n: number; attempt: number }[] = [];
    const runner = createJobRunner<TestJobs>({
      db,
      workerId: 'runner-b',
      clock: time.clock,
      logger: recordingLogger().logger,
      handlers: {
        'test.echo': async ({ n }, ctx) => {
          seen.push({ n, attempt: ctx.attempt });
        },
        'test.fail': noFailures,
      },
    });
    time.advance(30);
    assert.equal(await runner.runOnce(), 0, 'the lease still holds');
    time.advance(31);
    assert.equal(await runner.runOnce(), 1);
    assert.deepEqual(seen, [{ n: 1, attempt: 2 }]);
    const row = await readJob(db, lost.id);
    assert.equal(row.done_at?.getTime(), secondsAfter(61).getTime());
    assert.match(row.last_error ?? '', /^lease of crashed expired at /);
    assert.equal(
      await jobsRepository.complete(db, lost, secondsAfter(62)),
      false,
      'the late result is ignored',
    );
    await db.deleteFrom('jobs').execute();
  });

  test('a job of a kind the runner has no handler for fails with a clear error', async () => {
    await db
      .insertInto('jobs')
      .values({ province_code: '68', id: 'x:1', kind: 'pdf.render', payload: '{}', run_at: T0 })
      .execute();
    const runner = createJobRunner<TestJobs>({
      db,
      workerId: 'runner-a',
      clock: () => T0,
      logger: recordingLogger().logger,
      handlers: { 'test.echo': async () => {}, 'test.fail': noFailures },
    });
    assert.equal(await runner.runOnce(), 1);
    const row = await readJob(db, 'x:1');
    assert.match(
      row.last_error ?? '',
      /no handler for job kind "pdf\.render" \(this runner handles: test\.echo, test\.fail\)/,
    );
    assert.equal(
      row.run_at?.getTime(),
      secondsAfter(2).getTime(),
      'retried: a newer runner may know the kind',
    );
    await db.deleteFrom('jobs').execute();
  });

  test('stop() waits for the job in flight and hands back the rest of the batch', async () => {
    await enqueue(db, echoJob(1), echoJob(2), echoJob(3));
    let entered!: () => void;
    const inFlight = new Promise<void>((resolve) => (entered = resolve));
    let finish!: () => void;
    const gate = new Promise<void>((resolve) => (finish = resolve));
    const handled: number[] = [];
    const runner = createJobRunner<TestJobs>({
      db,
      workerId: 'runner-a',
      pollMs: 5,
      clock: () => T0,
      logger: recordingLogger().logger,
      handlers: {
        'test.echo': async ({ n }) => {
          entered();
          await gate;
          handled.push(n);
        },
        'test.fail': noFailures,
      },
    });
    runner.start();
    await inFlight;
    let stopped = false;
    const stopping = runner.stop().then(() => (stopped = true));
    await new Promise(setImmediate);
    assert.equal(stopped, false, 'stop waits for the handler');
    finish();
    await stopping;
    assert.deepEqual(handled, [1]);
    assert.deepEqual(await jobsRepository.stats(db), { pending: 2, running: 0, done: 1, dead: 0 });
    assert.equal((await readJob(db, jobId('test.echo', 2))).attempts, 0);
    await db.deleteFrom('jobs').execute();
  });
});
