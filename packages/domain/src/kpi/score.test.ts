import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { indicator54Points } from '../ratings/indicator-5-4.ts';
import { hundredthsOf, pointsForPercent, ratioPercent, scoreRatio } from './score.ts';

const r = (numerator: number, denominator: number) => ({ numerator, denominator });

test('percent to 2 decimals, half up, without float drift', () => {
  assert.equal(ratioPercent(r(299_558, 302_048)), 99.18);
  assert.equal(ratioPercent(r(2469, 20_000)), 12.35); // 12.345 → half up
  // 23 / 160 = 14.375 % exactly; 23 / 160 * 100 * 100 in floats is 1437.4999… and would round down.
  assert.equal(ratioPercent(r(23, 160)), 14.38);
  assert.equal(ratioPercent(r(29, 800)), 3.63); // 3.625; floats give 362.4999…
  assert.equal(ratioPercent(r(7, 20_000)), 0.04); // 0.035; floats give 3.4999…
  assert.equal(ratioPercent(r(1, 3)), 33.33);
  assert.equal(ratioPercent(r(2, 3)), 66.67);
  assert.equal(ratioPercent(r(0, 5)), 0);
  assert.equal(ratioPercent(r(5, 5)), 100);
  assert.equal(ratioPercent(r(0, 0)), null);
});

test('large counts: 10 million and up to the largest safe integer', () => {
  assert.equal(ratioPercent(r(9_999_500, 10_000_000)), 100); // 99.995 → half up
  assert.equal(ratioPercent(r(9_999_499, 10_000_000)), 99.99);
  assert.equal(ratioPercent(r(7_777_777, 10_000_000)), 77.78);
  const max = Number.MAX_SAFE_INTEGER;
  assert.equal(ratioPercent(r(max - 1, max)), 100);
  assert.equal(ratioPercent(r(Math.floor(max / 2), max)), 50);
  assert.deepEqual(scoreRatio(r(9_999_500, 10_000_000), { max: 20, target: null }), {
    percent: 100,
    points: 20,
  });
});

test('with a target: full points from the target on, else percent / target × max', () => {
  const rule = { max: 4, target: 80 };
  assert.deepEqual(scoreRatio(r(80, 100), rule), { percent: 80, points: 4 }); // exactly the target
  assert.deepEqual(scoreRatio(r(95, 100), rule), { percent: 95, points: 4 });
  assert.deepEqual(scoreRatio(r(60, 100), rule), { percent: 60, points: 3 });
  assert.deepEqual(scoreRatio(r(0, 100), rule), { percent: 0, points: 0 });
  // Just under the target: 79.99 / 80 × 4 = 3.9995 → rounds to the maximum; 79.89 → 3.9945 → 3.99.
  assert.deepEqual(scoreRatio(r(7999, 10_000), rule), { percent: 79.99, points: 4 });
  assert.deepEqual(scoreRatio(r(7989, 10_000), rule), { percent: 79.89, points: 3.99 });
  assert.deepEqual(scoreRatio(r(299_558, 302_048), rule), { percent: 99.18, points: 4 });
});

test('without a target: percent × max, points from the rounded percent, half up', () => {
  assert.deepEqual(scoreRatio(r(1187, 1250), { max: 20, target: null }), { percent: 94.96, points: 18.99 });
  // 0.25 % of 2 points = 0.005 → half up → 0.01.
  assert.deepEqual(scoreRatio(r(1, 400), { max: 2, target: null }), { percent: 0.25, points: 0.01 });
  assert.deepEqual(scoreRatio(r(1, 401), { max: 2, target: null }), { percent: 0.25, points: 0.01 });
  // 0.24 % of 2 = 0.0048 → 0.
  assert.deepEqual(scoreRatio(r(24, 10_000), { max: 2, target: null }), { percent: 0.24, points: 0 });
  // 2.1 is linear over 20 points [S24].
  assert.deepEqual(scoreRatio(r(2469, 20_000), { max: 20, target: null }), { percent: 12.35, points: 2.47 });
});

