import { createHash } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';

/**
 * Stand-ins for scanned signatures and seals, drawn in code for the demo: transparent RGBA PNGs as
 * Decree 30/2020/NĐ-CP asks for (blue handwritten signature, red seal).
 */

type Rgb = readonly [number, number, number];
const SIGNATURE_BLUE: Rgb = [0x1a, 0x3a, 0xa8];
const SEAL_RED: Rgb = [0xd0, 0x1c, 0x1f];

/** An RGBA canvas that only ever gets one colour: painting raises the alpha (coverage) of a pixel. */
class Canvas {
  readonly alpha: Float32Array;
  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.alpha = new Float32Array(width * height);
  }

  cover(x: number, y: number, coverage: number) {
    if (x < 0 || y < 0 || x >= this.width || y >= this.height || coverage <= 0) return;
    const at = y * this.width + x;
    this.alpha[at] = Math.max(this.alpha[at]!, Math.min(1, coverage));
  }

  /** A segment with round caps, half-widths r0 → r1, anti-aliased by its distance field. */
  segment(ax: number, ay: number, bx: number, by: number, r0: number, r1: number) {
    const pad = Math.max(r0, r1) + 1;
    const [dx, dy] = [bx - ax, by - ay];
    const length2 = dx * dx + dy * dy || 1;
    for (let y = Math.floor(Math.min(ay, by) - pad); y <= Math.ceil(Math.max(ay, by) + pad); y++) {
      for (let x = Math.floor(Math.min(ax, bx) - pad); x <= Math.ceil(Math.max(ax, bx) + pad); x++) {
        const [px, py] = [x + 0.5 - ax, y + 0.5 - ay];
        const t = Math.max(0, Math.min(1, (px * dx + py * dy) / length2));
        const distance = Math.hypot(px - t * dx, py - t * dy);
        this.cover(x, y, r0 + (r1 - r0) * t + 0.5 - distance);
      }
    }
  }

  png([r, g, b]: Rgb): Buffer {
    const stride = this.width * 4 + 1;
    const raw = Buffer.alloc(stride * this.height); // filter byte 0 (None) on every row
    for (let y = 0; y < this.height; y++) {
      for (let x = 0; x < this.width; x++) {
        const at = y * stride + 1 + x * 4;
        raw[at] = r;
        raw[at + 1] = g;
        raw[at + 2] = b;
        raw[at + 3] = Math.round(this.alpha[y * this.width + x]! * 255);
      }
    }
    const ihdr = Buffer.alloc(13);
    ihdr.writeUInt32BE(this.width, 0);
    ihdr.writeUInt32BE(this.height, 4);
    ihdr.set([8, 6, 0, 0, 0], 8); // 8 bits, colour type 6 (RGBA), deflate, no filter variants, no interlace
    return Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', ihdr),
      chunk('IDAT', deflateSync(raw, { level: 9 })),
      chunk('IEND', Buffer.alloc(0)),
    ]);
  }
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(data, crc32(head.subarray(4))), 0);
  return Buffer.concat([head, data, crc]);
}

/** A small deterministic generator (xorshift32) seeded from a hash of `seed`. */
function random(seed: string): () => number {
  let state = createHash('sha256').update(seed).digest().readUInt32LE(0) || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 0x1_0000_0000;
  };
}

/** Catmull-Rom spline through `knots`, `perSpan` points per span. */
function spline(knots: readonly [number, number][], perSpan: number): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < knots.length - 1; i++) {
    const [p0, p1, p2, p3] = [
      knots[i - 1] ?? knots[i]!,
      knots[i]!,
      knots[i + 1]!,
      knots[i + 2] ?? knots[i + 1]!,
    ];
    for (let s = 0; s < perSpan; s++) {
      const t = s / perSpan;
      const [t2, t3] = [t * t, t * t * t];
      const at = (k: 0 | 1) =>
        0.5 *
        (2 * p1[k] +
          (p2[k] - p0[k]) * t +
          (2 * p0[k] - 5 * p1[k] + 4 * p2[k] - p3[k]) * t2 +
          (3 * p1[k] - p0[k] - 3 * p2[k] + p3[k]) * t3);
      out.push([at(0), at(1)]);
    }
  }
  out.push(knots[knots.length - 1]!);
  return out;
}

