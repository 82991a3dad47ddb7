import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { createTestStore, storeLabel, type TestStore } from '../../test/store.ts';
import { backoffSeconds, jobId, jobsRepository, LAST_ERROR_MAX_CHARS } from './jobs.repository.ts';
import { echoJob, enqueue, PROVINCE, readJob, secondsAfter, T0, type TestJobs } from './jobs.test-support.ts';

describe(`jobs repository (${storeLabel})`, () => {
  let testStore: TestStore;
  let db: Kysely<Database>;
  before(async () => {
    testStore = await createTestStore();
    db = testStore.store.db;
  });
  after(() => testStore.dispose());

  const claim = (workerId: string, now = T0, limit = 10, lockSeconds = 60) =>
    jobsRepository.claim(db, { workerId, limit, lockSeconds, now });

  test('enqueueing the same id twice keeps one job, with the first payload', async () => {
    const first = await db
      .transaction()
      .execute((trx) => jobsRepository.enqueue<TestJobs>(trx, echoJob(1, { payload: { n: 1 } })));
    const second = await db
      .transaction()
      .execute((trx) => jobsRepository.enqueue<TestJobs>(trx, echoJob(1, { payload: { n: 2 } })));
    assert.equal(first, true);
    assert.equal(second, false);
    const rows = await db
      .selectFrom('jobs')
      .select('payload')
      .where('id', '=', jobId('test.echo', 1))
      .execute();
    assert.deepEqual(
      rows.map((r) => r.payload),
      [{ n: 1 }],
    );
    assert.equal(
      await enqueue(db, echoJob(1), echoJob(1, { provinceCode: '01' })),
      1,
      'the key is per province',
    );
    await db.deleteFrom('jobs').execute();
  });

  test('a job enqueued in a transaction that rolls back does not exist; one that commits does', async () => {
    await assert.rejects(
      db.transaction().execute(async (trx) => {
        await jobsRepository.enqueue<TestJobs>(trx, echoJob(2));
        throw new Error('the business write failed after the enqueue');
      }),
      /business write failed/,
    );
    assert.equal((await jobsRepository.stats(db)).pending, 0);
    await db.transaction().execute((trx) => jobsRepository.enqueue<TestJobs>(trx, echoJob(2)));
    assert.equal((await jobsRepository.stats(db)).pending, 1);
    await db.deleteFrom('jobs').execute();
  });

  test('claim leases only due, unleased jobs, counts the attempt, and two claims get disjoint jobs', async () => {
    await enqueue(db, echoJob(1), echoJob(2), echoJob(3), echoJob(4, { runAt: secondsAfter(60) }));
    const a = await claim('runner-a', T0, 2);
    const b = await claim('runner-b', T0, 10);
    assert.deepEqual(a.map((j) => j.payload).concat(b.map((j) => j.payload)), [{ n: 1 }, { n: 2 }, { n: 3 }]);
    assert.ok(a.concat(b).every((j) => j.attempts === 1));
    const row = await readJob(db, a[0]!.id);
    assert.equal(row.locked_by, 'runner-a');
    assert.equal(row.locked_until?.getTime(), secondsAfter(60).getTime());
    assert.deepEqual(await claim('runner-c'), [], 'job 4 is not due yet and 1–3 are leased');
    assert.equal((await claim('runner-c', secondsAfter(60))).length, 1, 'job 4 is due at T0+60 s');
    await db.deleteFrom('jobs').execute();
  });

  test('a failure backs off 2^attempts seconds (capped at an hour) and the last try makes the job dead', async () => {
    assert.deepEqual([1, 2, 3, 11, 12, 30].map(backoffSeconds), [2, 4, 8, 2048, 3600, 3600]);
    await enqueue(db, echoJob(5, { maxAttempts: 2 }));
    const [first] = await claim('runner-a');
    assert.equal(await jobsRepository.fail(db, first!, 'x'.repeat(10_000), T0), 'retry');
    const retried = await readJob(db, first!.id);
    assert.equal(retried.run_at?.getTime(), secondsAfter(2).getTime());
    assert.equal(retried.last_error?.length, LAST_ERROR_MAX_CHARS, 'last_error is truncated');
    assert.equal(retried.locked_by, null);
    const [second] = await claim('runner-a', secondsAfter(2));
    assert.equal(second!.attempts, 2);
    assert.equal(await jobsRepository.fail(db, second!, 'still failing', secondsAfter(2)), 'dead');
    const dead = await readJob(db, first!.id);
    assert.deepEqual([dead.dead, dead.done_at, dead.last_error], [true, null, 'still failing']);
    assert.deepEqual(await claim('runner-a', secondsAfter(365 * 86_400)), [], 'a dead job is never due');
    assert.equal((await jobsRepository.stats(db)).dead, 1);
    assert.equal(await jobsRepository.retryDead(db, { provinceCode: PROVINCE, id: first!.id }, T0), true);
    assert.equal((await claim('runner-a')).length, 1, 'retryDead makes it due again');
    await db.deleteFrom('jobs').execute();
  });

  test('only the current lease holder can complete or fail a job', async () => {
    await enqueue(db, echoJob(6));
    const [job] = await claim('runner-a');
    assert.equal(await jobsRepository.complete(db, { ...job!, lockedBy: 'runner-b' }, T0), false);
    assert.equal(await jobsRepository.fail(db, { ...job!, attempts: 0 }, 'stale', T0), 'lease-lost');
    assert.equal(await jobsRepository.complete(db, job!, T0), true);
    assert.equal(await jobsRepository.complete(db, job!, T0), false, 'a done job stays done');
    assert.equal((await readJob(db, job!.id)).done_at?.getTime(), T0.getTime());
    await db.deleteFrom('jobs').execute();
  });

  test('the sweep releases expired leases at once, and kills a job whose last attempt never finished', async () => {
    await enqueue(db, echoJob(7), echoJob(8, { maxAttempts: 1 }));
    const claimed = await claim('crashed-runner', T0, 10, 60);
    assert.equal(claimed.length, 2);
    assert.deepEqual(await jobsRepository.releaseExpired(db, secondsAfter(59)), { released: 0, dead: 0 });
    assert.deepEqual(await jobsRepository.releaseExpired(db, secondsAfter(60)), { released: 1, dead: 1 });
    const released = await readJob(db, jobId('test.echo', 7));
    assert.equal(released.locked_by, null);
    assert.equal(released.run_at?.getTime(), secondsAfter(60).getTime());
    assert.match(released.last_error ?? '', /^lease of crashed-runner expired at /);
    assert.equal((await readJob(db, jobId('test.echo', 8))).dead, true);
    const again = await claim('runner-b', secondsAfter(60));
    assert.deepEqual(
      again.map((j) => [j.id, j.attempts]),
      [[jobId('test.echo', 7), 2]],
    );
    await db.deleteFrom('jobs').execute();
  });

  test('released unstarted jobs get their attempt back', async () => {
    await enqueue(db, echoJob(9), echoJob(10));
    const claimed = await claim('runner-a');
    assert.equal(await jobsRepository.release(db, claimed), 2);
    assert.deepEqual(await jobsRepository.stats(db), { pending: 2, running: 0, done: 0, dead: 0 });
    assert.equal((await readJob(db, jobId('test.echo', 9))).attempts, 0);
    await db.deleteFrom('jobs').execute();
  });
});

// Compile-time: the typed registry rejects a payload that does not match its kind.
const _payloadMustMatchKind = (trx: Transaction<Database>) =>
  // @ts-expect-error 'test.echo' takes { n: number }
  jobsRepository.enqueue<TestJobs>(trx, { ...echoJob(0), kind: 'test.echo', payload: { reason: 'x' } });
