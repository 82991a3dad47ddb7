import { createHash, randomBytes, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import { fail, text } from '@motcua/domain/errors';
import type { Database } from '../../db/schema.ts';
import { authRepository } from '../auth/auth.repository.ts';
import type { Channel } from '../delivery/channels.ts';
import { normalizeVnMobile } from '../delivery/sms-webhook-channel.ts';
import { citizensRepository as repo, type CitizenRow } from './citizens.repository.ts';
import { CODE_VALID_MINUTES, renderCodeMessage, type CodeLang } from './code-texts.ts';

const CODE_TTL_MS = CODE_VALID_MINUTES * 60_000;
const MAX_TRIES = 5;
const WINDOW_MS = 15 * 60_000;
const CODES_PER_DESTINATION = 5;
const CODES_PER_ADDRESS = 20;
const EMAIL = /^[^\s@<>()",;]+@[^\s@<>()",;]+\.[^\s@<>()",;]+$/;

const digest = (value: string) => createHash('sha256').update(value).digest('hex');

export interface Citizen {
  id: string;
  fullName: string;
  email: string | null;
  phone: string | null;
  viaOidc: boolean;
}
export const toCitizen = (
  row: Pick<CitizenRow, 'id' | 'full_name' | 'email' | 'phone' | 'oidc_issuer'>,
): Citizen => ({
  id: row.id,
  fullName: row.full_name,
  email: row.email,
  phone: row.phone,
  viaOidc: row.oidc_issuer !== null,
});

export interface OidcIdentity {
  issuer: string;
  subject: string;
  name?: string | undefined;
  email?: string | undefined;
  emailVerified?: boolean | undefined;
  phone?: string | undefined;
  phoneVerified?: boolean | undefined;
}

/** An e-mail address (lower-cased) or a Vietnamese mobile number (+84…), or a 422 naming the field. */
export function contactOf(destination: string): { email: string } | { phone: string } {
  const value = destination.trim().normalize('NFC');
  if (value.includes('@')) {
    if (EMAIL.test(value) && value.length <= 200) return { email: value.toLowerCase() };
  } else {
    const phone = normalizeVnMobile(value);
    if (phone) return { phone };
  }
  return fail({
    kind: 'Invalid',
    field: '/body/destination',
    detail: text(
      'Nhập địa chỉ e-mail hoặc số điện thoại di động Việt Nam',
      'Enter an e-mail address or a Vietnamese mobile number',
    ),
  });
}
const keyOf = (c: { email: string } | { phone: string }) => ('email' in c ? c.email : c.phone);

/**
 * Citizen accounts: sign-up and sign-in are one step — a one-time code to an e-mail address or a mobile
 * number (the account is made at the first sign-in, with the name given), or an OpenID Connect identity.
 */
export function createCitizensService(deps: {
  db: Kysely<Database>;
  channels: Partial<Record<'email' | 'sms', Channel>>;
  /** Where codes go when no channel is configured (development only: the console); tests read them here. */
  devMailbox?: ((destination: string, code: string) => void) | undefined;
  sessionHours: number;
  clock?: () => Date;
}) {
  const { db } = deps;
  const now = deps.clock ?? (() => new Date());

  async function throttle(destination: string, ip: string, at: Date) {
    const since = new Date(at.getTime() - WINDOW_MS);
    const byAddress = (await authRepository.countRecentFailures(db, [`citizen-code:${ip}`], since)).get(
      `citizen-code:${ip}`,
    );
    if (
      (await repo.codesSince(db, destination, since)) >= CODES_PER_DESTINATION ||
      (byAddress?.count ?? 0) >= CODES_PER_ADDRESS
    )
      fail({ kind: 'TooManyAttempts', retryAfterSeconds: WINDOW_MS / 1000 });
    await authRepository.recordFailures(db, [`citizen-code:${ip}`], at);
  }

  /** Sends a 6-digit code in the citizen's language; the answer is the same whether an account exists or not. */
  async function requestCode(destination: string, ip: string, lang: CodeLang = 'vi') {
    const contact = contactOf(destination);
    const kind: 'email' | 'sms' = 'email' in contact ? 'email' : 'sms';
    const channel = deps.channels[kind];
    if (!channel && !deps.devMailbox)
      fail({
        kind: 'Invalid',
        field: '/body/destination',
        detail:
          kind === 'email'
            ? text(
                'Hệ thống chưa gửi được e-mail; hãy dùng số điện thoại',
                'E-mail is not available; use a phone number',
              )
            : text(
                'Hệ thống chưa gửi được SMS; hãy dùng e-mail',
                'SMS is not available; use an e-mail address',
              ),
      });
    const at = now();
    const key = keyOf(contact);
    await throttle(key, ip, at);
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const expiresAt = new Date(at.getTime() + CODE_TTL_MS);
    // The hash binds the code to its row: a code never matches another row's hash.
    const row = { id: randomUUID() };
    await repo.insertCode(db, {
      ...row,
      destination: key,
      code_hash: digest(`${row.id}:${code}`),
      expires_at: expiresAt,
    });
    if (channel)
      await channel.send({
        id: `citizen-code-${row.id}`,
        to: key,
        ...renderCodeMessage(code, lang, kind),
        lang,
      });
    else deps.devMailbox!(key, code);
    return { channel: kind, expiresAt: expiresAt.toISOString() };
  }

  async function openSession(citizen: CitizenRow | Citizen, at: Date) {
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(24).toString('base64url');
    const maxAgeSeconds = deps.sessionHours * 3600;
    await repo.insertSession(db, {
      id_hash: digest(token),
      citizen_id: citizen.id,
      csrf_token: csrfToken,
      expires_at: new Date(at.getTime() + maxAgeSeconds * 1000),
    });
    await repo.touch(db, citizen.id, at);
    return { token, csrfToken, maxAgeSeconds };
  }

  /** Checks the code; the first sign-in of a new contact makes the account and needs the person's name. */
  async function verifyCode(body: { destination: string; code: string; fullName?: string | undefined }) {
    const contact = contactOf(body.destination);
    const key = keyOf(contact);
    const at = now();
    const wrong = () =>
      fail({
        kind: 'Invalid',
        field: '/body/code',
        detail: text(
          'Mã không đúng hoặc đã hết hạn; hãy yêu cầu mã mới',
          'Wrong or expired code; ask for a new one',
        ),
      });
    // The name is asked before the code is spent: a first sign-in without it keeps the code usable.
    const existing = await repo.byContact(db, contact);
    const fullName = body.fullName?.trim().normalize('NFC') ?? '';
    if (!existing && (fullName.length < 2 || fullName.length > 200))
      fail({
        kind: 'Invalid',
        field: '/body/fullName',
        detail: text('Nhập họ và tên để tạo tài khoản', 'Enter your full name to create the account'),
      });
    const ok = await db.transaction().execute(async (trx) => {
      const live = await repo.liveCode(trx, key, at);
      if (!live || live.attempts >= MAX_TRIES) return false;
      const expected = Buffer.from(live.code_hash, 'hex');
      const given = Buffer.from(digest(`${live.id}:${body.code.trim()}`), 'hex');
      if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
        await repo.countAttempt(trx, live.id);
        return false;
      }
      await repo.useCode(trx, live.id, at);
      return true;
    });
    if (!ok) return wrong();
    const citizen =
      existing ??
      (await repo.insert(db, {
        full_name: fullName,
        email: 'email' in contact ? contact.email : null,
        phone: 'phone' in contact ? contact.phone : null,
        oidc_issuer: null,
        oidc_subject: null,
      }));
    return { citizen: toCitizen(citizen), ...(await openSession(citizen, at)) };
  }

  /** An identity from the OIDC provider: its account, made on first sign-in; a verified e-mail is kept. */
  async function signInWithOidc(identity: OidcIdentity) {
    const at = now();
    let citizen = await repo.bySubject(db, identity.issuer, identity.subject);
    if (!citizen) {
      const email = identity.email && identity.emailVerified ? identity.email.toLowerCase() : null;
      const phone =
        identity.phone && identity.phoneVerified ? (normalizeVnMobile(identity.phone) ?? null) : null;
      // A contact already on another account stays there: accounts are never merged silently.
      const taken = await repo.byContact(db, {
        ...(email ? { email } : {}),
        ...(phone && !email ? { phone } : {}),
      });
      citizen = await repo.insert(db, {
        full_name: (identity.name ?? '').trim().normalize('NFC') || 'Công dân',
        email: taken ? null : email,
        phone: taken ? null : phone,
        oidc_issuer: identity.issuer,
        oidc_subject: identity.subject,
      });
    }
    return { citizen: toCitizen(citizen), ...(await openSession(citizen, at)) };
  }

  async function authenticate(token: string) {
    const row = await repo.session(db, digest(token), now());
    return row
      ? { citizen: toCitizen(row), csrfToken: row.csrf_token, sessionHash: digest(token) }
      : undefined;
  }

  const logout = (sessionHash: string) => repo.deleteSession(db, sessionHash);

  return {
    requestCode,
    verifyCode,
    signInWithOidc,
    authenticate,
    logout,
    purge: () => repo.purge(db, now()),
  };
}

export type CitizensService = ReturnType<typeof createCitizensService>;
