import { Type, type Static, type TSchema } from 'typebox';
import { FILE_FIGURES } from '@motcua/domain/reports/figures';
import { KPI_INDICATOR_IDS } from '@motcua/domain/kpi/indicators';
import { IsoDate, IsoDateTime, Uuid } from './common.ts';

/**
 * The Decision 766/QĐ-TTg service-quality index (vn-rules.md §5): per unit and period, each indicator with its
 * formula, counts, percent and points, the groups, the total out of 100, the band, and the units ranked.
 */

const LocalText = Type.Object({ vi: Type.String(), en: Type.String() });
const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const IndexQuery = Type.Object(
  {
    unitId: Uuid,
    period: Type.String({
      maxLength: 12,
      description: 'Kỳ: 2024-Q4, 2024, 2024-H1, 2024-9M, 2024-03',
    }),
    below: Type.Optional(Type.Boolean({ default: true })),
    history: Type.Optional(Type.Boolean({ default: false })),
  },
  { additionalProperties: false },
);
export type IndexQuery = Static<typeof IndexQuery>;

export const IndicatorResult = Type.Object({
  id: Type.Enum(KPI_INDICATOR_IDS),
  group: Type.String(),
  kind: Type.String(),
  name: LocalText,
  formula: LocalText,
  numerator: Nullable(Type.Number()),
  denominator: Nullable(Type.Number()),
  percent: Nullable(Type.Number()),
  points: Type.Number(),
  max: Type.Number(),
  target: Nullable(Type.Number()),
  source: Type.Enum(['computed', 'entered', 'missing']),
  na: Type.Boolean(),
  display: Type.Union([Type.Object({ value: Type.Number(), unit: Type.String() }), Type.Null()]),
  explanation: LocalText,
  /** Where the value was taken from, for an entered one. */
  enteredSource: Type.Union([Type.String(), Type.Null()]),
  /** The statistics figures whose files make the numerator and the denominator (drill-down). */
  figures: Type.Union([
    Type.Object({
      numerator: Type.Array(Type.Enum(FILE_FIGURES)),
      denominator: Type.Array(Type.Enum(FILE_FIGURES)),
    }),
    Type.Null(),
  ]),
});

export const UnitIndex = Type.Object({
  unitId: Uuid,
  unitName: Type.String(),
  rank: Nullable(Type.Integer()),
  total: Type.Number(),
  band: Type.Object({ id: Type.String(), name: LocalText }),
  groups: Type.Array(
    Type.Object({ id: Type.String(), name: LocalText, points: Type.Number(), max: Type.Number() }),
  ),
  indicators: Type.Array(IndicatorResult),
});
export type UnitIndex = Static<typeof UnitIndex>;

export const IndexReport = Type.Object({
  unit: Type.Object({ id: Uuid, name: Type.String() }),
  period: Type.Object({ key: Type.String(), from: IsoDate, to: IsoDate, label: Type.String() }),
  asOf: IsoDateTime,
  bands: Type.Array(Type.Object({ id: Type.String(), min: Type.Number(), name: LocalText })),
  naPolicy: Type.Enum(['zero', 'full']),
  /** The chosen unit as a whole (its files and those of the units below). */
  total: UnitIndex,
  /** The units under it, ranked by total. */
  units: Type.Array(UnitIndex),
});
export type IndexReport = Static<typeof IndexReport>;

export const IndexEntryBody = Type.Object(
  {
    unitId: Uuid,
    period: Type.String({ maxLength: 12 }),
    indicatorId: Type.Enum(KPI_INDICATOR_IDS),
    percent: Type.Optional(Type.Number({ minimum: 0, maximum: 100 })),
    points: Type.Optional(Type.Number({ minimum: 0, maximum: 100 })),
    numerator: Type.Optional(Type.Integer({ minimum: 0 })),
    denominator: Type.Optional(Type.Integer({ minimum: 0 })),
    source: Type.String({ minLength: 1, maxLength: 500, description: 'Where the value comes from' }),
  },
  { additionalProperties: false },
);
export type IndexEntryBody = Static<typeof IndexEntryBody>;

export const IndexEntriesBody = Type.Object(
  { entries: Type.Array(IndexEntryBody, { minItems: 1, maxItems: 5000 }) },
  { additionalProperties: false },
);
export type IndexEntriesBody = Static<typeof IndexEntriesBody>;

export const IndexEntriesResult = Type.Object({ saved: Type.Integer() });

export const IndexSettings = Type.Object(
  {
    unitId: Uuid,
    overrides: Type.Object({}, { additionalProperties: true, description: 'KpiConfigOverrides' }),
  },
  { additionalProperties: false },
);
export type IndexSettings = Static<typeof IndexSettings>;
