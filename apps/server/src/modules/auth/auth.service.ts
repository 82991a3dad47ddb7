import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { fail, text } from '@motcua/domain/errors';
import { roleReach } from '@motcua/domain/permissions/roles';
import type { Database } from '../../db/schema.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { byActor, toGrants, type Actor } from '../actor.ts';
import { authRepository as repo, type UserWithGrants } from './auth.repository.ts';
import { DUMMY_HASH, hashPassword, verifyPassword } from './password.ts';

export interface AuthSettings {
  sessionHours: number;
  loginMaxFailures: number;
  loginWindowMinutes: number;
}

const digest = (value: string) => createHash('sha256').update(value).digest('hex');
const TOKEN_PREFIX = 'mct_';
// A client address may fail more often than one user name (several officers behind one office NAT).
const IP_FACTOR = 4;

export function toMe(user: UserWithGrants) {
  return {
    id: user.id,
    username: user.username,
    fullName: user.fullName,
    unitId: user.unitId,
    unitName: user.unitName,
    mustChangePassword: user.mustChangePassword,
    roles: user.grants.flatMap((g) =>
      toGrants([g]).map((grant) => ({
        ...grant,
        unitName: g.unitName,
        includesSubunits: roleReach(grant.role) === 'subtree',
      })),
    ),
  };
}

function actorOf(user: UserWithGrants, requestId: string, via: Actor['via'], sessionHash?: string): Actor {
  return {
    userId: user.id,
    username: user.username,
    unitId: user.unitId,
    provinceCode: user.provinceCode,
    grants: toGrants(user.grants),
    requestId,
    via,
    ...(sessionHash ? { sessionHash } : {}),
  };
}

