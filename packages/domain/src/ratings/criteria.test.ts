import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CRITERIA,
  CRITERION_NAMES,
  RATING_LEVELS,
  RATING_LEVEL_NAMES,
  SATISFIED_LEVELS,
  isCriterionCode,
  isRatingLevel,
} from './criteria.ts';

test('three levels, best first, with the Vietnamese labels of the one-stop surveys', () => {
  assert.deepEqual([...RATING_LEVELS], ['rat_hai_long', 'hai_long', 'khong_hai_long']);
  assert.deepEqual(
    RATING_LEVELS.map((level) => RATING_LEVEL_NAMES[level].vi),
    ['Rất hài lòng', 'Hài lòng', 'Không hài lòng'],
  );
  assert.deepEqual(
    RATING_LEVELS.map((level) => RATING_LEVEL_NAMES[level].en),
    ['Very satisfied', 'Satisfied', 'Not satisfied'],
  );
  assert.deepEqual([...SATISFIED_LEVELS], ['rat_hai_long', 'hai_long']);
});

test('the 12 criteria of the Thừa Thiên Huế portal, unique snake_case codes', () => {
  assert.equal(CRITERIA.length, 12);
  assert.equal(new Set(CRITERIA).size, 12);
  for (const code of CRITERIA) assert.match(code, /^[a-z][a-z0-9_]*$/);
  assert.deepEqual(Object.keys(CRITERION_NAMES).sort(), [...CRITERIA].sort());
});

test('every label is NFC, non-empty, unique, and the Vietnamese ones carry diacritics', () => {
  const labels = [...Object.values(CRITERION_NAMES), ...Object.values(RATING_LEVEL_NAMES)];
  for (const { vi, en } of labels) {
    for (const s of [vi, en]) {
      assert.ok(s.trim().length > 0);
      assert.equal(s, s.normalize('NFC'));
      assert.equal(s, s.trim());
    }
    assert.ok(
      [...vi].some((ch) => ch.charCodeAt(0) > 0x7f),
      vi,
    );
    assert.ok(
      [...en].every((ch) => ch.charCodeAt(0) <= 0x7f),
      en,
    );
  }
  const vis = Object.values(CRITERION_NAMES).map((n) => n.vi);
  const ens = Object.values(CRITERION_NAMES).map((n) => n.en);
  assert.equal(new Set(vis).size, 12);
  assert.equal(new Set(ens).size, 12);
});

test('guards accept exactly the known values', () => {
  for (const level of RATING_LEVELS) assert.equal(isRatingLevel(level), true);
  for (const code of CRITERIA) assert.equal(isCriterionCode(code), true);
  for (const bad of [
    '',
    'HAI_LONG',
    'hài lòng',
    'rat hai long',
    'toString',
    '__proto__',
    1,
    null,
    undefined,
    {},
  ]) {
    assert.equal(isRatingLevel(bad), false, JSON.stringify(bad));
    assert.equal(isCriterionCode(bad), false, JSON.stringify(bad));
  }
  assert.equal(isRatingLevel('overall'), false);
  assert.equal(isCriterionCode('hai_long'), false);
});
