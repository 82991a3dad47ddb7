import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { CRITERIA, RATING_LEVELS } from './criteria.ts';
import {
  MAX_COMMENT_LENGTH,
  RATING_EDIT_MS,
  becomesFeedback,
  ratingWindow,
  validateRating,
  type RatingValidation,
} from './rating.ts';

const fieldOf = (result: RatingValidation) => (result.ok ? 'ok' : result.field);

describe('validateRating', () => {
  test('the overall level alone is a valid rating', () => {
    for (const level of RATING_LEVELS)
      assert.deepEqual(validateRating({ level }), {
        ok: true,
        value: { level, criteria: {}, comment: null },
      });
  });

  test('the overall level is required and must be known', () => {
    for (const level of [undefined, null, '', 'HAI_LONG', 'Hài lòng', 'very', 1, true, ['hai_long']])
      assert.equal(fieldOf(validateRating({ level })), '/body/level', String(level));
    assert.equal(fieldOf(validateRating({ criteria: { overall: 'hai_long' } })), '/body/level');
  });

  test('a missing or non-object body is refused', () => {
    for (const input of [undefined, null, 'hai_long', 3, ['hai_long']])
      assert.equal(fieldOf(validateRating(input)), '/body');
  });

  test('errors carry Vietnamese and English text', () => {
    const result = validateRating({ level: 'x' });
    assert.equal(result.ok, false);
    assert.ok(!result.ok && result.detail.vi.includes('Rất hài lòng'));
    assert.ok(!result.ok && result.detail.en.length > 0);
  });

  test('criteria are optional; any subset of known codes with known levels is kept', () => {
    assert.deepEqual(validateRating({ level: 'hai_long', criteria: null }), {
      ok: true,
      value: { level: 'hai_long', criteria: {}, comment: null },
    });
    const all = Object.fromEntries(CRITERIA.map((code, i) => [code, RATING_LEVELS[i % 3]]));
    const result = validateRating({ level: 'rat_hai_long', criteria: all });
    assert.deepEqual(result.ok && result.value.criteria, all);
    const some = { on_time: 'khong_hai_long', staff_attitude: 'rat_hai_long' };
    const partial = validateRating({ level: 'hai_long', criteria: some });
    assert.deepEqual(partial.ok && partial.value.criteria, some);
  });

  test('an unknown criterion code is refused with its pointer', () => {
    assert.equal(
      fieldOf(validateRating({ level: 'hai_long', criteria: { overall: 'hai_long', speed: 'hai_long' } })),
      '/body/criteria/speed',
    );
    assert.equal(
      fieldOf(validateRating({ level: 'hai_long', criteria: { 'a/b~c': 'hai_long' } })),
      '/body/criteria/a~1b~0c',
    );
    assert.equal(
      fieldOf(validateRating({ level: 'hai_long', criteria: JSON.parse('{"__proto__":"hai_long"}') })),
      '/body/criteria/__proto__',
    );
  });

  test('a known criterion with an unknown or empty level is refused', () => {
    for (const level of ['', 'good', null, 2])
      assert.equal(
        fieldOf(validateRating({ level: 'hai_long', criteria: { convenience: level } })),
        '/body/criteria/convenience',
      );
  });

  test('criteria that are not an object are refused', () => {
    for (const criteria of ['overall', 1, [['overall', 'hai_long']]])
      assert.equal(fieldOf(validateRating({ level: 'hai_long', criteria })), '/body/criteria');
  });

  test('comment: absent, null, empty or only spaces → null', () => {
    for (const comment of [undefined, null, '', '   ', '\n\t \u00a0'])
      assert.deepEqual(validateRating({ level: 'khong_hai_long', comment }), {
        ok: true,
        value: { level: 'khong_hai_long', criteria: {}, comment: null },
      });
  });

  test('comment is trimmed and normalised to NFC', () => {
    const nfc = 'Cán bộ hướng dẫn tận tình, nhưng phải đi lại nhiều lần';
    const nfd = nfc.normalize('NFD');
    assert.notEqual(nfd, nfc);
    const result = validateRating({ level: 'hai_long', comment: `  ${nfd}\n` });
    assert.equal(result.ok && result.value.comment, nfc);
  });

  test('comment must be text', () => {
    for (const comment of [1, true, ['a'], { text: 'a' }])
      assert.equal(fieldOf(validateRating({ level: 'hai_long', comment })), '/body/comment');
  });

  test('comment of exactly 2000 characters passes, 2001 is refused', () => {
    assert.equal(MAX_COMMENT_LENGTH, 2000);
    assert.equal(validateRating({ level: 'hai_long', comment: 'a'.repeat(2000) }).ok, true);
    const long = validateRating({ level: 'hai_long', comment: 'a'.repeat(2001) });
    assert.equal(fieldOf(long), '/body/comment');
    assert.ok(!long.ok && long.detail.vi.includes('2001'));
    // Surrounding spaces are trimmed before counting.
    assert.equal(validateRating({ level: 'hai_long', comment: ` ${'a'.repeat(2000)} ` }).ok, true);
  });

  test('the length is counted after NFC: 2000 NFC characters sent as NFD (longer) pass', () => {
    const nfc = 'ệ'.repeat(2000);
    const nfd = nfc.normalize('NFD');
    assert.equal(nfd.length, 6000);
    const result = validateRating({ level: 'hai_long', comment: nfd });
    assert.equal(result.ok && result.value.comment, nfc);
    assert.equal(
      fieldOf(validateRating({ level: 'hai_long', comment: 'ệ'.repeat(2001).normalize('NFD') })),
      '/body/comment',
    );
  });

  test('the length is in characters (code points), not UTF-16 units', () => {
    assert.equal(validateRating({ level: 'hai_long', comment: '😀'.repeat(2000) }).ok, true);
    assert.equal(validateRating({ level: 'hai_long', comment: '😀'.repeat(2001) }).ok, false);
  });

  test('property: any valid input passes, and its comment comes back NFC, trimmed, ≤ 2000 characters', () => {
    const level = fc.constantFrom(...RATING_LEVELS);
    const criteria = fc.dictionary(fc.constantFrom(...CRITERIA), level);
    fc.assert(
      fc.property(
        level,
        criteria,
        fc.option(fc.string({ maxLength: 300, unit: 'grapheme' })),
        (l, c, comment) => {
          const result = validateRating({ level: l, criteria: c, comment });
          assert.equal(result.ok, true);
          if (!result.ok) return;
          assert.equal(result.value.level, l);
          assert.deepEqual(result.value.criteria, { ...c });
          const out = result.value.comment;
          if (out !== null) {
            assert.equal(out, out.normalize('NFC'));
            assert.equal(out, out.trim());
            assert.ok(out.length > 0 && [...out].length <= MAX_COMMENT_LENGTH);
          }
          // Idempotent: validating the result again gives the same rating.
          assert.deepEqual(validateRating(result.value), result);
        },
      ),
    );
  });

  test('property: a code outside the 12 criteria is always refused', () => {
    fc.assert(
      fc.property(
        fc.string().filter((s) => !(CRITERIA as readonly string[]).includes(s)),
        (code) => {
          const result = validateRating({ level: 'hai_long', criteria: { [code]: 'hai_long' } });
          assert.equal(result.ok, false);
          assert.ok(!result.ok && result.field.startsWith('/body/criteria/'));
        },
      ),
    );
  });
});

