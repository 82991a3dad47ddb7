import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatVnInstant, isIsoDate, toEpochMs, vnDateOf, vnTimeOfDay, weekday } from './dates.ts';

test('Vietnam time is UTC+07:00: 17:30Z on 31/12 is already 1/1 in Vietnam', () => {
  const ms = toEpochMs('2025-12-31T17:30:00Z');
  assert.equal(vnDateOf(ms), '2026-01-01');
  assert.equal(vnTimeOfDay(ms), 30 * 60_000);
  assert.equal(formatVnInstant(ms), '2026-01-01T00:30:00+07:00');
});

test('instants need an explicit offset (a bare local time would depend on the server zone)', () => {
  assert.ok(Number.isNaN(toEpochMs('2025-03-03T10:00:00')));
  assert.ok(Number.isNaN(toEpochMs('2025-03-03')));
  assert.equal(toEpochMs('2025-03-03T10:00+07:00'), toEpochMs('2025-03-03T03:00:00Z'));
  assert.equal(toEpochMs(new Date('2025-03-03T03:00:00Z')), toEpochMs('2025-03-03T03:00:00.000Z'));
});

test('dates are real calendar dates', () => {
  assert.equal(isIsoDate('2024-02-29'), true);
  assert.equal(isIsoDate('2025-02-29'), false);
  assert.equal(isIsoDate('2025-3-3'), false);
  assert.equal(weekday('2025-04-26'), 6);
  assert.equal(weekday('2026-04-26'), 0);
});

test('milliseconds are shown only when present', () => {
  assert.equal(formatVnInstant(toEpochMs('2025-03-03T10:00:00.250+07:00')), '2025-03-03T10:00:00.250+07:00');
});
