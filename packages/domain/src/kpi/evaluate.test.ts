import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { DEFAULT_KPI_CONFIG, overrideKpiConfig } from './config.ts';
import { evaluateIndex, type KpiInput, type KpiInputs } from './evaluate.ts';
import { KPI_INDICATORS } from './indicators.ts';

/** A unit with 1 250 dossiers in the period; every computed indicator with a known answer. */
const computed: KpiInputs = {
  '1.3': { numerator: 45, denominator: 50 }, // 90 % × 2 = 1.8
  '2.1': { numerator: 1187, denominator: 1250 }, // 94.96 % × 20 = 18.992 → 18.99
  '2.2': { value: 4.5, unit: 'ngày làm việc' }, // reference: 0
  '3.1': { numerator: 72, denominator: 120 }, // 60 % < 80 % → 60 / 80 × 4 = 3
  '3.2': { numerator: 35, denominator: 72 }, // 48.61 % × 4 = 1.9444 → 1.94
  '3.3': { numerator: 600, denominator: 1250 }, // 48 % < 50 % → 48 / 50 × 4 = 3.84
  '4.1': { numerator: 980, denominator: 1000 }, // 98 % × 6 = 5.88
  '4.2': { numerator: 1000, denominator: 1250 }, // 80 % = target → 4
  '4.3': { numerator: 250, denominator: 1250 }, // 20 % < 80 % → 20 / 80 × 2 = 0.5
  '5.4': { dossiers: 1250, overdue: 63, withFeedbackOrDislike: 25 }, // 1162 / 1250 = 92.96 % ≥ 90 % → 6
};

/** What motcua cannot see, entered by hand (points, percent, or counts). */
const entered: KpiInputs = {
  '1.1': { entered: { points: 6 } },
  '1.2': { entered: { percent: 100 } }, // 4
  '1.4': { numerator: 1250, denominator: 1250 }, // counts typed in: 6
  '3.5': { entered: { percent: 85 } }, // ≥ 80 % → 2
  '3.5b': { entered: { percent: 40 } }, // 40 / 80 × 2 = 1
  '3.6': { numerator: 100, denominator: 400 }, // 25 % × 6 = 1.5
  ECC: { entered: { points: 2 } },
  '4.4': { entered: { percent: 33.33 } }, // 33.33 % × 4 = 1.3332 → 1.33
  '4.5a': { entered: { percent: 100 } }, // 2
  '4.5b': { entered: { percent: 50 } }, // 1
  '5.1': { entered: { percent: 30 } }, // reference: 0
  '5.2': { numerator: 95, denominator: 100 }, // 95 % × 6 = 5.7
  '5.3': { entered: { percent: 90 } }, // 90 % × 6 = 5.4
};

const byId = (result: ReturnType<typeof evaluateIndex>) => new Map(result.indicators.map((i) => [i.id, i]));

test('a hand-built unit: every computed indicator, groups, total 45.95, band Yếu', () => {
  const result = evaluateIndex(computed);
  const rows = byId(result);
  const expected: Array<[string, number | null, number]> = [
    ['1.3', 90, 1.8],
    ['2.1', 94.96, 18.99],
    ['2.2', null, 0],
    ['3.1', 60, 3],
    ['3.2', 48.61, 1.94],
    ['3.3', 48, 3.84],
    ['4.1', 98, 5.88],
    ['4.2', 80, 4],
    ['4.3', 20, 0.5],
    ['5.4', 92.96, 6],
  ];
  for (const [id, percent, points] of expected) {
    const row = rows.get(id as '1.3')!;
    assert.deepEqual([row.percent, row.points, row.source, row.na], [percent, points, 'computed', false], id);
  }
  assert.deepEqual(rows.get('2.2')!.display, { value: 4.5, unit: 'ngày làm việc' });
  assert.deepEqual([rows.get('5.4')!.numerator, rows.get('5.4')!.denominator], [1162, 1250]);
  for (const id of ['1.1', '1.2', '1.4', '3.5', 'ECC', '5.2', '5.3'] as const) {
    const row = rows.get(id)!;
    assert.deepEqual([row.source, row.points, row.percent, row.na], ['missing', 0, null, false], id);
  }
  assert.deepEqual(
    result.groups.map((g) => [g.id, g.points, g.max]),
    [
      ['transparency', 1.8, 18],
      ['progress', 18.99, 20],
      ['online', 8.78, 12],
      ['payment', 0, 10],
      ['digitization', 10.38, 22],
      ['satisfaction', 6, 18],
    ],
  );
  assert.equal(result.total, 45.95);
  assert.equal(result.max, 100);
  assert.equal(result.band.name.vi, 'Yếu');
  assert.equal(result.indicators.length, 23);
});