test('zero denominator is N/A (null)', () => {
  assert.equal(scoreRatio(r(0, 0), { max: 6, target: null }), null);
  assert.equal(scoreRatio(r(0, 0), { max: 4, target: 80 }), null);
});

test('invalid counts and rules are RangeErrors', () => {
  const rule = { max: 6, target: null };
  assert.throws(() => scoreRatio(r(11, 10), rule), /numerator cannot exceed denominator/);
  assert.throws(() => scoreRatio(r(1, 0), rule), /numerator cannot exceed denominator/);
  assert.throws(() => scoreRatio(r(-1, 10), rule), /numerator must be a whole number/);
  assert.throws(() => scoreRatio(r(1.5, 10), rule), /numerator must be a whole number/);
  assert.throws(() => scoreRatio(r(1, Number.NaN), rule), /denominator must be a whole number/);
  assert.throws(() => scoreRatio(r(1, 2 ** 60), rule), /denominator must be a whole number/);
  assert.throws(() => scoreRatio(r(1, 2), { max: -1, target: null }), /max must be/);
  assert.throws(() => scoreRatio(r(1, 2), { max: 1.234, target: null }), /max must be/);
  assert.throws(() => scoreRatio(r(1, 2), { max: 2, target: 0 }), /target must be in \(0, 100\]/);
  assert.throws(() => scoreRatio(r(1, 2), { max: 2, target: 100.01 }), /target must be/);
  assert.throws(() => pointsForPercent(100.01, rule), /percent must be in \[0, 100\]/);
  assert.throws(() => pointsForPercent(50.123, rule), /at most 2 decimals/);
  assert.throws(() => pointsForPercent(-0.01, rule), /percent must be/);
});

test('hundredthsOf accepts decimals that binary cannot hold exactly, refuses a third decimal', () => {
  assert.equal(hundredthsOf(99.18), 9918);
  assert.equal(hundredthsOf(0.29), 29);
  assert.equal(hundredthsOf(1.005), null);
  assert.equal(hundredthsOf(Number.POSITIVE_INFINITY), null);
});

const counts = fc
  .integer({ min: 0, max: 20_000_000 })
  .chain((denominator) => fc.tuple(fc.nat(denominator), fc.constant(denominator)));
const rules = fc.record({
  max: fc.integer({ min: 0, max: 2000 }).map((h) => h / 100),
  target: fc.option(fc.integer({ min: 1, max: 10_000 }).map((h) => h / 100)),
});

test('property: 0 ≤ points ≤ max, percent in [0, 100], and the maximum from the target on', () => {
  fc.assert(
    fc.property(counts, rules, ([numerator, denominator], rule) => {
      const score = scoreRatio({ numerator, denominator }, rule);
      if (denominator === 0) return score === null;
      assert.ok(score);
      assert.ok(score.percent >= 0 && score.percent <= 100);
      assert.ok(score.points >= 0 && score.points <= rule.max);
      if (rule.target !== null && score.percent >= rule.target) assert.equal(score.points, rule.max);
      return true;
    }),
  );
});

test('property: points never decrease when the numerator grows', () => {
  fc.assert(
    fc.property(counts, fc.nat(1000), rules, ([numerator, denominator], step, rule) => {
      const more = Math.min(denominator, numerator + step);
      const a = scoreRatio({ numerator, denominator }, rule);
      const b = scoreRatio({ numerator: more, denominator }, rule);
      return a === null || (b !== null && b.percent >= a.percent && b.points >= a.points);
    }),
  );
});

test('property: with 6 points from 90 %, the generic rule gives what indicator-5-4.ts gives', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 10_000 }), (h) => {
      const percent = h / 100;
      return pointsForPercent(percent, { max: 6, target: 90 }) === indicator54Points(percent);
    }),
  );
});
