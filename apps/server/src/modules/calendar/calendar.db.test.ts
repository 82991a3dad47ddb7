import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { storeLabel } from '../../../test/store.ts';

describe(`calendar and due dates (${storeLabel})`, () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.dispose());

  const due = (query: string) =>
    t.app.server.inject({ method: 'GET', url: `/api/calendar/due-date?${query}` });

  test('5 working days from a Monday with no holiday after it is due the next Monday (day of receipt = day 0)', async () => {
    const response = await due('receivedAt=2026-11-23T09:00:00%2B07:00&amount=5&unit=working_days');
    assert.equal(response.statusCode, 200, response.body);
    assert.equal(response.json().dueDate, '2026-11-30');
    assert.equal(response.json().dueAt, '2026-11-30T10:00:00.000Z');
  });

  test('Tết 2026 (14–22/2) is skipped: 3 working days from Thursday 12/2 fall on Tuesday 24/2', async () => {
    const response = await due('receivedAt=2026-02-12T09:00:00%2B07:00&amount=3&unit=working_days');
    assert.equal(response.json().dueDate, '2026-02-24');
  });

  test('the procedure brings its own time limit (Đăng ký giám hộ, 3 working days)', async () => {
    const response = await due('receivedAt=2026-11-23T09:00:00%2B07:00&procedure=1.004837');
    assert.equal(response.statusCode, 200, response.body);
    assert.equal(response.json().dueDate, '2026-11-26');
  });

  test('bad input is a 400/422 problem naming the field; a year without data is refused, not guessed', async () => {
    assert.equal(
      (await due('receivedAt=yesterday&amount=5&unit=working_days')).json().field,
      '/querystring/receivedAt',
    );
    assert.equal((await due('receivedAt=2026-11-23T09:00:00%2B07:00')).statusCode, 422);
    const noYear = await due('receivedAt=2031-03-03T09:00:00%2B07:00&amount=5&unit=working_days');
    assert.equal(noYear.statusCode, 422);
    assert.equal(noYear.json().field, '/calendar');
  });

  test('anyone reads a year; only the system administrator edits one, and the edit applies at once', async () => {
    const shipped = await t.app.server.inject({ method: 'GET', url: '/api/calendar/years/2027' });
    assert.equal(shipped.statusCode, 200);
    assert.equal(shipped.json().origin, 'shipped');
    const year = shipped.json().calendar;
    const before = await due('receivedAt=2027-10-14T09:00:00%2B07:00&amount=1&unit=working_days');
    assert.equal(before.json().dueDate, '2027-10-15');
    // An example edit: Friday 15/10/2027 off, worked back on Saturday 9/10/2027.
    year.daysOff.push({
      date: '2027-10-15',
      name: { vi: 'Nghỉ hoán đổi', en: 'Bridge day' },
      kind: 'bridge',
      swappedWith: '2027-10-09',
      source: 'test',
    });
    year.makeUpWorkingDays.push({ date: '2027-10-09', swapsWith: '2027-10-15', source: 'test' });
    const province = await t.login('vanhanh');
    assert.equal((await province.request('PUT', '/api/calendar/years/2027', year)).statusCode, 403);
    const admin = await t.login('quantri');
    const saved = await admin.request('PUT', '/api/calendar/years/2027', year);
    assert.equal(saved.statusCode, 200, saved.body);
    assert.equal(
      (await t.app.server.inject({ method: 'GET', url: '/api/calendar/years/2027' })).json().origin,
      'edited',
    );
    const edited = await due('receivedAt=2027-10-14T09:00:00%2B07:00&amount=1&unit=working_days');
    assert.equal(edited.json().dueDate, '2027-10-18');
    const bad = await admin.request('PUT', '/api/calendar/years/2027', {
      ...year,
      makeUpWorkingDays: [{ date: '2027-10-13', swapsWith: '2027-10-15', source: 'x' }],
    });
    assert.equal(bad.statusCode, 422);
  });
});
