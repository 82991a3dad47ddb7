import { Type, type Static } from 'typebox';
import { ACTIONS, NOTES } from '@motcua/domain/workflow/transitions';
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
    /** received (Mẫu 01, the default); supplement_requested: guided once in writing (Mẫu 02); refused (Mẫu 03). */
    outcome: Type.Optional(Type.Enum(['received', 'supplement_requested', 'refused'])),
    /** Required unless received: why the file is incomplete or refused. */
    reason: Type.Optional(Type.String({ maxLength: 2000 })),
    /** Mẫu 02: what the applicant must add or complete. */
    missingDocuments: Type.Optional(Type.Array(SubmittedDocument, { maxItems: 50 })),
  },
  { additionalProperties: false },
);
export type IntakeBody = Static<typeof IntakeBody>;

/** A workflow step, or a note that records a fact without moving the file (an apology, a remark). */
export const ActionName = Type.Enum([...ACTIONS, ...NOTES]);

export const ActionBody = Type.Object(
  {
    action: ActionName,
    /** The version the officer saw; a mismatch means someone acted first (409). */
    version: Type.Integer({ minimum: 1 }),
    reason: Type.Optional(Type.String({ maxLength: 2000 })),
    approverId: Type.Optional(Uuid),
    assigneeId: Type.Optional(Uuid),
    decidingUnitId: Type.Optional(Uuid),
    channel: Type.Optional(ReturnChannel),
    trackingNumber: Type.Optional(Type.String({ minLength: 4, maxLength: 40 })),
    agency: Type.Optional(Type.String({ maxLength: 300 })),
    /** Liên thông: the other agency's share of the legal time, in working days. */
    budgetDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 60 })),
    /** Mẫu 04: the new appointment day (its closing hour is the new time). */
    newAppointmentDate: Type.Optional(IsoDate),
    /** Mẫu 02: the documents to add or complete. */
    documents: Type.Optional(Type.Array(SubmittedDocument, { maxItems: 50 })),
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
  /** The decree and form the step follows, under the file's legal regime. */
  legalBasis: Type.Union([Type.String(), Type.Null()]),
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
  /** The appointment printed on the slip, before pauses and apologies moved it. */
  originalDueAt: Type.Union([IsoDateTime, Type.Null()]),
  /** While with another agency (liên thông): when its share of the time ends. */
  stepDueAt: Type.Union([IsoDateTime, Type.Null()]),
  finishedAt: Type.Union([IsoDateTime, Type.Null()]),
  /** Trước hạn / đúng hạn / trễ hạn once processing ended, else trong hạn / quá hạn (vn-rules.md §1.7). */
  deadline: Type.Union([
    Type.Object({
      status: Type.Enum(['early', 'on_time', 'late', 'within_time', 'overdue']),
      reason: Type.Enum(['after_appointment', 'second_supplement', 'by_appointment', 'apology']),
    }),
    Type.Null(),
  ]),
  /** Time the applicant had the next move (supplement requests), in milliseconds; on a single file only. */
  pausedMs: Type.Optional(Type.Integer({ minimum: 0 })),
  supplementRequests: Type.Integer(),
  apologies: Type.Integer(),
  countsAsLate: Type.Boolean(),
  version: Type.Integer(),
  /** What this officer may do now: the state allows it and their role and unit fit. */
  allowedActions: Type.Array(ActionName),
  /** Mẫu 04 must be issued by then (absent when no apology is possible). */
  apologyLatestAt: Type.Optional(IsoDateTime),
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
    /** Return desk / postal log: files whose result goes back by this channel, or received through it. */
    channel: Type.Optional(Type.Enum(['counter', 'postal'])),
    mine: Type.Optional(Type.Boolean()),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
  },
  { additionalProperties: false },
);

/** Officers a file can be given to (assignee) or approved by (leader). */
export const AssigneeList = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Uuid,
      fullName: Type.String(),
      roles: Type.Array(Type.Enum(['specialist', 'leader'])),
    }),
  ),
});

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
  /** Electronic results with digital signatures, downloadable with the same code and key. */
  results: Type.Array(
    Type.Object({
      n: Type.Integer({ minimum: 1 }),
      resultCode: Type.String(),
      kind: Type.String(),
      title: Type.String(),
      sealedAt: IsoDateTime,
    }),
  ),
});
