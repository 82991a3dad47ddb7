import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { storeLabel } from '../../../test/store.ts';
import { jobId } from '../../jobs/jobs.repository.ts';
import { readJob } from '../../jobs/jobs.test-support.ts';
import { hashPassword } from '../auth/password.ts';
import { usersRepository } from '../users/users.repository.ts';
import { ensureDigests } from './digest.ts';
import {
  PROVINCE,
  insertApplication,
  noticesOf,
  notificationRunner,
  userId,
  vn,
} from './notifications.test-support.ts';

describe(`daily overdue digest (${storeLabel})`, () => {
  let t: TestApp;
  let db: Kysely<Database>;
  let unitA: { id: string; name: string };
  let unitB: { id: string; name: string };
  const leaders = { a: '', b: '', province: '' };
  before(async () => {
    t = await createTestApp();
    await t.app.jobRunner.stop(); // the tests drive their own runner with a fake clock
    db = t.app.store.db;
    unitA = t.unit('24871', '2025-07-01');
    unitB = t.unit('24868', '2025-07-01');
    leaders.a = await userId(db, 'lanhdao');
    const passwordHash = await hashPassword('digest-password');
    const leaderAt = (username: string, unitId: string) =>
      usersRepository.insert(
        db,
        { username, fullName: username, unitId, passwordHash, isDemo: false, mustChangePassword: false },
        [{ role: 'leader', unitId }],
      );
    leaders.b = await leaderAt('lanhdao.b', unitB.id);
    leaders.province = await leaderAt('lanhdao.tinh', t.unit('68').id);
  });
  after(() => t.dispose());

  const digestJob = (unitId: string, date: string) => jobId('overdue.digest', unitId, date);
  const listed = async (user: string) =>
    (await noticesOf(db, user)).map((n) => ({
      title: n.title_vi,
      codes: (n.body as { applications: { code: string }[] }).applications.map((a) => a.code),
    }));

  test('lists exactly the overdue open files of the unit to its leaders, at 07:30, and chains', async () => {
    const past = vn('2026-08-28', '17:00');
    const a = unitA.id;
    const late = await insertApplication(db, { receivingUnitId: a, decidingUnitId: a, dueAt: past });
    const received = await insertApplication(db, {
      receivingUnitId: a,
      state: 'received',
      dueAt: vn('2026-08-25', '17:00'),
    });
    const transferred = await insertApplication(db, {
      receivingUnitId: a,
      decidingUnitId: unitB.id,
      dueAt: past,
    });
    await insertApplication(db, { receivingUnitId: a, state: 'returned', dueAt: past, finishedAt: past });
    await insertApplication(db, { receivingUnitId: a, state: 'supplement_requested', dueAt: past });
    await insertApplication(db, {
      receivingUnitId: a,
      state: 'result_ready',
      dueAt: past,
      processedAt: past,
    });
    await insertApplication(db, { receivingUnitId: a, dueAt: vn('2026-09-04', '17:00') });
    await insertApplication(db, { receivingUnitId: a, dueAt: null });

    const sunday = vn('2026-08-30', '20:00');
    const calendar = await t.app.services.calendar.current();
    assert.equal(await ensureDigests(db, calendar, sunday), 2, 'one chain per answerable unit');
    assert.equal(await ensureDigests(db, calendar, sunday), 0, 'idempotent');
    const first = await readJob(db, digestJob(a, '2026-08-31'), PROVINCE);
    assert.equal(first.run_at?.getTime(), vn('2026-08-31', '07:30').getTime());

    const { runAt } = notificationRunner(t);
    assert.equal(await runAt(vn('2026-08-31', '07:29')), 0);
    assert.equal(await runAt(vn('2026-08-31', '07:30')), 2);
    const atA = {
      title: `2 hồ sơ quá hạn tại ${unitA.name} (ngày 31/08/2026)`,
      codes: [received.code, late.code],
    };
    const atB = { title: `1 hồ sơ quá hạn tại ${unitB.name} (ngày 31/08/2026)`, codes: [transferred.code] };
    assert.deepEqual(await listed(leaders.a), [atA]);
    assert.deepEqual(await listed(leaders.b), [atB]);
    assert.deepEqual(
      (await listed(leaders.province)).sort((x, y) => x.title.localeCompare(y.title)),
      [atB, atA].sort((x, y) => x.title.localeCompare(y.title)),
      'a leader above both units gets both',
    );
    assert.deepEqual(await listed(await userId(db, 'chuyenvien')), [], 'not a leader');

    // 1/9 and 2/9/2026 are National Day holidays: Monday's digest is followed by Thursday's.
    const next = await readJob(db, digestJob(a, '2026-09-03'), PROVINCE);
    assert.equal(next.run_at?.getTime(), vn('2026-09-03', '07:30').getTime());

    // Delivered again (a runner died before `complete`): no second notice, no second chain.
    await db
      .updateTable('jobs')
      .set({ done_at: null })
      .where('id', 'in', [digestJob(a, '2026-08-31'), digestJob(unitB.id, '2026-08-31')])
      .execute();
    assert.equal(await runAt(vn('2026-08-31', '07:31')), 2);
    assert.equal((await noticesOf(db, leaders.a)).length, 1);
    assert.equal(await ensureDigests(db, calendar, vn('2026-08-31', '10:00')), 0, 'the chain never forks');

    // Thursday → Friday → over the weekend to Monday.
    await runAt(vn('2026-09-03', '07:30'));
    await runAt(vn('2026-09-04', '07:30'));
    const monday = await readJob(db, digestJob(a, '2026-09-07'), PROVINCE);
    assert.equal(monday.run_at?.getTime(), vn('2026-09-07', '07:30').getTime());
    assert.equal(monday.done_at, null);
    const pending = await db
      .selectFrom('jobs')
      .select('id')
      .where('kind', '=', 'overdue.digest')
      .where('done_at', 'is', null)
      .orderBy('id')
      .execute();
    assert.deepEqual(
      pending.map((j) => j.id),
      [digestJob(a, '2026-09-07'), digestJob(unitB.id, '2026-09-07')].sort(),
      'one pending digest per unit',
    );
    assert.deepEqual(
      (await listed(leaders.a)).map((n) => n.title),
      ['31/08/2026', '03/09/2026', '04/09/2026'].map((d) => `2 hồ sơ quá hạn tại ${unitA.name} (ngày ${d})`),
    );
  });
});
