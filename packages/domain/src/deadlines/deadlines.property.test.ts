import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { buildCalendar, isWorkingDay } from '../calendar/calendar.ts';
import { SHIPPED_CALENDAR_YEARS } from '../calendar/data/years.ts';
import { DAY_MS, toEpochMs, vnDateOf } from '../calendar/dates.ts';
import { DEFAULT_OFFICE_HOURS } from '../calendar/office-hours.ts';
import type { CalendarResult } from '../calendar/result.ts';
import { DEADLINE_STATUSES, classify, type EarlyRule } from './classify.ts';
import { computeDueAt, type DueAtInput } from './due-at.ts';
import { extendDueAt, extendDueAtInWorkingTime } from './pauses.ts';

const calendar = buildCalendar(SHIPPED_CALENDAR_YEARS);
function value<T>(result: CalendarResult<T>): T {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}
// Instants between April 2021 and June 2027, so every deadline (≤ 90 days, pauses ≤ 60 days) stays inside
// the shipped years.
const instant = fc
  .integer({ min: toEpochMs('2021-04-01T00:00:00+07:00'), max: toEpochMs('2027-06-30T00:00:00+07:00') })
  .map((ms) => new Date(ms));
const input = fc.record({
  receivedAt: instant,
  amount: fc.integer({ min: 0, max: 60 }),
  unit: fc.constantFrom<DueAtInput['unit']>('working_days', 'days', 'working_hours'),
  cutoffHour: fc.option(fc.integer({ min: 8, max: 16 }), { nil: undefined }),
  outsideHoursCountsNextWorkingDay: fc.boolean(),
  rollCalendarDaysToWorkingDay: fc.boolean(),
});
const due = (i: Omit<DueAtInput, 'calendar' | 'officeHours'>) =>
  value(computeDueAt({ ...i, calendar, officeHours: DEFAULT_OFFICE_HOURS }));

test('property: a file is never due before it was received', () => {
  fc.assert(
    fc.property(input, (i) => {
      assert.ok(toEpochMs(due(i).dueAt) >= i.receivedAt.getTime());
    }),
  );
});

test('property: the due date is the Vietnam date of the due instant', () => {
  fc.assert(
    fc.property(input, (i) => {
      const result = due(i);
      assert.equal(vnDateOf(toEpochMs(result.dueAt)), result.dueDate);
    }),
  );
});

test('property: a due date is always a working day for working units (and rolled calendar days)', () => {
  fc.assert(
    fc.property(input, (i) => {
      fc.pre(i.unit !== 'days' || i.rollCalendarDaysToWorkingDay);
      assert.equal(value(isWorkingDay(calendar, due(i).dueDate)), true);
    }),
  );
});

test('property: more time never gives an earlier due instant', () => {
  fc.assert(
    fc.property(input, fc.integer({ min: 0, max: 30 }), (i, extra) => {
      assert.ok(toEpochMs(due(i).dueAt) <= toEpochMs(due({ ...i, amount: i.amount + extra }).dueAt));
    }),
  );
});

// Only with the default receipt rule: with it off, a file received on a holiday counts that holiday as day 0
// and can fall due before one received after the cut-off on the working day before (README).
test('property: a later receipt never gives an earlier due instant (default receipt rule)', () => {
  fc.assert(
    fc.property(input, fc.integer({ min: 0, max: 10 * DAY_MS }), (i, later) => {
      const before = { ...i, outsideHoursCountsNextWorkingDay: true };
      const after = { ...before, receivedAt: new Date(i.receivedAt.getTime() + later) };
      assert.ok(toEpochMs(due(before).dueAt) <= toEpochMs(due(after).dueAt));
    }),
  );
});

const pause = fc.record({
  requestedAt: instant,
  // Negative lengths and open pauses included: neither may shorten anything.
  completedAt: fc.option(fc.integer({ min: -DAY_MS, max: 20 * DAY_MS }), { nil: undefined }),
});

test('property: a supplement pause never shortens a deadline', () => {
  fc.assert(
    fc.property(input, fc.array(pause, { maxLength: 3 }), (i, raw) => {
      const dueAt = due(i).dueAt;
      const pauses = raw.map((p) => ({
        requestedAt: p.requestedAt,
        completedAt:
          p.completedAt === undefined ? undefined : new Date(p.requestedAt.getTime() + p.completedAt),
      }));
      assert.ok(toEpochMs(value(extendDueAt(dueAt, pauses))) >= toEpochMs(dueAt));
      const working = value(extendDueAtInWorkingTime(dueAt, pauses, calendar, DEFAULT_OFFICE_HOURS));
      assert.ok(toEpochMs(working.dueAt) >= toEpochMs(dueAt));
    }),
  );
});

test('property: classification is total — exactly one bucket, consistent with the rule', () => {
  fc.assert(
    fc.property(
      instant,
      fc.option(instant, { nil: undefined }),
      instant,
      fc.integer({ min: 0, max: 4 }),
      fc.constantFrom<EarlyRule>('earlier_day', 'earlier_instant', 'never'),
      (appointmentAt, finishedAt, referenceAt, supplementRequests, earlyRule) => {
        const { status } = classify({
          appointmentAt,
          finishedAt,
          referenceAt,
          supplementRequests,
          earlyRule,
        });
        assert.equal(DEADLINE_STATUSES.filter((s) => s === status).length, 1);
        const finished = finishedAt !== undefined && finishedAt <= referenceAt;
        assert.equal(['early', 'on_time', 'late'].includes(status), finished);
        const bad =
          supplementRequests > 1 || (finished ? finishedAt > appointmentAt : referenceAt > appointmentAt);
        assert.equal(status === 'late' || status === 'overdue', bad);
      },
    ),
  );
});
