import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  INDICATOR_54,
  indicator54Percent,
  indicator54Points,
  type Indicator54Counts,
} from './indicator-5-4.ts';

const k = (dossiers: number, overdue: number, withFeedbackOrDislike: number): Indicator54Counts => ({
  dossiers,
  overdue,
  withFeedbackOrDislike,
});

test('5.4 = 100 % − (overdue rate + feedback-or-dislike rate), 2 decimals', () => {
  const cases: Array<[Indicator54Counts, number | null]> = [
    [k(0, 0, 0), null], // no dossiers: N/A
    [k(1, 0, 0), 100],
    [k(100, 0, 0), 100],
    [k(100, 5, 0), 95],
    [k(100, 0, 5), 95],
    [k(100, 5, 5), 90],
    [k(3, 1, 0), 66.67],
    [k(3, 0, 2), 33.33],
    [k(7, 1, 1), 71.43],
    [k(200, 1, 0), 99.5],
    [k(20_000, 1, 0), 100], // 99.995 → half up → 100
    [k(1, 1, 0), 0], // all overdue
    [k(1, 0, 1), 0], // all disliked
    [k(10, 10, 10), 0], // the literal sum is −100 %: clamped to 0
    [k(10, 6, 6), 0],
    [k(10, 5, 5), 0],
    [k(10, 4, 5), 10],
  ];
  for (const [counts, expected] of cases)
    assert.equal(indicator54Percent(counts), expected, JSON.stringify(counts));
});

test('a dossier both overdue and disliked counts in both rates (literal formula)', () => {
  // 10 dossiers, the same 2 are overdue and disliked: 100 − (20 + 20) = 60, not 80.
  assert.equal(indicator54Percent(k(10, 2, 2)), 60);
});

test('counts must be whole numbers ≥ 0 and parts may not exceed the dossiers', () => {
  for (const bad of [
    k(-1, 0, 0),
    k(10, -1, 0),
    k(10, 0, 1.5),
    k(Number.NaN, 0, 0),
    k(10, 11, 0),
    k(10, 0, 11),
    k(0, 1, 0),
  ])
    assert.throws(() => indicator54Percent(bad), RangeError, JSON.stringify(bad));
});

test('points: 6 from 90 %, else percent / 90 × 6, 2 decimals', () => {
  assert.deepEqual(INDICATOR_54, { maxPoints: 6, targetPercent: 90 });
  const cases: Array<[number | null, number | null]> = [
    [null, null],
    [100, 6],
    [95.5, 6],
    [90, 6],
    [89.99, 6], // 5.9993… → 6.00 by rounding
    [89.9, 5.99],
    [89.92, 5.99], // 5.99466…
    [89.93, 6], // 5.99533… → 6.00
    [45, 3],
    [60, 4],
    [66.67, 4.44],
    [0.08, 0.01], // 0.00533…
    [0.07, 0], // 0.004666…
    [0, 0],
  ];
  for (const [percent, expected] of cases)
    assert.equal(indicator54Points(percent), expected, String(percent));
  for (const bad of [-0.01, 100.01, Number.NaN, Infinity])
    assert.throws(() => indicator54Points(bad), RangeError);
});

test('points of a computed indicator', () => {
  assert.equal(indicator54Points(indicator54Percent(k(100, 5, 5))), 6);
  assert.equal(indicator54Points(indicator54Percent(k(100, 10, 5))), 5.67);
  assert.equal(indicator54Points(indicator54Percent(k(0, 0, 0))), null);
});

const counts = fc
  .nat(50_000)
  .chain((dossiers) => fc.tuple(fc.constant(dossiers), fc.nat(dossiers), fc.nat(dossiers)))
  .map(([dossiers, overdue, negative]) => k(dossiers, overdue, negative));

test('property: 5.4 is in [0, 100] with at most 2 decimals, null exactly without dossiers', () => {
  fc.assert(
    fc.property(counts, (c) => {
      const percent = indicator54Percent(c);
      if (c.dossiers === 0) return assert.equal(percent, null);
      assert.ok(percent !== null && percent >= 0 && percent <= 100);
      assert.equal(percent, Math.round(percent * 100) / 100);
      const exact = 100 - (100 * c.overdue) / c.dossiers - (100 * c.withFeedbackOrDislike) / c.dossiers;
      assert.ok(Math.abs(percent - Math.max(0, exact)) <= 0.005 + 1e-9);
    }),
  );
});

test('property: more overdue (or more feedback/dislikes) never raises 5.4', () => {
  fc.assert(
    fc.property(counts, fc.nat(1000), (c, extra) => {
      const more = Math.min(c.dossiers, c.overdue + extra);
      const moreNegative = Math.min(c.dossiers, c.withFeedbackOrDislike + extra);
      const base = indicator54Percent(c) ?? 0;
      assert.ok((indicator54Percent({ ...c, overdue: more }) ?? 0) <= base);
      assert.ok((indicator54Percent({ ...c, withFeedbackOrDislike: moreNegative }) ?? 0) <= base);
    }),
  );
});

test('property: points are in [0, 6], never fall when the percentage rises, and are 6 from 90 %', () => {
  const percent = fc.integer({ min: 0, max: 10_000 }).map((h) => h / 100);
  fc.assert(
    fc.property(percent, percent, (a, b) => {
      const [lo, hi] = a <= b ? [a, b] : [b, a];
      const pLo = indicator54Points(lo);
      const pHi = indicator54Points(hi);
      assert.ok(pLo !== null && pHi !== null && pLo >= 0 && pHi <= 6 && pLo <= pHi);
      if (lo >= 90) assert.equal(pLo, 6);
      else assert.ok(Math.abs(pLo - (lo / 90) * 6) <= 0.005 + 1e-9);
    }),
  );
});
