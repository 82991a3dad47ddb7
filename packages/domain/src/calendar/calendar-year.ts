import { text, type Text } from '../errors.ts';
import { isIsoDate, isWeekend, yearOf, type IsoDate } from './dates.ts';

/**
 * One year of the working calendar, as data an administrator can edit. Labor Code 2019 art. 112 cl. 3:
 * the Prime Minister sets the Tết and National Day days each year, and the government announces swap days,
 * so every year must be entered (or corrected) when the schedule is published.
 */
export type DayOffKind =
  /** A public holiday of Labor Code 2019 art. 112 cl. 1 (the 5 Tết days are the weekdays the PM chose). */
  | 'statutory'
  /**
   * A holiday on a weekend is taken on the next working day (vn-rules.md §9.1, VERIFIED [S32]; Labor Code
   * 2019 art. 111 cl. 3 — article number from memory, UNCERTAIN).
   */
  | 'compensatory'
  /** A government-decreed bridge day (ngày nghỉ hoán đổi), usually worked back on a Saturday. */
  | 'bridge';

export interface DayOff {
  date: IsoDate;
  name: Text;
  kind: DayOffKind;
  /** For a compensatory day: the holiday, falling on a weekend, it makes up for. */
  compensatesFor?: IsoDate;
  /** For a bridge day: the Saturday or Sunday worked instead (absent when the day is given outright). */
  swappedWith?: IsoDate;
  /** Where the fact comes from (document, page, or the rule it was derived by). */
  source: string;
  /** Set when the entry is a reconstruction or a guess that an administrator should confirm. */
  uncertain?: string;
}

/** A Saturday or Sunday that is a working day, in exchange for a bridge day off. */
export interface MakeUpWorkingDay {
  date: IsoDate;
  swapsWith: IsoDate;
  source: string;
  uncertain?: string;
}

export interface CalendarYear {
  year: number;
  /** True when the government's schedule for the year was found; false for statutory days only. */
  official: boolean;
  note?: string;
  daysOff: DayOff[];
  makeUpWorkingDays: MakeUpWorkingDay[];
}

export type CalendarProblemCode =
  | 'invalid_year'
  | 'invalid_date'
  | 'outside_year'
  | 'duplicate_date'
  | 'missing_source'
  | 'make_up_not_weekend'
  | 'weekend_holiday_not_compensated'
  | 'day_off_on_weekend'
  | 'compensation_target_missing'
  | 'bridge_without_make_up'
  | 'make_up_without_bridge';

export interface CalendarProblem {
  code: CalendarProblemCode;
  date?: IsoDate;
  detail: Text;
}

/** Everything wrong with a year's data; an empty list means the year can be used. */
export function validateCalendarYear(year: CalendarYear): CalendarProblem[] {
  const problems: CalendarProblem[] = [];
  const add = (code: CalendarProblemCode, date: IsoDate | undefined, vi: string, en: string) =>
    problems.push({ code, ...(date === undefined ? {} : { date }), detail: text(vi, en) });

  if (!Number.isInteger(year.year) || year.year < 1900 || year.year > 2200) {
    add('invalid_year', undefined, `Năm không hợp lệ: ${year.year}`, `Not a valid year: ${year.year}`);
    return problems;
  }
  const entries = [
    ...year.daysOff.map((d) => ({ date: d.date, source: d.source })),
    ...year.makeUpWorkingDays.map((d) => ({ date: d.date, source: d.source })),
  ];
  const seen = new Set<IsoDate>();
  for (const { date, source } of entries) {
    if (!isIsoDate(date)) {
      add('invalid_date', date, `Ngày không hợp lệ: ${date}`, `Not a valid date: ${date}`);
      continue;
    }
    if (yearOf(date) !== year.year)
      add('outside_year', date, `${date} không thuộc năm ${year.year}`, `${date} is not in ${year.year}`);
    if (seen.has(date))
      add('duplicate_date', date, `Ngày ${date} được nhập hai lần`, `${date} is entered twice`);
    seen.add(date);
    if (source.trim() === '')
      add('missing_source', date, `Ngày ${date} thiếu nguồn`, `${date} has no source`);
  }

  const valid = (date: IsoDate | undefined): date is IsoDate => date !== undefined && isIsoDate(date);
  const inYear = (date: IsoDate) => yearOf(date) === year.year;
  const byDate = new Map(year.daysOff.filter((d) => valid(d.date)).map((d) => [d.date, d]));
  const makeUps = new Map(year.makeUpWorkingDays.filter((d) => valid(d.date)).map((d) => [d.date, d]));

  for (const day of byDate.values()) {
    if (day.kind === 'statutory' && isWeekend(day.date)) {
      const compensated = year.daysOff.some(
        (d) => d.kind === 'compensatory' && d.compensatesFor === day.date,
      );
      if (!compensated)
        add(
          'weekend_holiday_not_compensated',
          day.date,
          `${day.name.vi} (${day.date}) rơi vào cuối tuần nhưng không có ngày nghỉ bù`,
          `${day.name.en} (${day.date}) falls on a weekend and has no compensatory day`,
        );
    }
    if (day.kind !== 'statutory' && isWeekend(day.date))
      add(
        'day_off_on_weekend',
        day.date,
        `Ngày nghỉ bù/hoán đổi ${day.date} rơi vào cuối tuần`,
        `The ${day.kind} day ${day.date} falls on a weekend`,
      );
    if (day.kind === 'compensatory') {
      const target = valid(day.compensatesFor) ? byDate.get(day.compensatesFor) : undefined;
      if (!target || target.kind !== 'statutory' || !isWeekend(target.date))
        add(
          'compensation_target_missing',
          day.date,
          `Ngày nghỉ bù ${day.date} không gắn với một ngày lễ rơi vào cuối tuần trong năm`,
          `The compensatory day ${day.date} does not point at a holiday on a weekend of this year`,
        );
    }
    if (day.kind === 'bridge' && valid(day.swappedWith) && inYear(day.swappedWith)) {
      if (makeUps.get(day.swappedWith)?.swapsWith !== day.date)
        add(
          'bridge_without_make_up',
          day.date,
          `Ngày nghỉ hoán đổi ${day.date} không có ngày làm bù ${day.swappedWith} tương ứng`,
          `The bridge day ${day.date} has no matching make-up day ${day.swappedWith}`,
        );
    }
  }

  for (const makeUp of makeUps.values()) {
    if (!isWeekend(makeUp.date))
      add(
        'make_up_not_weekend',
        makeUp.date,
        `Ngày làm bù ${makeUp.date} không phải thứ Bảy hoặc Chủ nhật`,
        `The make-up working day ${makeUp.date} is not a Saturday or Sunday`,
      );
    const bridge = valid(makeUp.swapsWith) ? byDate.get(makeUp.swapsWith) : undefined;
    const crossYear = valid(makeUp.swapsWith) && !inYear(makeUp.swapsWith);
    if (!crossYear && (bridge?.kind !== 'bridge' || bridge.swappedWith !== makeUp.date))
      add(
        'make_up_without_bridge',
        makeUp.date,
        `Ngày làm bù ${makeUp.date} không gắn với một ngày nghỉ hoán đổi`,
        `The make-up working day ${makeUp.date} does not match a bridge day off`,
      );
  }
  return problems;
}
