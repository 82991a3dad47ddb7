import { Type, type Static } from 'typebox';
import { IsoDate, IsoDateTime, Uuid } from './common.ts';

/** Results, digital signatures, verification and the outgoing-documents register (Decrees 30/2020, 45/2020). */

export const DocumentSymbol = Type.String({
  pattern: '^[A-ZĐ0-9][A-ZĐ0-9.-]{0,29}$',
  description: 'Ký hiệu văn bản, e.g. QĐ-UBND',
});

export const ResultDraftBody = Type.Object(
  {
    /** Tên loại văn bản: QUYẾT ĐỊNH, GIẤY XÁC NHẬN, … */
    kind: Type.String({ minLength: 2, maxLength: 60 }),
    /** Trích yếu. */
    title: Type.String({ minLength: 5, maxLength: 300 }),
    body: Type.Array(Type.String({ minLength: 1, maxLength: 5000 }), { minItems: 1, maxItems: 100 }),
    symbol: DocumentSymbol,
    recipients: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 20 })),
  },
  { additionalProperties: false },
);
export type ResultDraftBody = Static<typeof ResultDraftBody>;

export const ResultParams = Type.Object({ id: Uuid, n: Type.Integer({ minimum: 1, maximum: 99 }) });

/** The holder's PKCS#12 password (PIN), typed at each signature and never stored. */
export const SignBody = Type.Object(
  { password: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);

export const PublicResultParams = Type.Object({
  code: Type.String({ minLength: 5, maxLength: 60 }),
  n: Type.Integer({ minimum: 1, maximum: 99 }),
});

export const SignatureReport = Type.Object({
  index: Type.Integer(),
  fieldName: Type.Optional(Type.String()),
  signerName: Type.String(),
  organisation: Type.Optional(Type.String()),
  signingTime: Type.Optional(Type.String()),
  reason: Type.Optional(Type.String()),
  location: Type.Optional(Type.String()),
  subFilter: Type.String(),
  /** The signed bytes are unchanged and the signature matches the certificate. */
  intact: Type.Boolean(),
  integrityError: Type.Optional(Type.String()),
  coversWholeDocument: Type.Boolean(),
  /** Content was added after this signature that no later valid signature covers. */
  modifiedAfterSigning: Type.Boolean(),
  /** The certificate chains to a root the administrator trusts (a demo root included: see demoRoot). */
  trusted: Type.Boolean(),
  /**
   * The root it chains to is the throw-away CA of a demo install (trusted_roots.demo): a test certificate
   * with no legal value, whatever `trusted` says.
   */
  demoRoot: Type.Boolean(),
  chainError: Type.Optional(Type.String()),
  certificate: Type.Object({
    subject: Type.String(),
    issuer: Type.String(),
    serialNumber: Type.String(),
    notBefore: Type.String(),
    notAfter: Type.String(),
  }),
});
export const VerificationReport = Type.Object({
  signatures: Type.Array(SignatureReport),
  tampered: Type.Boolean(),
  /** One-line verdict: valid / tampered / unsigned / untrusted. */
  verdict: Type.Enum(['valid', 'tampered', 'unsigned', 'untrusted', 'modified']),
  /** Some signature is trusted only through a demo root: the document has no legal value. */
  demo: Type.Boolean(),
});
export type VerificationReport = Static<typeof VerificationReport>;

export const SigningKey = Type.Object({
  id: Uuid,
  ownerKind: Type.Enum(['person', 'organisation']),
  unitId: Uuid,
  userId: Type.Union([Uuid, Type.Null()]),
  subject: Type.String(),
  notAfter: IsoDateTime,
  hasImage: Type.Boolean(),
  active: Type.Boolean(),
  createdAt: IsoDateTime,
});
export const SigningKeyList = Type.Object({ items: Type.Array(SigningKey) });
export const SigningKeyQuery = Type.Object({ unitId: Uuid }, { additionalProperties: false });

export const TrustedRoot = Type.Object({
  id: Uuid,
  subject: Type.String(),
  sha256: Type.String(),
  notAfter: IsoDateTime,
  demo: Type.Boolean(),
});
export const TrustedRootList = Type.Object({ items: Type.Array(TrustedRoot) });

export const OutgoingDocument = Type.Object({
  id: Uuid,
  unitId: Uuid,
  year: Type.Integer(),
  number: Type.Integer(),
  /** "05/QĐ-UBND": numbers below 10 written with a leading zero (Decree 30/2020). */
  numberSymbol: Type.String(),
  kind: Type.String(),
  title: Type.String(),
  issuedAt: IsoDateTime,
  signedDigitally: Type.Boolean(),
  resultCode: Type.Union([Type.String(), Type.Null()]),
  hasFile: Type.Boolean(),
});
export type OutgoingDocument = Static<typeof OutgoingDocument>;
export const OutgoingDocumentList = Type.Object({ items: Type.Array(OutgoingDocument) });
export const OutgoingQuery = Type.Object(
  { unitId: Uuid, from: IsoDate, to: IsoDate },
  { additionalProperties: false },
);

export const SignedShareLine = Type.Object({
  unitId: Uuid,
  unitName: Type.String(),
  level: Type.String(),
  issued: Type.Integer(),
  signedDigitally: Type.Integer(),
  share: Type.Union([Type.Number({ minimum: 0, maximum: 1 }), Type.Null()]),
});
export const SignedShareReport = Type.Object({
  from: IsoDate,
  to: IsoDate,
  items: Type.Array(SignedShareLine),
  /** Per level (province, district, commune…): the share the seed reports as 98 % district / 90 % commune. */
  byLevel: Type.Array(SignedShareLine),
});
