import { text, type Text } from '../../errors.ts';
import type { DayOff, MakeUpWorkingDay } from '../calendar-year.ts';
import type { IsoDate } from '../dates.ts';

/** Holiday names (Labor Code 2019 art. 112 cl. 1). */
export const HOLIDAY = {
  newYear: text('Tết Dương lịch', "New Year's Day"),
  tet: text('Tết Nguyên đán', 'Lunar New Year (Tết)'),
  hungKings: text('Giỗ Tổ Hùng Vương (10/3 âm lịch)', "Hùng Kings' Commemoration Day"),
  victory: text('Ngày Chiến thắng (30/4)', 'Reunification Day'),
  labour: text('Ngày Quốc tế lao động (1/5)', 'International Labour Day'),
  nationalDay: text('Quốc khánh (2/9)', 'National Day'),
  nationalDayAdjacent: text('Quốc khánh (ngày liền kề 2/9)', 'National Day (adjacent day)'),
} as const;

export const LABOR_CODE = 'Labor Code 2019 art. 112 cl. 1 (vn-rules.md §9.1 [S31])';
export const COMPENSATION_RULE =
  'holiday on a weekend → next working day (vn-rules.md §9.1 [S32]; Labor Code 2019 art. 111 cl. 3)';

type Extra = Pick<DayOff, 'uncertain'>;

export function statutory(date: IsoDate, name: Text, source: string, extra: Extra = {}): DayOff {
  return { date, name, kind: 'statutory', source, ...extra };
}

export function compensatory(date: IsoDate, holiday: DayOff, source = COMPENSATION_RULE): DayOff {
  return {
    date,
    name: text(`Nghỉ bù ${holiday.name.vi}`, `${holiday.name.en} (compensatory)`),
    kind: 'compensatory',
    compensatesFor: holiday.date,
    source,
  };
}

/** A bridge day off and the weekend day worked for it, entered together so they always match. */
export function swap(
  dayOff: IsoDate,
  workedOn: IsoDate,
  source: string,
  extra: Extra = {},
): { dayOff: DayOff; makeUp: MakeUpWorkingDay } {
  return {
    dayOff: {
      date: dayOff,
      name: text(`Nghỉ hoán đổi (làm bù ngày ${workedOn})`, `Bridge day (worked on ${workedOn})`),
      kind: 'bridge',
      swappedWith: workedOn,
      source,
      ...extra,
    },
    makeUp: { date: workedOn, swapsWith: dayOff, source, ...extra },
  };
}
