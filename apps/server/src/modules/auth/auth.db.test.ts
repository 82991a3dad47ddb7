import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, DEMO_PASSWORD, type TestApp } from '../../../test/app.ts';
import { storeLabel } from '../../../test/store.ts';

describe(`auth (${storeLabel})`, () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ loginMaxFailures: 3, loginWindowMinutes: 15 });
  });
  after(() => t.dispose());

  const login = (username: string, password: string, ip = '10.0.0.1') =>
    t.app.server.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password },
      remoteAddress: ip,
    });

  test('a good login sets an HttpOnly SameSite=Strict session cookie and returns the user and a CSRF token', async () => {
    const response = await login('motcua', DEMO_PASSWORD);
    assert.equal(response.statusCode, 200);
    const cookie = response.cookies.find((c) => c.name === 'motcua_session')!;
    assert.equal(cookie.httpOnly, true);
    assert.equal(cookie.sameSite, 'Strict');
    const body = response.json();
    assert.equal(body.user.username, 'motcua');
    assert.equal(body.user.roles[0].role, 'receptionist');
    assert.ok(body.csrfToken.length >= 20);
  });

  test('a wrong password is a 401 problem in Vietnamese, and in English on request', async () => {
    const vi = await login('lanhdao', 'wrong-password', '10.0.0.2');
    assert.equal(vi.statusCode, 401);
    assert.match(vi.headers['content-type'] as string, /application\/problem\+json/);
    assert.equal(vi.json().title, 'Sai tên đăng nhập hoặc mật khẩu');
    const en = await t.app.server.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'lanhdao', password: 'nope' },
      headers: { 'accept-language': 'en-US,en;q=0.9' },
      remoteAddress: '10.0.0.2',
    });
    assert.equal(en.json().title, 'Wrong user name or password');
  });

  test('wrong logins are rate-limited per user name: 429 with Retry-After, even with the right password', async () => {
    for (let i = 0; i < 3; i += 1)
      assert.equal((await login('chuyenvien', 'bad-password', `10.1.0.${i}`)).statusCode, 401);
    const blocked = await login('chuyenvien', DEMO_PASSWORD, '10.1.0.9');
    assert.equal(blocked.statusCode, 429);
    assert.ok(Number(blocked.headers['retry-after']) > 0);
    assert.equal(blocked.json().title, 'Đăng nhập sai quá nhiều lần');
  });

  test('a client address that fails against many user names is rate-limited too', async () => {
    for (let i = 0; i < 12; i += 1) await login(`nobody${i}`, 'bad-password', '10.9.9.9');
    assert.equal((await login('vanhanh', DEMO_PASSWORD, '10.9.9.9')).statusCode, 429);
    assert.equal((await login('vanhanh', DEMO_PASSWORD, '10.9.9.8')).statusCode, 200);
  });

  test('cookie-authenticated writes need the CSRF token; reads do not', async () => {
    const s = await t.login('lanhdao');
    assert.equal((await s.request('GET', '/api/auth/me', undefined, { 'x-csrf-token': '' })).statusCode, 200);
    const forged = await s.request('POST', '/api/tokens', { name: 'x' }, { 'x-csrf-token': 'forged' });
    assert.equal(forged.statusCode, 403);
    assert.equal(forged.json().type, '/problems/csrf-mismatch');
    assert.equal((await s.request('POST', '/api/tokens', { name: 'x' })).statusCode, 201);
  });

  test('logout ends the session', async () => {
    const s = await t.login('motcua');
    assert.equal((await s.request('POST', '/api/auth/logout')).statusCode, 204);
    assert.equal((await s.request('GET', '/api/auth/me')).statusCode, 401);
  });

  test('password change needs the current password, ends other sessions and clears the demo flag', async () => {
    const first = await t.login('vanhanh');
    const second = await t.login('vanhanh');
    const wrong = await first.request('POST', '/api/auth/password', {
      currentPassword: 'not-it-at-all',
      newPassword: 'a-new-long-password',
    });
    assert.equal(wrong.statusCode, 422);
    assert.equal(wrong.json().field, '/body/currentPassword');
    const short = await first.request('POST', '/api/auth/password', {
      currentPassword: DEMO_PASSWORD,
      newPassword: 'short',
    });
    assert.equal(short.statusCode, 400);
    assert.equal(short.json().field, '/body/newPassword');
    assert.equal(short.json().errors[0].message, 'phải có ít nhất 10 ký tự');
    assert.equal(wrong.json().detail, 'Mật khẩu hiện tại không đúng');
    const ok = await first.request('POST', '/api/auth/password', {
      currentPassword: DEMO_PASSWORD,
      newPassword: 'a-new-long-password',
    });
    assert.equal(ok.statusCode, 204);
    assert.equal((await first.request('GET', '/api/auth/me')).statusCode, 200);
    assert.equal((await second.request('GET', '/api/auth/me')).statusCode, 401);
    const demo = await t.app.store.db
      .selectFrom('users')
      .select('is_demo')
      .where('username', '=', 'vanhanh')
      .executeTakeFirstOrThrow();
    assert.equal(demo.is_demo, false);
    assert.equal((await login('vanhanh', 'a-new-long-password', '10.3.0.1')).statusCode, 200);
  });

  test('an API token authenticates machine clients without CSRF, and stops working once revoked', async () => {
    const s = await t.login('quantri');
    const created = await s.request('POST', '/api/tokens', { name: 'LGSP integration', expiresInDays: 30 });
    assert.equal(created.statusCode, 201);
    const { secret, token } = created.json();
    const bearer = { authorization: `Bearer ${secret}` };
    const units = await t.app.server.inject({ method: 'GET', url: '/api/units', headers: bearer });
    assert.equal(units.statusCode, 200);
    assert.ok(units.json().items.length > 20);
    const listed = await s.request('GET', '/api/tokens');
    assert.equal(
      listed.json().items.some((i: { id: string }) => i.id === token.id),
      true,
    );
    assert.equal((await s.request('DELETE', `/api/tokens/${token.id}`)).statusCode, 204);
    assert.equal(
      (await t.app.server.inject({ method: 'GET', url: '/api/units', headers: bearer })).statusCode,
      401,
    );
  });

  test('an unknown bearer token is 401, not a crash', async () => {
    const response = await t.app.server.inject({
      method: 'GET',
      url: '/api/units',
      headers: { authorization: 'Bearer mct_nonsense' },
    });
    assert.equal(response.statusCode, 401);
  });
});
