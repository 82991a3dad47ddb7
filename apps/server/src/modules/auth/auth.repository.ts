import type { Kysely, Transaction } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Database } from '../../db/schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface UserWithGrants {
  id: string;
  username: string;
  fullName: string;
  unitId: string;
  unitName: string;
  provinceCode: string;
  passwordHash: string;
  mustChangePassword: boolean;
  active: boolean;
  grants: { role: string; unitId: string; unitName: string }[];
}

/** The user, their unit and all their grants, as one statement (it runs on every request). */
function userQuery(db: Db) {
  return db
    .selectFrom('users')
    .innerJoin('units', 'units.id', 'users.unit_id')
    .select((eb) => [
      'users.id',
      'users.username',
      'users.full_name',
      'users.unit_id',
      'units.name as unit_name',
      'units.province_code',
      'users.password_hash',
      'users.must_change_password',
      'users.active',
      jsonArrayFrom(
        eb
          .selectFrom('user_roles')
          .innerJoin('units as gu', 'gu.id', 'user_roles.unit_id')
          .select(['user_roles.role', 'user_roles.unit_id', 'gu.name'])
          .whereRef('user_roles.user_id', '=', 'users.id')
          .orderBy('user_roles.role')
          .orderBy('user_roles.unit_id'),
      ).as('grants'),
    ]);
}

type UserRow = NonNullable<Awaited<ReturnType<ReturnType<typeof userQuery>['executeTakeFirst']>>>;

function toUser(user: UserRow): UserWithGrants {
  return {
    id: user.id,
    username: user.username,
    fullName: user.full_name,
    unitId: user.unit_id,
    unitName: user.unit_name,
    provinceCode: user.province_code,
    passwordHash: user.password_hash,
    mustChangePassword: user.must_change_password,
    active: user.active,
    grants: user.grants.map((g) => ({ role: g.role, unitId: g.unit_id, unitName: g.name })),
  };
}

async function withGrants(db: Db, userId: string): Promise<UserWithGrants | undefined> {
  const user = await userQuery(db).where('users.id', '=', userId).executeTakeFirst();
  return user && toUser(user);
}

export const authRepository = {
  findUserById: withGrants,

  async findUserByUsername(db: Db, username: string): Promise<UserWithGrants | undefined> {
    const row = await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
    return row ? withGrants(db, row.id) : undefined;
  },

  async countRecentFailures(
    db: Db,
    keys: string[],
    since: Date,
  ): Promise<Map<string, { count: number; oldest: Date }>> {
    const rows = await db
      .selectFrom('login_failures')
      .select(['key', (eb) => eb.fn.countAll<number>().as('count'), (eb) => eb.fn.min('at').as('oldest')])
      .where('key', 'in', keys)
      .where('at', '>', since)
      .groupBy('key')
      .execute();
    return new Map(rows.map((r) => [r.key, { count: Number(r.count), oldest: new Date(r.oldest) }]));
  },

  async recordFailures(db: Db, keys: string[], at: Date): Promise<void> {
    await db
      .insertInto('login_failures')
      .values(keys.map((key) => ({ key, at })))
      .execute();
  },

  async clearFailures(db: Db, key: string): Promise<void> {
    await db.deleteFrom('login_failures').where('key', '=', key).execute();
  },

  async purgeFailures(db: Db, before: Date): Promise<void> {
    await db.deleteFrom('login_failures').where('at', '<', before).execute();
  },

  async insertSession(
    db: Db,
    session: { idHash: string; userId: string; csrfToken: string; expiresAt: Date; ip: string },
  ) {
    await db
      .insertInto('sessions')
      .values({
        id_hash: session.idHash,
        user_id: session.userId,
        csrf_token: session.csrfToken,
        expires_at: session.expiresAt,
        ip: session.ip,
      })
      .execute();
  },

  /** A live session and its user with grants, in one round trip. */
  async findSessionUser(db: Db, idHash: string, now: Date) {
    const row = await userQuery(db)
      .innerJoin('sessions', 'sessions.user_id', 'users.id')
      .select(['sessions.id_hash', 'sessions.csrf_token'])
      .where('sessions.id_hash', '=', idHash)
      .where('sessions.expires_at', '>', now)
      .executeTakeFirst();
    return row && { user: toUser(row), idHash: row.id_hash, csrfToken: row.csrf_token };
  },

  async deleteSession(db: Db, idHash: string): Promise<void> {
    await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
  },

  async deleteUserSessions(db: Db, userId: string, exceptIdHash?: string): Promise<void> {
    let query = db.deleteFrom('sessions').where('user_id', '=', userId);
    if (exceptIdHash) query = query.where('id_hash', '<>', exceptIdHash);
    await query.execute();
  },

  async purgeSessions(db: Db, now: Date): Promise<void> {
    await db.deleteFrom('sessions').where('expires_at', '<', now).execute();
  },

  async setPassword(db: Db, userId: string, passwordHash: string, at: Date): Promise<void> {
    await db
      .updateTable('users')
      .set({
        password_hash: passwordHash,
        password_changed_at: at,
        must_change_password: false,
        is_demo: false,
      })
      .where('id', '=', userId)
      .execute();
  },

  async insertToken(
    db: Db,
    token: { userId: string; name: string; secretHash: string; expiresAt: Date | null },
  ) {
    return db
      .insertInto('api_tokens')
      .values({
        user_id: token.userId,
        name: token.name,
        secret_hash: token.secretHash,
        expires_at: token.expiresAt,
      })
      .returning(['id', 'name', 'created_at', 'expires_at', 'last_used_at'])
      .executeTakeFirstOrThrow();
  },

  async findToken(db: Db, secretHash: string, now: Date) {
    return db
      .selectFrom('api_tokens')
      .select(['id', 'user_id'])
      .where('secret_hash', '=', secretHash)
      .where('revoked_at', 'is', null)
      .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
      .executeTakeFirst();
  },

  async touchToken(db: Db, id: string, at: Date): Promise<void> {
    await db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
  },

  async listTokens(db: Db, userId: string) {
    return db
      .selectFrom('api_tokens')
      .select(['id', 'name', 'created_at', 'expires_at', 'last_used_at'])
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .orderBy('created_at', 'desc')
      .execute();
  },

  async revokeToken(db: Db, userId: string, id: string, at: Date): Promise<boolean> {
    const result = await db
      .updateTable('api_tokens')
      .set({ revoked_at: at })
      .where('id', '=', id)
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  },
};
