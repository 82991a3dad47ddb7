import { Type, type Static } from 'typebox';
import { IsoDate, IsoDateTime, Uuid } from './common.ts';

/**
 * The procedure catalogue (danh mục thủ tục hành chính). Codes and vocabularies follow the National Public
 * Service Portal (dichvucong.gov.vn) as crawled in ../shared/docs/vn-data.md §3; rules: vn-rules.md §1.2, §1.6, §4.
 */

/**
 * Cấp thực hiện. `district` existed until 30/06/2025 (district level ended on 01/07/2025, Resolution 60-NQ/TW);
 * `ministry` (bộ) and `other` (cơ quan khác) are printed by the portal beside the local levels.
 */
export const PROCEDURE_LEVELS = ['province', 'district', 'commune', 'ministry', 'other'] as const;
export type ProcedureLevel = (typeof PROCEDURE_LEVELS)[number];

/**
 * Unit of the statutory time (DVCQG field DonViTinh: giờ / ngày / ngày làm việc / tháng, vn-rules §1.6);
 * `none`: the portal states no time ("Không", "Không có thông tin").
 */
export const PROCEDURE_TIME_UNITS = [
  'working_days',
  'days',
  'working_hours',
  'hours',
  'months',
  'none',
] as const;
export type ProcedureTimeUnit = (typeof PROCEDURE_TIME_UNITS)[number];

/** Bản chính / bản sao có chứng thực / bản chụp. */
export const DOCUMENT_COPY_TYPES = ['original', 'certified_copy', 'photocopy'] as const;
export type DocumentCopyType = (typeof DOCUMENT_COPY_TYPES)[number];

/** Decree 42/2022/NĐ-CP Art. 11: online service "toàn trình" (full) or "một phần" (partial); none. */
export const ONLINE_LEVELS = ['none', 'partial', 'full'] as const;
export type OnlineLevel = (typeof ONLINE_LEVELS)[number];

/** DVCQG KenhThucHien 1 trực tiếp, 2 trực tuyến, 3 bưu chính công ích (vn-rules §1.2). */
export const PROCEDURE_CHANNELS = ['counter', 'online', 'postal'] as const;
export type ProcedureChannel = (typeof PROCEDURE_CHANNELS)[number];

export const ProcedureCode = Type.String({
  pattern: '^[0-9]\\.[0-9]{6}$',
  description: 'Mã thủ tục trên Cơ sở dữ liệu quốc gia về TTHC, e.g. 1.001193',
});
export const ProcedureCodeParams = Type.Object({ code: ProcedureCode });

const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength });
const NullableText = (maxLength: number) => Type.Union([Text(maxLength), Type.Null()]);

export const RequiredDocument = Type.Object(
  {
    name: Text(1000),
    copyType: Type.Enum(DOCUMENT_COPY_TYPES),
    quantity: Type.Integer({ minimum: 1, maximum: 99 }),
    note: Type.Optional(NullableText(1000)),
  },
  { additionalProperties: false },
);
export type RequiredDocument = Static<typeof RequiredDocument>;

/** The content of one version, as written (optional fields default to null / []). */
const contentProperties = {
  name: Type.String({ minLength: 2, maxLength: 500, description: 'Tên thủ tục (NFC)' }),
  nameEn: Type.Optional(NullableText(500)),
  field: Type.String({ minLength: 2, maxLength: 200, description: 'Lĩnh vực' }),
  levels: Type.Array(Type.Enum(PROCEDURE_LEVELS), { minItems: 1, maxItems: 5, uniqueItems: true }),
  decidingAgency: Type.Optional(NullableText(500)),
  timeAmount: Type.Union([Type.Number({ exclusiveMinimum: 0, maximum: 3650 }), Type.Null()]),
  timeUnit: Type.Union([Type.Enum(PROCEDURE_TIME_UNITS), Type.Null()], {
    description: 'null: the portal printed a bare number without a unit',
  }),
  timeText: Type.String({ minLength: 1, maxLength: 500, description: 'Thời hạn giải quyết as published' }),
  cutoffHour: Type.Optional(
    Type.Union([Type.Integer({ minimum: 0, maximum: 23 }), Type.Null()], {
      description: 'Received at or after this hour counts as the next working day (e.g. 15)',
    }),
  ),
  feeAmount: Type.Union([Type.Integer({ minimum: 0, maximum: 1_000_000_000 }), Type.Null()], {
    description: 'Base amount in VND (0: free); the full rule is feeText',
  }),
  feeText: Type.String({ minLength: 1, maxLength: 500, description: 'Phí, lệ phí as published' }),
  documents: Type.Optional(Type.Array(RequiredDocument, { maxItems: 50 })),
  documentsSource: Type.Optional(NullableText(500)),
  resultType: Type.Optional(NullableText(500)),
  onlineLevel: Type.Enum(ONLINE_LEVELS),
  channels: Type.Array(Type.Enum(PROCEDURE_CHANNELS), { minItems: 1, maxItems: 3, uniqueItems: true }),
  serviceSource: Type.Optional(NullableText(500)),
  legalBasis: Type.String({
    minLength: 1,
    maxLength: 500,
    description: 'Quyết định công bố, e.g. 163/QĐ-BTP',
  }),
  effectiveFrom: Type.Optional(Type.Union([IsoDate, Type.Null()])),
  effectiveTo: Type.Optional(Type.Union([IsoDate, Type.Null()])),
  source: Type.String({ minLength: 1, maxLength: 1000 }),
};

