import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_KPI_BANDS, bandOf, validateBands, type KpiBand } from './bands.ts';

test('default bands: Xuất sắc ≥ 90, Tốt ≥ 80, Khá ≥ 70, Trung bình ≥ 50, Yếu below', () => {
  assert.deepEqual(validateBands(DEFAULT_KPI_BANDS), []);
  const cases: Array<[number, string, string]> = [
    [100, 'excellent', 'Xuất sắc'],
    [90, 'excellent', 'Xuất sắc'],
    [89.99, 'good', 'Tốt'],
    [80, 'good', 'Tốt'],
    [79.99, 'fair', 'Khá'],
    [70, 'fair', 'Khá'],
    [69.99, 'average', 'Trung bình'],
    [50, 'average', 'Trung bình'],
    [49.99, 'weak', 'Yếu'],
    [0, 'weak', 'Yếu'],
  ];
  for (const [total, id, vi] of cases) {
    const band = bandOf(total);
    assert.equal(band.id, id, String(total));
    assert.equal(band.name.vi, vi);
  }
  // A float a hair under 90 (as a sum of floats may be) is 90.00 to the hundredth.
  assert.equal(bandOf(89.99999999999999).id, 'excellent');
  assert.equal(bandOf(89.994).id, 'good');
});

test('bands are data: a caller may replace them', () => {
  const passFail: KpiBand[] = [
    { id: 'pass', min: 75.5, name: { vi: 'Đạt', en: 'Pass' } },
    { id: 'fail', min: 0, name: { vi: 'Không đạt', en: 'Fail' } },
  ];
  assert.equal(bandOf(75.5, passFail).id, 'pass');
  assert.equal(bandOf(75.49, passFail).id, 'fail');
});

test('band validation: descending, unique, last at 0', () => {
  const name = { vi: 'X', en: 'X' };
  assert.deepEqual(validateBands([]), ['bands: at least one band is needed']);
  assert.match(
    validateBands([
      { id: 'a', min: 50, name },
      { id: 'b', min: 80, name },
      { id: 'c', min: 0, name },
    ]).join('\n'),
    /bands\[1\] \(b\): min 80 must be lower than the band before it/,
  );
  assert.match(
    validateBands([
      { id: 'a', min: 50, name },
      { id: 'a', min: 50, name },
      { id: 'c', min: 0, name },
    ]).join('\n'),
    /bands\[1\] \(a\): id is used twice[\s\S]*must be lower than the band before it/,
  );
  assert.match(validateBands([{ id: 'a', min: 10, name }]).join('\n'), /last band must start at 0, not 10/);
  assert.match(validateBands([{ id: 'a', min: 101, name }]).join('\n'), /min must be a number in \[0, 100\]/);
  assert.match(validateBands([{ id: 'a', min: 0, name: { vi: '', en: 'A' } }]).join('\n'), /Vietnamese/);
  assert.throws(() => bandOf(50, [{ id: 'a', min: 10, name }]), /last band must start at 0/);
  assert.throws(() => bandOf(Number.NaN), /total must be a number ≥ 0/);
});
