import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KPI_GROUPS } from './groups.ts';
import { KPI_INDICATORS, KPI_INDICATOR_IDS, kpiIndicator } from './indicators.ts';
import {
  DEFAULT_KPI_CONFIG,
  KPI_TOTAL,
  assertKpiConfig,
  overrideKpiConfig,
  validateKpiConfig,
  type KpiConfig,
} from './config.ts';

test('the catalogue: 23 indicators in 6 groups of 18/20/12/10/22/18 = 100 points (vn-rules §5.1–5.2)', () => {
  assert.equal(KPI_INDICATORS.length, 23);
  assert.deepEqual(
    KPI_INDICATORS.map((i) => i.id),
    [...KPI_INDICATOR_IDS],
  );
  assert.deepEqual(
    KPI_GROUPS.map((g) => [g.id, g.max]),
    [
      ['transparency', 18],
      ['progress', 20],
      ['online', 12],
      ['payment', 10],
      ['digitization', 22],
      ['satisfaction', 18],
    ],
  );
  const computed = KPI_INDICATORS.filter((i) => i.source === 'computed').map((i) => i.id);
  assert.deepEqual(computed, ['1.3', '2.1', '2.2', '3.1', '3.2', '3.3', '4.1', '4.2', '4.3', '5.4']);
  assert.deepEqual(
    KPI_INDICATORS.filter((i) => i.kind !== 'ratio').map((i) => [i.id, i.kind, i.max]),
    [
      ['2.2', 'display', 0],
      ['5.1', 'display', 0],
      ['5.4', 'indicator54', 6],
    ],
  );
  const targets = KPI_INDICATORS.filter((i) => i.target !== null).map((i) => [i.id, i.target]);
  assert.deepEqual(targets, [
    ['3.1', 80],
    ['3.3', 50],
    ['3.5', 80],
    ['3.5b', 80],
    ['4.2', 80],
    ['4.3', 80],
    ['5.4', 90],
  ]);
  for (const i of KPI_INDICATORS) {
    for (const text of [i.name, i.numerator, i.denominator, i.formula]) {
      assert.ok(text.vi && text.en, i.id);
      assert.equal(text.vi, text.vi.normalize('NFC'), i.id);
    }
  }
  assert.equal(kpiIndicator('5.4').name.vi, 'Hài lòng trong tiếp nhận, giải quyết TTHC');
});

test('the default config is valid and sums to 100', () => {
  assert.deepEqual(validateKpiConfig(DEFAULT_KPI_CONFIG), []);
  assert.equal(KPI_TOTAL, 100);
  assert.deepEqual(
    ['3.1', '3.2', '3.3'].map((id) => DEFAULT_KPI_CONFIG.indicators[id as '3.1'].max),
    [4, 4, 4],
  );
  assert.ok(Object.isFrozen(DEFAULT_KPI_CONFIG));
});

test('overrides: another split of the online group stays valid, the default is untouched', () => {
  const config = overrideKpiConfig({
    indicators: { '3.1': { max: 12 }, '3.2': { max: 0 }, '3.3': { max: 0, target: null } },
    naPolicy: 'full',
  });
  assert.deepEqual(validateKpiConfig(config), []);
  assert.deepEqual(config.indicators['3.1'], { max: 12, target: 80 });
  assert.deepEqual(config.indicators['3.3'], { max: 0, target: null });
  assert.equal(config.naPolicy, 'full');
  assert.equal(DEFAULT_KPI_CONFIG.indicators['3.1'].max, 4);
  assert.equal(DEFAULT_KPI_CONFIG.naPolicy, 'zero');
});

test('validation names every problem', () => {
  const broken = overrideKpiConfig({
    indicators: {
      '3.1': { max: 6 }, // online group now adds up to 14
      '4.2': { target: 0 },
      '4.3': { target: 120 },
      '2.2': { max: 1 }, // reference rows earn nothing; progress adds up to 21
      '5.1': { target: 50 },
      '1.1': { max: 1.234 },
    },
    groups: { payment: { max: 12 } },
  });
  const errors = validateKpiConfig(broken);
  const expected = [
    /indicators\.1\.1: max must be a number ≥ 0 with at most 2 decimals, got 1\.234/,
    /indicators\.2\.2: is shown for reference only, so its max must be 0, not 1/,
    /indicators\.4\.2: target must be in \(0, 100\]/,
    /indicators\.4\.3: target must be in \(0, 100\] with at most 2 decimals, or null; got 120/,
    /indicators\.5\.1: is shown for reference only and takes no target/,
    /groups\.progress: its indicators \(2\.1, 2\.2\) add up to 21 points, not the group maximum 20/,
    /groups\.online: its indicators \(3\.1, 3\.2, 3\.3\) add up to 14 points, not the group maximum 12/,
    /groups\.payment: its indicators \(3\.5, 3\.5b, 3\.6\) add up to 10 points, not the group maximum 12/,
    /groups: the group maxima add up to 102 points, not 100/,
  ];
  for (const pattern of expected)
    assert.ok(
      errors.some((e) => pattern.test(e)),
      `${String(pattern)} in\n${errors.join('\n')}`,
    );
  assert.throws(() => assertKpiConfig(broken), /invalid KPI config: .*groups\.online/);
});

test('validation: missing and unknown entries, N/A policy, bands', () => {
  const { '5.4': _dropped, ...indicators } = DEFAULT_KPI_CONFIG.indicators;
  const config = {
    ...DEFAULT_KPI_CONFIG,
    indicators: { ...indicators, '3.4': { max: 0, target: null } },
    groups: { ...DEFAULT_KPI_CONFIG.groups, extra: { max: 0 } },
    naPolicy: 'half',
    bands: [{ id: 'all', min: 10, name: { vi: 'Tất cả', en: 'All' } }],
  } as unknown as KpiConfig;
  const errors = validateKpiConfig(config);
  for (const pattern of [
    /indicators\.5\.4: missing/,
    /indicators\.3\.4: unknown indicator/,
    /groups\.extra: unknown group/,
    /groups\.satisfaction: .* add up to 12 points, not the group maximum 18/,
    /naPolicy: must be 'zero' or 'full', got half/,
    /bands: the last band must start at 0, not 10/,
  ])
    assert.ok(
      errors.some((e) => pattern.test(e)),
      `${String(pattern)} in\n${errors.join('\n')}`,
    );
});
