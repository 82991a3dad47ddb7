import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { maskDeep, maskName, maskText } from './mask.ts';

test('masks a 12-digit citizen ID number, keeping the last three digits', () => {
  assert.equal(maskText('CCCD 068190001234 của ông A'), 'CCCD *********234 của ông A');
});

test('masks an old 9-digit ID card number', () => {
  assert.equal(maskText('CMND 250123456'), 'CMND ******456');
});

test('masks mobile numbers written with 0 or +84', () => {
  assert.equal(maskText('ĐT 0912345678'), 'ĐT 0******678');
  assert.equal(maskText('tel +84912345678'), 'tel +84******678');
});

test('leaves dates, codes and short numbers alone', () => {
  const text = 'Hồ sơ 000.00.01.H36-251127-0001 nhận ngày 27/11/2026, 5 ngày, mã 24871';
  assert.equal(maskText(text), text);
});

test('masks inside nested objects and drops secrets whole', () => {
  const masked = maskDeep({
    applicant: { idNumber: '068190001234', phones: ['0912345678'] },
    password: 'x',
    token: 'y',
  });
  assert.deepEqual(masked, {
    applicant: { idNumber: '*********234', phones: ['0******678'] },
    password: '[redacted]',
    token: '[redacted]',
  });
});

test('property: no 12-digit run survives masking', () => {
  fc.assert(
    fc.property(fc.string(), fc.stringMatching(/^[0-9]{12}$/), fc.string(), (before, id, after) => {
      const masked = maskText(`${before} ${id} ${after}`);
      assert.ok(!masked.includes(id));
    }),
  );
});

test('a public page shows the family name and initials only', () => {
  assert.equal(maskName('Nguyễn Thị Lan'), 'Nguyễn T. L.');
  assert.equal(maskName('  Đỗ   ánh '), 'Đỗ Á.');
  assert.equal(maskName('Lan'), 'Lan');
});
