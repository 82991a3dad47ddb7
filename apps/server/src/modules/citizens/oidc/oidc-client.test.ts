import assert from 'node:assert/strict';
import net from 'node:net';
import { after, before, describe, test } from 'node:test';
import { createOidcClient, OidcError, type OidcErrorCode } from './oidc-client.ts';
import { startOidcProvider, type TestOidcProvider } from './test-provider.ts';

const NHUNG = 'Nguyễn Thị Hồng Nhung';
const APP_ORIGIN = 'http://127.0.0.1:3000';

async function rejectsWith(
  promise: Promise<unknown>,
  code: OidcErrorCode,
  pattern?: RegExp,
): Promise<OidcError> {
  const error: unknown = await promise.then(
    () => assert.fail(`expected OidcError(${code})`),
    (reason: unknown) => reason,
  );
  assert.ok(error instanceof OidcError, `expected an OidcError, got ${String(error)}`);
  assert.equal(error.code, code, error.message);
  if (pattern) assert.match(error.message, pattern);
  return error;
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('citizen OIDC client against a local oidc-provider', () => {
  let provider: TestOidcProvider;

  before(async () => {
    provider = await startOidcProvider({
      accounts: {
        'cong-dan-1': { name: NHUNG, email: 'nhung.nguyen@example.vn' },
        // Decomposed diacritics (NFD), as some providers send them.
        'cong-dan-nfd': { name: 'Trần Văn Đức'.normalize('NFD'), phone: '+84 912 345 678' },
      },
    });
  });
  after(() => provider.stop());

  const newClient = () => createOidcClient(provider.settings(provider.redirectUri(APP_ORIGIN)));

  test('signs a citizen in: code flow with PKCE, state and nonce', async () => {
    const client = newClient();
    const start = await client.start();
    const url = new URL(start.url);
    assert.equal(url.origin, new URL(provider.issuer).origin);
    assert.equal(url.searchParams.get('response_type'), 'code');
    assert.equal(url.searchParams.get('code_challenge_method'), 'S256');
    assert.equal(url.searchParams.get('state'), start.state);
    assert.equal(url.searchParams.get('nonce'), start.nonce);
    assert.equal(url.searchParams.get('scope'), 'openid profile email phone');
    assert.equal(url.searchParams.get('redirect_uri'), `${APP_ORIGIN}/api/citizen/oidc/callback`);
    assert.ok(!url.searchParams.has('code_verifier'));

    const callback = await provider.login(start.url, 'cong-dan-1');
    assert.equal(`${callback.origin}${callback.pathname}`, `${APP_ORIGIN}/api/citizen/oidc/callback`);
    assert.ok(callback.searchParams.get('code'));

    const identity = await client.finish(callback, start);
    assert.deepEqual(identity, {
      issuer: provider.issuer,
      subject: 'cong-dan-1',
      name: NHUNG,
      email: 'nhung.nguyen@example.vn',
      emailVerified: true,
    });
    assert.equal(identity.name, NHUNG.normalize('NFC'));
  });

  test('returns names NFC and phone numbers without spaces', async () => {
    const client = newClient();
    const start = await client.start();
    const identity = await client.finish(await provider.login(start.url, 'cong-dan-nfd'), start);
    assert.equal(identity.subject, 'cong-dan-nfd');
    assert.equal(identity.name, 'Trần Văn Đức'.normalize('NFC'));
    assert.notEqual(identity.name, 'Trần Văn Đức'.normalize('NFD'));
    assert.equal(identity.phone, '+84912345678');
    assert.equal(identity.phoneVerified, true);
    assert.equal(identity.email, undefined);
  });

  test('a tampered or missing state is refused before the code is spent', async () => {
    const client = newClient();
    const start = await client.start();
    const callback = await provider.login(start.url, 'cong-dan-1');
    const tampered = new URL(callback);
    tampered.searchParams.set('state', `${start.state}x`);
    await rejectsWith(client.finish(tampered, start), 'state-mismatch');
    const missing = new URL(callback);
    missing.searchParams.delete('state');
    await rejectsWith(client.finish(missing, start), 'state-mismatch');
    // The state of another sign-in attempt (the expected values belong to a different start()).
    const other = await client.start();
    await rejectsWith(client.finish(callback, other), 'state-mismatch');
    // The genuine callback still works: nothing was sent to the provider.
    assert.equal((await client.finish(callback, start)).subject, 'cong-dan-1');
  });

  test('a code used twice is refused by the provider', async () => {
    const client = newClient();
    const start = await client.start();
    const callback = await provider.login(start.url, 'cong-dan-1');
    await client.finish(callback, start);
    await rejectsWith(client.finish(callback, start), 'token', /invalid_grant/);
  });

  test('a wrong nonce or code verifier fails the exchange', async () => {
    const client = newClient();
    const first = await client.start();
    const callback1 = await provider.login(first.url, 'cong-dan-1');
    await rejectsWith(client.finish(callback1, { ...first, nonce: `${first.nonce}x` }), 'token', /nonce/);

    const second = await client.start();
    const callback2 = await provider.login(second.url, 'cong-dan-1');
    const other = await client.start();
    await rejectsWith(
      client.finish(callback2, { ...second, codeVerifier: other.codeVerifier }),
      'token',
      /invalid_grant/,
    );
  });

  test('a citizen who cancels at the provider gets provider-error, not a crash', async () => {
    const client = newClient();
    const start = await client.start();
    const callback = await provider.deny(start.url);
    assert.equal(callback.searchParams.get('error'), 'access_denied');
    await rejectsWith(client.finish(callback, start), 'provider-error', /^access_denied: End-User aborted/);

    const handMade = new URL(provider.redirectUri(APP_ORIGIN));
    handMade.searchParams.set('error', 'access_denied');
    handMade.searchParams.set('state', start.state);
    await rejectsWith(client.finish(handMade, start), 'provider-error', /^access_denied$/);
  });
});

describe('citizen OIDC client with a provider of its own', () => {
  test('an unreachable provider fails with discovery, and a later call succeeds once it is up', async () => {
    const port = await freePort();
    const redirectUri = `${APP_ORIGIN}/api/citizen/oidc/callback`;
    const client = createOidcClient({
      issuer: `http://127.0.0.1:${port}`,
      clientId: 'motcua-test',
      clientSecret: 'not-yet-known',
      redirectUri,
      allowHttp: true,
    });
    await rejectsWith(client.start(), 'discovery', /could not be discovered/);
    await rejectsWith(client.start(), 'discovery');

    const provider = await startOidcProvider({ port });
    try {
      assert.equal(provider.issuer, `http://127.0.0.1:${port}`);
      // The first client is retried against the live provider (its secret is wrong, so it stops at the token).
      const start = await client.start();
      assert.ok(start.url.startsWith(`${provider.issuer}/`));
      const callback = await provider.login(start.url, 'cong-dan-1');
      await rejectsWith(client.finish(callback, start), 'token', /invalid_client/);

      const good = createOidcClient(provider.settings(redirectUri));
      const next = await good.start();
      const identity = await good.finish(await provider.login(next.url, 'cong-dan-1'), next);
      assert.equal(identity.name, NHUNG);
    } finally {
      await provider.stop();
    }
  });

  test('profile claims may come in the ID token alone (no userinfo endpoint)', async () => {
    const provider = await startOidcProvider({ claimsInIdToken: true });
    try {
      const client = createOidcClient(provider.settings(provider.redirectUri(APP_ORIGIN)));
      const start = await client.start();
      const identity = await client.finish(await provider.login(start.url, 'cong-dan-1'), start);
      assert.deepEqual(identity, {
        issuer: provider.issuer,
        subject: 'cong-dan-1',
        name: NHUNG,
        email: 'nhung.nguyen@example.vn',
        emailVerified: true,
        phone: '+84912345678',
        phoneVerified: true,
      });
    } finally {
      await provider.stop();
    }
  });

  test('http issuers are refused unless allowHttp is set', async () => {
    const provider = await startOidcProvider();
    try {
      const client = createOidcClient({
        ...provider.settings(provider.redirectUri(APP_ORIGIN)),
        allowHttp: false,
      });
      await rejectsWith(client.start(), 'discovery');
    } finally {
      await provider.stop();
    }
  });
});
