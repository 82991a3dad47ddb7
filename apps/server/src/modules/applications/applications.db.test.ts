import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, deskOfficers, strangerDesk, type Session, type TestApp } from '../../../test/app.ts';
import { storeLabel } from '../../../test/store.ts';

describe(`applications: intake and workflow (${storeLabel})`, () => {
  let t: TestApp;
  let desk: Session;
  let specialist: Session;
  let leader: Session;
  let pascId: string;
  let communeId: string;
  let specialistId: string;

  const birth = (overrides: Record<string, unknown> = {}) => ({
    procedureCode: '1.001193',
    receivingUnitId: pascId,
    channel: 'counter',
    applicant: {
      kind: 'person',
      fullName: 'Nguyễn Thị Lan',
      idNumber: '068190001234',
      phone: '0912345678',
      address: 'Thôn 1, xã Đinh Văn Lâm Hà',
    },
    documents: [{ name: 'Tờ khai đăng ký khai sinh', copyType: 'original', quantity: 1 }],
    returnChannel: 'counter',
    ...overrides,
  });

  before(async () => {
    t = await createTestApp();
    ({ desk, specialist, leader, pascId, communeId, specialistId } = await deskOfficers(t));
  });
  after(() => t.dispose());

  const act = (
    s: Session,
    id: string,
    version: number,
    action: string,
    extra: Record<string, unknown> = {},
  ) => s.request('POST', `/api/applications/${id}/actions`, { action, version, ...extra });

  test('a counter intake gets a code <unit>-YYMMDD-NNNN, a lookup key, an appointment and a receive event', async () => {
    const response = await desk.request('POST', '/api/applications', birth());
    assert.equal(response.statusCode, 201, response.body);
    const { application, events } = response.json();
    assert.match(application.code, /^[0-9A-Z.]+-\d{6}-\d{4}$/);
    assert.match(application.lookupKey, /^[0-9A-Z]{6}$/);
    assert.equal(application.state, 'received');
    assert.equal(application.portalStatus, 2);
    assert.equal(application.channel, 1);
    assert.ok(application.dueAt);
    assert.ok(new Date(application.dueAt) > new Date(application.receivedAt));
    assert.deepEqual(
      events.map((e: { action: string }) => e.action),
      ['receive'],
    );
  });

  test('the whole path: transfer, assign, draft, approve, return — each by its role, each an event', async () => {
    let { application } = (await desk.request('POST', '/api/applications', birth())).json();
    const steps: [Session, string, Record<string, unknown>][] = [
      [desk, 'transfer', { decidingUnitId: communeId }],
      [leader, 'assign', { assigneeId: specialistId }],
      [specialist, 'submit_for_approval', {}],
      [leader, 'approve', {}],
      [desk, 'return_result', { channel: 'counter' }],
    ];
    for (const [session, action, extra] of steps) {
      const response = await act(session, application.id, application.version, action, extra);
      assert.equal(response.statusCode, 200, `${action}: ${response.body}`);
      application = response.json().application;
    }
    assert.equal(application.state, 'returned');
    assert.equal(application.portalStatus, 10);
    const events = (await leader.request('GET', `/api/applications/${application.id}`)).json().events;
    assert.deepEqual(
      events.map((e: { action: string }) => e.action),
      ['receive', 'transfer', 'assign', 'submit_for_approval', 'approve', 'return_result'],
    );
  });

  test('a receptionist cannot approve (403); an illegal step is a 409 naming the allowed actions', async () => {
    const { application } = (await desk.request('POST', '/api/applications', birth())).json();
    assert.equal((await act(desk, application.id, application.version, 'approve')).statusCode, 403);
    const illegal = await act(desk, application.id, application.version, 'return_result', {
      channel: 'counter',
    });
    assert.equal(illegal.statusCode, 409);
    assert.deepEqual(illegal.json().allowed, ['transfer', 'withdraw', 'stop']);
  });

  test('two officers acting on the same version: one wins, the other gets 409', async () => {
    const { application } = (await desk.request('POST', '/api/applications', birth())).json();
    const [a, b] = await Promise.all([
      act(desk, application.id, application.version, 'transfer', { decidingUnitId: communeId }),
      act(desk, application.id, application.version, 'withdraw', { reason: 'Công dân rút hồ sơ' }),
    ]);
    assert.deepEqual([a.statusCode, b.statusCode].sort(), [200, 409]);
  });

  test('a supplement during processing moves the appointment; a second one needs a leader and counts late', async () => {
    let { application } = (await desk.request('POST', '/api/applications', birth())).json();
    application = (
      await act(desk, application.id, application.version, 'transfer', { decidingUnitId: communeId })
    ).json().application;
    application = (
      await act(leader, application.id, application.version, 'assign', { assigneeId: specialistId })
    ).json().application;
    const dueBefore = application.dueAt;
    application = (
      await act(specialist, application.id, application.version, 'request_supplement', {
        reason: 'Thiếu giấy chứng sinh',
      })
    ).json().application;
    assert.equal(application.portalStatus, 5);
    application = (await act(specialist, application.id, application.version, 'supplement_received')).json()
      .application;
    assert.ok(application.dueAt >= dueBefore, 'a supplement never shortens the deadline');
    const second = await act(specialist, application.id, application.version, 'request_supplement', {
      reason: 'Thiếu tiếp',
    });
    assert.equal(second.statusCode, 422);
    assert.equal(second.json().field, '/body/approverId');
    const leaderId = (await leader.request('GET', '/api/auth/me')).json().user.id;
    const approved = await act(specialist, application.id, application.version, 'request_supplement', {
      reason: 'Thiếu tiếp',
      approverId: leaderId,
    });
    assert.equal(approved.json().application.countsAsLate, true);
  });

  test('an Idempotency-Key retried returns the same application; reused for another body it is a 409', async () => {
    const key = 'retry-key-0001';
    const first = await desk.request('POST', '/api/applications', birth(), { 'idempotency-key': key });
    const again = await desk.request('POST', '/api/applications', birth(), { 'idempotency-key': key });
    assert.equal(again.statusCode, 201);
    assert.equal(again.json().application.id, first.json().application.id);
    const other = await desk.request('POST', '/api/applications', birth({ returnChannel: 'post' }), {
      'idempotency-key': key,
    });
    assert.equal(other.statusCode, 409);
  });

  test('postal intake needs its tracking number; an unknown procedure is named', async () => {
    const postal = await desk.request('POST', '/api/applications', birth({ channel: 'postal' }));
    assert.equal(postal.statusCode, 422);
    assert.equal(postal.json().field, '/body/postal');
    const ok = await desk.request(
      'POST',
      '/api/applications',
      birth({ channel: 'postal', postal: { trackingNumber: 'EB123456789VN', receivedOn: '2026-11-27' } }),
    );
    assert.equal(ok.json().application.channel, 3);
    const unknown = await desk.request('POST', '/api/applications', birth({ procedureCode: '9.999999' }));
    assert.equal(unknown.json().field, '/body/procedureCode');
  });

  test('a receptionist of another commune can neither read nor receive for this one', async () => {
    const stranger = await strangerDesk(t, 'motcua.namban');
    const { application } = (await desk.request('POST', '/api/applications', birth())).json();
    assert.equal((await stranger.request('GET', `/api/applications/${application.id}`)).statusCode, 403);
    assert.equal((await stranger.request('POST', '/api/applications', birth())).statusCode, 403);
    assert.equal((await stranger.request('GET', `/api/applications?unitId=${pascId}`)).statusCode, 403);
    for (const path of ['assignees', 'forms/control-sheet.pdf', 'receipt.pdf'])
      assert.equal(
        (await stranger.request('GET', `/api/applications/${application.id}/${path}`)).statusCode,
        403,
        path,
      );
    const register = `/api/applications/register.pdf?unitId=${pascId}&from=2026-01-01&to=2026-01-31`;
    assert.equal((await stranger.request('GET', register)).statusCode, 403);
  });

  test('1,000 intakes in parallel on one unit and day get 1,000 distinct codes', async () => {
    const codes: string[] = [];
    for (let batch = 0; batch < 20; batch += 1) {
      const responses = await Promise.all(
        Array.from({ length: 50 }, () => desk.request('POST', '/api/applications', birth())),
      );
      for (const r of responses) {
        assert.equal(r.statusCode, 201, r.body);
        codes.push(r.json().application.code);
      }
    }
    assert.equal(new Set(codes).size, 1000);
  });
});
