import { Type, type Static } from 'typebox';
import { RoleName } from './auth.ts';
import { Uuid } from './common.ts';

export const RoleAssignment = Type.Object({ role: RoleName, unitId: Uuid });

export const User = Type.Object({
  id: Uuid,
  username: Type.String(),
  fullName: Type.String(),
  unitId: Uuid,
  active: Type.Boolean(),
  roles: Type.Array(RoleAssignment),
  /** Work e-mail: reminders are also e-mailed there when the server sends e-mail. */
  email: Type.Union([Type.String(), Type.Null()]),
});
export type User = Static<typeof User>;
export const UserList = Type.Object({ items: Type.Array(User) });

export const UserCreateBody = Type.Object(
  {
    username: Type.String({ pattern: '^[a-z0-9._-]{3,64}$' }),
    fullName: Type.String({ minLength: 2, maxLength: 200 }),
    unitId: Uuid,
    password: Type.String({ minLength: 10, maxLength: 256 }),
    roles: Type.Array(RoleAssignment, { minItems: 1, maxItems: 20 }),
    /** Optional work e-mail for deadline reminders and the overdue digest (checked by the server: 422). */
    email: Type.Optional(Type.String({ minLength: 3, maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type UserCreateBody = Static<typeof UserCreateBody>;
export const UserListQuery = Type.Object({ unitId: Type.Optional(Uuid) }, { additionalProperties: false });
