import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildCalendar } from '../calendar/calendar.ts';
import { SHIPPED_CALENDAR_YEARS } from '../calendar/data/years.ts';
import { YEAR_2025 } from '../calendar/data/official.ts';
import { DEFAULT_OFFICE_HOURS } from '../calendar/office-hours.ts';
import { computeDueAt, deadlineStartDay, type DueAtInput } from './due-at.ts';

const calendar = buildCalendar(SHIPPED_CALENDAR_YEARS);
/** `2025-03-03 10:00` (or with seconds) → `2025-03-03T10:00:00+07:00`. */
const vn = (local: string) => `${local.replace(' ', 'T')}${local.length === 16 ? ':00' : ''}+07:00`;

type Case = [
  label: string,
  received: string,
  amount: number,
  unit: DueAtInput['unit'],
  due: string,
  extra?: Partial<DueAtInput>,
];

function due(received: string, amount: number, unit: DueAtInput['unit'], extra: Partial<DueAtInput> = {}) {
  return computeDueAt({
    receivedAt: vn(received),
    amount,
    unit,
    calendar,
    officeHours: DEFAULT_OFFICE_HOURS,
    ...extra,
  });
}

const CASES: Case[] = [
  // The convention: day of receipt = day 0; 5 working days from a plain Monday = the next Monday.
  ['5 working days from a Monday with no holiday', '2025-03-03 10:00', 5, 'working_days', '2025-03-10 17:00'],
  ['received before opening counts that day', '2025-03-03 06:30', 5, 'working_days', '2025-03-10 17:00'],
  ['received in the lunch break counts that day', '2025-03-03 12:00', 5, 'working_days', '2025-03-10 17:00'],
  ['Friday 16:59, inside office hours', '2025-03-07 16:59', 5, 'working_days', '2025-03-14 17:00'],
  ['Friday at 17:00 closing counts from Monday', '2025-03-07 17:00', 5, 'working_days', '2025-03-17 17:00'],
  ['Friday after hours counts from Monday', '2025-03-07 17:30', 5, 'working_days', '2025-03-17 17:00'],
  [
    'Friday after hours, option off: counts from Friday',
    '2025-03-07 17:30',
    5,
    'working_days',
    '2025-03-14 17:00',
    { outsideHoursCountsNextWorkingDay: false },
  ],
  ['Saturday counts from Monday', '2025-03-08 10:00', 5, 'working_days', '2025-03-17 17:00'],
  [
    'Saturday, option off: 5 working days after the Saturday',
    '2025-03-08 10:00',
    5,
    'working_days',
    '2025-03-14 17:00',
    { outsideHoursCountsNextWorkingDay: false },
  ],
  // Tết 2025 (25/1–2/2) and Tết 2026 (14/2–22/2).
  ['across Tết 2025', '2025-01-23 10:00', 5, 'working_days', '2025-02-06 17:00'],
  ['Friday before Tết 2025 + 1', '2025-01-24 09:00', 1, 'working_days', '2025-02-03 17:00'],
  [
    'received during Tết 2025 (online) counts from 3/2',
    '2025-01-29 20:00',
    5,
    'working_days',
    '2025-02-10 17:00',
  ],
  ['across Tết 2026', '2026-02-13 10:00', 5, 'working_days', '2026-02-27 17:00'],
  ['Thursday before Tết 2026 + 2', '2026-02-12 10:00', 2, 'working_days', '2026-02-23 17:00'],
  ['15 working days across Tết 2026', '2026-02-09 10:00', 15, 'working_days', '2026-03-09 17:00'],
  // 2025: Saturday 26/4 worked, Friday 2/5 off.
  ['the make-up Saturday 26/4/2025 is a due day', '2025-04-25 10:00', 1, 'working_days', '2025-04-26 17:00'],
  ['received on the make-up Saturday, same day', '2025-04-26 10:00', 0, 'working_days', '2025-04-26 17:00'],
  [
    'Thursday 24/4/2025 + 3 counts the make-up Saturday',
    '2025-04-24 10:00',
    3,
    'working_days',
    '2025-04-28 17:00',
  ],
  ['across 30/4–4/5/2025 (2/5 off)', '2025-04-28 10:00', 3, 'working_days', '2025-05-06 17:00'],
  [
    'Tuesday 29/4/2025 + 1 skips the bridge Friday',
    '2025-04-29 10:00',
    1,
    'working_days',
    '2025-05-05 17:00',
  ],
  // 2026: Friday 2/1 off, Saturday 10/1 worked; Giỗ Tổ observed Monday 27/4.
  ['New Year 2026 + bridge Friday', '2025-12-31 10:00', 1, 'working_days', '2026-01-05 17:00'],
  ['reaches the make-up Saturday 10/1/2026', '2026-01-07 10:00', 3, 'working_days', '2026-01-10 17:00'],
  ['Giỗ Tổ observed Monday 27/4/2026', '2026-04-24 10:00', 1, 'working_days', '2026-04-28 17:00'],
  ['Giỗ Tổ 2026 and 30/4–1/5/2026', '2026-04-24 10:00', 3, 'working_days', '2026-05-04 17:00'],
  // Same-day procedure with a 15:00 cut-off (certified copies, Decree 23/2015 art. 21).
  [
    'cut-off: 14:59 is the same day',
    '2025-03-04 14:59',
    0,
    'working_days',
    '2025-03-04 17:00',
    { cutoffHour: 15 },
  ],
  [
    'cut-off: exactly 15:00 is not after it',
    '2025-03-04 15:00',
    0,
    'working_days',
    '2025-03-04 17:00',
    { cutoffHour: '15:00' },
  ],
  [
    'cut-off: 15:01 is the next working day',
    '2025-03-04 15:01',
    0,
    'working_days',
    '2025-03-05 17:00',
    { cutoffHour: 15 },
  ],
  [
    'cut-off on a Friday moves to Monday',
    '2025-03-07 15:01',
    0,
    'working_days',
    '2025-03-10 17:00',
    { cutoffHour: 15 },
  ],
  [
    'cut-off on Friday 25/4/2025 moves to the make-up Saturday',
    '2025-04-25 15:30',
    0,
    'working_days',
    '2025-04-26 17:00',
    { cutoffHour: 15 },
  ],
  [
    'cut-off on Tuesday 29/4/2025 moves past 30/4–4/5',
    '2025-04-29 15:30',
    0,
    'working_days',
    '2025-05-05 17:00',
    { cutoffHour: 15 },
  ],
  [
    'cut-off applies even with the outside-hours option off',
    '2025-03-04 15:01',
    0,
    'working_days',
    '2025-03-05 17:00',
    { cutoffHour: 15, outsideHoursCountsNextWorkingDay: false },
  ],
  [
    '"1 day" with cut-off: 14:59 → the next working day',
    '2025-03-04 14:59',
    1,
    'working_days',
    '2025-03-05 17:00',
    { cutoffHour: 15 },
  ],
  [
    '"1 day" with cut-off: 15:01 → the day after that',
    '2025-03-04 15:01',
    1,
    'working_days',
    '2025-03-06 17:00',
    { cutoffHour: 15 },
  ],
  ['same day without a cut-off, received 16:00', '2025-03-04 16:00', 0, 'working_days', '2025-03-04 17:00'],
  [
    'same day with the option off, after closing: never due before receipt',
    '2025-03-04 18:00',
    0,
    'working_days',
    '2025-03-05 17:00',
    { outsideHoursCountsNextWorkingDay: false },
  ],
  // Calendar days ("40 ngày" for land-dispute mediation).
  ['40 days landing on 30/4/2025 roll to Monday 5/5', '2025-03-21 10:00', 40, 'days', '2025-05-05 17:00'],
  [
    '40 days landing on 30/4/2025 kept (option off) end at 24:00',
    '2025-03-21 10:00',
    40,
    'days',
    '2025-04-30 23:59:59',
    { rollCalendarDaysToWorkingDay: false },
  ],
  ['calendar days ending on a Saturday roll to Monday', '2025-03-03 10:00', 5, 'days', '2025-03-10 17:00'],
  ['calendar days ending on a working day', '2025-03-03 10:00', 3, 'days', '2025-03-06 17:00'],
  ['30 days into the Tết 2026 break roll to 23/2', '2026-01-15 10:00', 30, 'days', '2026-02-23 17:00'],
  ['calendar days from a Saturday count from Monday', '2025-03-08 10:00', 3, 'days', '2025-03-13 17:00'],
  // Working hours count office time only.
  ['8 working hours from Monday 10:00', '2025-03-03 10:00', 8, 'working_hours', '2025-03-04 10:00'],
  ['1 working hour across lunch', '2025-03-03 11:00', 1, 'working_hours', '2025-03-03 14:00'],
  ['8 working hours across a weekend', '2025-03-07 15:00', 8, 'working_hours', '2025-03-10 15:00'],
  ['working hours from a Saturday', '2025-03-08 10:00', 4, 'working_hours', '2025-03-10 11:00'],
  ['working hours across Tết 2025', '2025-01-24 16:00', 4, 'working_hours', '2025-02-03 10:00'],
  ['half an hour', '2025-03-03 16:45', 0.5, 'working_hours', '2025-03-04 07:15'],
  [
    'working hours after the cut-off start next morning',
    '2025-03-04 15:30',
    2,
    'working_hours',
    '2025-03-05 09:00',
    { cutoffHour: 15 },
  ],
];