test('with the entered values: total 83.88, band Tốt', () => {
  const result = evaluateIndex({ ...computed, ...entered });
  const rows = byId(result);
  for (const [id, points] of [
    ['1.1', 6],
    ['1.2', 4],
    ['1.4', 6],
    ['3.5', 2],
    ['3.5b', 1],
    ['3.6', 1.5],
    ['ECC', 2],
    ['4.4', 1.33],
    ['4.5a', 2],
    ['4.5b', 1],
    ['5.1', 0],
    ['5.2', 5.7],
    ['5.3', 5.4],
  ] as const) {
    assert.equal(rows.get(id)!.points, points, id);
    assert.equal(rows.get(id)!.source, 'entered', id);
  }
  assert.equal(rows.get('1.1')!.percent, null);
  assert.equal(rows.get('5.1')!.percent, 30);
  assert.deepEqual(
    result.groups.map((g) => g.points),
    [17.8, 18.99, 8.78, 4.5, 16.71, 17.1],
  );
  assert.equal(result.total, 83.88);
  assert.equal(result.band.id, 'good');
  assert.equal(result.band.name.vi, 'Tốt');
});

test('explanations show the working, in Vietnamese and English', () => {
  const rows = byId(evaluateIndex({ ...computed, ...entered, '3.2': { numerator: 0, denominator: 0 } }));
  assert.deepEqual(rows.get('3.1')!.explanation, {
    vi: '72 / 120 = 60 % < 80 % → 60 / 80 × 4 = 3/4 điểm',
    en: '72 / 120 = 60 % < 80 % → 60 / 80 × 4 = 3/4 points',
  });
  assert.equal(rows.get('2.1')!.explanation.vi, '1.187 / 1.250 = 94,96 % → 94,96 % × 20 = 18,99/20 điểm');
  assert.equal(rows.get('4.2')!.explanation.en, '1,000 / 1,250 = 80 % ≥ 80 % → 4/4 points');
  assert.equal(
    rows.get('5.4')!.explanation.vi,
    '100 % − (63 quá hạn + 25 có PAKN hoặc không hài lòng) / 1.250 hồ sơ = 92,96 % ≥ 90 % → 6/6 điểm',
  );
  assert.equal(rows.get('3.2')!.explanation.vi, 'Mẫu số bằng 0: không áp dụng (N/A) → 0/4 điểm');
  assert.equal(rows.get('2.2')!.explanation.vi, 'Tham khảo: 4,5 ngày làm việc, không tính điểm');
  assert.equal(rows.get('1.1')!.explanation.en, 'Points entered: 6/6 points');
  assert.equal(rows.get('4.4')!.explanation.vi, 'Tỷ lệ nhập: 33,33 % → 33,33 % × 4 = 1,33/4 điểm');
  assert.equal(evaluateIndex({}).indicators[0]!.explanation.vi, 'Chưa có số liệu → 0/6 điểm');
});

test('N/A (denominator 0): 0 points by default, the maximum with naPolicy full; missing stays 0', () => {
  const inputs: KpiInputs = {
    '3.2': { numerator: 0, denominator: 0 },
    '5.4': { dossiers: 0, overdue: 0, withFeedbackOrDislike: 0 },
  };
  const zero = byId(evaluateIndex(inputs));
  assert.deepEqual([zero.get('3.2')!.na, zero.get('3.2')!.points, zero.get('3.2')!.percent], [true, 0, null]);
  assert.deepEqual([zero.get('5.4')!.na, zero.get('5.4')!.points], [true, 0]);
  const full = evaluateIndex(inputs, overrideKpiConfig({ naPolicy: 'full' }));
  const rows = byId(full);
  assert.deepEqual([rows.get('3.2')!.na, rows.get('3.2')!.points], [true, 4]);
  assert.deepEqual([rows.get('5.4')!.na, rows.get('5.4')!.points], [true, 6]);
  assert.equal(rows.get('2.1')!.points, 0); // missing
  assert.equal(full.total, 10);
  assert.equal(full.naPolicy, 'full');
  assert.match(rows.get('3.2')!.explanation.en, /N\/A\) → counted in full, 4\/4 points/);
});

test('a config override changes the scoring: the online 12 points all on 3.1; 5.4 at 4 points from 95 %', () => {
  const config = overrideKpiConfig({
    indicators: {
      '3.1': { max: 12 },
      '3.2': { max: 0 },
      '3.3': { max: 0 },
      '5.4': { max: 4, target: 95 },
      '5.2': { max: 8 },
    },
  });
  const rows = byId(evaluateIndex(computed, config));
  assert.equal(rows.get('3.1')!.points, 9); // 60 / 80 × 12
  assert.equal(rows.get('3.2')!.points, 0);
  assert.equal(rows.get('5.4')!.points, 3.91); // 92.96 / 95 × 4 = 3.914…
  assert.throws(() => evaluateIndex(computed, overrideKpiConfig({ indicators: { '3.1': { max: 5 } } })), {
    name: 'RangeError',
    message: /invalid KPI config: groups\.online/,
  });
});