const changeNote = Type.Optional(Type.String({ minLength: 1, maxLength: 500 }));

export const ProcedureCreateBody = Type.Object(
  { code: ProcedureCode, ...contentProperties, changeNote },
  { additionalProperties: false },
);
export type ProcedureCreateBody = Static<typeof ProcedureCreateBody>;

export const ProcedureUpdateBody = Type.Object(
  { ...contentProperties, changeNote },
  { additionalProperties: false },
);
export type ProcedureUpdateBody = Static<typeof ProcedureUpdateBody>;

const nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

/** One version of a procedure, complete: an application keeps the id of the version it was received under. */
export const ProcedureVersion = Type.Object({
  versionId: Uuid,
  code: ProcedureCode,
  version: Type.Integer({ minimum: 1 }),
  validFrom: IsoDateTime,
  changedBy: nullable(Uuid),
  changeNote: nullable(Type.String()),
  name: Type.String(),
  nameEn: nullable(Type.String()),
  field: Type.String(),
  levels: Type.Array(Type.Enum(PROCEDURE_LEVELS)),
  decidingAgency: nullable(Type.String()),
  timeAmount: nullable(Type.Number()),
  timeUnit: nullable(Type.Enum(PROCEDURE_TIME_UNITS)),
  timeUnitUnstated: Type.Boolean(),
  timeText: Type.String(),
  cutoffHour: nullable(Type.Integer()),
  feeAmount: nullable(Type.Integer()),
  feeText: Type.String(),
  documents: Type.Array(
    Type.Object({
      name: Type.String(),
      copyType: Type.Enum(DOCUMENT_COPY_TYPES),
      quantity: Type.Integer(),
      note: nullable(Type.String()),
    }),
  ),
  documentsSource: nullable(Type.String()),
  resultType: nullable(Type.String()),
  onlineLevel: Type.Enum(ONLINE_LEVELS),
  channels: Type.Array(Type.Enum(PROCEDURE_CHANNELS)),
  serviceSource: nullable(Type.String()),
  legalBasis: Type.String(),
  effectiveFrom: nullable(IsoDate),
  effectiveTo: nullable(IsoDate),
  source: Type.String(),
});
export type ProcedureVersion = Static<typeof ProcedureVersion>;

export const ProcedureVersionList = Type.Object({ items: Type.Array(ProcedureVersion) });

export const ProcedureSummary = Type.Object({
  code: ProcedureCode,
  versionId: Uuid,
  version: Type.Integer(),
  name: Type.String(),
  nameEn: nullable(Type.String()),
  field: Type.String(),
  levels: Type.Array(Type.Enum(PROCEDURE_LEVELS)),
  timeAmount: nullable(Type.Number()),
  timeUnit: nullable(Type.Enum(PROCEDURE_TIME_UNITS)),
  timeText: Type.String(),
  cutoffHour: nullable(Type.Integer()),
  feeAmount: nullable(Type.Integer()),
  feeText: Type.String(),
  onlineLevel: Type.Enum(ONLINE_LEVELS),
  channels: Type.Array(Type.Enum(PROCEDURE_CHANNELS)),
});
export type ProcedureSummary = Static<typeof ProcedureSummary>;

export const ProcedureList = Type.Object({ items: Type.Array(ProcedureSummary), total: Type.Integer() });

export const ProcedureListQuery = Type.Object(
  {
    q: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 200,
        description: 'Name words, with or without diacritics, typos tolerated; or a code prefix (1.0011)',
      }),
    ),
    field: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Lĩnh vực' })),
    level: Type.Optional(Type.Enum(PROCEDURE_LEVELS)),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000, default: 0 })),
  },
  { additionalProperties: false },
);
export type ProcedureListQuery = Static<typeof ProcedureListQuery>;

export const ProcedureFieldList = Type.Object({
  items: Type.Array(Type.Object({ field: Type.String(), count: Type.Integer() })),
});

export const ProcedureSheetFormat = Type.Enum(['csv', 'xlsx']);
export const ProcedureExportQuery = Type.Object(
  { format: ProcedureSheetFormat },
  { additionalProperties: false },
);
export const ProcedureImportQuery = Type.Object(
  {
    format: ProcedureSheetFormat,
    dryRun: Type.Optional(Type.Boolean({ default: false, description: 'Check and count, write nothing' })),
  },
  { additionalProperties: false },
);

/** A row error of an import: `row` as the spreadsheet shows it (header = its own row), `column` its header. */
export const ProcedureImportRowError = Type.Object({
  row: Type.Integer(),
  column: Type.String(),
  message: Type.String(),
});

export const ProcedureImportReport = Type.Object({
  created: Type.Integer(),
  updated: Type.Integer(),
  unchanged: Type.Integer(),
  dryRun: Type.Boolean(),
  errors: Type.Array(ProcedureImportRowError),
});
export type ProcedureImportReport = Static<typeof ProcedureImportReport>;

/** The 422 of an import: a problem whose `errors` name row and column, with the report (nothing written). */
export const ProcedureImportProblem = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.Optional(Type.String()),
    field: Type.Optional(Type.String()),
    errors: Type.Optional(
      Type.Array(
        Type.Object({
          field: Type.String(),
          message: Type.String(),
          row: Type.Optional(Type.Integer()),
          column: Type.Optional(Type.String()),
        }),
      ),
    ),
    report: Type.Optional(ProcedureImportReport),
    requestId: Type.Optional(Type.String()),
  },
  { $id: 'ProcedureImportProblem', additionalProperties: true },
);
