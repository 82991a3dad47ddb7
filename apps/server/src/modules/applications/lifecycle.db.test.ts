import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, deskOfficers, type Session, type TestApp } from '../../../test/app.ts';
import { storeLabel } from '../../../test/store.ts';
import { pdfText, popplerMissing } from '../documents/poppler.ts';

/** Vietnam local time "YYYY-MM-DD HH:mm" as an instant. */
const vn = (local: string) => new Date(`${local.replace(' ', 'T')}:00+07:00`);

describe(`applications: counter outcomes, apology, liên thông, who may act (${storeLabel})`, () => {
  let t: TestApp;
  let desk: Session;
  let specialist: Session;
  let leader: Session;
  let pascId: string;
  let communeId: string;
  let specialistId: string;
  let now = vn('2026-12-07 09:00'); // a Monday with no holiday near
  const at = (local: string) => {
    now = vn(local);
  };

  // Đăng ký nhận cha, mẹ, con: 3 working days (catalog, 163/QĐ-BTP).
  const file = (overrides: Record<string, unknown> = {}) => ({
    procedureCode: '1.001022',
    receivingUnitId: pascId,
    channel: 'counter',
    applicant: { kind: 'person', fullName: 'Trần Văn Bình', address: 'Thôn 2, xã Đinh Văn Lâm Hà' },
    documents: [{ name: 'Tờ khai đăng ký nhận cha, mẹ, con', copyType: 'original', quantity: 1 }],
    returnChannel: 'counter',
    ...overrides,
  });
  type App = { id: string; version: number; [k: string]: unknown };
  const act = async (s: Session, app: App, action: string, extra: Record<string, unknown> = {}) =>
    s.request('POST', `/api/applications/${app.id}/actions`, { action, version: app.version, ...extra });
  const step = async (s: Session, app: App, action: string, extra: Record<string, unknown> = {}) => {
    const response = await act(s, app, action, extra);
    assert.equal(response.statusCode, 200, `${action}: ${response.body}`);
    return response.json().application as App;
  };
  const intake = async (overrides: Record<string, unknown> = {}) => {
    const response = await desk.request('POST', '/api/applications', file(overrides));
    assert.equal(response.statusCode, 201, response.body);
    return response.json().application as App;
  };
  /** Received Monday 09:00, transferred and assigned: due Thursday 10/12 at 17:00. */
  const inProcessing = async () => {
    at('2026-12-07 09:00');
    let app = await intake();
    app = await step(desk, app, 'transfer', { decidingUnitId: communeId });
    return step(leader, app, 'assign', { assigneeId: specialistId });
  };

  before(async () => {
    t = await createTestApp({}, { clock: () => now });
    ({ desk, specialist, leader, pascId, communeId, specialistId } = await deskOfficers(t));
  });
  after(() => t.dispose());

  test('Mẫu 02 at the counter: no appointment until the completed file is received', async () => {
    const guided = await intake({
      outcome: 'supplement_requested',
      reason: 'Thiếu giấy tờ chứng minh quan hệ cha con',
      missingDocuments: [{ name: 'Giấy tờ chứng minh quan hệ cha con', copyType: 'original', quantity: 1 }],
    });
    assert.equal(guided.state, 'pre_receipt_supplement');
    assert.equal(guided.portalStatus, 5);
    assert.equal(guided.dueAt, null);
    assert.equal(guided.receivedAt, null);
    assert.deepEqual(guided.allowedActions, [
      'pre_receipt_supplement_received',
      'refuse_intake',
      'withdraw',
      'add_note',
    ]);
    // Guidance is given once: a second Mẫu 02 is refused.
    at('2026-12-08 10:00');
    let app = await step(desk, guided, 'pre_receipt_supplement_received');
    const again = await act(desk, app, 'request_pre_receipt_supplement', { reason: 'Thiếu nữa' });
    assert.equal(again.statusCode, 409);
    app = await step(desk, app, 'receive');
    assert.equal(app.state, 'received');
    assert.equal(app.receivedAt, vn('2026-12-08 10:00').toISOString());
    assert.equal(app.dueAt, vn('2026-12-11 17:00').toISOString(), 'Tuesday + 3 working days');
  });

  test('Mẫu 03 at the counter needs a reason and ends the file', async () => {
    const missing = await desk.request(
      'POST',
      '/api/applications',
      file({ outcome: 'refused', reason: ' ' }),
    );
    assert.equal(missing.statusCode, 422);
    assert.equal(missing.json().field, '/body/reason');
    const refused = await intake({ outcome: 'refused', reason: 'Không thuộc thẩm quyền của xã' });
    assert.equal(refused.state, 'refused_at_intake');
    assert.equal(refused.portalStatus, 3);
    assert.deepEqual(refused.allowedActions, []);
    assert.ok(refused.finishedAt);
  });

  test('an apology in time sets the new appointment, once, and the file counts late', async () => {
    let app = await inProcessing();
    assert.equal(app.dueAt, vn('2026-12-10 17:00').toISOString());
    at('2026-12-08 10:00');
    const seen = (await specialist.request('GET', `/api/applications/${app.id}`)).json().application;
    assert.ok(seen.allowedActions.includes('issue_apology'));
    assert.equal(seen.apologyLatestAt, vn('2026-12-09 17:00').toISOString());
    const noDate = await act(specialist, app, 'issue_apology', { reason: 'Chờ xác minh' });
    assert.equal(noDate.statusCode, 422);
    assert.equal(noDate.json().field, '/body/newAppointmentDate');
    const saturday = await act(specialist, app, 'issue_apology', {
      reason: 'Chờ xác minh',
      newAppointmentDate: '2026-12-12',
    });
    assert.equal(saturday.statusCode, 422);
    app = await step(specialist, app, 'issue_apology', {
      reason: 'Chờ kết quả xác minh của Công an xã',
      newAppointmentDate: '2026-12-15',
    });
    assert.equal(app.state, 'processing', 'an apology does not move the file');
    assert.equal(app.dueAt, vn('2026-12-15 17:00').toISOString());
    assert.equal(app.originalDueAt, vn('2026-12-10 17:00').toISOString());
    assert.equal(app.apologies, 1);
    assert.equal(app.countsAsLate, true);
    assert.ok(!(app.allowedActions as string[]).includes('issue_apology'));
    const twice = await act(specialist, app, 'issue_apology', {
      reason: 'Lần nữa',
      newAppointmentDate: '2026-12-18',
    });
    assert.equal(twice.statusCode, 409);
    // The assignee's reminders follow the appointment: both the first and the new one are scheduled.
    const reminders = await t.app.store.db
      .selectFrom('jobs')
      .select(['id', 'run_at'])
      .where('kind', '=', 'deadline.reminder')
      .where('id', 'like', `%${app.id}%`)
      .orderBy('run_at')
      .execute();
    assert.deepEqual(
      reminders.map((r) => r.run_at.toISOString()),
      [
        vn('2026-12-09 17:00'), // the working day before 10/12, at closing
        vn('2026-12-10 17:00'),
        vn('2026-12-14 17:00'),
        vn('2026-12-15 17:00'),
      ].map((d) => d.toISOString()),
    );
    const { events } = (await leader.request('GET', `/api/applications/${app.id}`)).json();
    const apology = events.find((e: { action: string }) => e.action === 'issue_apology');
    assert.equal(apology.legalBasis, 'Nghị định 118/2025/NĐ-CP; Thông tư 03/2025/TT-VPCP, Mẫu 04');
    assert.deepEqual(
      [apology.fromState, apology.toState, apology.payload.newAppointmentAt, apology.payload.previousDueAt],
      [
        'processing',
        'processing',
        vn('2026-12-15 17:00').toISOString(),
        vn('2026-12-10 17:00').toISOString(),
      ],
    );
  });

  test('the deadline bucket: a paused file is never overdue; its waiting time is counted and added', async () => {
    let app = await inProcessing();
    at('2026-12-08 10:00');
    app = await step(specialist, app, 'request_supplement', { reason: 'Thiếu văn bản xác nhận' });
    at('2026-12-15 10:00'); // past the appointment, but the applicant has the next move
    const paused = (await leader.request('GET', `/api/applications/${app.id}`)).json().application;
    assert.deepEqual(paused.deadline, { status: 'within_time', reason: 'by_appointment' });
    assert.equal(paused.pausedMs, 7 * 86_400_000);
    app = await step(specialist, app, 'supplement_received');
    assert.equal(app['pausedMs'], 7 * 86_400_000);
    assert.ok(
      new Date(app['dueAt'] as string) > vn('2026-12-15 10:00'),
      'the appointment moved by the pause',
    );
    assert.deepEqual(app['deadline'], { status: 'within_time', reason: 'by_appointment' });
    const list = (await leader.request('GET', `/api/applications?unitId=${communeId}`)).json().items as App[];
    assert.ok(list.find((a) => a.id === app.id)?.['deadline']);
  });

  test('an apology after the working day before the due date is too late (409 naming the day)', async () => {
    const app = await inProcessing();
    at('2026-12-09 17:01');
    const late = await act(specialist, app, 'issue_apology', {
      reason: 'Chậm',
      newAppointmentDate: '2026-12-15',
    });
    assert.equal(late.statusCode, 409);
    assert.match(late.json().detail, /09\/12\/2026/);
  });

  test('liên thông: the other agency’s share must fit inside the appointment', async () => {
    let app = await inProcessing();
    at('2026-12-07 14:00');
    const tooLong = await act(specialist, app, 'send_inter_agency', { agency: 'Công an xã', budgetDays: 5 });
    assert.equal(tooLong.statusCode, 422);
    assert.equal(tooLong.json().field, '/body/budgetDays');
    app = await step(specialist, app, 'send_inter_agency', { agency: 'Công an xã', budgetDays: 2 });
    assert.equal(app.state, 'inter_agency');
    assert.equal(app.stepDueAt, vn('2026-12-09 17:00').toISOString(), 'Monday + 2 working days, at closing');
  });

  test('each officer sees only the actions their role and unit allow', async () => {
    const app = await inProcessing();
    const allowed = async (s: Session) =>
      (await s.request('GET', `/api/applications/${app.id}`)).json().application.allowedActions;
    assert.deepEqual(
      await allowed(desk),
      ['withdraw', 'add_note'],
      'the desk takes a withdrawal, nothing else',
    );
    assert.ok((await allowed(leader)).includes('reassign'));
    assert.ok(!(await allowed(specialist)).includes('reassign'));
    assert.ok((await allowed(specialist)).includes('submit_for_approval'));
    assert.ok(!(await allowed(leader)).includes('submit_for_approval'));
  });

  test('assignees: the commune’s specialists and leaders by name, for the picker', async () => {
    const app = await inProcessing();
    const response = await desk.request('GET', `/api/applications/${app.id}/assignees`);
    assert.equal(response.statusCode, 200, response.body);
    const items = response.json().items as { id: string; roles: string[] }[];
    assert.ok(items.some((i) => i.id === specialistId && i.roles.includes('specialist')));
    assert.ok(items.some((i) => i.roles.includes('leader')));
    assert.ok(items.every((i) => i.roles.every((r) => r === 'specialist' || r === 'leader')));
  });

  test('queues: the postal log and the return desk', async () => {
    at('2026-12-07 09:30');
    const postal = await intake({
      channel: 'postal',
      postal: { trackingNumber: 'EB123456789VN', receivedOn: '2026-12-07' },
      returnChannel: 'post',
    });
    const list = async (query: string) =>
      (await desk.request('GET', `/api/applications?unitId=${pascId}&${query}`)).json().items as App[];
    const log = await list('channel=postal');
    assert.ok(log.some((a) => a.id === postal.id));
    assert.ok(log.every((a) => a['channel'] === 3 || a['returnChannel'] === 'post'));
    const counter = await list('channel=counter');
    assert.ok(!counter.some((a) => a.id === postal.id));
  });

  test('a note records a remark without moving the file', async () => {
    const app = await inProcessing();
    const noted = await step(desk, app, 'add_note', { reason: 'Công dân gọi hỏi tiến độ' });
    assert.equal(noted.state, 'processing');
    assert.equal(noted.version, app.version + 1);
    const empty = await act(desk, noted, 'add_note', { reason: '' });
    assert.equal(empty.statusCode, 422);
  });

  test('the forms print from the file’s events: Mẫu 02, Mẫu 04 and the control sheet', async (ctx) => {
    if (popplerMissing) return ctx.skip(popplerMissing);
    const pdf = async (app: App, form: string) => {
      const response = await leader.request('GET', `/api/applications/${app.id}/forms/${form}.pdf`);
      assert.equal(response.statusCode, 200, response.body);
      assert.equal(response.headers['content-type'], 'application/pdf');
      return pdfText(response.rawPayload);
    };
    let app = await inProcessing();
    const none = await leader.request('GET', `/api/applications/${app.id}/forms/apology.pdf`);
    assert.equal(none.statusCode, 409, 'no apology was issued yet');
    at('2026-12-08 10:00');
    app = await step(leader, app, 'issue_apology', {
      reason: 'Chờ kết quả xác minh của Công an xã',
      newAppointmentDate: '2026-12-15',
    });
    const letter = await pdf(app, 'apology');
    assert.match(letter, /VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN/);
    assert.match(letter, /Chờ kết quả xác minh của Công an xã/);
    assert.match(letter, /15\/12\/2026/);
    const sheet = await pdf(app, 'control-sheet');
    assert.match(sheet, /PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ/);
    for (const who of ['Tiếp nhận', 'Chuyển', 'Phân công']) assert.match(sheet, new RegExp(who, 'i'));

    const guided = await intake({
      outcome: 'supplement_requested',
      reason: 'Thiếu giấy tờ chứng minh quan hệ cha con',
      missingDocuments: [{ name: 'Giấy tờ chứng minh quan hệ cha con', copyType: 'original', quantity: 1 }],
    });
    const form02 = await pdf(guided, 'supplement');
    assert.match(form02, /PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ/);
    assert.match(form02, /Giấy tờ chứng minh quan hệ cha con/);
  });

  test('the register (sổ theo dõi hồ sơ) lists the period’s files of the unit and the desks inside it', async (ctx) => {
    at('2026-12-07 09:00');
    const first = await intake();
    const url = (from: string, to: string, unit = communeId) =>
      `/api/applications/register.pdf?unitId=${unit}&from=${from}&to=${to}`;
    const tooLong = await leader.request('GET', url('2026-01-01', '2027-03-01'));
    assert.equal(tooLong.statusCode, 422);
    assert.equal(tooLong.json().field, '/querystring/to');
    const elsewhere = t.units.find(
      (u) => u.kind === 'commune' && u.id !== communeId && u.validFrom === '2025-07-01',
    );
    assert.equal(
      (await leader.request('GET', url('2026-12-01', '2026-12-31', elsewhere!.id))).statusCode,
      403,
    );
    const response = await leader.request('GET', url('2026-12-01', '2026-12-31'));
    assert.equal(response.statusCode, 200, response.body);
    assert.equal(response.headers['content-type'], 'application/pdf');
    if (popplerMissing) return ctx.skip(popplerMissing);
    const text = pdfText(response.rawPayload);
    assert.match(text, /SỔ THEO DÕI HỒ SƠ/);
    assert.match(text, /Mẫu số 07/);
    assert.match(text, /Từ ngày 01\/12\/2026 đến ngày 31\/12\/2026/);
    assert.ok(text.includes(first['code'] as string), 'the file received in the period is listed');
    const november = pdfText((await leader.request('GET', url('2026-11-01', '2026-11-30'))).rawPayload);
    assert.ok(!november.includes(first['code'] as string));
  });
});
