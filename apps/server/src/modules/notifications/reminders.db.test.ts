import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { storeLabel } from '../../../test/store.ts';
import { jobId, jobsRepository } from '../../jobs/jobs.repository.ts';
import { readJob, secondConnection } from '../../jobs/jobs.test-support.ts';
import { scheduleReminders, type ReminderTarget } from './reminders.ts';
import {
  PROVINCE,
  clearNotifications,
  insertApplication,
  noticesOf,
  notificationRunner,
  userId,
  vn,
} from './notifications.test-support.ts';

describe(`deadline reminders (${storeLabel})`, () => {
  let t: TestApp;
  let db: Kysely<Database>;
  let commune: string;
  let specialist: string;
  before(async () => {
    t = await createTestApp();
    await t.app.jobRunner.stop(); // the tests drive their own runners with a fake clock
    db = t.app.store.db;
    commune = t.unit('24871', '2025-07-01').id;
    specialist = await userId(db, 'chuyenvien');
  });
  beforeEach(() => clearNotifications(db));
  after(() => t.dispose());

  const schedule = (target: ReminderTarget) =>
    db.transaction().execute((trx) => scheduleReminders(trx, target));
  async function assigned(dueAt: Date, state = 'processing') {
    const app = await insertApplication(db, {
      receivingUnitId: commune,
      assigneeId: specialist,
      dueAt,
      state,
    });
    await schedule({ provinceCode: PROVINCE, id: app.id, dueAt, assigneeId: specialist });
    return app;
  }

  test('the day before at closing time and at the due time, to the assignee, once each', async () => {
    // Due Monday 30/11/2026 17:00: the working day before is Friday 27/11, closing at 17:00.
    const due = vn('2026-11-30', '17:00');
    const app = await assigned(due);
    const before = jobId('deadline.reminder', app.id, due.toISOString(), 'before');
    assert.equal(
      (await readJob(db, before, PROVINCE)).run_at?.getTime(),
      vn('2026-11-27', '17:00').getTime(),
    );
    assert.equal(
      await schedule({ provinceCode: PROVINCE, id: app.id, dueAt: due, assigneeId: specialist }),
      0,
    );
    const { runAt } = notificationRunner(t);
    assert.equal(await runAt(vn('2026-11-27', '16:59')), 0, 'not before closing time');
    assert.equal(await runAt(vn('2026-11-27', '17:00')), 1);
    assert.equal(await runAt(vn('2026-11-30', '16:59')), 0, 'not over the weekend');
    assert.equal(await runAt(vn('2026-11-30', '17:00')), 1);
    const notices = await noticesOf(db, specialist);
    assert.deepEqual(
      notices.map((n) => [n.title_vi, n.title_en, n.application_id]),
      [
        [
          `Hồ sơ ${app.code} đến hạn vào 17:00 ngày 30/11/2026`,
          `File ${app.code} is due at 17:00 on 30/11/2026`,
          app.id,
        ],
        [
          `Hồ sơ ${app.code} đã đến hạn trả kết quả (17:00 ngày 30/11/2026)`,
          `File ${app.code} has reached its due time (17:00 on 30/11/2026)`,
          app.id,
        ],
      ],
    );
    assert.equal(notices[0]!.created_at.getTime(), vn('2026-11-27', '17:00').getTime(), 'time from ctx.now');
  });

  test('skips a file whose appointment moved, that ended, is paused, decided or unassigned', async () => {
    const due = vn('2026-12-02', '11:00');
    const moved = await assigned(due);
    const later = vn('2026-12-04', '11:00');
    await db.updateTable('applications').set({ due_at: later }).where('id', '=', moved.id).execute();
    await schedule({ provinceCode: PROVINCE, id: moved.id, dueAt: later, assigneeId: specialist });
    await assigned(due, 'returned');
    await assigned(due, 'supplement_requested');
    const decided = await assigned(due, 'result_ready');
    await db.updateTable('applications').set({ processed_at: due }).where('id', '=', decided.id).execute();
    const unassigned = await insertApplication(db, { receivingUnitId: commune, dueAt: due });
    assert.equal(
      await schedule({ provinceCode: PROVINCE, id: unassigned.id, dueAt: due, assigneeId: null }),
      0,
    );
    const { runAt } = notificationRunner(t);
    assert.equal(await runAt(vn('2026-12-02', '12:00')), 8, 'the jobs of 2/12 ran');
    assert.deepEqual(await noticesOf(db, specialist), [], 'and notified no one');
    await runAt(vn('2026-12-03', '17:00'));
    await runAt(vn('2026-12-04', '11:00'));
    assert.deepEqual(
      (await noticesOf(db, specialist)).map((n) => n.title_vi),
      [
        `Hồ sơ ${moved.code} đến hạn vào 11:00 ngày 04/12/2026`,
        `Hồ sơ ${moved.code} đã đến hạn trả kết quả (11:00 ngày 04/12/2026)`,
      ],
      'the new appointment is reminded',
    );
  });

  test('a reminder run again (at-least-once delivery) inserts nothing twice', async () => {
    const due = vn('2026-12-07', '17:00');
    const app = await assigned(due);
    const { runAt } = notificationRunner(t);
    await runAt(vn('2026-12-04', '17:00'));
    await runAt(vn('2026-12-07', '17:00'));
    // As if the runner had died after the effect and before `complete`: both jobs are delivered again.
    await db
      .updateTable('jobs')
      .set({ done_at: null, run_at: vn('2026-12-04', '17:00') })
      .execute();
    assert.equal(await runAt(vn('2026-12-04', '17:00')), 2, 'both jobs ran a second time');
    assert.equal((await noticesOf(db, specialist)).filter((n) => n.application_id === app.id).length, 2);
  });

  test('survives a runner that died holding the job: the next one sends it after the lease', async () => {
    const due = vn('2026-12-08', '17:00');
    await assigned(due);
    const [lost] = await jobsRepository.claim(db, {
      workerId: 'crashed',
      limit: 1,
      lockSeconds: 300,
      now: vn('2026-12-07', '17:00'),
    });
    assert.ok(lost);
    const restarted = notificationRunner(t, { workerId: 'restarted' });
    assert.equal(await restarted.runAt(vn('2026-12-07', '17:04')), 0, 'the lease still holds');
    assert.equal(await restarted.runAt(vn('2026-12-07', '17:06')), 1);
    assert.equal((await noticesOf(db, specialist)).length, 1);
  });

  test('two runners on one database send each reminder exactly once', async () => {
    const due = vn('2026-12-09', '17:00');
    const apps = [];
    for (let i = 0; i < 40; i++) apps.push(await assigned(due));
    const other = await secondConnection(db);
    try {
      const a = notificationRunner(t, { workerId: 'a' });
      const b = notificationRunner(t, { workerId: 'b', ...(other ? { db: other.db } : {}) });
      let ran = 0;
      for (const at of [vn('2026-12-08', '17:00'), vn('2026-12-09', '17:00')]) {
        const [ranA, ranB] = await Promise.all([a.runAt(at), b.runAt(at)]);
        ran += ranA + ranB;
      }
      assert.equal(ran, 80, 'every job ran once');
    } finally {
      await other?.close();
    }
    const keys = (await noticesOf(db, specialist)).map((n) => n.key);
    assert.equal(keys.length, 80);
    assert.equal(new Set(keys).size, 80);
  });
});
