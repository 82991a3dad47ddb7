import { Type, type Static } from 'typebox';
import { CopyType } from './applications.ts';
import { IsoDate, IsoDateTime, Uuid } from './common.ts';

/** Digitization (số hóa) of an application's documents and results; reuse of what the citizen gave before. */

export const ReuseSource = Type.Enum(['prior_application', 'prior_result']);

export const StoredFileInfo = Type.Object({
  fileName: Type.String(),
  mediaType: Type.String(),
  size: Type.Integer(),
  pages: Type.Integer({ minimum: 1 }),
  sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }),
  digitizedAt: IsoDateTime,
});

export const DocumentComponent = Type.Object({
  /** 1-based position in the documents submitted at intake. */
  position: Type.Integer({ minimum: 1 }),
  name: Type.String(),
  copyType: CopyType,
  quantity: Type.Integer(),
  digitized: Type.Boolean(),
  file: Type.Union([StoredFileInfo, Type.Null()]),
  /** Taken from an earlier file or result of the same citizen (DVCQG DuocLayTuKhoDMQG). */
  reused: Type.Union([Type.Object({ source: ReuseSource, code: Type.String() }), Type.Null()]),
});
export type DocumentComponent = Static<typeof DocumentComponent>;

export const ResultStatus = Type.Enum(['draft', 'signed', 'sealed', 'scanned']);

export const ResultSummary = Type.Object({
  n: Type.Integer({ minimum: 1 }),
  /** <mã hồ sơ>-KQ<n> (Decree 45/2020 art. 14). */
  resultCode: Type.String(),
  status: ResultStatus,
  kind: Type.String(),
  title: Type.String(),
  numberSymbol: Type.Union([Type.String(), Type.Null()]),
  pages: Type.Union([Type.Integer(), Type.Null()]),
  signedAt: Type.Union([IsoDateTime, Type.Null()]),
  sealedAt: Type.Union([IsoDateTime, Type.Null()]),
});
export type ResultSummary = Static<typeof ResultSummary>;

export const ApplicationRecords = Type.Object({
  applicationId: Uuid,
  components: Type.Array(DocumentComponent),
  results: Type.Array(ResultSummary),
  /** What this officer may do: upload scans / reuse, draft a result, sign it, seal it. */
  can: Type.Object({
    digitize: Type.Boolean(),
    draft: Type.Boolean(),
    sign: Type.Boolean(),
    seal: Type.Boolean(),
  }),
});
export type ApplicationRecords = Static<typeof ApplicationRecords>;

export const PositionParams = Type.Object({ id: Uuid, position: Type.Integer({ minimum: 1, maximum: 50 }) });

export const ReuseBody = Type.Object(
  {
    source: ReuseSource,
    /** The earlier application code (prior_application) or the e-result code (prior_result). */
    code: Type.String({ minLength: 5, maxLength: 80 }),
    /** prior_application: which of its documents. */
    position: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
  },
  { additionalProperties: false },
);
export type ReuseBody = Static<typeof ReuseBody>;

export const ReusableItem = Type.Object({
  source: ReuseSource,
  code: Type.String(),
  position: Type.Union([Type.Integer(), Type.Null()]),
  name: Type.String(),
  fileName: Type.String(),
  pages: Type.Integer(),
  at: IsoDateTime,
  /** The document of this application it most likely stands for (same name), if any. */
  suggestedPosition: Type.Union([Type.Integer(), Type.Null()]),
});
export const ReusableList = Type.Object({ items: Type.Array(ReusableItem) });

export const PeriodQuery = Type.Object(
  { unitId: Uuid, from: IsoDate, to: IsoDate },
  { additionalProperties: false },
);
export type PeriodQuery = Static<typeof PeriodQuery>;

const Rate = Type.Union([Type.Number({ minimum: 0, maximum: 1 }), Type.Null()]);

export const DigitizationLine = Type.Object({
  unitId: Uuid,
  unitName: Type.String(),
  received: Type.Integer(),
  /** Files whose every submitted document is digitized. */
  recordsDigitized: Type.Integer(),
  recordsRate: Rate,
  components: Type.Integer(),
  componentsDigitized: Type.Integer(),
  componentsReused: Type.Integer(),
  /** Files decided in the period (result ready or returned). */
  finished: Type.Integer(),
  resultsDigitized: Type.Integer(),
  resultsRate: Rate,
});
export type DigitizationLine = Static<typeof DigitizationLine>;
export const DigitizationReport = Type.Object({
  from: IsoDate,
  to: IsoDate,
  items: Type.Array(DigitizationLine),
  total: DigitizationLine,
});
