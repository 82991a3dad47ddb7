import { Type, type Static } from 'typebox';
import { FILE_FIGURES } from '@motcua/domain/reports/figures';
import { COUNTERS } from '@motcua/domain/reports/summary';
import { IsoDate, IsoDateTime, Uuid } from './common.ts';

/**
 * Statistics of administrative-procedure files (vn-rules.md §1.6–1.7, §2.2): per unit and period, broken down
 * by unit, procedure, field, level or channel, every figure linked to the files behind it.
 */

export const REPORT_DIMENSIONS = ['unit', 'procedure', 'field', 'level', 'channel'] as const;
export type ReportDimension = (typeof REPORT_DIMENSIONS)[number];

const reportProperties = {
  unitId: Uuid,
  period: Type.Optional(
    Type.String({
      maxLength: 12,
      description:
        'Kỳ: 2024 (năm), 2024-Q4 (quý), 2024-H1 / 2024-6M, 2024-H2, 2024-9M, 2024-03 (tháng); or from/to',
    }),
  ),
  from: Type.Optional(IsoDate),
  to: Type.Optional(IsoDate),
  by: Type.Optional(Type.Enum(REPORT_DIMENSIONS, { default: 'unit' })),
  below: Type.Optional(Type.Boolean({ default: true, description: 'with the units below (default true)' })),
  history: Type.Optional(
    Type.Boolean({ default: false, description: 'with the units this one was formed from, under it' }),
  ),
};
export const ReportQuery = Type.Object(reportProperties, { additionalProperties: false });
export type ReportQuery = Static<typeof ReportQuery>;

const Counts = Type.Object(
  Object.fromEntries(COUNTERS.map((c) => [c, Type.Number({ minimum: 0 })])) as {
    [K in (typeof COUNTERS)[number]]: ReturnType<typeof Type.Number>;
  },
);
const Percent = Type.Union([Type.Number(), Type.Null()]);
const Rates = Type.Object({
  resolvedOnTime: Percent,
  onTimeOfReceived: Percent,
  indicator21: Percent,
  online: Percent,
  recordsDigitized: Percent,
  digitized: Percent,
  satisfaction: Percent,
  signed: Percent,
  averageDays: Percent,
});

export const SummaryLine = Type.Object({
  key: Type.String({ description: 'Unit id, procedure code, field name, level or channel (1/2/3); "total"' }),
  name: Type.String(),
  counts: Counts,
  rates: Rates,
});
export type SummaryLine = Static<typeof SummaryLine>;

export const ReportPeriod = Type.Object({
  key: Type.String(),
  from: IsoDate,
  to: IsoDate,
  label: Type.String(),
});

export const SummaryReport = Type.Object({
  unit: Type.Object({ id: Uuid, name: Type.String() }),
  period: ReportPeriod,
  by: Type.Enum(REPORT_DIMENSIONS),
  below: Type.Boolean(),
  history: Type.Boolean(),
  asOf: IsoDateTime,
  lines: Type.Array(SummaryLine),
  total: SummaryLine,
  /** Consistency checks that failed (always empty unless the engine has a bug). */
  problems: Type.Array(Type.String()),
});
export type SummaryReport = Static<typeof SummaryReport>;

export const DrillQuery = Type.Object(
  {
    ...reportProperties,
    figure: Type.Enum(FILE_FIGURES),
    line: Type.Optional(Type.String({ maxLength: 200, description: 'The key of the line clicked' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000_000, default: 0 })),
  },
  { additionalProperties: false },
);
export type DrillQuery = Static<typeof DrillQuery>;

export const DrillFile = Type.Object({
  id: Uuid,
  code: Type.String(),
  unitName: Type.String(),
  procedureCode: Type.String(),
  procedureName: Type.String(),
  channel: Type.Integer(),
  state: Type.String(),
  receivedAt: IsoDateTime,
  dueAt: Type.Union([IsoDateTime, Type.Null()]),
  endedAt: Type.Union([IsoDateTime, Type.Null()]),
});
export const DrillList = Type.Object({
  figure: Type.Enum(FILE_FIGURES),
  total: Type.Integer(),
  items: Type.Array(DrillFile),
});
export type DrillList = Static<typeof DrillList>;
