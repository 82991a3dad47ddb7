import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { rankUnits } from './ranking.ts';

test('descending totals; equal totals share a rank and the next rank skips (1, 1, 3)', () => {
  const ranked = rankUnits([
    { unitId: 'u4', unitName: 'Xã Đạ Đờn', total: 80 },
    { unitId: 'u1', unitName: 'Xã Tân Hà', total: 91.5 },
    { unitId: 'u2', unitName: 'Xã Đan Phượng', total: 91.5 },
    { unitId: 'u3', unitName: 'Xã Nam Hà', total: 85.25 },
    { unitId: 'u5', unitName: 'Xã Ánh Dương', total: 80 },
    { unitId: 'u6', unitName: 'Xã An Phú', total: 80 },
  ]);
  assert.deepEqual(
    ranked.map((u) => [u.rank, u.unitName]),
    [
      [1, 'Xã Đan Phượng'], // Vietnamese order: D < Đ < T
      [1, 'Xã Tân Hà'],
      [3, 'Xã Nam Hà'],
      [4, 'Xã An Phú'], // "An P" < "Ánh", both before Đ
      [4, 'Xã Ánh Dương'],
      [4, 'Xã Đạ Đờn'],
    ],
  );
});

test('totals equal to the hundredth tie; extra fields are kept; the input is not changed', () => {
  const items = [
    { unitId: 'b', unitName: 'B', total: 0.1 + 0.2, code: 2 },
    { unitId: 'a', unitName: 'A', total: 0.3, code: 1 },
  ];
  const ranked = rankUnits(items);
  assert.deepEqual(
    ranked.map((u) => [u.rank, u.unitId, u.code]),
    [
      [1, 'a', 1],
      [1, 'b', 2],
    ],
  );
  assert.equal(items[0]!.unitId, 'b');
  assert.deepEqual(rankUnits([]), []);
  assert.throws(() => rankUnits([{ unitId: 'x', unitName: 'X', total: Number.NaN }]), /unit x: total/);
});

test('property: ranks follow totals and do not depend on the input order', () => {
  const unit = fc.record({
    unitId: fc.uuid(),
    unitName: fc.constantFrom('Xã A', 'Xã Ă', 'Xã Â', 'Xã B', 'Xã Đ'),
    total: fc.integer({ min: 0, max: 200 }).map((h) => h / 2),
  });
  fc.assert(
    fc.property(fc.uniqueArray(unit, { selector: (u) => u.unitId, maxLength: 30 }), (items) => {
      const ranked = rankUnits(items);
      const reversed = rankUnits([...items].reverse());
      assert.deepEqual(ranked, reversed);
      ranked.forEach((u, i) => {
        assert.equal(u.rank, ranked.filter((v) => v.total > u.total).length + 1);
        if (i > 0) assert.ok(ranked[i - 1]!.total >= u.total);
      });
    }),
  );
});