for (const [label, received, amount, unit, expected, extra] of CASES) {
  test(`${label}: ${received} + ${amount} ${unit} → ${expected}`, () => {
    const result = due(received, amount, unit, extra);
    assert.equal(result.ok ? result.value.dueAt : JSON.stringify(result.error), vn(expected));
    assert.equal(result.ok && result.value.dueDate, expected.slice(0, 10));
  });
}

test('the result gives day 0, the day the receipt counts on', () => {
  const result = due('2025-03-07 17:30', 5, 'working_days');
  assert.deepEqual(result, {
    ok: true,
    value: { dueAt: '2025-03-17T17:00:00+07:00', dueDate: '2025-03-17', startDate: '2025-03-10' },
  });
  const start = deadlineStartDay({
    receivedAt: vn('2025-03-08 10:00'),
    calendar,
    officeHours: DEFAULT_OFFICE_HOURS,
  });
  assert.deepEqual(start, { ok: true, value: '2025-03-10' });
});

test('the due time follows the unit’s office hours', () => {
  const officeHours = {
    sessions: [
      { start: '07:30', end: '11:30' },
      { start: '13:00', end: '16:30' },
    ],
  };
  const result = due('2025-03-03 10:00', 5, 'working_days', { officeHours });
  assert.equal(result.ok && result.value.dueAt, '2025-03-10T16:30:00+07:00');
});

