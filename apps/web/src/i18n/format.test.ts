import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatDate, formatDateTime, isIsoDate, todayIso } from './format.ts';

void test('dates read dd/mm/yyyy', () => {
  assert.equal(formatDate('2025-06-30'), '30/06/2025');
  assert.equal(formatDate('not a date'), 'not a date');
});

void test('today is the local calendar date', () => {
  assert.equal(todayIso(new Date(2025, 6, 1, 23, 59)), '2025-07-01');
  assert.equal(todayIso(new Date(2025, 0, 9, 0, 1)), '2025-01-09');
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
