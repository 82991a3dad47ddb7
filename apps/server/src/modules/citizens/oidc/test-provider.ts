// Test support: a real OpenID Connect provider (oidc-provider, devInteractions) on 127.0.0.1 standing
// in for VNeID, and a scripted "browser" that signs a citizen in. Never imported by production code.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import type { OidcSettings } from './oidc-client.ts';

export interface TestOidcAccount {
  name: string;
  email?: string;
  phone?: string;
}

export interface TestOidcProviderOptions {
  accounts?: Record<string, TestOidcAccount>;
  /** Registered redirect URIs. Default: http://127.0.0.1<callbackPath> and http://localhost<callbackPath>. */
  redirectUris?: string[];
  /** Path used by redirectUri(origin) and the default redirect URIs. */
  callbackPath?: string;
  /** Listen on this port (default: a free one), e.g. to bring a provider up where a client already points. */
  port?: number;
  /** Put the profile claims in the ID token and switch the userinfo endpoint off (default: userinfo). */
  claimsInIdToken?: boolean;
}

export interface TestOidcProvider {
  issuer: string;
  port: number;
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  /** The callback URL on `origin` (callbackPath); loopback http origins match the defaults on any port. */
  redirectUri(origin: string): string;
  /** Settings for createOidcClient() against this provider. */
  settings(redirectUri: string): OidcSettings;
  /** Signs `accountId` in and consents, as a browser would; returns the callback URL without calling it. */
  login(authorizationUrl: string, accountId: string): Promise<URL>;
  /** Cancels at the login page (the "[ Cancel ]" link); returns the error=access_denied callback URL. */
  deny(authorizationUrl: string): Promise<URL>;
  stop(): Promise<void>;
}

export const TEST_OIDC_CALLBACK_PATH = '/api/citizen/oidc/callback';

export const TEST_OIDC_ACCOUNTS: Record<string, TestOidcAccount> = {
  'cong-dan-1': { name: 'Nguyễn Thị Hồng Nhung', email: 'nhung.nguyen@example.vn', phone: '+84912345678' },
  'cong-dan-2': { name: 'Trần Văn Đức', phone: '+84987654321' },
};

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
const MAX_STEPS = 20;

export async function startOidcProvider(options: TestOidcProviderOptions = {}): Promise<TestOidcProvider> {
  const accounts = options.accounts ?? TEST_OIDC_ACCOUNTS;
  const callbackPath = options.callbackPath ?? TEST_OIDC_CALLBACK_PATH;
  const redirectUris = options.redirectUris ?? [
    `http://127.0.0.1${callbackPath}`,
    `http://localhost${callbackPath}`,
  ];
  // RFC 8252: for a "native" client oidc-provider accepts a loopback http redirect URI on any port,
  // so tests need not know the app's port before the provider starts.
  const allLoopback = redirectUris.every((uri) => {
    const url = new URL(uri);
    return url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname);
  });
  const clientId = 'motcua-test';
  const clientSecret = randomBytes(24).toString('base64url');

  const server = http.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const issuer = `http://127.0.0.1:${port}`;

  const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
  const provider = createProvider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        application_type: allLoopback ? 'native' : 'web',
        redirect_uris: redirectUris,
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    async findAccount(_ctx, id) {
      const account = Object.hasOwn(accounts, id) ? accounts[id] : undefined;
      if (!account) return undefined;
      return {
        accountId: id,
        claims: () => ({
          sub: id,
          name: account.name,
          ...(account.email ? { email: account.email, email_verified: true } : {}),
          ...(account.phone ? { phone_number: account.phone, phone_number_verified: true } : {}),
        }),
      };
    },
    claims: {
      openid: ['sub'],
      profile: ['name'],
      email: ['email', 'email_verified'],
      phone: ['phone_number', 'phone_number_verified'],
    },
    features: { devInteractions: { enabled: true }, userinfo: { enabled: !options.claimsInIdToken } },
    conformIdTokenClaims: !options.claimsInIdToken,
    pkce: { required: () => true },
    ttl: {
      AuthorizationCode: 60,
      Interaction: 600,
      Session: 3600,
      Grant: 3600,
      AccessToken: 600,
      IdToken: 600,
    },
    jwks: { keys: [{ ...signingKey, kid: 'test-signing', use: 'sig', alg: 'RS256' }] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
  });
  if (provider instanceof Error) {
    server.close();
    throw provider;
  }
  const failures: unknown[] = [];
  provider.on('server_error', (_ctx, error) => failures.push(error));
  server.on('request', provider.callback());

  const origin = new URL(issuer).origin;
  const leftProvider = (url: URL) => url.origin !== origin;

  return {
    issuer,
    port,
    clientId,
    clientSecret,
    redirectUris,
    redirectUri: (appOrigin) => new URL(callbackPath, appOrigin).href,
    settings: (redirectUri) => ({ issuer, clientId, clientSecret, redirectUri, allowHttp: true }),
    async login(authorizationUrl, accountId) {
      if (!Object.hasOwn(accounts, accountId)) throw new Error(`no test account ${accountId}`);
      return browse(authorizationUrl, leftProvider, (page): Step => {
        if (page.prompt === 'login')
          return { action: page.action, fields: { prompt: 'login', login: accountId, password: 'x' } };
        if (page.prompt === 'consent') return { action: page.action, fields: { prompt: 'consent' } };
        throw new Error(`unexpected interaction prompt ${page.prompt}`);
      });
    },
    async deny(authorizationUrl) {
      return browse(authorizationUrl, leftProvider, (page) => ({ action: page.abort }));
    },
    async stop() {
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
      if (failures.length > 0) throw new AggregateError(failures, 'the test OIDC provider had server errors');
    },
  };
}