test('a year missing from the data is an error value, not a guess', () => {
  const only2025 = buildCalendar([YEAR_2025]);
  const result = computeDueAt({
    receivedAt: vn('2025-12-29 10:00'),
    amount: 5,
    unit: 'working_days',
    calendar: only2025,
    officeHours: DEFAULT_OFFICE_HOURS,
  });
  assert.equal(
    result.ok ? undefined : result.error.kind === 'CalendarYearMissing' && result.error.year,
    2026,
  );
  const beyond = due('2027-12-29 10:00', 5, 'working_days');
  assert.equal(
    beyond.ok ? undefined : beyond.error.kind === 'CalendarYearMissing' && beyond.error.year,
    2028,
  );
  const received = due('2020-06-01 10:00', 5, 'working_days');
  assert.equal(received.ok ? undefined : received.error.kind, 'CalendarYearMissing');
});

test('invalid inputs are Invalid errors naming the field', () => {
  const field = (result: ReturnType<typeof due>) =>
    result.ok ? undefined : result.error.kind === 'Invalid' ? result.error.field : result.error.kind;
  assert.equal(field(due('2025-03-03 10:00', -1, 'working_days')), 'amount');
  assert.equal(field(due('2025-03-03 10:00', 1.5, 'working_days')), 'amount');
  assert.equal(field(due('2025-03-03 10:00', Number.NaN, 'working_hours')), 'amount');
  assert.equal(field(due('2025-03-03 10:00', 1, 'working_days', { cutoffHour: '25:00' })), 'cutoffHour');
  assert.equal(field(due('2025-03-03 10:00', 1, 'working_days', { cutoffHour: 15.5 })), 'cutoffHour');
  assert.equal(
    field(due('2025-03-03 10:00', 1, 'working_days', { officeHours: { sessions: [] } })),
    'officeHours',
  );
  const bad = computeDueAt({
    receivedAt: 'yesterday',
    amount: 1,
    unit: 'days',
    calendar,
    officeHours: DEFAULT_OFFICE_HOURS,
  });
  assert.equal(field(bad), 'receivedAt');
});
