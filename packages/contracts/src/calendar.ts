import { Type, type Static } from 'typebox';
import { IsoDate, IsoDateTime } from './common.ts';

const Text = Type.Object(
  { vi: Type.String({ minLength: 1, maxLength: 200 }), en: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);

export const DayOff = Type.Object(
  {
    date: IsoDate,
    name: Text,
    kind: Type.Enum(['statutory', 'compensatory', 'bridge']),
    compensatesFor: Type.Optional(IsoDate),
    swappedWith: Type.Optional(IsoDate),
    source: Type.String({ minLength: 1, maxLength: 500 }),
    uncertain: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);

export const MakeUpWorkingDay = Type.Object(
  {
    date: IsoDate,
    swapsWith: IsoDate,
    source: Type.String({ minLength: 1, maxLength: 500 }),
    uncertain: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);

/** One year of the working calendar (Labor Code 2019 art. 112 plus the government's yearly schedule). */
export const CalendarYearBody = Type.Object(
  {
    year: Type.Integer({ minimum: 2000, maximum: 2100 }),
    official: Type.Boolean(),
    note: Type.Optional(Type.String({ maxLength: 1000 })),
    daysOff: Type.Array(DayOff, { maxItems: 60 }),
    makeUpWorkingDays: Type.Array(MakeUpWorkingDay, { maxItems: 20 }),
  },
  { additionalProperties: false },
);
export type CalendarYearBody = Static<typeof CalendarYearBody>;

export const CalendarYearResponse = Type.Object({
  calendar: CalendarYearBody,
  origin: Type.Enum(['shipped', 'edited']),
});

export const YearParams = Type.Object({ year: Type.Integer({ minimum: 2000, maximum: 2100 }) });

export const DueDateQuery = Type.Object(
  {
    receivedAt: Type.String({
      format: 'date-time',
      description: 'ISO 8601 with offset, e.g. 2026-11-27T09:00:00+07:00',
    }),
    amount: Type.Optional(Type.Number({ minimum: 0, maximum: 3650 })),
    unit: Type.Optional(Type.Enum(['working_days', 'days', 'working_hours'])),
    procedure: Type.Optional(Type.String({ pattern: '^[0-9]\\.[0-9]{6}$' })),
  },
  { additionalProperties: false },
);
export type DueDateQuery = Static<typeof DueDateQuery>;

export const DueDate = Type.Object({ dueAt: IsoDateTime, dueDate: IsoDate });