describe('ratingWindow', () => {
  const returnedAt = new Date('2026-03-02T09:00:00+07:00');
  const at = (iso: string) => new Date(iso);
  const DAY = 24 * 60 * 60 * 1000;

  test('not returned yet: no rating', () => {
    const result = ratingWindow(null, at('2026-03-02T10:00:00+07:00'));
    assert.equal(result.allowed, false);
    assert.equal(!result.allowed && result.reason, 'not_returned');
    assert.equal(!result.allowed && result.detail.vi.length > 0, true);
    const before = ratingWindow(returnedAt, new Date(returnedAt.getTime() - 1));
    assert.equal(!before.allowed && before.reason, 'not_returned');
  });

  test('creation is allowed from the moment of return, with no closing date', () => {
    assert.deepEqual(ratingWindow(returnedAt, returnedAt), { allowed: true, action: 'create' });
    assert.deepEqual(ratingWindow(returnedAt, new Date(returnedAt.getTime() + 30 * DAY + 1)), {
      allowed: true,
      action: 'create',
    });
    assert.deepEqual(ratingWindow(returnedAt, at('2030-01-01T00:00:00+07:00')), {
      allowed: true,
      action: 'create',
    });
  });

  test('editing: 30 days from the first rating, exactly 30 days included, one millisecond more refused', () => {
    const firstRatedAt = at('2026-04-15T14:30:00+07:00'); // 44 days after the return
    const until = at('2026-05-15T14:30:00+07:00');
    assert.equal(RATING_EDIT_MS, 30 * DAY);
    assert.deepEqual(ratingWindow(returnedAt, firstRatedAt, firstRatedAt), {
      allowed: true,
      action: 'edit',
      editableUntil: until,
    });
    assert.deepEqual(ratingWindow(returnedAt, until, firstRatedAt), {
      allowed: true,
      action: 'edit',
      editableUntil: until,
    });
    const late = ratingWindow(returnedAt, new Date(until.getTime() + 1), firstRatedAt);
    assert.equal(late.allowed, false);
    assert.equal(!late.allowed && late.reason, 'edit_window_closed');
    assert.deepEqual(!late.allowed && late.reason === 'edit_window_closed' && late.editableUntil, until);
  });

  test('the 30 days do not count from the return', () => {
    const firstRatedAt = new Date(returnedAt.getTime() + 29 * DAY);
    const result = ratingWindow(returnedAt, new Date(returnedAt.getTime() + 31 * DAY), firstRatedAt);
    assert.equal(result.allowed && result.action, 'edit');
  });

  test('invalid dates are programming errors', () => {
    const bad = new Date('nope');
    assert.throws(() => ratingWindow(returnedAt, bad), RangeError);
    assert.throws(() => ratingWindow(bad, returnedAt), RangeError);
    assert.throws(() => ratingWindow(returnedAt, returnedAt, bad), RangeError);
  });

  test('property: with a first rating, editing is allowed exactly while now ≤ first rating + 30 days', () => {
    const ms = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) });
    fc.assert(
      fc.property(ms, fc.nat(100 * DAY), fc.integer({ min: -DAY, max: 60 * DAY }), (ret, toFirst, toNow) => {
        const first = ret + toFirst;
        const now = first + toNow;
        const result = ratingWindow(new Date(ret), new Date(now), new Date(first));
        if (now < ret) assert.equal(!result.allowed && result.reason, 'not_returned');
        else if (now <= first + 30 * DAY) assert.equal(result.allowed && result.action, 'edit');
        else assert.equal(!result.allowed && result.reason, 'edit_window_closed');
      }),
    );
  });
});

describe('becomesFeedback', () => {
  test('only "Không hài lòng" with a non-blank comment', () => {
    const cases: Array<[(typeof RATING_LEVELS)[number], string | null | undefined, boolean]> = [
      ['khong_hai_long', 'Phải đi lại ba lần', true],
      ['khong_hai_long', '  x  ', true],
      ['khong_hai_long', '', false],
      ['khong_hai_long', '   ', false],
      ['khong_hai_long', '\n\t', false],
      ['khong_hai_long', null, false],
      ['khong_hai_long', undefined, false],
      ['hai_long', 'Góp ý: nên có chỗ gửi xe', false],
      ['rat_hai_long', 'Cảm ơn', false],
    ];
    for (const [level, comment, expected] of cases)
      assert.equal(becomesFeedback({ level, comment }), expected, `${level} ${JSON.stringify(comment)}`);
  });

  test('works on a validated rating', () => {
    const result = validateRating({ level: 'khong_hai_long', comment: ' Chậm trả kết quả ' });
    assert.ok(result.ok && becomesFeedback(result.value));
    const blank = validateRating({ level: 'khong_hai_long', comment: '    ' });
    assert.ok(blank.ok && !becomesFeedback(blank.value));
  });
});
