import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { storeLabel } from '../../../test/store.ts';

describe(`public lookup (${storeLabel})`, () => {
  let t: TestApp;
  let application: { id: string; code: string; lookupKey: string; version: number };
  before(async () => {
    t = await createTestApp();
    const desk = await t.login('motcua');
    const pasc = t.units.find((u) => u.kind === 'pasc' && u.name.endsWith('Đinh Văn Lâm Hà'))!;
    const response = await desk.request('POST', '/api/applications', {
      procedureCode: '1.001193',
      receivingUnitId: pasc.id,
      channel: 'counter',
      applicant: {
        kind: 'person',
        fullName: 'Nguyễn Thị Lan',
        idNumber: '068190001234',
        phone: '0912345678',
        address: 'Thôn 1',
      },
      documents: [{ name: 'Tờ khai đăng ký khai sinh', copyType: 'original', quantity: 1 }],
      returnChannel: 'counter',
    });
    application = response.json().application;
    await desk.request('POST', `/api/applications/${application.id}/actions`, {
      action: 'transfer',
      version: application.version,
      decidingUnitId: t.unit('24871', '2025-07-01').id,
    });
  });
  after(() => t.dispose());

  const lookup = (code: string, key: string, ip = '10.5.0.1') =>
    t.app.server.inject({
      method: 'GET',
      url: `/api/public/applications/${encodeURIComponent(code)}?key=${encodeURIComponent(key)}`,
      remoteAddress: ip,
    });

  test('code and key show the procedure, the status and every step, with the name masked and no ID or phone', async () => {
    const response = await lookup(application.code, application.lookupKey.toLowerCase());
    assert.equal(response.statusCode, 200, response.body);
    const body = response.json();
    assert.equal(body.procedureName, 'Đăng ký khai sinh');
    assert.equal(body.applicantName, 'Nguyễn T. L.');
    assert.equal(body.status.vi, 'Đang xử lý');
    assert.deepEqual(
      body.steps.map((s: { action: string }) => s.action),
      ['receive', 'transfer'],
    );
    assert.ok(
      !response.body.includes('068190001234') &&
        !response.body.includes('0912345678') &&
        !response.body.includes('Thôn 1'),
    );
  });

  test('a wrong key and an unknown code get the same 404; many misses from one address get 429', async () => {
    const wrong = await lookup(application.code, 'ZZZZZZ', '10.6.0.1');
    const unknown = await lookup('24871-000101-0001', 'ZZZZZZ', '10.6.0.1');
    assert.equal(wrong.statusCode, 404);
    assert.equal(unknown.statusCode, 404);
    assert.equal(wrong.json().title, unknown.json().title);
    for (let i = 0; i < 30; i += 1)
      await lookup(`24871-000101-${String(i).padStart(4, '0')}`, 'AAAAAA', '10.7.0.1');
    const blocked = await lookup(application.code, application.lookupKey, '10.7.0.1');
    assert.equal(blocked.statusCode, 429);
    assert.equal((await lookup(application.code, application.lookupKey, '10.8.0.1')).statusCode, 200);
  });
});
