import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { toGrants } from '../actor.ts';

type Db = Kysely<Database> | Transaction<Database>;

export const usersRepository = {
  async list(db: Db) {
    const users = await db
      .selectFrom('users')
      .select(['id', 'username', 'full_name', 'unit_id', 'active', 'email'])
      .orderBy('username')
      .execute();
    const roles = await db.selectFrom('user_roles').select(['user_id', 'role', 'unit_id']).execute();
    return users.map((u) => ({
      id: u.id,
      username: u.username,
      fullName: u.full_name,
      unitId: u.unit_id,
      active: u.active,
      roles: toGrants(
        roles.filter((r) => r.user_id === u.id).map((r) => ({ role: r.role, unitId: r.unit_id })),
      ),
      email: u.email,
    }));
  },

  async usernameTaken(db: Db, username: string): Promise<boolean> {
    return (
      (await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst()) !==
      undefined
    );
  },

  async insert(
    db: Db,
    user: {
      username: string;
      fullName: string;
      unitId: string;
      passwordHash: string;
      isDemo: boolean;
      mustChangePassword: boolean;
      email?: string | null;
    },
    roles: { role: string; unitId: string }[],
  ): Promise<string> {
    const row = await db
      .insertInto('users')
      .values({
        username: user.username,
        full_name: user.fullName,
        unit_id: user.unitId,
        password_hash: user.passwordHash,
        is_demo: user.isDemo,
        must_change_password: user.mustChangePassword,
        email: user.email ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('user_roles')
      .values(roles.map((r) => ({ user_id: row.id, role: r.role, unit_id: r.unitId })))
      .onConflict((oc) => oc.doNothing())
      .execute();
    return row.id;
  },

  async countActiveDemoUsers(db: Db): Promise<number> {
    const row = await db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('is_demo', '=', true)
      .where('active', '=', true)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },
};
