import { Type } from 'typebox';
import { IsoDateTime } from './common.ts';

export const AuditListQuery = Type.Object(
  {
    provinceCode: Type.Optional(Type.String({ pattern: '^[0-9]{2}$' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
    beforeSeq: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);

export const AuditEntry = Type.Object({
  provinceCode: Type.String(),
  seq: Type.Integer(),
  at: IsoDateTime,
  actorId: Type.Union([Type.String(), Type.Null()]),
  actorUnitId: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  targetType: Type.String(),
  targetId: Type.Union([Type.String(), Type.Null()]),
  requestId: Type.Union([Type.String(), Type.Null()]),
  details: Type.Unknown(),
  hash: Type.String(),
});
export const AuditList = Type.Object({ items: Type.Array(AuditEntry) });

export const AuditVerification = Type.Object({
  ok: Type.Boolean(),
  checked: Type.Integer(),
  firstBroken: Type.Optional(
    Type.Object({ provinceCode: Type.String(), seq: Type.Integer(), kind: Type.String() }),
  ),
});
