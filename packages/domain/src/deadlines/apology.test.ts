import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildCalendar } from '../calendar/calendar.ts';
import { SHIPPED_CALENDAR_YEARS } from '../calendar/data/years.ts';
import { DEFAULT_OFFICE_HOURS } from '../calendar/office-hours.ts';
import {
  APOLOGY_RULES,
  apologyDeadline,
  canReschedule,
  decideApology,
  type ApologyFacts,
  type ApologyRule,
} from './apology.ts';

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

describe('decideApology', () => {
  const due = vn('2026-12-10 17:00'); // Thursday
  const facts: ApologyFacts = { state: 'processing', dueAt: due, apologies: 0 };
  const command = { reason: 'Chờ xác minh của cơ quan khác', newAppointmentDate: '2026-12-15' };
  const judge = (now: string, f = facts, c = command, rule = rule61) =>
    decideApology(f, c, vn(now), calendar, rule, DEFAULT_OFFICE_HOURS);

  test('in time: the new appointment is the closing hour of the chosen working day', () => {
    const result = judge('2026-12-08 10:00');
    assert.deepEqual(result, {
      ok: true,
      newAppointmentAt: vn('2026-12-15 17:00'),
      latestAt: vn('2026-12-09 17:00'),
    });
  });
  test('up to closing time of the working day before the due date, not after', () => {
    assert.equal(judge('2026-12-09 17:00').ok, true);
    const late = judge('2026-12-09 17:01');
    assert.equal(late.ok, false);
    assert.equal(!late.ok && late.refusal, 'too_late');
    assert.match(!late.ok ? late.detail.vi : '', /09\/12\/2026/);
  });
  test('only once under either regime', () => {
    for (const regime of ['decree_61_2018', 'decree_118_2025'] as const) {
      const result = judge('2026-12-01 09:00', { ...facts, apologies: 1 }, command, APOLOGY_RULES[regime]);
      assert.equal(!result.ok && result.refusal, 'limit_reached');
    }
  });
  test('a configurable regime allowing two reschedules accepts a second', () => {
    const twice = { ...rule61, maxReschedules: 2 };
    assert.equal(judge('2026-12-01 09:00', { ...facts, apologies: 1 }, command, twice).ok, true);
  });
  test('refusals name the field to fix', () => {
    const cases: Array<[Parameters<typeof judge>[1], Parameters<typeof judge>[2], string, string]> = [
      [{ ...facts, state: 'result_ready' }, command, 'state', '/body/action'],
      [{ ...facts, state: 'returned' }, command, 'state', '/body/action'],
      [{ ...facts, dueAt: null }, command, 'no_due_date', '/body/action'],
      [facts, { ...command, reason: '  ' }, 'reason', '/body/reason'],
      [
        facts,
        { ...command, newAppointmentDate: '2026-12-12' },
        'not_working_day',
        '/body/newAppointmentDate',
      ],
      [facts, { ...command, newAppointmentDate: '2026-12-10' }, 'not_after_due', '/body/newAppointmentDate'],
      [facts, { ...command, newAppointmentDate: '2026-12-03' }, 'not_after_due', '/body/newAppointmentDate'],
    ];
    for (const [f, c, refusal, field] of cases) {
      const result = judge('2026-12-01 09:00', f, c);
      assert.equal(result.ok, false, refusal);
      assert.deepEqual(!result.ok && [result.refusal, result.field], [refusal, field]);
    }
  });
  test('a new appointment on the 2025 make-up Saturday is a working day', () => {
    const f = { ...facts, dueAt: vn('2025-04-24 17:00') };
    const result = judge('2025-04-22 09:00', f, { ...command, newAppointmentDate: '2025-04-26' });
    assert.equal(result.ok, true);
  });
});
