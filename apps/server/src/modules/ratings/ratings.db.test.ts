import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { CRITERIA } from '@motcua/domain/ratings/criteria';
import { createTestApp, deskOfficers, userWithRole, type Session, type TestApp } from '../../../test/app.ts';
import { storeLabel } from '../../../test/store.ts';
import { scheduleCitizenNotices } from '../delivery/citizen-notices.ts';
import { applicationsRepository } from '../applications/applications.repository.ts';
import { rate, ratingState, vn, workflow, type Desk, type FileRef } from './ratings.test-support.ts';

const DAY = 86_400_000;

describe(`ratings: who may rate, the 30 days, feedback to the leader, the figures (${storeLabel})`, () => {
  let t: TestApp;
  let d: Desk;
  let w: ReturnType<typeof workflow>;
  let otherLeader: Session;
  let ioc: Session;
  let now = vn('2026-03-02 09:00');
  const at = (local: string) => {
    now = vn(local);
  };
  const period = (unitId: string, from: string, to: string) =>
    new URLSearchParams({ unitId, from, to }).toString();

  before(async () => {
    // Messages go through the outbox for e-mail; with no SMTP server configured the job finds nothing to send.
    t = await createTestApp(
      { delivery: { email: undefined, sms: undefined, channels: ['email'] } },
      { clock: () => now },
    );
    d = await deskOfficers(t);
    w = workflow(d);
    otherLeader = await userWithRole(t, 'lanhdao.namban', 'leader', t.unit('24868', '2025-07-01').id);
    ioc = await t.login('vanhanh');
  });
  after(() => t.dispose());

  // First, in the earliest period, so no file of the later tests is part of it.
  test('indicator 5.4: files of the period, the overdue ones, the disliked ones (Decision 766)', async () => {
    at('2026-03-02 09:00'); // a Monday: due Thursday 05/03 17:00 (3 working days)
    const [a, b, c, open] = [await w.intake(), await w.intake(), await w.intake(), await w.intake()];
    await w.intake(); // left at the desk, never transferred
    const refused = await d.desk.request('POST', '/api/applications', {
      procedureCode: '1.001022',
      receivingUnitId: d.pascId,
      channel: 'counter',
      applicant: { kind: 'person', fullName: 'Lê Văn Tư', address: 'Thôn 3' },
      documents: [{ name: 'Tờ khai', copyType: 'original', quantity: 1 }],
      returnChannel: 'counter',
      outcome: 'refused',
      reason: 'Không thuộc thẩm quyền',
    });
    assert.equal(refused.statusCode, 201);
    at('2026-03-03 10:00');
    const [aDone, cDone] = [await w.finish(a), await w.finish(c)];
    assert.equal((await rate(t, aDone, { level: 'rat_hai_long' })).statusCode, 200);
    assert.equal((await rate(t, cDone, { level: 'khong_hai_long' })).statusCode, 200);
    await w.processing(open);
    at('2026-03-09 10:00');
    await w.finish(b); // after its appointment: late
    at('2026-03-30 09:00');
    await w.intake(); // due 02/04: not overdue at the end of March
    at('2026-04-10 09:00');
    const march = await d.leader.request(
      'GET',
      `/api/reports/indicator-5-4?${period(d.communeId, '2026-03-01', '2026-03-31')}`,
    );
    assert.equal(march.statusCode, 200, march.body);
    const report = march.json();
    // 6 received (a, b, c, the two left open, the late-March one); the refusal at the counter is not one.
    // Overdue: b (finished late) and the two still open after 05/03. Disliked: c.
    assert.deepEqual(
      { ...report.total, unitId: undefined, unitName: undefined },
      {
        unitId: undefined,
        unitName: undefined,
        dossiers: 6,
        overdue: 3,
        withFeedbackOrDislike: 1,
        percent: 33.33,
        points: 2.22,
      },
    );
    assert.equal(report.maxPoints, 6);
    assert.equal(report.targetPercent, 90);
    assert.equal(report.items.length, 1);
    assert.equal(report.items[0].unitId, d.pascId);
    // April: only what was carried over still open — all three now past their appointment.
    const april = (
      await d.leader.request(
        'GET',
        `/api/reports/indicator-5-4?${period(d.communeId, '2026-04-01', '2026-04-30')}`,
      )
    ).json();
    assert.deepEqual(
      [april.total.dossiers, april.total.overdue, april.total.percent, april.total.points],
      [3, 3, 0, 0],
    );
    assert.equal(
      (
        await ioc.request(
          'GET',
          `/api/reports/indicator-5-4?${period(d.communeId, '2026-03-01', '2026-03-31')}`,
        )
      ).statusCode,
      200,
    );
    for (const s of [d.desk, d.specialist, otherLeader])
      assert.equal(
        (
          await s.request(
            'GET',
            `/api/reports/indicator-5-4?${period(d.communeId, '2026-03-01', '2026-03-31')}`,
          )
        ).statusCode,
        403,
      );
  });

  test('a file is rated only once returned; a wrong key is 404 like an unknown code', async () => {
    at('2026-05-04 09:00');
    const pending = await w.intake();
    const state = await ratingState(t, pending);
    assert.equal(state.statusCode, 200, state.body);
    assert.deepEqual(
      [state.json().canRate, state.json().reason, state.json().rating],
      [false, 'not_returned', null],
    );
    const early = await rate(t, pending, { level: 'hai_long' });
    assert.equal(early.statusCode, 409);
    assert.match(early.json().detail, /Chỉ đánh giá được sau khi đã nhận kết quả/);
    for (const wrong of [
      { ...pending, lookupKey: 'ZZZZZZ' },
      { ...pending, code: `${pending.code}9` },
    ]) {
      assert.equal((await ratingState(t, wrong)).statusCode, 404);
      assert.equal((await rate(t, wrong, { level: 'hai_long' })).statusCode, 404);
    }
    const done = await w.finish(pending);
    const ready = (await ratingState(t, done)).json();
    assert.deepEqual([ready.canRate, ready.action, ready.editableUntil], [true, 'create', null]);
    assert.equal(ready.procedureName.length > 0 && ready.unitName.endsWith('Đinh Văn Lâm Hà'), true);
    // Bad input: the schema (400) and the domain's rules (422), never a 500.
    assert.equal((await rate(t, done, { level: 'tot' })).statusCode, 400);
    assert.equal(
      (await rate(t, done, { level: 'hai_long', criteria: { speed: 'hai_long' } })).statusCode,
      400,
    );
    const long = await rate(t, done, { level: 'hai_long', comment: 'ý'.repeat(2001) });
    assert.equal(long.statusCode, 422);
    assert.equal(long.json().field, '/body/comment');
  });

  test('one rating per file, changed within 30 days of the first and refused after', async () => {
    at('2026-06-01 09:00');
    const app = await w.returned();
    at('2026-06-02 08:00');
    const first = await rate(t, app, { level: 'hai_long', criteria: { on_time: 'rat_hai_long' } });
    assert.equal(first.statusCode, 200, first.body);
    const saved = first.json();
    assert.deepEqual(saved.rating.criteria, { on_time: 'rat_hai_long' });
    assert.equal(saved.rating.firstRatedAt, vn('2026-06-02 08:00').toISOString());
    assert.equal(saved.editableUntil, vn('2026-07-02 08:00').toISOString());
    assert.deepEqual([saved.action, saved.rating.edits, saved.rating.source], ['edit', 0, 'link']);
    now = new Date(vn('2026-06-02 08:00').getTime() + 30 * DAY); // the last moment
    const edited = await rate(t, app, { level: 'rat_hai_long', source: 'kiosk', comment: '  Rất nhanh  ' });
    assert.equal(edited.statusCode, 200, edited.body);
    assert.deepEqual(
      [edited.json().rating.level, edited.json().rating.edits, edited.json().rating.comment],
      ['rat_hai_long', 1, 'Rất nhanh'],
    );
    assert.equal(edited.json().rating.firstRatedAt, saved.rating.firstRatedAt, 'editing never moves it');
    assert.deepEqual(edited.json().rating.criteria, {}, 'criteria left out are no longer rated');
    now = new Date(now.getTime() + 1);
    const late = await rate(t, app, { level: 'khong_hai_long' });
    assert.equal(late.statusCode, 409);
    assert.match(late.json().detail, /chỉ được sửa trong 30 ngày/);
    const closed = (await ratingState(t, app)).json();
    assert.deepEqual(
      [closed.canRate, closed.reason, closed.rating.level],
      [false, 'edit_window_closed', 'rat_hai_long'],
    );
    const rows = await t.app.store.db
      .selectFrom('application_ratings')
      .select(['level', 'edits', 'source'])
      .where('application_id', '=', app.id)
      .execute();
    assert.deepEqual(rows, [{ level: 'rat_hai_long', edits: 1, source: 'kiosk' }]);
  });

  test('a dislike with a comment reaches the leaders of the unit, not its desk nor another commune', async () => {
    at('2026-08-03 09:00');
    const app = await w.returned();
    const open = (s: Session, status = 'open', unitId = d.communeId) =>
      s.request('GET', `/api/feedback?${new URLSearchParams({ unitId, status })}`);
    assert.equal((await rate(t, app, { level: 'khong_hai_long' })).statusCode, 200);
    assert.deepEqual((await open(d.leader)).json().items, [], 'no comment: a dislike, nothing to answer');
    await rate(t, app, { level: 'khong_hai_long', comment: 'Phải đi lại ba lần' });
    await rate(t, app, { level: 'khong_hai_long', comment: 'Phải đi lại ba lần mới xong' });
    let items = (await open(d.leader)).json().items;
    assert.equal(items.length, 1, 'one item follows the edits');
    const item = items[0];
    assert.deepEqual(
      [item.applicationCode, item.comment, item.level, item.status, item.unitId, item.answer],
      [app.code, 'Phải đi lại ba lần mới xong', 'khong_hai_long', 'open', d.pascId, null],
    );
    for (const s of [d.desk, d.specialist, ioc, otherLeader]) {
      assert.equal((await open(s)).statusCode, 403);
      assert.equal((await open(s, 'open', d.pascId)).statusCode, 403);
      const answer = await s.request('POST', `/api/feedback/${item.id}/answer`, { answer: 'Xin lỗi' });
      assert.equal(answer.statusCode, 403);
    }
    // Changed to satisfied: the item is withdrawn, kept; a new dislike reopens the same one.
    await rate(t, app, { level: 'hai_long', comment: 'Đã được giải thích' });
    assert.deepEqual((await open(d.leader)).json().items, []);
    assert.equal((await open(d.leader, 'withdrawn')).json().items[0].id, item.id);
    const withdrawn = await d.leader.request('POST', `/api/feedback/${item.id}/answer`, { answer: 'Cảm ơn' });
    assert.equal(withdrawn.statusCode, 409);
    await rate(t, app, { level: 'khong_hai_long', comment: 'Vẫn chưa hài lòng' });
    items = (await open(d.leader)).json().items;
    assert.deepEqual([items.length, items[0].id, items[0].comment], [1, item.id, 'Vẫn chưa hài lòng']);
    assert.equal(
      (await d.leader.request('POST', `/api/feedback/${item.id}/answer`, { answer: '  ' })).statusCode,
      422,
    );
    const answered = await d.leader.request('POST', `/api/feedback/${item.id}/answer`, {
      answer: 'Xã đã nhắc nhở cán bộ, xin lỗi ông/bà.',
    });
    assert.equal(answered.statusCode, 200, answered.body);
    assert.deepEqual(
      [answered.json().status, answered.json().answer, answered.json().answeredBy.fullName],
      ['answered', 'Xã đã nhắc nhở cán bộ, xin lỗi ông/bà.', 'Lê Minh Đạo'],
    );
    const again = await d.leader.request('POST', `/api/feedback/${item.id}/answer`, { answer: 'Lần nữa' });
    assert.equal(again.statusCode, 409);
    // After an answer, a new comment is a new item: the answer stays with the comment it answered.
    await rate(t, app, { level: 'khong_hai_long', comment: 'Câu trả lời chưa thỏa đáng' });
    const all = (await d.leader.request('GET', `/api/feedback?unitId=${d.communeId}`)).json().items;
    assert.deepEqual(all.map((i: { status: string; comment: string }) => [i.status, i.comment]).sort(), [
      ['answered', 'Vẫn chưa hài lòng'],
      ['open', 'Câu trả lời chưa thỏa đáng'],
    ]);
    const audit = await t.app.store.db
      .selectFrom('audit_log')
      .select(['target_id'])
      .where('action', '=', 'feedback.answer')
      .execute();
    assert.deepEqual(audit, [{ target_id: item.id }]);
    assert.equal(
      (await d.leader.request('POST', `/api/feedback/${crypto.randomUUID()}/answer`, { answer: 'x' }))
        .statusCode,
      404,
    );
  });

  test('satisfaction: 11 ratings, exact rates per level and criterion, by Vietnam date of the first rating', async () => {
    at('2026-09-01 09:00');
    const files: FileRef[] = [];
    for (let i = 0; i < 11; i += 1) files.push(await w.returned());
    const levels = [
      'rat_hai_long',
      'rat_hai_long',
      'rat_hai_long',
      'rat_hai_long',
      'rat_hai_long',
      'rat_hai_long',
      'hai_long',
      'hai_long',
      'hai_long',
      'khong_hai_long',
      'khong_hai_long',
    ];
    const onTime = ['rat_hai_long', 'hai_long', 'khong_hai_long'];
    for (const [i, file] of files.entries()) {
      // The last one at 23:30 on 30/09 in Vietnam (16:30 UTC): still September.
      at(i === 10 ? '2026-09-30 23:30' : '2026-09-15 10:00');
      const criteria = i < 3 ? { on_time: onTime[i] } : {};
      const response = await rate(t, file, { level: levels[i], criteria });
      assert.equal(response.statusCode, 200, response.body);
    }
    at('2026-10-01 00:10');
    const [late] = [await w.returned()];
    await rate(t, late, { level: 'khong_hai_long' }); // October: not in September's figures
    const get = (s: Session, from: string, to: string) =>
      s.request('GET', `/api/reports/satisfaction?${period(d.communeId, from, to)}`);
    const response = await get(d.leader, '2026-09-01', '2026-09-30');
    assert.equal(response.statusCode, 200, response.body);
    const { items, total } = response.json();
    assert.deepEqual(
      [total.ratings, total.counts, total.rate],
      [11, { rat_hai_long: 6, hai_long: 3, khong_hai_long: 2 }, 0.8182],
    );
    assert.equal(total.unitId, d.communeId);
    assert.deepEqual(
      items.map((i: { unitId: string; rate: number }) => [i.unitId, i.rate]),
      [[d.pascId, 0.8182]],
    );
    assert.deepEqual(
      total.criteria.map((c: { code: string }) => c.code),
      [...CRITERIA],
    );
    const onTimeLine = total.criteria.find((c: { code: string }) => c.code === 'on_time');
    assert.deepEqual(onTimeLine, {
      code: 'on_time',
      counts: { rat_hai_long: 1, hai_long: 1, khong_hai_long: 1 },
      rate: 0.6667,
    });
    assert.equal(total.criteria[0].rate, null, 'nobody rated it');
    const october = (await get(d.leader, '2026-10-01', '2026-10-31')).json().total;
    assert.deepEqual([october.ratings, october.rate], [1, 0]);
    const empty = (await get(d.leader, '2026-11-01', '2026-11-30')).json();
    assert.deepEqual([empty.items, empty.total.ratings, empty.total.rate], [[], 0, null]);
    assert.equal((await get(ioc, '2026-09-01', '2026-09-30')).json().total.rate, 0.8182);
    for (const s of [d.desk, d.specialist, otherLeader])
      assert.equal((await get(s, '2026-09-01', '2026-09-30')).statusCode, 403);
    assert.equal((await get(d.leader, '2026-09-30', '2026-09-01')).statusCode, 422);
  });

  test('returning the result enqueues the invitation to rate once, with the return notice', async () => {
    at('2026-11-02 09:00');
    const app = await w.finish(await w.intake({ email: 'binh.tran@example.vn' }));
    const jobs = async () =>
      (
        await t.app.store.db
          .selectFrom('jobs')
          .select(['id', 'payload'])
          .where('kind', '=', 'citizen.notify')
          .where('id', 'like', `%${app.id}%`)
          .orderBy('id')
          .execute()
      ).map((j) => (j.payload as { event: string }).event);
    assert.deepEqual((await jobs()).sort(), ['received', 'rating_invite', 'result_ready', 'returned'].sort());
    // The same step seen again (a retried transaction, a replay) enqueues nothing more.
    const row = (await applicationsRepository.find(t.app.store.db, app.id))!;
    const added = await t.app.store.db
      .transaction()
      .execute((trx) =>
        scheduleCitizenNotices(
          trx,
          { action: 'return_result', row, payload: { channel: 'counter' } },
          ['email'],
          now,
        ),
      );
    assert.equal(added, 0);
    assert.equal((await jobs()).filter((e) => e === 'rating_invite').length, 1);
  });
});
