import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import { counterFile, createTestApp, deskOfficers, type Session, type TestApp } from '../../../test/app.ts';
import { storeLabel } from '../../../test/store.ts';
import { citizenSignIn } from '../../../test/citizens.ts';
import type { Channel, ChannelKind, OutgoingMessage } from '../delivery/channels.ts';

describe(`citizen accounts: one-time codes, sessions, only one's own files (${storeLabel})`, () => {
  let t: TestApp;
  let desk: Session;
  let pascId: string;
  const codes = new Map<string, string>();
  const inject = (
    method: string,
    url: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ): Promise<LightMyRequestResponse> =>
    t.app.server.inject({
      method: method as 'POST',
      url,
      ...(payload === undefined ? {} : { payload: payload as object }),
      headers,
    });

  /** Asks for a code and signs in with it, as the portal's page does. */
  const signIn = (destination: string, fullName?: string): Promise<Session> =>
    citizenSignIn(t, codes, destination, fullName);

  before(async () => {
    t = await createTestApp({}, { devMailbox: (to, code) => codes.set(to, code) });
    ({ desk, pascId } = await deskOfficers(t));
  });
  after(() => t.dispose());

  test('the first sign-in makes the account with the name; a wrong code and a missing name are named', async () => {
    const destination = 'Hong.Nhung@Example.vn';
    assert.equal((await inject('POST', '/api/citizen/codes', { destination })).statusCode, 202);
    const code = codes.get('hong.nhung@example.vn')!;
    assert.match(code, /^[0-9]{6}$/);
    const wrong = await inject('POST', '/api/citizen/sessions', {
      destination,
      code: code === '000000' ? '111111' : '000000',
      fullName: 'Nguyễn Thị Hồng Nhung',
    });
    assert.equal(wrong.statusCode, 422);
    assert.equal(wrong.json().field, '/body/code');
    const noName = await inject('POST', '/api/citizen/sessions', { destination, code });
    assert.equal(noName.statusCode, 422);
    assert.equal(noName.json().field, '/body/fullName');
    const ok = await inject('POST', '/api/citizen/sessions', {
      destination,
      code,
      fullName: 'Nguyễn Thị Hồng Nhung',
    });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.deepEqual(
      { name: ok.json().citizen.fullName, email: ok.json().citizen.email },
      { name: 'Nguyễn Thị Hồng Nhung', email: 'hong.nhung@example.vn' },
    );
    const reused = await inject('POST', '/api/citizen/sessions', { destination, code });
    assert.equal(reused.statusCode, 422, 'a code is used once');
  });

  test('a phone number works the same way; a bad contact is named; five wrong tries spend the code', async () => {
    const portal = await signIn('0912 345 678', 'Trần Văn Bình');
    const me = (await portal.request('GET', '/api/citizen/me')).json();
    assert.equal(me.citizen.phone, '+84912345678');
    const bad = await inject('POST', '/api/citizen/codes', { destination: '12345' });
    assert.equal(bad.statusCode, 422);
    assert.equal(bad.json().field, '/body/destination');
    assert.equal((await inject('POST', '/api/citizen/codes', { destination: '0987654321' })).statusCode, 202);
    const right = codes.get('+84987654321')!;
    for (let i = 0; i < 5; i += 1)
      await inject('POST', '/api/citizen/sessions', {
        destination: '0987654321',
        code: right === '999999' ? '888888' : '999999',
        fullName: 'Lê Văn Cường',
      });
    const late = await inject('POST', '/api/citizen/sessions', {
      destination: '0987654321',
      code: right,
      fullName: 'Lê Văn Cường',
    });
    assert.equal(late.statusCode, 422);
  });

  test('codes to one address are limited (429), and the answer does not tell whether an account exists', async () => {
    const statuses = [];
    for (let i = 0; i < 6; i += 1)
      statuses.push(
        (await inject('POST', '/api/citizen/codes', { destination: 'gioi.han@example.vn' })).statusCode,
      );
    assert.deepEqual(statuses, [202, 202, 202, 202, 202, 429]);
  });

  test('the code message is in the language asked for (Vietnamese by default), by e-mail and by SMS', async () => {
    const sent: OutgoingMessage[] = [];
    const capture = (kind: ChannelKind): Channel => ({
      kind,
      send: (message) => {
        sent.push(message);
        return Promise.resolve({});
      },
    });
    const channels = t.app.services.channels;
    channels.email = capture('email');
    channels.sms = capture('sms');
    // An address of its own: the other tests' requests count against 127.0.0.1.
    const ask = (payload: object) =>
      t.app.server.inject({
        method: 'POST',
        url: '/api/citizen/codes',
        payload,
        remoteAddress: '192.0.2.15',
      });
    try {
      for (const payload of [
        { destination: 'mac.dinh@example.vn' },
        { destination: 'english@example.vn', lang: 'en' },
        { destination: '0911 222 333', lang: 'vi' },
        { destination: '0911 222 444', lang: 'en' },
      ])
        assert.equal((await ask(payload)).statusCode, 202);
      assert.equal((await ask({ destination: 'khac@example.vn', lang: 'fr' })).statusCode, 400);
    } finally {
      delete channels.email;
      delete channels.sms;
    }
    assert.deepEqual(
      sent.map((m) => [m.to, m.lang, m.subject !== undefined, m.html !== undefined]),
      [
        ['mac.dinh@example.vn', 'vi', true, true],
        ['english@example.vn', 'en', true, true],
        ['+84911222333', 'vi', false, false],
        ['+84911222444', 'en', false, false],
      ],
    );
    const [viMail, enMail, viSms, enSms] = sent as [OutgoingMessage, ...OutgoingMessage[]];
    for (const m of sent) {
      const code = /\b([0-9]{6})\b/.exec(m.text)?.[1];
      assert.ok(code, m.text);
      assert.ok(!m.text.includes('example.vn') && !m.text.includes('0911'), 'no personal data');
      if (m.html) assert.ok(m.html.includes(code));
    }
    assert.match(viMail.subject!, /^Mã đăng nhập/);
    assert.match(viMail.text, /10 phút/);
    assert.match(viMail.text, /Không chia sẻ mã này/);
    assert.doesNotMatch(viMail.text, /code|share/i, 'Vietnamese only');
    assert.match(enMail!.subject!, /sign-in code/);
    assert.match(enMail!.text, /10 minutes/);
    assert.match(enMail!.text, /Do not share this code/);
    assert.doesNotMatch(enMail!.text + enMail!.html, /[ăâđêôơư]/i, 'English only');
    assert.match(viSms!.text, /10 phút\. Không chia sẻ mã này\.$/);
    assert.ok(Array.from(viSms!.text).length <= 70, 'one Unicode SMS segment');
    assert.match(enSms!.text, /valid 10 minutes\. Do not share this code\.$/);
  });

  test('a citizen sees only their own files; staff and citizen sessions do not open each other’s routes', async () => {
    const a = await signIn('chu.ho.so@example.vn', 'Phạm Văn An');
    const b = await signIn('nguoi.khac@example.vn', 'Đỗ Thị Bích');
    const filed = await desk.request(
      'POST',
      '/api/applications',
      counterFile(pascId, { applicant: { kind: 'person', fullName: 'Phạm Văn An', address: 'Thôn 1' } }),
    );
    const appId = filed.json().application.id as string;
    const meA = (await a.request('GET', '/api/citizen/me')).json().citizen.id as string;
    // Filing online links the file to the account (the submission form arrives later in this issue).
    await t.app.store.db
      .updateTable('applications')
      .set({ citizen_id: meA })
      .where('id', '=', appId)
      .execute();
    const mine = (await a.request('GET', '/api/citizen/applications')).json();
    assert.deepEqual(
      mine.items.map((i: { id: string }) => i.id),
      [appId],
    );
    assert.deepEqual((await b.request('GET', '/api/citizen/applications')).json().items, []);
    assert.equal(
      (await a.request('GET', `/api/applications/${appId}`)).statusCode,
      401,
      'a citizen cookie is no staff session',
    );
    assert.equal(
      (await inject('GET', '/api/citizen/me', undefined, { cookie: desk.cookie })).statusCode,
      401,
    );
    assert.equal(
      (await a.request('POST', '/api/citizen/logout', undefined, { 'x-csrf-token': 'wrong' })).statusCode,
      403,
    );
    assert.equal((await a.request('POST', '/api/citizen/logout')).statusCode, 204);
    assert.equal((await a.request('GET', '/api/citizen/me')).statusCode, 401);
  });
});
