import { Type, type Static } from 'typebox';
import { FIELD_TYPES } from '@motcua/domain/online/fields';
import { IsoDateTime, Uuid } from './common.ts';

/** Online filing (issue 5): a procedure's form as data, the citizen's filings and supplements. */
const Label = Type.Object({ vi: Type.String({ minLength: 1 }), en: Type.String({ minLength: 1 }) });

export const FormFieldDef = Type.Object(
  {
    key: Type.String({ pattern: '^[a-z][a-z0-9_]{0,39}$' }),
    label: Label,
    type: Type.Enum(FIELD_TYPES),
    required: Type.Boolean(),
    maxLength: Type.Optional(Type.Integer({ minimum: 1, maximum: 5000 })),
    options: Type.Optional(
      Type.Array(Type.Object({ value: Type.String({ minLength: 1, maxLength: 100 }), label: Label }), {
        maxItems: 100,
      }),
    ),
    notAfter: Type.Optional(Type.Literal('today')),
    help: Type.Optional(Label),
  },
  { additionalProperties: false },
);

export const UploadSlotDef = Type.Object(
  {
    name: Type.String({ minLength: 2, maxLength: 300 }),
    required: Type.Boolean(),
    note: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);

export const OnlineFormBody = Type.Object(
  {
    fields: Type.Array(FormFieldDef, { maxItems: 60 }),
    uploads: Type.Array(UploadSlotDef, { minItems: 1, maxItems: 10 }),
    source: Type.String({ minLength: 3, maxLength: 500 }),
  },
  { additionalProperties: false },
);
export type OnlineFormBody = Static<typeof OnlineFormBody>;

export const OnlineFormView = Type.Object({
  procedureCode: Type.String(),
  procedureName: Type.String(),
  onlineLevel: Type.Enum(['partial', 'full']),
  applicantFields: Type.Array(FormFieldDef),
  fields: Type.Array(FormFieldDef),
  uploads: Type.Array(UploadSlotDef),
  source: Type.String(),
  returnChannels: Type.Array(Type.Enum(['counter', 'post', 'online'])),
  units: Type.Array(Type.Object({ id: Uuid, name: Type.String() })),
});

export const Filed = Type.Object({ id: Uuid, code: Type.String(), lookupKey: Type.String() });

const TextPair = Type.Object({ vi: Type.String(), en: Type.String() });
export const CitizenFile = Type.Object({
  id: Uuid,
  code: Type.String(),
  procedureCode: Type.String(),
  procedureName: Type.String(),
  state: Type.String(),
  portalStatus: Type.Integer({ minimum: 1, maximum: 10 }),
  status: TextPair,
  submittedAt: IsoDateTime,
  receivedAt: Type.Union([IsoDateTime, Type.Null()]),
  dueAt: Type.Union([IsoDateTime, Type.Null()]),
  nextStep: TextPair,
  waitingForMe: Type.Boolean(),
  rateable: Type.Boolean(),
  version: Type.Integer(),
  lookupKey: Type.String(),
  returnChannel: Type.Union([Type.String(), Type.Null()]),
  unitName: Type.String(),
  form: Type.Unknown(),
  steps: Type.Array(
    Type.Object({
      at: IsoDateTime,
      action: Type.String(),
      label: TextPair,
      reason: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
  documents: Type.Array(
    Type.Object({
      position: Type.Integer(),
      name: Type.String(),
      fileName: Type.String(),
      mediaType: Type.String(),
      size: Type.Integer(),
    }),
  ),
  requested: Type.Array(Type.String()),
  results: Type.Array(
    Type.Object({
      n: Type.Integer(),
      resultCode: Type.String(),
      kind: Type.String(),
      title: Type.String(),
      sealedAt: IsoDateTime,
    }),
  ),
  ratingUrl: Type.Union([Type.String(), Type.Null()]),
});