export function createAuthService(deps: {
  db: Kysely<Database>;
  settings: AuthSettings;
  clock?: () => Date;
}) {
  const { db, settings } = deps;
  const now = deps.clock ?? (() => new Date());

  async function login(input: { username: string; password: string; ip: string; requestId: string }) {
    const at = now();
    const username = input.username.trim().toLowerCase();
    const keys = [`user:${username}`, `ip:${input.ip}`];
    const windowStart = new Date(at.getTime() - settings.loginWindowMinutes * 60_000);
    const failures = await repo.countRecentFailures(db, keys, windowStart);
    for (const [key, limit] of [
      [keys[0]!, settings.loginMaxFailures],
      [keys[1]!, settings.loginMaxFailures * IP_FACTOR],
    ] as const) {
      const seen = failures.get(key);
      if (seen && seen.count >= limit) {
        const retryAfterSeconds = Math.max(
          1,
          Math.ceil((seen.oldest.getTime() + settings.loginWindowMinutes * 60_000 - at.getTime()) / 1000),
        );
        fail({ kind: 'TooManyAttempts', retryAfterSeconds });
      }
    }
    const user = await repo.findUserByUsername(db, username);
    const passwordOk = await verifyPassword(input.password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !passwordOk || !user.active) {
      await db.transaction().execute(async (trx) => {
        await repo.recordFailures(trx, keys, at);
        await appendAudit(
          trx,
          {
            provinceCode: user?.provinceCode ?? '00',
            actorId: null,
            actorUnitId: null,
            action: 'auth.login_failed',
            targetType: 'user',
            targetId: user?.id ?? null,
            requestId: input.requestId,
            details: { username, ip: input.ip },
          },
          at,
        );
      });
      fail({ kind: 'InvalidCredentials' });
    }
    const sessionToken = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(24).toString('base64url');
    await db.transaction().execute(async (trx) => {
      await repo.clearFailures(trx, keys[0]!);
      await repo.insertSession(trx, {
        idHash: digest(sessionToken),
        userId: user.id,
        csrfToken,
        expiresAt: new Date(at.getTime() + settings.sessionHours * 3_600_000),
        ip: input.ip,
      });
      await appendAudit(
        trx,
        {
          provinceCode: user.provinceCode,
          actorId: user.id,
          actorUnitId: user.unitId,
          action: 'auth.login',
          targetType: 'session',
          targetId: null,
          requestId: input.requestId,
          details: { ip: input.ip },
        },
        at,
      );
    });
    return { sessionToken, csrfToken, user: toMe(user), maxAgeSeconds: settings.sessionHours * 3600 };
  }

  async function authenticateSession(sessionToken: string, requestId: string) {
    const found = await repo.findSessionUser(db, digest(sessionToken), now());
    if (!found || !found.user.active) return undefined;
    return { actor: actorOf(found.user, requestId, 'session', found.idHash), csrfToken: found.csrfToken };
  }

  async function authenticateToken(bearer: string, requestId: string): Promise<Actor | undefined> {
    if (!bearer.startsWith(TOKEN_PREFIX)) return undefined;
    const token = await repo.findToken(db, digest(bearer), now());
    if (!token) return undefined;
    const user = await repo.findUserById(db, token.user_id);
    if (!user || !user.active) return undefined;
    // Bookkeeping only, not a business state change: no audit record for each use.
    await repo.touchToken(db, token.id, now());
    return actorOf(user, requestId, 'token');
  }

  async function me(actor: Actor, csrfToken: string) {
    const user = await repo.findUserById(db, actor.userId);
    if (!user) fail({ kind: 'Unauthenticated' });
    return { user: toMe(user), csrfToken };
  }

  async function logout(actor: Actor) {
    await db.transaction().execute(async (trx) => {
      if (actor.sessionHash) await repo.deleteSession(trx, actor.sessionHash);
      await appendAudit(trx, {
        ...byActor(actor),
        action: 'auth.logout',
        targetType: 'session',
        targetId: null,
      });
    });
  }

  async function changePassword(actor: Actor, input: { currentPassword: string; newPassword: string }) {
    const user = await repo.findUserById(db, actor.userId);
    if (!user || !(await verifyPassword(input.currentPassword, user.passwordHash))) {
      fail({
        kind: 'Invalid',
        field: '/body/currentPassword',
        detail: text('Mật khẩu hiện tại không đúng', 'The current password is wrong'),
      });
    }
    if (input.newPassword === input.currentPassword) {
      fail({
        kind: 'Invalid',
        field: '/body/newPassword',
        detail: text(
          'Mật khẩu mới phải khác mật khẩu hiện tại',
          'The new password must differ from the current one',
        ),
      });
    }
    const passwordHash = await hashPassword(input.newPassword);
    await db.transaction().execute(async (trx) => {
      await repo.setPassword(trx, actor.userId, passwordHash, now());
      // Other sessions of this user end: whoever knew the old password is signed out.
      await repo.deleteUserSessions(trx, actor.userId, actor.sessionHash);
      await appendAudit(trx, {
        ...byActor(actor),
        action: 'auth.password_changed',
        targetType: 'user',
        targetId: actor.userId,
      });
    });
  }

  async function createToken(actor: Actor, input: { name: string; expiresInDays?: number | undefined }) {
    const secret = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
    const expiresAt = input.expiresInDays
      ? new Date(now().getTime() + input.expiresInDays * 86_400_000)
      : null;
    const row = await db.transaction().execute(async (trx) => {
      const inserted = await repo.insertToken(trx, {
        userId: actor.userId,
        name: input.name,
        secretHash: digest(secret),
        expiresAt,
      });
      await appendAudit(trx, {
        ...byActor(actor),
        action: 'token.created',
        targetType: 'api_token',
        targetId: inserted.id,
        details: { name: input.name },
      });
      return inserted;
    });
    return { token: tokenInfo(row), secret };
  }

  async function listTokens(actor: Actor) {
    return { items: (await repo.listTokens(db, actor.userId)).map(tokenInfo) };
  }

  async function revokeToken(actor: Actor, id: string) {
    await db.transaction().execute(async (trx) => {
      if (!(await repo.revokeToken(trx, actor.userId, id, now())))
        fail({ kind: 'NotFound', entity: 'api_token', id });
      await appendAudit(trx, {
        ...byActor(actor),
        action: 'token.revoked',
        targetType: 'api_token',
        targetId: id,
      });
    });
  }

  async function purgeExpired() {
    const at = now();
    await repo.purgeSessions(db, at);
    await repo.purgeFailures(db, new Date(at.getTime() - settings.loginWindowMinutes * 60_000));
  }

  return {
    login,
    authenticateSession,
    authenticateToken,
    me,
    logout,
    changePassword,
    createToken,
    listTokens,
    revokeToken,
    purgeExpired,
  };
}

export type AuthService = ReturnType<typeof createAuthService>;

function tokenInfo(row: {
  id: string;
  name: string;
  created_at: Date;
  expires_at: Date | null;
  last_used_at: Date | null;
}) {
  return {
    id: row.id,
    name: row.name,
    createdAt: row.created_at.toISOString(),
    expiresAt: row.expires_at ? row.expires_at.toISOString() : null,
    lastUsedAt: row.last_used_at ? row.last_used_at.toISOString() : null,
  };
}
