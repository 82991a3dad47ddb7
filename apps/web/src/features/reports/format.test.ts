import assert from 'node:assert/strict';
import { test } from 'node:test';
import { asOfMoment, formatCount, formatDay, formatDecimal, formatPercent, formatPoints } from './format.ts';

// Intl puts a narrow no-break space or a dot depending on the locale data; compare with plain spaces.
const plain = (s: string) => s.replace(/\s/g, ' ');

void test('counts are grouped the Vietnamese way (302.048), the English way in English', () => {
  assert.equal(formatCount(302_048, 'vi'), '302.048');
  assert.equal(formatCount(302_048, 'en'), '302,048');
  assert.equal(formatCount(0, 'vi'), '0');
});

void test('percents keep the server’s two decimals with a decimal comma and a spaced sign', () => {
  assert.equal(plain(formatPercent(99.18, 'vi')), '99,18 %');
  assert.equal(plain(formatPercent(99.18, 'en')), '99.18 %');
  assert.equal(plain(formatPercent(100, 'vi')), '100 %');
  assert.equal(plain(formatPercent(50.5, 'vi')), '50,5 %');
  assert.equal(formatPercent(null, 'vi'), '–');
});

void test('points read as points out of the maximum', () => {
  assert.equal(formatPoints(17.5, 20, 'vi'), '17,5/20');
  assert.equal(formatPoints(15.67, 18, 'en'), '15.67/18');
  assert.equal(formatDecimal(3.25, 'vi'), '3,25');
  assert.equal(formatDecimal(null, 'vi'), '–');
});

void test('a period already over is measured to the end of its last day', () => {
  assert.equal(formatDay('2024-12-31'), '31/12/2024');
  // The server's reference for Q4 2024: midnight after 31/12/2024 in Vietnam (UTC+7).
  assert.deepEqual(asOfMoment('2024-12-31T17:00:00.000Z', '2024-12-31'), { kind: 'end', day: '31/12/2024' });
  // A current period is measured now.
  assert.deepEqual(asOfMoment('2024-11-15T03:20:00.000Z', '2024-12-31'), { kind: 'at' });
});
