// Citizen sign-in through an OpenID Connect provider (VNeID is OIDC-based): the authorization code
// flow with PKCE (S256), state and nonce, on openid-client's functional API. The caller keeps the
// OidcStart values (state, nonce, code verifier) in its own short-lived session between start()
// and finish(); this module holds no per-login state, only the cached provider metadata.
import { timingSafeEqual } from 'node:crypto';
import * as client from 'openid-client';

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  /** Default 'openid profile email phone'. */
  scope?: string;
  /** Allow http:// issuers and endpoints. Tests only. */
  allowHttp?: boolean;
}

export interface OidcStart {
  url: string;
  state: string;
  nonce: string;
  codeVerifier: string;
}

export interface OidcIdentity {
  issuer: string;
  subject: string;
  name?: string;
  email?: string;
  emailVerified?: boolean;
  phone?: string;
  phoneVerified?: boolean;
}

export type OidcErrorCode = 'discovery' | 'state-mismatch' | 'provider-error' | 'token' | 'claims';

export class OidcError extends Error {
  constructor(
    readonly code: OidcErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'OidcError';
  }
}

export interface OidcClient {
  start(): Promise<OidcStart>;
  finish(
    callbackUrl: URL,
    expected: { state: string; nonce: string; codeVerifier: string },
  ): Promise<OidcIdentity>;
}

export const DEFAULT_OIDC_SCOPE = 'openid profile email phone';
/** Seconds for each HTTP request to the provider (discovery, token, userinfo). */
const REQUEST_TIMEOUT = 15;

export function createOidcClient(settings: OidcSettings): OidcClient {
  const scope = settings.scope ?? DEFAULT_OIDC_SCOPE;
  let configuration: Promise<client.Configuration> | undefined;

  // Lazy and cached; a failed discovery is forgotten so the next call tries again.
  function discover(): Promise<client.Configuration> {
    if (configuration) return configuration;
    const pending = discoverOnce(settings).catch((error: unknown) => {
      if (configuration === pending) configuration = undefined;
      throw error;
    });
    configuration = pending;
    return pending;
  }

  return {
    async start() {
      const config = await discover();
      const codeVerifier = client.randomPKCECodeVerifier();
      const codeChallenge = await client.calculatePKCECodeChallenge(codeVerifier);
      const state = client.randomState();
      const nonce = client.randomNonce();
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: settings.redirectUri,
        scope,
        response_type: 'code',
        code_challenge: codeChallenge,
        code_challenge_method: 'S256',
        state,
        nonce,
      });
      return { url: url.href, state, nonce, codeVerifier };
    },

    async finish(callbackUrl, expected) {
      const params = callbackUrl.searchParams;
      const state = params.get('state');
      if (state === null || !sameText(state, expected.state)) {
        throw new OidcError('state-mismatch', 'the sign-in response does not belong to this sign-in attempt');
      }
      const providerError = params.get('error');
      if (providerError !== null) {
        const description = params.get('error_description');
        throw new OidcError(
          'provider-error',
          description ? `${providerError}: ${description}` : providerError,
        );
      }
      if (!params.get('code')) throw new OidcError('provider-error', 'the sign-in response carries no code');

      const config = await discover();
      // The token request must repeat the registered redirect URI exactly; the URL the server saw
      // behind a proxy may differ in scheme or host, so only its query is taken.
      const current = new URL(settings.redirectUri);
      current.search = callbackUrl.search;
      current.hash = '';

      let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
      try {
        tokens = await client.authorizationCodeGrant(config, current, {
          expectedState: expected.state,
          expectedNonce: expected.nonce,
          pkceCodeVerifier: expected.codeVerifier,
          idTokenExpected: true,
        });
      } catch (error) {
        throw new OidcError('token', `the code exchange failed: ${describe(error)}`, { cause: error });
      }

      const idToken = tokens.claims();
      if (!idToken || typeof idToken.sub !== 'string' || idToken.sub === '') {
        throw new OidcError('claims', 'the ID token has no subject');
      }
      const subject = idToken.sub;
      let claims: Record<string, unknown> = { ...idToken };

      const userinfoEndpoint = config.serverMetadata().userinfo_endpoint;
      const fromIdToken = readProfile(claims);
      const wantsMore = !fromIdToken.name || !fromIdToken.email || !fromIdToken.phone;
      if (wantsMore && userinfoEndpoint && tokens.access_token) {
        try {
          const userinfo = await client.fetchUserInfo(config, tokens.access_token, subject);
          // Userinfo fills gaps only; the signed ID token wins where both carry a claim.
          claims = { ...userinfo, ...dropUndefined(claims) };
        } catch (error) {
          throw new OidcError('claims', `the userinfo request failed: ${describe(error)}`, { cause: error });
        }
      }

      const profile = readProfile(claims);
      const identity: OidcIdentity = { issuer: config.serverMetadata().issuer, subject };
      if (profile.name !== undefined) identity.name = profile.name;
      if (profile.email !== undefined) identity.email = profile.email;
      if (profile.emailVerified !== undefined) identity.emailVerified = profile.emailVerified;
      if (profile.phone !== undefined) identity.phone = profile.phone;
      if (profile.phoneVerified !== undefined) identity.phoneVerified = profile.phoneVerified;
      return identity;
    },
  };
}

