import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildCalendar } from '../calendar/calendar.ts';
import { SHIPPED_CALENDAR_YEARS } from '../calendar/data/years.ts';
import { DEFAULT_OFFICE_HOURS } from '../calendar/office-hours.ts';
import { APOLOGY_RULES, apologyDeadline, canReschedule, type ApologyRule } from './apology.ts';

const calendar = buildCalendar(SHIPPED_CALENDAR_YEARS);
const vn = (local: string) => `${local.replace(' ', 'T')}${local.length === 16 ? ':00' : ''}+07:00`;
const rule61 = APOLOGY_RULES.decree_61_2018;

function deadline(due: string, rule: ApologyRule = rule61) {
  const result = apologyDeadline(vn(due), calendar, rule, DEFAULT_OFFICE_HOURS);
  return result.ok ? result.value.deadlineAt : result.error.kind;
}

const CASES: Array<[string, string, string]> = [
  ['due Monday → apology by the Friday before', '2025-03-10 17:00', '2025-03-07 17:00'],
  ['due Monday after Tết 2025 → the Friday before Tết', '2025-02-03 17:00', '2025-01-24 17:00'],
  ['due after 30/4–4/5/2025 → Tuesday 29/4', '2025-05-05 17:00', '2025-04-29 17:00'],
  ['due Monday 28/4/2025 → the make-up Saturday 26/4', '2025-04-28 17:00', '2025-04-26 17:00'],
  ['due Monday 5/1/2026 → Wednesday 31/12/2025', '2026-01-05 17:00', '2025-12-31 17:00'],
  ['due Tuesday 28/4/2026 → Friday 24/4 (Giỗ Tổ observed Monday)', '2026-04-28 17:00', '2026-04-24 17:00'],
  ['due on a Sunday kept by a calendar-day limit → Friday', '2025-03-09 23:59:59', '2025-03-07 17:00'],
];

for (const [label, due, expected] of CASES) {
  test(`apology deadline: ${label}`, () => {
    assert.equal(deadline(due), vn(expected));
  });
}

test('apology deadline is configurable: 0 days = the due instant, 2 days = two working days before', () => {
  assert.equal(
    deadline('2025-03-10 17:00', { latestWorkingDaysBefore: 0, maxReschedules: 1 }),
    vn('2025-03-10 17:00'),
  );
  assert.equal(
    deadline('2025-03-10 17:00', { latestWorkingDaysBefore: 2, maxReschedules: 1 }),
    vn('2025-03-06 17:00'),
  );
  assert.equal(
    deadline('2025-03-09 23:59:59', { latestWorkingDaysBefore: 2, maxReschedules: 1 }),
    vn('2025-03-06 17:00'),
  );
  assert.equal(deadline('2025-03-10 17:00', { latestWorkingDaysBefore: -1, maxReschedules: 1 }), 'Invalid');
});

test('apology deadline in a missing year is an error', () => {
  assert.equal(deadline('2021-01-04 17:00'), 'CalendarYearMissing');
});

test('Decree 61/2018: the return date may be set again only once', () => {
  const once = [{ issuedAt: vn('2025-03-07 10:00'), newAppointmentAt: vn('2025-03-14 17:00') }];
  assert.deepEqual(canReschedule([], rule61), { allowed: true });
  const refused = canReschedule(once, rule61);
  assert.equal(refused.allowed, false);
  assert.equal(refused.allowed ? undefined : refused.reason, 'limit_reached');
  assert.deepEqual(canReschedule(once, { latestWorkingDaysBefore: 1, maxReschedules: 2 }), { allowed: true });
});

test('Decree 118/2025 keeps the 61/2018 values until the text is checked', () => {
  assert.deepEqual(APOLOGY_RULES.decree_118_2025, rule61);
});
