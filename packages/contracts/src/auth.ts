import { Type, type Static } from 'typebox';
import { ROLES } from '@motcua/domain/permissions/roles';
import { IsoDateTime, Uuid } from './common.ts';

export const RoleName = Type.Enum(ROLES);

export const LoginBody = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 64 }),
    password: Type.String({ minLength: 1, maxLength: 256 }),
  },
  { additionalProperties: false },
);
export type LoginBody = Static<typeof LoginBody>;

export const RoleGrant = Type.Object({
  role: RoleName,
  unitId: Uuid,
  unitName: Type.String(),
  includesSubunits: Type.Boolean(),
});

export const Me = Type.Object({
  id: Uuid,
  username: Type.String(),
  fullName: Type.String(),
  unitId: Uuid,
  unitName: Type.String(),
  roles: Type.Array(RoleGrant),
  mustChangePassword: Type.Boolean(),
});
export type Me = Static<typeof Me>;

export const SessionResponse = Type.Object({ user: Me, csrfToken: Type.String() });
export type SessionResponse = Static<typeof SessionResponse>;

export const PasswordChangeBody = Type.Object(
  {
    currentPassword: Type.String({ minLength: 1, maxLength: 256 }),
    newPassword: Type.String({ minLength: 10, maxLength: 256 }),
  },
  { additionalProperties: false },
);
export type PasswordChangeBody = Static<typeof PasswordChangeBody>;

export const TokenCreateBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    expiresInDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 730 })),
  },
  { additionalProperties: false },
);
export const TokenInfo = Type.Object({
  id: Uuid,
  name: Type.String(),
  createdAt: IsoDateTime,
  expiresAt: Type.Union([IsoDateTime, Type.Null()]),
  lastUsedAt: Type.Union([IsoDateTime, Type.Null()]),
});
export const TokenCreated = Type.Object({ token: TokenInfo, secret: Type.String() });
export const TokenList = Type.Object({ items: Type.Array(TokenInfo) });
