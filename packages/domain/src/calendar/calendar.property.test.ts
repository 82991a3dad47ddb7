import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  addWorkingDays,
  buildCalendar,
  isWorkingDay,
  nextWorkingDay,
  workingDaysBetween,
} from './calendar.ts';
import { SHIPPED_CALENDAR_YEARS } from './data/years.ts';
import { DAY_MS, addDays, dayNumber, fromDayNumber, vnInstant } from './dates.ts';
import { DEFAULT_OFFICE_HOURS, addWorkingTime, workingTimeBetween } from './office-hours.ts';
import type { CalendarResult } from './result.ts';

const calendar = buildCalendar(SHIPPED_CALENDAR_YEARS);
function value<T>(result: CalendarResult<T>): T {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}
// Far enough from both ends of the shipped data (2021–2027) that 60 working days stay inside it.
const date = fc
  .integer({ min: dayNumber('2021-06-01'), max: dayNumber('2027-08-31') })
  .map((day) => fromDayNumber(day));
const amount = fc.integer({ min: -60, max: 60 });

test('property: workingDaysBetween(a, addWorkingDays(a, n)) === n', () => {
  fc.assert(
    fc.property(date, amount, (a, n) => {
      assert.equal(value(workingDaysBetween(calendar, a, value(addWorkingDays(calendar, a, n)))), n);
    }),
  );
});

test('property: addWorkingDays is strictly increasing in the amount', () => {
  fc.assert(
    fc.property(date, amount, amount, (a, n, m) => {
      fc.pre(n !== m);
      const [low, high] = n < m ? [n, m] : [m, n];
      assert.ok(value(addWorkingDays(calendar, a, low)) < value(addWorkingDays(calendar, a, high)));
    }),
  );
});

test('property: a non-zero working-day step always lands on a working day', () => {
  fc.assert(
    fc.property(date, amount, (a, n) => {
      fc.pre(n !== 0);
      assert.equal(value(isWorkingDay(calendar, value(addWorkingDays(calendar, a, n)))), true);
    }),
  );
});

test('property: nextWorkingDay skips only days off', () => {
  fc.assert(
    fc.property(date, (a) => {
      const next = value(nextWorkingDay(calendar, a));
      assert.ok(next > a);
      for (let day = addDays(a, 1); day < next; day = addDays(day, 1))
        assert.equal(value(isWorkingDay(calendar, day)), false);
    }),
  );
});

test('property: every date of a missing year is an error naming that year', () => {
  fc.assert(
    fc.property(fc.integer({ min: dayNumber('2028-01-01'), max: dayNumber('2028-12-31') }), (day) => {
      const result = isWorkingDay(calendar, fromDayNumber(day));
      assert.equal(
        result.ok ? undefined : result.error.kind === 'CalendarYearMissing' && result.error.year,
        2028,
      );
    }),
  );
});

test('property: the office time between a start and addWorkingTime(start, d) is d', () => {
  const instant = date.chain((d) => fc.integer({ min: 0, max: DAY_MS - 1 }).map((t) => vnInstant(d, t)));
  fc.assert(
    fc.property(instant, fc.integer({ min: 0, max: 40 * 3_600_000 }), (from, duration) => {
      const end = value(addWorkingTime(calendar, DEFAULT_OFFICE_HOURS, from, duration));
      assert.ok(end >= from);
      assert.equal(value(workingTimeBetween(calendar, DEFAULT_OFFICE_HOURS, from, end)), duration);
    }),
  );
});
