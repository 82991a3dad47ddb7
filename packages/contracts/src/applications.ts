import { Type, type Static } from 'typebox';
import { ACTIONS } from '@motcua/domain/workflow/transitions';
import { STATES } from '@motcua/domain/workflow/states';
import { IsoDate, IsoDateTime, Uuid } from './common.ts';

export const CopyType = Type.Enum(['original', 'certified_copy', 'photocopy']);
export const ReturnChannel = Type.Enum(['counter', 'post', 'online']);

export const Applicant = Type.Object(
  {
    kind: Type.Enum(['person', 'organisation']),
    fullName: Type.String({
      minLength: 2,
      maxLength: 200,
      description: 'Họ và tên (or the representative of an organisation)',
    }),
    // Số định danh cá nhân (căn cước): 12 digits.
    idNumber: Type.Optional(Type.String({ pattern: '^[0-9]{12}$' })),
    organisationName: Type.Optional(Type.String({ minLength: 2, maxLength: 300 })),
    taxCode: Type.Optional(Type.String({ pattern: '^[0-9]{10}(-[0-9]{3})?$' })),
    phone: Type.Optional(Type.String({ pattern: '^(\\+84|0)[0-9]{9,10}$' })),
    email: Type.Optional(Type.String({ format: 'email', maxLength: 200 })),
    address: Type.String({ minLength: 3, maxLength: 500 }),
  },
  { additionalProperties: false },
);

export const SubmittedDocument = Type.Object(
  {
    name: Type.String({ minLength: 2, maxLength: 300 }),
    copyType: CopyType,
    quantity: Type.Integer({ minimum: 1, maximum: 50 }),
  },
  { additionalProperties: false },
);

export const IntakeBody = Type.Object(
  {
    procedureCode: Type.String({ pattern: '^[0-9]\\.[0-9]{6}$' }),
    receivingUnitId: Uuid,
    channel: Type.Enum(['counter', 'postal']),
    applicant: Applicant,
    documents: Type.Array(SubmittedDocument, { maxItems: 50 }),
    feeAmount: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000_000 })),
    returnChannel: ReturnChannel,
    postal: Type.Optional(
      Type.Object(
        { trackingNumber: Type.String({ minLength: 4, maxLength: 40 }), receivedOn: IsoDate },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
export type IntakeBody = Static<typeof IntakeBody>;

export const ActionBody = Type.Object(
  {
    action: Type.Enum(ACTIONS),
    /** The version the officer saw; a mismatch means someone acted first (409). */
    version: Type.Integer({ minimum: 1 }),
    reason: Type.Optional(Type.String({ maxLength: 2000 })),
    approverId: Type.Optional(Uuid),
    assigneeId: Type.Optional(Uuid),
    decidingUnitId: Type.Optional(Uuid),
    channel: Type.Optional(ReturnChannel),
    trackingNumber: Type.Optional(Type.String({ minLength: 4, maxLength: 40 })),
    agency: Type.Optional(Type.String({ maxLength: 300 })),
  },
  { additionalProperties: false },
);
export type ActionBody = Static<typeof ActionBody>;

export const ApplicationEvent = Type.Object({
  seq: Type.Integer(),
  at: IsoDateTime,
  action: Type.String(),
  fromState: Type.Union([Type.Enum(STATES), Type.Null()]),
  toState: Type.Enum(STATES),
  actorId: Type.Union([Uuid, Type.Null()]),
  actorUnitId: Type.Union([Uuid, Type.Null()]),
  payload: Type.Unknown(),
});

export const Application = Type.Object({
  id: Uuid,
  code: Type.String(),
  lookupKey: Type.String(),
  procedureCode: Type.String(),
  legalRegime: Type.String(),
  receivingUnitId: Uuid,
  decidingUnitId: Type.Union([Uuid, Type.Null()]),
  assigneeId: Type.Union([Uuid, Type.Null()]),
  channel: Type.Integer({ minimum: 1, maximum: 3 }),
  state: Type.Enum(STATES),
  portalStatus: Type.Integer({ minimum: 1, maximum: 10 }),
  applicant: Type.Unknown(),
  documents: Type.Unknown(),
  feeAmount: Type.Union([Type.Integer(), Type.Null()]),
  returnChannel: Type.Union([ReturnChannel, Type.Null()]),
  receivedAt: Type.Union([IsoDateTime, Type.Null()]),
  dueAt: Type.Union([IsoDateTime, Type.Null()]),
  supplementRequests: Type.Integer(),
  apologies: Type.Integer(),
  countsAsLate: Type.Boolean(),
  version: Type.Integer(),
  allowedActions: Type.Array(Type.Enum(ACTIONS)),
});
export type Application = Static<typeof Application>;

export const ApplicationWithEvents = Type.Object({
  application: Application,
  events: Type.Array(ApplicationEvent),
});
export const ApplicationList = Type.Object({ items: Type.Array(Application) });
export const QueueQuery = Type.Object(
  {
    unitId: Uuid,
    state: Type.Optional(Type.Enum(STATES)),
    mine: Type.Optional(Type.Boolean()),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
  },
  { additionalProperties: false },
);

export const PublicLookupParams = Type.Object({ code: Type.String({ minLength: 8, maxLength: 60 }) });
export const PublicLookupQuery = Type.Object(
  { key: Type.String({ minLength: 4, maxLength: 12, description: 'Mã tra cứu printed on the slip' }) },
  { additionalProperties: false },
);

/** What anyone holding the slip may see: no personal data beyond a masked name. */
export const PublicApplication = Type.Object({
  code: Type.String(),
  procedureCode: Type.String(),
  procedureName: Type.String(),
  applicantName: Type.String(),
  portalStatus: Type.Integer({ minimum: 1, maximum: 10 }),
  status: Type.Object({ vi: Type.String(), en: Type.String() }),
  receivedAt: Type.Union([IsoDateTime, Type.Null()]),
  dueAt: Type.Union([IsoDateTime, Type.Null()]),
  finishedAt: Type.Union([IsoDateTime, Type.Null()]),
  steps: Type.Array(
    Type.Object({
      at: IsoDateTime,
      action: Type.String(),
      status: Type.Object({ vi: Type.String(), en: Type.String() }),
    }),
  ),
});
