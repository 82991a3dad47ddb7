import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildCalendar } from '../calendar/calendar.ts';
import { SHIPPED_CALENDAR_YEARS } from '../calendar/data/years.ts';
import { DEFAULT_OFFICE_HOURS } from '../calendar/office-hours.ts';
import { extendDueAt, extendDueAtInWorkingTime, pausedWorkingTime, type SupplementPause } from './pauses.ts';

const calendar = buildCalendar(SHIPPED_CALENDAR_YEARS);
const vn = (local: string) => `${local.replace(' ', 'T')}:00+07:00`;
const HOUR = 3_600_000;
const pause = (from: string, to?: string): SupplementPause => ({
  requestedAt: vn(from),
  ...(to === undefined ? {} : { completedAt: vn(to) }),
});

function extended(due: string, pauses: SupplementPause[], asOf?: string) {
  const raw = extendDueAt(vn(due), pauses, asOf === undefined ? undefined : vn(asOf));
  const working = extendDueAtInWorkingTime(
    vn(due),
    pauses,
    calendar,
    DEFAULT_OFFICE_HOURS,
    asOf === undefined ? undefined : vn(asOf),
  );
  const paused = pausedWorkingTime(
    pauses,
    calendar,
    DEFAULT_OFFICE_HOURS,
    asOf === undefined ? undefined : vn(asOf),
  );
  return {
    elapsed: raw.ok ? raw.value : raw.error.kind,
    working: working.ok ? working.value.dueAt : working.error.kind,
    hours: paused.ok ? [paused.value.elapsedMs / HOUR, paused.value.workingMs / HOUR] : paused.error.kind,
  };
}

test('one pause of a day (Tue 10:00 → Wed 10:00) adds 24 h, or 8 office hours', () => {
  assert.deepEqual(extended('2025-03-10 17:00', [pause('2025-03-04 10:00', '2025-03-05 10:00')]), {
    elapsed: vn('2025-03-11 17:00'),
    working: vn('2025-03-11 17:00'),
    hours: [24, 8],
  });
});

test('two pauses add up', () => {
  const pauses = [
    pause('2025-03-04 10:00', '2025-03-05 10:00'),
    pause('2025-03-06 13:30', '2025-03-06 15:30'),
  ];
  assert.deepEqual(extended('2025-03-10 17:00', pauses), {
    elapsed: vn('2025-03-11 19:00'),
    working: vn('2025-03-12 09:00'),
    hours: [26, 10],
  });
});

test('a pause over a weekend: wall-clock time counts it all, office time only Friday 1 h + Monday 2 h', () => {
  assert.deepEqual(extended('2025-03-12 17:00', [pause('2025-03-07 16:00', '2025-03-10 09:00')]), {
    elapsed: vn('2025-03-15 10:00'),
    working: vn('2025-03-13 10:00'),
    hours: [65, 3],
  });
});

test('a pause over Tết 2025 counts 2 office hours', () => {
  const result = extended('2025-02-10 17:00', [pause('2025-01-24 16:00', '2025-02-03 08:00')]);
  assert.deepEqual(result.hours, [232, 2]);
  assert.equal(result.working, vn('2025-02-11 09:00'));
});

test('overlapping requests are one wait, not two', () => {
  const pauses = [
    pause('2025-03-04 10:00', '2025-03-05 10:00'),
    pause('2025-03-04 15:00', '2025-03-04 16:00'),
  ];
  assert.deepEqual(extended('2025-03-10 17:00', pauses).hours, [24, 8]);
});

test('an open pause runs until asOf, and is left out without it', () => {
  const open = [pause('2025-03-04 10:00')];
  assert.deepEqual(extended('2025-03-10 17:00', open, '2025-03-04 12:00').hours, [2, 1.5]);
  assert.deepEqual(extended('2025-03-10 17:00', open), {
    elapsed: vn('2025-03-10 17:00'),
    working: vn('2025-03-10 17:00'),
    hours: [0, 0],
  });
});

test('a pause that ends before it starts never shortens the deadline', () => {
  assert.deepEqual(
    extended('2025-03-10 17:00', [pause('2025-03-05 10:00', '2025-03-04 10:00')]).elapsed,
    vn('2025-03-10 17:00'),
  );
});

test('no pause leaves the deadline as it was', () => {
  assert.deepEqual(extended('2025-03-10 17:00', []), {
    elapsed: vn('2025-03-10 17:00'),
    working: vn('2025-03-10 17:00'),
    hours: [0, 0],
  });
});

test('unreadable times are Invalid errors', () => {
  assert.equal(extended('2025-03-10 17:00', [{ requestedAt: 'soon' }]).elapsed, 'Invalid');
  const bad = extendDueAt('later', []);
  assert.equal(bad.ok ? undefined : bad.error.kind, 'Invalid');
});

test('office time of a pause reaching a missing year is an error', () => {
  const result = pausedWorkingTime(
    [pause('2027-12-31 10:00', '2028-01-03 10:00')],
    calendar,
    DEFAULT_OFFICE_HOURS,
  );
  assert.equal(result.ok ? undefined : result.error.kind, 'CalendarYearMissing');
});