/**
 * A blue cursive-looking stroke on a transparent 360×140 background, the same for the same seed (the
 * person's name): a tall initial, a run of slanted loops of varying height, then an underline flourish,
 * with the pen pressure varying along the way.
 */
export function demoHandwrittenSignature(seed: string): Buffer {
  const canvas = new Canvas(360, 140);
  const rnd = random(seed);
  const baseline = 92;
  const knots: [number, number][] = [
    [28, baseline + 6],
    [44, 18 + rnd() * 10],
    [52, baseline],
  ];
  let x = 56;
  while (x < 270) {
    const tall = rnd() < 0.3;
    const height = tall ? 50 + rnd() * 25 : 14 + rnd() * 18;
    x += 8 + rnd() * 10;
    knots.push([x, baseline - height]);
    x += (tall ? -6 : -2) + rnd() * 6;
    knots.push([x, baseline - rnd() * 6]);
    x += 6 + rnd() * 12;
  }
  // The flourish: down below the line, then a long sweep back to the left and up to the right again.
  knots.push(
    [x + 18, baseline + 26],
    [x - 40, baseline + 30],
    [120, baseline + 22 + rnd() * 8],
    [x + 30, baseline + 8],
  );
  const slanted = spline(knots, 24).map(([px, py]): [number, number] => [px + (baseline - py) * 0.3, py]);
  for (let i = 1; i < slanted.length; i++) {
    const [ax, ay] = slanted[i - 1]!;
    const [bx, by] = slanted[i]!;
    // Pressure: heavier on the downstrokes, lighter at the end of the stroke.
    const fade = Math.min(1, (slanted.length - i) / 60);
    const pressure = (by > ay ? 2.3 : 1.3) * (0.45 + 0.55 * fade);
    canvas.segment(ax, ay, bx, by, pressure, pressure);
  }
  return canvas.png(SIGNATURE_BLUE);
}

/** Coverage of a point by a polygon (even-odd), sampled 4×4 inside the pixel. */
function polygonCoverage(polygon: readonly [number, number][], x: number, y: number): number {
  let inside = 0;
  for (let sy = 0; sy < 4; sy++) {
    for (let sx = 0; sx < 4; sx++) {
      const [px, py] = [x + (sx + 0.5) / 4, y + (sy + 0.5) / 4];
      let odd = false;
      for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
        const [xi, yi] = polygon[i]!;
        const [xj, yj] = polygon[j]!;
        if (yi > py !== yj > py && px < ((xj - xi) * (py - yi)) / (yj - yi) + xi) odd = !odd;
      }
      if (odd) inside++;
    }
  }
  return inside / 16;
}

/**
 * A red round seal on a transparent 400×400 background: a thick outer ring, a thin inner ring, a band of
 * dashes where the organisation's name would run, and a five-point star in the middle.
 */
export function demoSeal(): Buffer {
  const size = 400;
  const canvas = new Canvas(size, size);
  const c = size / 2;
  const rings: [radius: number, halfWidth: number][] = [
    [190, 6],
    [134, 2.5],
  ];
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const r = Math.hypot(x + 0.5 - c, y + 0.5 - c);
      for (const [radius, half] of rings) canvas.cover(x, y, half + 0.5 - Math.abs(r - radius));
    }
  }
  // Lettering stand-in: short radial strokes in the band between the rings, with a gap at the bottom.
  for (let i = 0; i < 64; i++) {
    const angle = Math.PI / 2 + 0.3 + (i / 63) * (2 * Math.PI - 0.6);
    if (i % 7 === 6) continue; // word gaps
    const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
    canvas.segment(c + 150 * cos, c + 150 * sin, c + 172 * cos, c + 172 * sin, 3, 3);
  }
  const star: [number, number][] = Array.from({ length: 10 }, (_, i) => {
    const radius = i % 2 === 0 ? 72 : 28;
    const angle = -Math.PI / 2 + (i * Math.PI) / 5;
    return [c + radius * Math.cos(angle), c + radius * Math.sin(angle)];
  });
  for (let y = c - 75; y < c + 75; y++) {
    for (let x = c - 75; x < c + 75; x++) canvas.cover(x, y, polygonCoverage(star, x, y));
  }
  return canvas.png(SEAL_RED);
}
