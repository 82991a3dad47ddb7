import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildCalendar } from './calendar.ts';
import { SHIPPED_CALENDAR_YEARS } from './data/years.ts';
import { formatVnInstant, toEpochMs } from './dates.ts';
import {
  DEFAULT_OFFICE_HOURS,
  addWorkingTime,
  isWithinOfficeHours,
  validateOfficeHours,
  workingTimeBetween,
  type OfficeHours,
} from './office-hours.ts';

const calendar = buildCalendar(SHIPPED_CALENDAR_YEARS);
const at = (local: string) => toEpochMs(`${local.replace(' ', 'T')}:00+07:00`);
const HOUR = 3_600_000;

function addHours(from: string, hours: number, office: OfficeHours = DEFAULT_OFFICE_HOURS): string {
  const result = addWorkingTime(calendar, office, at(from), hours * HOUR);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return formatVnInstant(result.value);
}

function between(from: string, to: string): number {
  const result = workingTimeBetween(calendar, DEFAULT_OFFICE_HOURS, at(from), at(to));
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value / HOUR;
}

const ADD_CASES: Array<[string, number, string, string]> = [
  ['2025-03-03 10:00', 1, '2025-03-03T11:00:00+07:00', 'inside the morning session'],
  ['2025-03-03 11:00', 1, '2025-03-03T14:00:00+07:00', 'across lunch: 30 min before, 30 min after'],
  ['2025-03-03 12:00', 1, '2025-03-03T14:30:00+07:00', 'received during lunch counts from 13:30'],
  ['2025-03-03 07:00', 4.5, '2025-03-03T11:30:00+07:00', 'a full morning ends at 11:30, not 13:30'],
  ['2025-03-03 07:00', 8, '2025-03-03T17:00:00+07:00', 'a full day is 8 h'],
  ['2025-03-03 06:00', 1, '2025-03-03T08:00:00+07:00', 'before opening counts from 07:00'],
  ['2025-03-03 10:00', 8, '2025-03-04T10:00:00+07:00', 'into the next day'],
  ['2025-03-07 15:00', 8, '2025-03-10T15:00:00+07:00', 'across a weekend'],
  ['2025-03-07 17:30', 1, '2025-03-10T08:00:00+07:00', 'after Friday closing'],
  ['2025-03-08 10:00', 4, '2025-03-10T11:00:00+07:00', 'from a Saturday'],
  ['2025-01-24 16:00', 4, '2025-02-03T10:00:00+07:00', 'across Tết 2025'],
  ['2025-04-25 16:00', 2, '2025-04-26T08:00:00+07:00', 'into the make-up Saturday 26/4/2025'],
  ['2026-01-09 16:00', 2, '2026-01-10T08:00:00+07:00', 'into the make-up Saturday 10/1/2026'],
  ['2026-04-24 16:00', 2, '2026-04-28T08:00:00+07:00', 'across Giỗ Tổ observed Mon 27/4/2026'],
  ['2025-03-03 10:00', 0, '2025-03-03T10:00:00+07:00', 'zero inside office hours is the instant itself'],
  ['2025-03-03 17:00', 0, '2025-03-04T07:00:00+07:00', 'zero at closing is the next opening'],
];

for (const [from, hours, expected, label] of ADD_CASES) {
  test(`addWorkingTime ${from} + ${hours} h = ${expected} (${label})`, () => {
    assert.equal(addHours(from, hours), expected);
  });
}

test('workingTimeBetween counts office hours only', () => {
  assert.equal(between('2025-03-03 07:00', '2025-03-03 17:00'), 8);
  assert.equal(between('2025-03-03 11:00', '2025-03-03 14:00'), 1);
  assert.equal(between('2025-03-07 16:00', '2025-03-10 09:00'), 3);
  assert.equal(between('2025-01-24 16:00', '2025-02-03 08:00'), 2);
  assert.equal(between('2025-03-03 18:00', '2025-03-04 06:00'), 0);
  assert.equal(between('2025-03-04 10:00', '2025-03-03 10:00'), 0);
});

test('a unit can set its own hours (e.g. 07:30–11:30, 13:00–16:30)', () => {
  const hours = {
    sessions: [
      { start: '07:30', end: '11:30' },
      { start: '13:00', end: '16:30' },
    ],
  };
  assert.deepEqual(validateOfficeHours(hours), []);
  assert.equal(addHours('2025-03-03 11:00', 1, hours), '2025-03-03T13:30:00+07:00');
  assert.equal(addHours('2025-03-03 16:00', 1, hours), '2025-03-04T08:00:00+07:00');
});

test('isWithinOfficeHours: sessions are [start, end); days off are never inside', () => {
  const inside = (local: string) => isWithinOfficeHours(calendar, DEFAULT_OFFICE_HOURS, at(local));
  assert.deepEqual(inside('2025-03-03 07:00'), { ok: true, value: true });
  assert.deepEqual(inside('2025-03-03 11:30'), { ok: true, value: false });
  assert.deepEqual(inside('2025-03-03 16:59'), { ok: true, value: true });
  assert.deepEqual(inside('2025-03-03 17:00'), { ok: true, value: false });
  assert.deepEqual(inside('2025-04-26 10:00'), { ok: true, value: true });
  assert.deepEqual(inside('2025-04-30 10:00'), { ok: true, value: false });
});

test('office hours must be valid, ordered and not overlapping', () => {
  assert.equal(validateOfficeHours({ sessions: [] }).length, 1);
  assert.equal(validateOfficeHours({ sessions: [{ start: '7:00', end: '11:30' }] }).length, 1);
  assert.equal(validateOfficeHours({ sessions: [{ start: '11:30', end: '07:00' }] }).length, 1);
  const overlap = {
    sessions: [
      { start: '07:00', end: '12:00' },
      { start: '11:00', end: '17:00' },
    ],
  };
  assert.equal(validateOfficeHours(overlap).length, 1);
  const bad = addWorkingTime(calendar, overlap, at('2025-03-03 10:00'), HOUR);
  assert.equal(bad.ok ? undefined : bad.error.kind, 'Invalid');
});

test('working time running into a missing year is an error', () => {
  const result = addWorkingTime(calendar, DEFAULT_OFFICE_HOURS, at('2027-12-31 16:00'), 2 * HOUR);
  assert.equal(result.ok ? undefined : result.error.kind, 'CalendarYearMissing');
});
