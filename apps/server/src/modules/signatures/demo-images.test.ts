import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { inflateSync } from 'node:zlib';
import { PDFDocument } from '@cantoo/pdf-lib';
import { demoHandwrittenSignature, demoSeal } from './demo-images.ts';

interface Decoded {
  width: number;
  height: number;
  colourType: number;
  /** RGBA, row after row. */
  pixels: Buffer;
}

/** Just enough of a PNG reader for our encoder's output: 8-bit RGBA, filter 0 on every row. */
function decode(png: Buffer): Decoded {
  assert.ok(png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])));
  const idat: Buffer[] = [];
  let header: Omit<Decoded, 'pixels'> | undefined;
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    const data = png.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR')
      header = { width: data.readUInt32BE(0), height: data.readUInt32BE(4), colourType: data[9]! };
    if (type === 'IDAT') idat.push(data);
    at += 12 + length;
  }
  assert.ok(header, 'IHDR first');
  const raw = inflateSync(Buffer.concat(idat));
  const stride = header.width * 4 + 1;
  assert.equal(raw.length, stride * header.height);
  const pixels = Buffer.alloc(header.width * header.height * 4);
  for (let y = 0; y < header.height; y++) {
    assert.equal(raw[y * stride], 0, 'filter type None');
    raw.copy(pixels, y * header.width * 4, y * stride + 1, (y + 1) * stride);
  }
  return { ...header, pixels };
}

/** Counts of fully transparent and clearly painted pixels, and the colour of the painted ones. */
function coverage({ pixels }: Decoded) {
  let transparent = 0;
  let painted = 0;
  const colours = new Set<string>();
  for (let at = 0; at < pixels.length; at += 4) {
    if (pixels[at + 3] === 0) transparent++;
    if (pixels[at + 3]! > 200) {
      painted++;
      colours.add(pixels.subarray(at, at + 3).toString('hex'));
    }
  }
  return { transparent, painted, colours };
}

describe('demo signature images', () => {
  test('the handwritten signature: a blue stroke on a transparent 360×140 PNG, the same for the same name', async () => {
    const png = demoHandwrittenSignature('Lê Minh Đạo');
    const image = decode(png);
    assert.deepEqual([image.width, image.height, image.colourType], [360, 140, 6]);
    const { transparent, painted, colours } = coverage(image);
    assert.ok(transparent > image.width * image.height * 0.7, 'mostly transparent background');
    assert.ok(painted > 1500, `a visible stroke (${painted} px)`);
    assert.deepEqual([...colours], ['1a3aa8']);
    assert.ok(demoHandwrittenSignature('Lê Minh Đạo').equals(png), 'deterministic');
    assert.ok(!demoHandwrittenSignature('Nguyễn Văn An').equals(png), 'depends on the seed');
    const embedded = await (await PDFDocument.create()).embedPng(png);
    assert.deepEqual([embedded.width, embedded.height], [360, 140]);
  });

  test('the seal: a red ring and star on a transparent 400×400 PNG, clear in the corners', async () => {
    const png = demoSeal();
    const image = decode(png);
    assert.deepEqual([image.width, image.height, image.colourType], [400, 400, 6]);
    const { transparent, painted, colours } = coverage(image);
    assert.ok(transparent > 400 * 400 * 0.4, 'transparent background');
    assert.ok(painted > 400 * 400 * 0.08, `a visible seal (${painted} px)`);
    assert.deepEqual([...colours], ['d01c1f']);
    const alpha = (x: number, y: number) => image.pixels[(y * 400 + x) * 4 + 3];
    assert.equal(alpha(5, 5), 0, 'corner outside the ring');
    assert.equal(alpha(200, 200), 255, 'star in the centre');
    assert.equal(alpha(200, 10), 255, 'outer ring at the top');
    await (await PDFDocument.create()).embedPng(png);
  });
});