function createProvider(...args: ConstructorParameters<typeof Provider>): Provider | Error {
  try {
    return new Provider(...args);
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

interface InteractionPage {
  prompt: string;
  action: string;
  abort: string;
}

type Step = { action: string; fields?: Record<string, string> };

// What a browser does: follow redirects by hand with a cookie jar, answer each interaction page with
// a form POST (or a link GET), and stop at the first redirect that leaves the provider.
async function browse(
  start: string,
  leftProvider: (url: URL) => boolean,
  answer: (page: InteractionPage) => Step,
): Promise<URL> {
  const jar = new CookieJar();
  let url = new URL(start);
  let init: { method: 'GET' | 'POST'; body?: URLSearchParams } = { method: 'GET' };
  for (let step = 0; step < MAX_STEPS; step += 1) {
    if (leftProvider(url)) return url;
    const headers: Record<string, string> = {};
    const cookie = jar.header(url);
    if (cookie) headers.cookie = cookie;
    if (init.body) headers['content-type'] = 'application/x-www-form-urlencoded';
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    jar.store(url, response.headers.getSetCookie());
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      await response.body?.cancel();
      url = new URL(location, url);
      init = { method: 'GET' };
      continue;
    }
    const html = await response.text();
    if (response.status !== 200) {
      throw new Error(`the provider answered ${response.status} at ${url.pathname}: ${squeeze(html)}`);
    }
    const next = answer(readInteraction(html, url));
    url = new URL(next.action, url);
    init = next.fields ? { method: 'POST', body: new URLSearchParams(next.fields) } : { method: 'GET' };
  }
  throw new Error(`no redirect back to the client after ${MAX_STEPS} steps`);
}

function readInteraction(html: string, url: URL): InteractionPage {
  const action = /<form[^>]*\saction="([^"]+)"[^>]*method="post"/iu.exec(html)?.[1];
  const prompt = /name="prompt"\s+value="([^"]+)"/iu.exec(html)?.[1];
  const abort = /<a href="([^"]+)">\[ Cancel \]<\/a>/iu.exec(html)?.[1];
  if (!action || !prompt || !abort) {
    throw new Error(`not an interaction page at ${url.pathname}: ${squeeze(html)}`);
  }
  return { prompt, action: unescapeHtml(action), abort: unescapeHtml(abort) };
}

function unescapeHtml(value: string): string {
  return value
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');
}

function squeeze(html: string): string {
  return html
    .replace(/<[^>]+>/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim()
    .slice(0, 400);
}

/** Just enough of a cookie jar for one host: name, path scoping and deletion. */
class CookieJar {
  readonly #cookies = new Map<string, { name: string; value: string; path: string }>();

  store(url: URL, setCookies: string[]): void {
    for (const line of setCookies) {
      const [pair = '', ...attributes] = line.split(';');
      const eq = pair.indexOf('=');
      if (eq <= 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      let path = url.pathname.replace(/\/[^/]*$/u, '') || '/';
      let expired = value === '';
      for (const attribute of attributes) {
        const [key = '', ...rest] = attribute.split('=');
        const attrValue = rest.join('=').trim();
        const lower = key.trim().toLowerCase();
        if (lower === 'path' && attrValue.startsWith('/')) path = attrValue;
        if (lower === 'max-age' && Number(attrValue) <= 0) expired = true;
        if (lower === 'expires' && Date.parse(attrValue) <= Date.now()) expired = true;
      }
      const key = `${name};${path}`;
      if (expired) this.#cookies.delete(key);
      else this.#cookies.set(key, { name, value, path });
    }
  }

  header(url: URL): string {
    return [...this.#cookies.values()]
      .filter(({ path }) => path === '/' || url.pathname === path || url.pathname.startsWith(`${path}/`))
      .map(({ name, value }) => `${name}=${value}`)
      .join('; ');
  }
}
