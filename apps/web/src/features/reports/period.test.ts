import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  changeKind,
  currentPeriod,
  isValidPeriod,
  periodBounds,
  periodFromParams,
  periodKey,
  periodNumbers,
  periodParams,
  type PeriodChoice,
} from './period.ts';

const choice = (kind: PeriodChoice['kind'], year: number, number = 1): PeriodChoice => ({
  kind,
  year,
  number,
  from: '',
  to: '',
});

void test('each kind gives the key the server reads', () => {
  assert.equal(periodKey(choice('month', 2024, 3)), '2024-03');
  assert.equal(periodKey(choice('quarter', 2024, 4)), '2024-Q4');
  assert.equal(periodKey(choice('half', 2024, 1)), '2024-H1');
  assert.equal(periodKey(choice('half', 2024, 2)), '2024-H2');
  assert.equal(periodKey(choice('nine_months', 2024)), '2024-9M');
  assert.equal(periodKey(choice('year', 2024)), '2024');
  assert.equal(periodKey({ ...choice('custom', 2024), from: '2024-01-05', to: '2024-02-10' }), null);
});

void test('bounds are whole months, leap years included', () => {
  assert.deepEqual(periodBounds(choice('month', 2024, 2)), { from: '2024-02-01', to: '2024-02-29' });
  assert.deepEqual(periodBounds(choice('month', 2025, 2)), { from: '2025-02-01', to: '2025-02-28' });
  assert.deepEqual(periodBounds(choice('quarter', 2024, 4)), { from: '2024-10-01', to: '2024-12-31' });
  assert.deepEqual(periodBounds(choice('half', 2024, 2)), { from: '2024-07-01', to: '2024-12-31' });
  assert.deepEqual(periodBounds(choice('nine_months', 2024)), { from: '2024-01-01', to: '2024-09-30' });
  assert.deepEqual(periodBounds(choice('year', 2024)), { from: '2024-01-01', to: '2024-12-31' });
});

void test('numbers offered per kind', () => {
  assert.equal(periodNumbers('month').length, 12);
  assert.deepEqual(periodNumbers('quarter'), [1, 2, 3, 4]);
  assert.deepEqual(periodNumbers('half'), [1, 2]);
  assert.deepEqual(periodNumbers('year'), []);
});

void test('changing the kind keeps the time: November → Q4 → second half → November again', () => {
  const november = choice('month', 2024, 11);
  const q4 = changeKind(november, 'quarter');
  assert.equal(periodKey(q4), '2024-Q4');
  assert.equal(periodKey(changeKind(q4, 'half')), '2024-H2');
  assert.equal(periodKey(changeKind(q4, 'month')), '2024-12');
  assert.equal(periodKey(changeKind(q4, 'year')), '2024');
  const custom = changeKind(q4, 'custom');
  assert.deepEqual([custom.from, custom.to], ['2024-10-01', '2024-12-31']);
  assert.equal(periodKey(changeKind({ ...custom, to: '2025-02-14' }, 'quarter')), '2025-Q1');
  assert.equal(changeKind(q4, 'quarter'), q4);
});

void test('the current period contains today', () => {
  assert.equal(periodKey(currentPeriod('2025-05-20', 'month')), '2025-05');
  assert.equal(periodKey(currentPeriod('2025-05-20', 'quarter')), '2025-Q2');
  assert.equal(periodKey(currentPeriod('2025-05-20', 'year')), '2025');
});

void test('validity: years 2000–2100, numbers in range, custom dates in order', () => {
  assert.ok(isValidPeriod(choice('quarter', 2024, 4)));
  assert.ok(!isValidPeriod(choice('quarter', 2024, 5)));
  assert.ok(!isValidPeriod(choice('year', 1999)));
  assert.ok(isValidPeriod({ ...choice('custom', 2024), from: '2024-01-01', to: '2024-01-01' }));
  assert.ok(!isValidPeriod({ ...choice('custom', 2024), from: '2024-02-01', to: '2024-01-01' }));
  assert.ok(!isValidPeriod({ ...choice('custom', 2024), from: '', to: '2024-01-01' }));
});

void test('the address reads back what it was given, in any of the server’s spellings', () => {
  for (const key of ['2024-03', '2024-Q4', '2024-H1', '2024-H2', '2024-9M', '2024']) {
    const read = periodFromParams(new URLSearchParams({ period: key }));
    assert.ok(read, key);
    assert.equal(periodKey(read), key);
    assert.deepEqual(periodParams(read), { period: key });
  }
  assert.equal(periodKey(periodFromParams(new URLSearchParams({ period: '2024-6m' }))!), '2024-H1');
  const custom = periodFromParams(new URLSearchParams({ from: '2024-01-05', to: '2024-02-10' }));
  assert.deepEqual(custom && periodParams(custom), { from: '2024-01-05', to: '2024-02-10' });
  assert.equal(periodFromParams(new URLSearchParams({ period: '2024-Q5' })), null);
  assert.equal(periodFromParams(new URLSearchParams({ from: '2024-01-05' })), null);
  assert.equal(periodFromParams(new URLSearchParams()), null);
});
