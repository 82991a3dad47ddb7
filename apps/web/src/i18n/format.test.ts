import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatDate, formatDateTime, isIsoDate, todayIso } from './format.ts';

void test('dates read dd/mm/yyyy', () => {
  assert.equal(formatDate('2025-06-30'), '30/06/2025');
  assert.equal(formatDate('not a date'), 'not a date');
});

void test('today is the calendar date in Vietnam, whatever the browser’s zone', () => {
  assert.equal(todayIso(new Date('2025-07-01T16:59:00Z')), '2025-07-01');
  // 00:00 on 2 July in Vietnam is still 1 July in UTC: the file received then belongs to 2 July.
  assert.equal(todayIso(new Date('2025-07-01T17:00:00Z')), '2025-07-02');
  assert.equal(todayIso(new Date('2025-12-31T17:30:00Z')), '2026-01-01');
});

void test('only complete ISO dates are valid', () => {
  assert.ok(isIsoDate('2025-06-30'));
  assert.ok(!isIsoDate(''));
  assert.ok(!isIsoDate('2025-6-30'));
  assert.ok(!isIsoDate('2025-13-01'));
});

void test('instants read dd/mm/yyyy HH:mm in Vietnam time', () => {
  assert.equal(formatDateTime('2025-07-01T01:30:00.000Z'), '01/07/2025 08:30');
  assert.equal(formatDateTime('2025-06-30T20:05:00Z'), '01/07/2025 03:05');
  assert.equal(formatDateTime(null), '–');
});

void test('signing times keep their seconds', () => {
  assert.equal(formatDateTime('2025-06-30T20:05:09Z', { seconds: true }), '01/07/2025 03:05:09');
  assert.equal(formatDateTime(undefined, { seconds: true }), '–');
  assert.equal(formatDateTime('garbled', { seconds: true }), 'garbled');
});
