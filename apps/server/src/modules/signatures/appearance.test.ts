import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  DEFAULT_SEAL_DIAMETER_PT,
  fitImage,
  leaderAppearance,
  organisationAppearance,
  pngSize,
} from './appearance.ts';
import { demoHandwrittenSignature, demoSeal } from './demo-images.ts';
import { vietnamIso8601 } from './signing-time.ts';

describe('signing time in Vietnam time', () => {
  test('UTC+7, seconds precision, whatever the host time zone', () => {
    assert.equal(vietnamIso8601(new Date('2026-11-27T03:05:09.999Z')), '2026-11-27T10:05:09+07:00');
    assert.equal(vietnamIso8601(new Date('2026-12-31T17:00:00Z')), '2027-01-01T00:00:00+07:00');
    // Northern summer: no daylight saving time in Vietnam.
    assert.equal(vietnamIso8601(new Date('2026-07-01T16:59:59Z')), '2026-07-01T23:59:59+07:00');
    assert.throws(() => vietnamIso8601(new Date('nope')), RangeError);
  });
});

describe('signature appearances (Decree 30/2020/NĐ-CP, Annex I)', () => {
  const signature = demoHandwrittenSignature('Lê Minh Đạo');
  const seal = demoSeal();
  const box = { x: 330, y: 268, width: 200, height: 62 };

  test('the leader: the handwritten image, aspect kept, centred in the box', () => {
    const { page, rect, image, lines } = leaderAppearance(box, 0, signature);
    assert.equal(page, 0);
    assert.equal(image, signature);
    assert.equal(lines, undefined);
    const { width, height } = pngSize(signature);
    assert.ok(Math.abs(rect.width / rect.height - width / height) < 1e-9);
    assert.ok(Math.abs(rect.x + rect.width / 2 - (box.x + box.width / 2)) < 1e-9);
    assert.ok(Math.abs(rect.y + rect.height / 2 - (box.y + box.height / 2)) < 1e-9);
    assert.ok(rect.height <= box.height + 1e-9 && rect.width <= box.width + 1e-9);
  });

  test('the organisation: the seal at 36 mm over the left third of the leader image, name and time below', () => {
    const leader = leaderAppearance(box, 0, signature).rect;
    const time = new Date('2026-11-27T03:05:09Z');
    const { rect, lines, image } = organisationAppearance(leader, 0, seal, 'UBND xã Đinh Văn Lâm Hà', time);
    assert.equal(image, seal);
    assert.deepEqual(lines, ['UBND xã Đinh Văn Lâm Hà', '2026-11-27T10:05:09+07:00']);
    assert.ok(Math.abs(DEFAULT_SEAL_DIAMETER_PT - 102.05) < 0.01);
    // The seal is drawn at the top of the rect, centred horizontally, its full diameter tall.
    const sealLeft = rect.x + (rect.width - DEFAULT_SEAL_DIAMETER_PT) / 2;
    const sealRight = sealLeft + DEFAULT_SEAL_DIAMETER_PT;
    assert.ok(Math.abs(sealRight - (leader.x + leader.width / 3)) < 1e-9, 'right edge at the first third');
    assert.ok(sealLeft < leader.x);
    const sealCentreY = rect.y + rect.height - DEFAULT_SEAL_DIAMETER_PT / 2;
    assert.ok(Math.abs(sealCentreY - (leader.y + leader.height / 2)) < 1e-9, 'vertically centred');
    const smaller = organisationAppearance(leader, 0, seal, 'X', time, 100);
    assert.ok(smaller.rect.height < rect.height);
  });

  test('fitImage and pngSize', () => {
    assert.deepEqual(fitImage({ x: 0, y: 0, width: 100, height: 100 }, { width: 200, height: 100 }), {
      x: 0,
      y: 25,
      width: 100,
      height: 50,
    });
    assert.deepEqual(pngSize(seal), { width: 400, height: 400 });
    assert.throws(() => pngSize(Buffer.from('GIF89a not a png at all')), /not a PNG/);
  });
});
