import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { CRITERIA, RATING_LEVELS, type RatingLevel } from './criteria.ts';
import {
  countLevels,
  criterionRates,
  emptyCounts,
  overallRate,
  satisfactionRate,
  type LevelCounts,
} from './satisfaction.ts';

const c = (rat_hai_long: number, hai_long: number, khong_hai_long: number): LevelCounts => ({
  rat_hai_long,
  hai_long,
  khong_hai_long,
});

test('satisfaction rate examples', () => {
  const cases: Array<[LevelCounts, number | null]> = [
    [c(0, 0, 0), null], // no ratings: no rate
    [c(1, 0, 0), 1],
    [c(0, 1, 0), 1],
    [c(0, 0, 1), 0], // all unsatisfied
    [c(0, 0, 250), 0],
    [c(3, 2, 5), 0.5],
    [c(1, 1, 1), 0.6667],
    [c(0, 1, 2), 0.3333],
    [c(1, 0, 7), 0.125],
    [c(9795, 0, 205), 0.9795], // [S27]: 97,95 %
    [c(1, 0, 19_999), 0.0001], // 0.00005 → half up
    [c(0, 1, 20_000), 0], // just under half
    [c(19_999, 0, 1), 1], // 0.99995 → 1
  ];
  for (const [counts, expected] of cases)
    assert.equal(satisfactionRate(counts), expected, JSON.stringify(counts));
});

test('counts must be whole numbers ≥ 0', () => {
  for (const bad of [c(-1, 0, 0), c(0, 0.5, 1), c(0, 0, Number.NaN), c(Infinity, 0, 0)])
    assert.throws(() => satisfactionRate(bad), RangeError);
});

test('countLevels and overallRate', () => {
  assert.deepEqual(countLevels([]), emptyCounts());
  assert.deepEqual(countLevels(['hai_long', 'khong_hai_long', 'hai_long', 'rat_hai_long']), c(1, 2, 1));
  assert.equal(overallRate([]), null);
  assert.equal(
    overallRate([
      { level: 'hai_long' },
      { level: 'khong_hai_long' },
      { level: 'rat_hai_long' },
      { level: 'hai_long' },
    ]),
    0.75,
  );
});

test('criterionRates: every criterion present, unrated ones null, omitted criteria not counted', () => {
  const empty = criterionRates([]);
  assert.deepEqual(Object.keys(empty), [...CRITERIA]);
  for (const code of CRITERIA) assert.deepEqual(empty[code], { counts: emptyCounts(), rate: null });

  const rates = criterionRates([
    { criteria: { on_time: 'khong_hai_long', staff_attitude: 'rat_hai_long' } },
    { criteria: { on_time: 'hai_long' } },
    { criteria: {} },
    { criteria: { on_time: 'khong_hai_long', staff_attitude: 'hai_long', online_service: 'khong_hai_long' } },
  ]);
  assert.deepEqual(rates.on_time, { counts: c(0, 1, 2), rate: 0.3333 });
  assert.deepEqual(rates.staff_attitude, { counts: c(1, 1, 0), rate: 1 });
  assert.deepEqual(rates.online_service, { counts: c(0, 0, 1), rate: 0 });
  assert.deepEqual(rates.convenience, { counts: emptyCounts(), rate: null });
});

const counts = fc.record({
  rat_hai_long: fc.nat(100_000),
  hai_long: fc.nat(100_000),
  khong_hai_long: fc.nat(100_000),
});

test('property: the rate is null exactly without ratings, otherwise in [0, 1] with at most 4 decimals', () => {
  fc.assert(
    fc.property(counts, (k) => {
      const rate = satisfactionRate(k);
      const total = k.rat_hai_long + k.hai_long + k.khong_hai_long;
      if (total === 0) return assert.equal(rate, null);
      assert.ok(rate !== null && rate >= 0 && rate <= 1);
      assert.equal(rate, Math.round(rate * 10_000) / 10_000);
      assert.ok(Math.abs(rate - (k.rat_hai_long + k.hai_long) / total) <= 0.00005 + 1e-12);
    }),
  );
});

test('property: adding a satisfied rating never lowers the rate, adding an unsatisfied one never raises it', () => {
  fc.assert(
    fc.property(counts, fc.constantFrom<RatingLevel>('rat_hai_long', 'hai_long'), (k, level) => {
      const before = satisfactionRate(k) ?? 0;
      const after = satisfactionRate({ ...k, [level]: k[level] + 1 });
      assert.ok(after !== null && after >= before);
      const worse = satisfactionRate({ ...k, khong_hai_long: k.khong_hai_long + 1 });
      assert.ok(worse !== null && worse <= (satisfactionRate(k) ?? 1));
    }),
  );
});

test('property: criterionRates counts each given level once, per criterion', () => {
  const rating = fc.record({
    criteria: fc.dictionary(fc.constantFrom(...CRITERIA), fc.constantFrom(...RATING_LEVELS)),
  });
  fc.assert(
    fc.property(fc.array(rating, { maxLength: 50 }), (ratings) => {
      const rates = criterionRates(ratings);
      for (const code of CRITERIA) {
        const given = ratings.map((r) => r.criteria[code]).filter((l) => l !== undefined);
        assert.deepEqual(rates[code].counts, countLevels(given));
        assert.equal(rates[code].rate, satisfactionRate(countLevels(given)));
      }
    }),
  );
});
