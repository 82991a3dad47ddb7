import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  customPeriod,
  parsePeriod,
  periodInstants,
  periodTitle,
  quartersOf,
  type Period,
} from './periods.ts';

const period = (text: string): Period => {
  const result = parsePeriod(text);
  assert.ok(result.ok, `${text} should parse`);
  return result.period;
};

test('every period kind: first and last day, canonical key, labels', () => {
  const cases: Array<[string, string, string, string, string]> = [
    ['2024', '2024', '2024-01-01', '2024-12-31', 'Năm 2024'],
    ['2024-Q1', '2024-Q1', '2024-01-01', '2024-03-31', 'Quý I năm 2024'],
    ['2024-q4', '2024-Q4', '2024-10-01', '2024-12-31', 'Quý IV năm 2024'],
    ['2024-H1', '2024-H1', '2024-01-01', '2024-06-30', '6 tháng đầu năm 2024'],
    ['2024-6M', '2024-H1', '2024-01-01', '2024-06-30', '6 tháng đầu năm 2024'],
    ['2024-H2', '2024-H2', '2024-07-01', '2024-12-31', '6 tháng cuối năm 2024'],
    ['2024-9M', '2024-9M', '2024-01-01', '2024-09-30', '9 tháng năm 2024'],
    ['2024-02', '2024-02', '2024-02-01', '2024-02-29', 'Tháng 2 năm 2024'],
    ['2023-02', '2023-02', '2023-02-01', '2023-02-28', 'Tháng 2 năm 2023'],
    ['2024-12', '2024-12', '2024-12-01', '2024-12-31', 'Tháng 12 năm 2024'],
    [' 2025-Q2 ', '2025-Q2', '2025-04-01', '2025-06-30', 'Quý II năm 2025'],
  ];
  for (const [text, key, from, to, vi] of cases) {
    const p = period(text);
    assert.deepEqual([p.key, p.from, p.to, p.label.vi], [key, from, to, vi], text);
  }
  assert.equal(period('2024-Q4').label.en, 'Q4 2024');
  assert.equal(period('2024-03').label.en, 'March 2024');
});

test('refused period texts say how to write one, in both languages', () => {
  for (const text of [
    '',
    '24',
    '2024-Q5',
    '2024-13',
    '2024-00',
    '1999',
    '2101',
    '2024-Q',
    '2024-H3',
    'Q4-2024',
  ]) {
    const result = parsePeriod(text);
    assert.equal(result.ok, false, text);
    if (!result.ok) {
      assert.match(result.problem.vi, /2024-Q4/);
      assert.match(result.problem.en, /2024-Q4/);
    }
  }
});

test('custom ranges: inclusive days, bounded, checked', () => {
  const ok = customPeriod('2024-01-05', '2024-02-10');
  assert.ok(ok.ok);
  if (ok.ok) {
    assert.equal(ok.period.key, '2024-01-05..2024-02-10');
    assert.equal(ok.period.label.vi, 'Từ ngày 05/01/2024 đến ngày 10/02/2024');
  }
  assert.ok(customPeriod('2024-01-05', '2024-01-05').ok, 'one day');
  assert.ok(customPeriod('2021-01-01', '2025-03-31').ok, 'Lâm Hà history, 4¼ years');
  assert.equal(customPeriod('2024-02-10', '2024-01-05').ok, false);
  assert.equal(customPeriod('2024-02-30', '2024-03-05').ok, false);
  assert.equal(customPeriod('2015-01-01', '2024-12-31').ok, false);
});

test('instants are Vietnam midnights, half-open', () => {
  const { from, to } = periodInstants(period('2024-Q4'));
  assert.equal(from.toISOString(), '2024-09-30T17:00:00.000Z');
  assert.equal(to.toISOString(), '2024-12-31T17:00:00.000Z');
});

test('titles print the days', () => {
  assert.equal(
    periodTitle(period('2024-Q4'), 'vi'),
    'Quý IV năm 2024 (từ ngày 01/10/2024 đến ngày 31/12/2024)',
  );
  assert.equal(periodTitle(period('2024-Q4'), 'en'), 'Q4 2024 (2024-10-01 to 2024-12-31)');
});

test('the quarters of a year tile it; every month parses to its own days', () => {
  const quarters = quartersOf(2024);
  assert.equal(quarters[0]!.from, '2024-01-01');
  assert.equal(quarters[3]!.to, '2024-12-31');
  fc.assert(
    fc.property(fc.integer({ min: 2000, max: 2100 }), fc.integer({ min: 1, max: 12 }), (year, month) => {
      const p = period(`${year}-${String(month).padStart(2, '0')}`);
      const { from, to } = periodInstants(p);
      const days = (to.getTime() - from.getTime()) / 86_400_000;
      return days >= 28 && days <= 31 && p.from.endsWith('-01');
    }),
  );
  for (let i = 0; i < 3; i += 1) {
    const a = periodInstants(quarters[i]!);
    const b = periodInstants(quarters[i + 1]!);
    assert.equal(a.to.getTime(), b.from.getTime());
  }
});