test('inputs that do not fit are RangeErrors naming the indicator', () => {
  const bad: Array<[KpiInputs, RegExp]> = [
    [{ '2.1': { numerator: 11, denominator: 10 } }, /^indicator 2\.1: numerator cannot exceed denominator/],
    [{ '2.1': { numerator: 1.5, denominator: 10 } }, /^indicator 2\.1: numerator must be a whole number/],
    [{ '5.4': { numerator: 1, denominator: 2 } }, /^indicator 5\.4: expected \{dossiers, overdue, /],
    [
      { '5.4': { dossiers: 2, overdue: 3, withFeedbackOrDislike: 0 } },
      /^indicator 5\.4: overdue cannot exceed/,
    ],
    [{ '2.1': { value: 1, unit: 'ngày' } }, /^indicator 2\.1: expected \{numerator, denominator\}/],
    [{ '2.2': { numerator: 1, denominator: 2 } }, /^indicator 2\.2: expected \{value, unit\}/],
    [{ '1.1': { entered: { points: 6.01 } } }, /^indicator 1\.1: points must be in \[0, 6\]/],
    [{ '1.1': { entered: { percent: 101 } } }, /^indicator 1\.1: percent must be in \[0, 100\]/],
    [{ '5.1': { entered: { points: 1 } } }, /^indicator 5\.1: a reference indicator earns no points/],
    [{ '5.1': { entered: { percent: -1 } } }, /^indicator 5\.1: percent must be in/],
    [{ '1.1': { entered: {} } } as unknown as KpiInputs, /^indicator 1\.1: entered must be \{percent\} or/],
    [{ '1.1': 5 } as unknown as KpiInputs, /^indicator 1\.1: input must be an object/],
    [{ '3.4': { numerator: 1, denominator: 2 } } as unknown as KpiInputs, /^unknown indicator 3\.4/],
  ];
  for (const [inputs, message] of bad)
    assert.throws(() => evaluateIndex(inputs), { name: 'RangeError', message }, JSON.stringify(inputs));
});

test('an entered percent for 5.4 is scored by the 5.4 rule', () => {
  const rows = byId(evaluateIndex({ '5.4': { entered: { percent: 81 } } }));
  assert.deepEqual([rows.get('5.4')!.points, rows.get('5.4')!.source], [5.4, 'entered']);
});

// Random inputs for every indicator: counts fitting its kind, an entered value, or nothing.
const ratioInput = fc
  .integer({ min: 0, max: 5_000_000 })
  .chain((d) => fc.record({ numerator: fc.nat(d), denominator: fc.constant(d) }));
const input54 = fc
  .integer({ min: 0, max: 100_000 })
  .chain((d) =>
    fc.record({ dossiers: fc.constant(d), overdue: fc.nat(d), withFeedbackOrDislike: fc.nat(d) }),
  );
const percent = fc.integer({ min: 0, max: 10_000 }).map((h) => h / 100);
const inputsArb = fc.record(
  Object.fromEntries(
    KPI_INDICATORS.map((i) => {
      const counts: fc.Arbitrary<KpiInput> =
        i.kind === 'ratio'
          ? ratioInput
          : i.kind === 'indicator54'
            ? input54
            : fc.record({
                value: fc.double({ noNaN: true, noDefaultInfinity: true }),
                unit: fc.constant('ngày'),
              });
      const points = fc.integer({ min: 0, max: i.max * 100 }).map((h) => ({ entered: { points: h / 100 } }));
      const choices = [counts, percent.map((p) => ({ entered: { percent: p } }))];
      if (i.kind !== 'display') choices.push(points);
      return [i.id, fc.oneof(...choices)];
    }),
  ),
  { requiredKeys: [] },
) as fc.Arbitrary<KpiInputs>;

test('property: points within [0, max], groups within their maximum, total ≤ 100 and the sum of the groups', () => {
  fc.assert(
    fc.property(inputsArb, fc.constantFrom('zero' as const, 'full' as const), (inputs, naPolicy) => {
      const result = evaluateIndex(inputs, { ...DEFAULT_KPI_CONFIG, naPolicy });
      for (const row of result.indicators) assert.ok(row.points >= 0 && row.points <= row.max, row.id);
      for (const group of result.groups) assert.ok(group.points >= 0 && group.points <= group.max, group.id);
      const sum = result.groups.reduce((s, g) => s + Math.round(g.points * 100), 0);
      assert.equal(Math.round(result.total * 100), sum);
      assert.ok(result.total >= 0 && result.total <= 100);
    }),
    { numRuns: 300 },
  );
});

test('property: the total never falls when one ratio numerator grows', () => {
  const ratioIds = KPI_INDICATORS.filter((i) => i.kind === 'ratio').map((i) => i.id);
  fc.assert(
    fc.property(
      inputsArb,
      fc.constantFrom(...ratioIds),
      ratioInput,
      fc.nat(1000),
      (inputs, id, counts, step) => {
        const before = evaluateIndex({ ...inputs, [id]: counts });
        const grown = { ...counts, numerator: Math.min(counts.denominator, counts.numerator + step) };
        const after = evaluateIndex({ ...inputs, [id]: grown });
        assert.ok(after.total >= before.total);
      },
    ),
    { numRuns: 200 },
  );
});
