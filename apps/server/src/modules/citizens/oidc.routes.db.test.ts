import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { storeLabel } from '../../../test/store.ts';
import { startOidcProvider, TEST_OIDC_CALLBACK_PATH, type TestOidcProvider } from './oidc/test-provider.ts';

describe(`citizen sign-in through a local OpenID Connect provider (${storeLabel})`, () => {
  let t: TestApp;
  let provider: TestOidcProvider;
  const redirectUri = `http://127.0.0.1${TEST_OIDC_CALLBACK_PATH}`;

  before(async () => {
    provider = await startOidcProvider({
      accounts: { 'cong-dan-1': { name: 'Nguyễn Thị Hồng Nhung', email: 'nhung@example.vn' } },
    });
    t = await createTestApp({ oidc: provider.settings(redirectUri) });
  });
  after(async () => {
    await t.dispose();
    await provider.stop();
  });

  /** What the browser does: /start, the provider's pages, back to /callback with the state cookie. */
  async function signIn(account: string) {
    const start = await t.app.server.inject({ url: '/api/citizen/oidc/start' });
    assert.equal(start.statusCode, 302, start.body);
    const stateCookie = start.cookies.find((c) => c.name === 'motcua_oidc')!;
    const callback = await provider.login(String(start.headers.location), account);
    return { callback, stateCookie: `motcua_oidc=${stateCookie.value}` };
  }

  test('first sign-in makes the account from the provider’s claims; the session opens the portal', async () => {
    const { callback, stateCookie } = await signIn('cong-dan-1');
    const back = await t.app.server.inject({
      url: `${callback.pathname}${callback.search}`,
      headers: { cookie: stateCookie },
    });
    assert.equal(back.statusCode, 302, back.body);
    assert.equal(back.headers.location, '/cong-dan');
    const session = back.cookies.find((c) => c.name === 'motcua_citizen')!;
    const me = await t.app.server.inject({
      url: '/api/citizen/me',
      headers: { cookie: `motcua_citizen=${session.value}` },
    });
    assert.equal(me.statusCode, 200, me.body);
    assert.deepEqual(
      { name: me.json().citizen.fullName, viaOidc: me.json().citizen.viaOidc },
      { name: 'Nguyễn Thị Hồng Nhung', viaOidc: true },
    );
    // A second sign-in finds the same account.
    const again = await signIn('cong-dan-1');
    const second = await t.app.server.inject({
      url: `${again.callback.pathname}${again.callback.search}`,
      headers: { cookie: again.stateCookie },
    });
    assert.equal(second.statusCode, 302);
    assert.equal((await t.app.store.db.selectFrom('citizens').selectAll().execute()).length, 1);
  });

  test('a callback without the browser’s state cookie, or replayed, is refused', async () => {
    const { callback, stateCookie } = await signIn('cong-dan-1');
    const url = `${callback.pathname}${callback.search}`;
    const foreign = await t.app.server.inject({ url });
    assert.equal(foreign.statusCode, 422);
    assert.equal(foreign.json().field, '/querystring/state');
    assert.equal((await t.app.server.inject({ url, headers: { cookie: stateCookie } })).statusCode, 302);
    assert.equal(
      (await t.app.server.inject({ url, headers: { cookie: stateCookie } })).statusCode,
      422,
      'used once',
    );
  });
});
