import type { Kysely } from 'kysely';
import type { UserCreateBody } from '@motcua/contracts/users';
import { fail, text } from '@motcua/domain/errors';
import { can } from '@motcua/domain/permissions/access';
import type { Database } from '../../db/schema.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { byActor, type Actor } from '../actor.ts';
import { hashPassword } from '../auth/password.ts';
import { maskEmail } from '../delivery/channels.ts';
import type { UnitsService } from '../units/units.service.ts';
import { usersRepository as repo } from './users.repository.ts';

/** The same shape as the database check on users.email (migration 0013). */
const EMAIL = /^[^\s@<>()",;]+@[^\s@<>()",;]+\.[^\s@<>()",;]+$/;

/** A work e-mail, trimmed and lower-cased, or a 422 naming the field (never the database's 500). */
export function staffEmailOf(value: string | undefined): string | null {
  if (value === undefined || value.trim() === '') return null;
  const email = value.trim().normalize('NFC').toLowerCase();
  if (EMAIL.test(email) && email.length <= 200) return email;
  return fail({
    kind: 'Invalid',
    field: '/body/email',
    detail: text('Địa chỉ e-mail không hợp lệ', 'Not a valid e-mail address'),
  });
}

export function createUsersService(deps: { db: Kysely<Database>; units: UnitsService }) {
  const { db, units } = deps;

  async function list(actor: Actor, query: { unitId?: string | undefined }) {
    const { tree } = await units.loadTree();
    const all = await repo.list(db);
    const items = all.filter((user) => {
      if (query.unitId !== undefined && user.unitId !== query.unitId) return false;
      return can(actor.grants, 'users.read', tree.pathTo(user.unitId) ?? []);
    });
    return { items };
  }

  async function create(actor: Actor, body: UserCreateBody) {
    const home = await units.authorize(actor.grants, 'users.manage', body.unitId);
    // No one grants a role where they could not manage users themselves (no privilege escalation).
    for (const role of body.roles) await units.authorize(actor.grants, 'users.manage', role.unitId);
    const email = staffEmailOf(body.email);
    const passwordHash = await hashPassword(body.password);
    return db.transaction().execute(async (trx) => {
      if (await repo.usernameTaken(trx, body.username)) {
        fail({
          kind: 'Conflict',
          entity: 'user',
          field: '/body/username',
          detail: text(
            `Tên đăng nhập ${body.username} đã có người dùng`,
            `User name ${body.username} is taken`,
          ),
        });
      }
      const id = await repo.insert(
        trx,
        {
          username: body.username,
          fullName: body.fullName.normalize('NFC'),
          unitId: body.unitId,
          passwordHash,
          isDemo: false,
          mustChangePassword: true,
          email,
        },
        body.roles,
      );
      await appendAudit(trx, {
        ...byActor(actor),
        provinceCode: home.provinceCode,
        action: 'user.created',
        targetType: 'user',
        targetId: id,
        // The audit chain is read widely: the address only masked, like every log.
        details: {
          username: body.username,
          roles: body.roles,
          ...(email ? { email: maskEmail(email) } : {}),
        },
      });
      return {
        id,
        username: body.username,
        fullName: body.fullName.normalize('NFC'),
        unitId: body.unitId,
        active: true,
        roles: body.roles,
        email,
      };
    });
  }

  return { list, create };
}

export type UsersService = ReturnType<typeof createUsersService>;
