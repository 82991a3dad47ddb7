import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  formatApplicationCode,
  lookupKeyFrom,
  normaliseLookupKey,
  parseApplicationCode,
  resultCode,
} from './application-code.ts';

test('the Circular 01/2018 format: unit-YYMMDD-XXXX', () => {
  assert.equal(
    formatApplicationCode({ unitCode: '000.00.12.H38', date: '2024-01-01', seq: 1 }),
    '000.00.12.H38-240101-0001',
  );
});

test('a configurable template (e.g. a longer daily sequence)', () => {
  assert.equal(
    formatApplicationCode({ unitCode: 'H36.24871', date: '2026-11-27', seq: 42 }, '{unit}-{yyyymmdd}-{seq6}'),
    'H36.24871-20261127-000042',
  );
});

test('a sequence that does not fit is refused, not truncated', () => {
  assert.throws(() => formatApplicationCode({ unitCode: 'X', date: '2026-11-27', seq: 10000 }), RangeError);
});

test('codes parse back; results are numbered -KQn', () => {
  assert.deepEqual(parseApplicationCode('000.00.12.H38-240101-0007'), {
    unitCode: '000.00.12.H38',
    yymmdd: '240101',
    seq: 7,
  });
  assert.equal(parseApplicationCode('not a code'), undefined);
  assert.equal(resultCode('000.00.12.H38-240101-0007', 2), '000.00.12.H38-240101-0007-KQ2');
});

test('property: format then parse gives the parts back', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 9999 }),
      fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }),
      (seq, d) => {
        const date = d.toISOString().slice(0, 10);
        const parsed = parseApplicationCode(formatApplicationCode({ unitCode: '000.00.12.H38', date, seq }));
        assert.equal(parsed?.seq, seq);
        assert.equal(parsed?.yymmdd, date.slice(2).replaceAll('-', ''));
      },
    ),
  );
});

test('lookup keys use an unambiguous alphabet and forgive O/0 and I/1 when typed', () => {
  const key = lookupKeyFrom(new Uint8Array([0, 31, 8, 18, 200, 255]));
  assert.match(key, /^[0-9A-HJKMNP-TV-Z]{6}$/);
  assert.equal(normaliseLookupKey(' ab1o '), 'AB10');
});
