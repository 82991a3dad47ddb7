import { Type, type Static } from 'typebox';
import { UNIT_KINDS } from '@motcua/domain/units/units';
import { IsoDate, Uuid } from './common.ts';

export const UnitKind = Type.Enum(UNIT_KINDS);

export const Unit = Type.Object({
  id: Uuid,
  code: Type.Union([Type.String(), Type.Null()]),
  name: Type.String(),
  nameEn: Type.Union([Type.String(), Type.Null()]),
  kind: UnitKind,
  parentId: Type.Union([Uuid, Type.Null()]),
  provinceCode: Type.String(),
  validFrom: Type.Union([IsoDate, Type.Null()]),
  validTo: Type.Union([IsoDate, Type.Null()]),
  predecessorIds: Type.Array(Uuid),
  successorIds: Type.Array(Uuid),
  source: Type.Union([Type.String(), Type.Null()]),
  /** Mã định danh điện tử, the first part of application codes (Circular 01/2018 art. 19). */
  identityCode: Type.Union([Type.String(), Type.Null()]),
});
export type Unit = Static<typeof Unit>;

export const UnitList = Type.Object({ items: Type.Array(Unit) });
export type UnitList = Static<typeof UnitList>;

export const UnitListQuery = Type.Object(
  {
    at: Type.Optional(IsoDate),
    kind: Type.Optional(UnitKind),
    parentId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);

export const UnitCreateBody = Type.Object(
  {
    code: Type.Optional(Type.String({ pattern: '^[0-9A-Za-z.\\-]{1,20}$' })),
    name: Type.String({ minLength: 2, maxLength: 200 }),
    nameEn: Type.Optional(Type.String({ minLength: 2, maxLength: 200 })),
    kind: UnitKind,
    parentId: Type.Optional(Uuid),
    provinceCode: Type.Optional(Type.String({ pattern: '^[0-9]{2}$' })),
    validFrom: Type.Optional(IsoDate),
    validTo: Type.Optional(IsoDate),
    predecessorIds: Type.Optional(Type.Array(Uuid, { maxItems: 50 })),
    source: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type UnitCreateBody = Static<typeof UnitCreateBody>;

export const UnitUpdateBody = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 2, maxLength: 200 })),
    nameEn: Type.Optional(Type.String({ minLength: 2, maxLength: 200 })),
    validTo: Type.Optional(Type.Union([IsoDate, Type.Null()])),
    source: Type.Optional(Type.String({ maxLength: 500 })),
    identityCode: Type.Optional(
      Type.String({ pattern: '^[0-9A-Z]{3}\\.[0-9A-Z]{2}\\.[0-9A-Z]{2}\\.[A-Z][0-9A-Z]{2}$' }),
    ),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UnitUpdateBody = Static<typeof UnitUpdateBody>;
