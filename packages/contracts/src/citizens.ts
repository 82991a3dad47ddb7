import { Type, type Static } from 'typebox';
import { IsoDateTime, Uuid } from './common.ts';

/** The citizen portal's accounts (issue 5): one-time codes by e-mail or SMS, and OpenID Connect. */

export const CodeRequestBody = Type.Object(
  {
    /** An e-mail address or a Vietnamese mobile number (0912…, +84912…). */
    destination: Type.String({ minLength: 5, maxLength: 200 }),
    /** The language of the message with the code: the one the citizen reads the portal in. */
    lang: Type.Optional(Type.Enum(['vi', 'en'], { default: 'vi' })),
  },
  { additionalProperties: false },
);
export const CodeSent = Type.Object({ channel: Type.Enum(['email', 'sms']), expiresAt: IsoDateTime });

export const CodeSignInBody = Type.Object(
  {
    destination: Type.String({ minLength: 5, maxLength: 200 }),
    code: Type.String({ pattern: '^\\s*[0-9]{6}\\s*$' }),
    /** Needed the first time: the account is made with this name. */
    fullName: Type.Optional(Type.String({ minLength: 2, maxLength: 200 })),
  },
  { additionalProperties: false },
);

export const CitizenProfile = Type.Object({
  id: Uuid,
  fullName: Type.String(),
  email: Type.Union([Type.String(), Type.Null()]),
  phone: Type.Union([Type.String(), Type.Null()]),
  viaOidc: Type.Boolean(),
});
export const CitizenSession = Type.Object({ citizen: CitizenProfile, csrfToken: Type.String() });
export type CitizenSession = Static<typeof CitizenSession>;

export const CitizenApplication = Type.Object({
  id: Uuid,
  code: Type.String(),
  lookupKey: Type.String(),
  procedureCode: Type.String(),
  procedureName: Type.String(),
  portalStatus: Type.Integer({ minimum: 1, maximum: 10 }),
  status: Type.Object({ vi: Type.String(), en: Type.String() }),
  receivedAt: Type.Union([IsoDateTime, Type.Null()]),
  dueAt: Type.Union([IsoDateTime, Type.Null()]),
  finishedAt: Type.Union([IsoDateTime, Type.Null()]),
});
export const CitizenApplicationList = Type.Object({ items: Type.Array(CitizenApplication) });
