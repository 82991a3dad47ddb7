import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  addWorkingDays,
  buildCalendar,
  describeDay,
  isWorkingDay,
  nextWorkingDay,
  previousWorkingDay,
  workingDaysBetween,
} from './calendar.ts';
import { SHIPPED_CALENDAR_YEARS } from './data/years.ts';
import { YEAR_2025, YEAR_2026 } from './data/official.ts';
import type { CalendarResult } from './result.ts';

const calendar = buildCalendar(SHIPPED_CALENDAR_YEARS);
function value<T>(result: CalendarResult<T>): T {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

const WORKING_DAY_CASES: Array<[string, boolean, string]> = [
  ['2025-01-01', false, 'Tết Dương lịch 2025 (Wed)'],
  ['2025-01-02', true, 'the day after New Year 2025'],
  ['2025-01-24', true, 'Fri before Tết 2025'],
  ['2025-01-25', false, 'Sat, first day of the Tết 2025 break'],
  ['2025-01-27', false, 'Mon, Tết 2025'],
  ['2025-01-29', false, 'Mùng 1 Tết Ất Tỵ'],
  ['2025-01-31', false, 'Fri, last Tết weekday 2025'],
  ['2025-02-02', false, 'Sun, end of the Tết 2025 break'],
  ['2025-02-03', true, 'Mon, back to work after Tết 2025'],
  ['2025-04-07', false, 'Giỗ Tổ Hùng Vương 2025 (Mon)'],
  ['2025-04-26', true, 'Sat 26/4/2025: make-up working day'],
  ['2025-04-27', false, 'Sun 27/4/2025'],
  ['2025-04-29', true, 'Tue 29/4/2025'],
  ['2025-04-30', false, '30/4/2025'],
  ['2025-05-01', false, '1/5/2025'],
  ['2025-05-02', false, 'Fri 2/5/2025: bridge day'],
  ['2025-05-05', true, 'Mon 5/5/2025'],
  ['2025-08-29', true, 'Fri before National Day 2025'],
  ['2025-08-30', false, 'Sat 30/8/2025'],
  ['2025-09-01', false, 'Mon 1/9/2025: adjacent National Day'],
  ['2025-09-02', false, 'Tue 2/9/2025: National Day'],
  ['2025-09-03', true, 'Wed 3/9/2025'],
  ['2026-01-01', false, 'Tết Dương lịch 2026 (Thu)'],
  ['2026-01-02', false, 'Fri 2/1/2026: bridge day'],
  ['2026-01-05', true, 'Mon 5/1/2026'],
  ['2026-01-10', true, 'Sat 10/1/2026: make-up working day'],
  ['2026-01-11', false, 'Sun 11/1/2026'],
  ['2026-02-13', true, 'Fri before Tết 2026'],
  ['2026-02-14', false, 'Sat, Tết 2026 break'],
  ['2026-02-16', false, 'Mon, Tết 2026'],
  ['2026-02-17', false, 'Mùng 1 Tết Bính Ngọ'],
  ['2026-02-20', false, 'Fri, last Tết weekday 2026'],
  ['2026-02-23', true, 'Mon, back to work after Tết 2026'],
  ['2026-04-26', false, 'Sun 26/4/2026: Giỗ Tổ on a Sunday'],
  ['2026-04-27', false, 'Mon 27/4/2026: Giỗ Tổ observed'],
  ['2026-04-28', true, 'Tue 28/4/2026'],
  ['2026-04-30', false, 'Thu 30/4/2026'],
  ['2026-05-01', false, 'Fri 1/5/2026'],
  ['2026-09-02', false, 'Wed 2/9/2026'],
  ['2026-09-03', true, 'Thu 3/9/2026'],
  ['2024-04-29', false, 'Mon 29/4/2024: bridge day (library data)'],
  ['2024-05-04', true, 'Sat 4/5/2024: make-up day (library data)'],
  ['2023-05-02', false, 'Tue 2/5/2023: Giỗ Tổ (Sat 29/4) compensated'],
  ['2023-05-03', false, 'Wed 3/5/2023: 30/4 (Sun) compensated'],
  ['2023-05-04', true, 'Thu 4/5/2023'],
  ['2022-01-03', false, 'Mon 3/1/2022: New Year (Sat) compensated'],
];

for (const [date, working, label] of WORKING_DAY_CASES) {
  test(`isWorkingDay ${date} = ${working} (${label})`, () => {
    assert.deepEqual(isWorkingDay(calendar, date), { ok: true, value: working });
  });
}

test('describeDay says why: weekday, weekend, day off (with its entry) or make-up day', () => {
  assert.equal(value(describeDay(calendar, '2025-03-04')).reason, 'weekday');
  assert.equal(value(describeDay(calendar, '2025-03-08')).reason, 'weekend');
  const off = value(describeDay(calendar, '2025-04-07'));
  assert.equal(off.reason, 'day_off');
  assert.equal(off.dayOff?.name.vi, 'Giỗ Tổ Hùng Vương (10/3 âm lịch)');
  assert.equal(value(describeDay(calendar, '2025-04-26')).makeUp?.swapsWith, '2025-05-02');
});

const ADD_CASES: Array<[string, number, string, string]> = [
  ['2025-03-03', 5, '2025-03-10', 'Mon + 5 with no holiday = next Mon'],
  ['2025-03-03', 0, '2025-03-03', 'zero is the day itself'],
  ['2025-03-07', 1, '2025-03-10', 'Fri + 1 = Mon'],
  ['2025-01-23', 5, '2025-02-06', 'across Tết 2025'],
  ['2025-01-24', 1, '2025-02-03', 'Fri before Tết 2025 + 1'],
  ['2025-04-25', 1, '2025-04-26', 'Fri + 1 = the make-up Saturday'],
  ['2025-04-28', 3, '2025-05-06', 'across 30/4–4/5/2025'],
  ['2025-08-29', 1, '2025-09-03', 'across National Day 2025'],
  ['2025-12-31', 1, '2026-01-05', 'across New Year 2026 (2/1 off)'],
  ['2026-01-07', 3, '2026-01-10', 'reaches the make-up Saturday 10/1/2026'],
  ['2026-02-13', 5, '2026-02-27', 'across Tết 2026'],
  ['2026-04-24', 1, '2026-04-28', 'across Giỗ Tổ observed Mon 27/4/2026'],
  ['2026-04-24', 3, '2026-05-04', 'across Giỗ Tổ and 30/4–1/5/2026'],
  ['2025-02-03', -1, '2025-01-24', 'back across Tết 2025'],
  ['2025-04-28', -1, '2025-04-26', 'back onto the make-up Saturday'],
  ['2025-03-08', 1, '2025-03-10', 'from a Saturday'],
  ['2025-03-08', -1, '2025-03-07', 'back from a Saturday'],
];

for (const [from, n, expected, label] of ADD_CASES) {
  test(`addWorkingDays(${from}, ${n}) = ${expected} (${label})`, () => {
    assert.deepEqual(addWorkingDays(calendar, from, n), { ok: true, value: expected });
    assert.deepEqual(workingDaysBetween(calendar, from, expected), { ok: true, value: n });
  });
}

test('nextWorkingDay and previousWorkingDay skip weekends and days off, never returning the day itself', () => {
  assert.equal(value(nextWorkingDay(calendar, '2025-03-03')), '2025-03-04');
  assert.equal(value(nextWorkingDay(calendar, '2025-01-25')), '2025-02-03');
  assert.equal(value(nextWorkingDay(calendar, '2025-04-25')), '2025-04-26');
  assert.equal(value(previousWorkingDay(calendar, '2026-02-23')), '2026-02-13');
  assert.equal(value(previousWorkingDay(calendar, '2026-01-12')), '2026-01-10');
});

test('workingDaysBetween counts the days after `from` up to and including `to`', () => {
  // 2025: 365 days − 104 weekend days − 12 weekdays off + 1 make-up Saturday = 250 (1/1 is off anyway).
  assert.equal(value(workingDaysBetween(calendar, '2025-01-01', '2025-12-31')), 250);
  assert.equal(value(workingDaysBetween(calendar, '2025-03-03', '2025-03-03')), 0);
  assert.equal(value(workingDaysBetween(calendar, '2025-03-08', '2025-03-09')), 0);
  assert.equal(value(workingDaysBetween(calendar, '2025-03-10', '2025-03-03')), -5);
});

test('a year missing from the data is an error, never a run of working days', () => {
  const only2025 = buildCalendar([YEAR_2025]);
  assert.equal(isWorkingDay(only2025, '2026-03-03').ok, false);
  const result = addWorkingDays(only2025, '2025-12-29', 5);
  assert.deepEqual(result.ok ? undefined : { ...result.error, detail: undefined }, {
    kind: 'CalendarYearMissing',
    year: 2026,
    detail: undefined,
  });
  assert.match(result.ok ? '' : result.error.detail.vi, /năm 2026/);
  assert.equal(isWorkingDay(calendar, '2028-01-03').ok, false);
  assert.equal(workingDaysBetween(calendar, '2027-12-01', '2028-01-31').ok, false);
  assert.equal(previousWorkingDay(calendar, '2021-01-04').ok, false);
});

test('a malformed date is an Invalid error', () => {
  const result = isWorkingDay(calendar, '2025-02-29');
  assert.equal(result.ok, false);
  if (!result.ok) assert.equal(result.error.kind, 'Invalid');
  assert.equal(addWorkingDays(calendar, '2025-03-03', 1.5).ok, false);
});

test('a later copy of a year replaces the earlier one (an administrator edit)', () => {
  const edited = { ...YEAR_2026, daysOff: YEAR_2026.daysOff.filter((d) => d.date !== '2026-09-01') };
  const merged = buildCalendar([...SHIPPED_CALENDAR_YEARS, edited]);
  assert.equal(value(isWorkingDay(merged, '2026-09-01')), true);
  assert.equal(value(isWorkingDay(calendar, '2026-09-01')), false);
});

test('an entry filed under the wrong year does not make that year look present', () => {
  const stray = {
    ...YEAR_2025,
    daysOff: [...YEAR_2025.daysOff, { ...YEAR_2025.daysOff[0]!, date: '2030-01-01' }],
  };
  assert.equal(isWorkingDay(buildCalendar([stray]), '2030-01-01').ok, false);
});