async function discoverOnce(settings: OidcSettings): Promise<client.Configuration> {
  let issuer: URL;
  try {
    issuer = new URL(settings.issuer);
  } catch (error) {
    throw new OidcError('discovery', `the issuer is not a URL: ${settings.issuer}`, { cause: error });
  }
  try {
    return await client.discovery(
      issuer,
      settings.clientId,
      { redirect_uris: [settings.redirectUri], response_types: ['code'] },
      client.ClientSecretBasic(settings.clientSecret),
      {
        timeout: REQUEST_TIMEOUT,
        ...(settings.allowHttp ? { execute: [client.allowInsecureRequests] } : {}),
      },
    );
  } catch (error) {
    throw new OidcError(
      'discovery',
      `the provider at ${settings.issuer} could not be discovered: ${describe(error)}`,
      {
        cause: error,
      },
    );
  }
}

interface Profile {
  name?: string;
  email?: string;
  emailVerified?: boolean;
  phone?: string;
  phoneVerified?: boolean;
}

function readProfile(claims: Record<string, unknown>): Profile {
  const profile: Profile = {};
  const name = text(claims.name) ?? joinName(claims);
  if (name) profile.name = name;
  const email = text(claims.email);
  if (email) profile.email = email;
  const emailVerified = flag(claims.email_verified);
  if (emailVerified !== undefined) profile.emailVerified = emailVerified;
  const phone = text(claims.phone_number);
  if (phone) profile.phone = phone.replace(/\s+/gu, '');
  const phoneVerified = flag(claims.phone_number_verified);
  if (phoneVerified !== undefined) profile.phoneVerified = phoneVerified;
  return profile;
}

// Vietnamese order: family name, middle name, given name.
function joinName(claims: Record<string, unknown>): string | undefined {
  const parts = [claims.family_name, claims.middle_name, claims.given_name].map(text).filter(Boolean);
  return parts.length > 0 ? parts.join(' ') : undefined;
}

/** Trimmed, whitespace-collapsed, NFC (providers may send decomposed diacritics). */
function text(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const cleaned = value.normalize('NFC').replace(/\s+/gu, ' ').trim();
  return cleaned === '' ? undefined : cleaned;
}

function flag(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (value === 'true') return true;
  if (value === 'false') return false;
  return undefined;
}

function dropUndefined(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function describe(error: unknown): string {
  if (error instanceof client.ResponseBodyError) {
    return error.error_description ? `${error.error}: ${error.error_description}` : error.error;
  }
  if (error instanceof client.WWWAuthenticateChallengeError) {
    const challenge = error.cause[0]?.parameters;
    if (challenge?.error) {
      return challenge.error_description
        ? `${challenge.error}: ${challenge.error_description}`
        : challenge.error;
    }
  }
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
    return `${error.message}${cause}`;
  }
  return String(error);
}
