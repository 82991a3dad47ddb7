import fontkit from '@pdf-lib/fontkit';
import type { PDFDocument, PDFFont, PDFRef } from '@cantoo/pdf-lib';
import { fonts } from '../documents/pdf.ts';
import { vietnamIso8601 } from './signing-time.ts';

/** A rectangle in PDF points, origin at the bottom-left corner of the page. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where and how a visible signature is shown (the widget of the signature field and its /AP /N). */
export interface Appearance {
  /** 0-based page index. */
  page: number;
  rect: Rect;
  /** A PNG (transparent background), drawn inside `rect` above the text lines, aspect kept, centred. */
  image?: Buffer;
  /** Text lines (Vietnamese welcome), drawn small and centred along the bottom of `rect`, under the image. */
  lines?: string[];
}

/** 1 mm in PDF points. */
const MM = 72 / 25.4;
/** A round seal is 35–40 mm across; 36 mm is a common size for a commune/ward seal. */
export const DEFAULT_SEAL_DIAMETER_PT = 36 * MM;
const FONT_SIZE = 7;
const MIN_FONT_SIZE = 4.5;
const LINE_GAP = 1.25;

/** Width and height of a PNG, from its IHDR chunk. */
export function pngSize(png: Buffer): { width: number; height: number } {
  if (png.length < 24 || png.readUInt32BE(0) !== 0x89504e47 || png.toString('latin1', 12, 16) !== 'IHDR') {
    throw new Error('not a PNG image');
  }
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** The largest rectangle of the image's aspect ratio inside `box`, centred in it. */
export function fitImage(box: Rect, image: { width: number; height: number }): Rect {
  const scale = Math.min(box.width / image.width, box.height / image.height);
  const [width, height] = [image.width * scale, image.height * scale];
  return { x: box.x + (box.width - width) / 2, y: box.y + (box.height - height) / 2, width, height };
}

/**
 * The leader's appearance: the handwritten image centred in the box between the title line and the name
 * line. The widget's rect is the image's own rectangle (aspect kept), so it is what the seal overlaps.
 */
export function leaderAppearance(box: Rect, page: number, signatureImage: Buffer): Appearance {
  return { page, rect: fitImage(box, pngSize(signatureImage)), image: signatureImage };
}

/**
 * The organisation's appearance: the seal at actual size (default 36 mm), centred vertically on the
 * leader's image and placed so that it covers the left third of it (its right edge a third of the way in),
 * with [organisation name, signing time in Vietnam ISO 8601] in small text under the seal. `leaderBox` is
 * the rect of the leader's appearance (leaderAppearance(...).rect).
 */
export function organisationAppearance(
  leaderBox: Rect,
  page: number,
  sealImage: Buffer,
  organisationName: string,
  signingTime: Date,
  sealDiameterPt = DEFAULT_SEAL_DIAMETER_PT,
): Appearance {
  const lines = [organisationName, vietnamIso8601(signingTime)];
  const seal = pngSize(sealImage);
  const sealWidth = (sealDiameterPt * seal.width) / Math.max(seal.width, seal.height);
  const sealHeight = (sealDiameterPt * seal.height) / Math.max(seal.width, seal.height);
  const centreX = leaderBox.x + leaderBox.width / 3 - sealWidth / 2;
  const centreY = leaderBox.y + leaderBox.height / 2;
  const band = textBand(lines.length, FONT_SIZE);
  // Wider than the seal so the organisation's name fits at a readable size.
  const width = Math.max(sealWidth, sealDiameterPt * 1.5);
  return {
    page,
    rect: { x: centreX - width / 2, y: centreY - sealHeight / 2 - band, width, height: sealHeight + band },
    image: sealImage,
    lines,
  };
}

type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];
type FontkitFont = Extract<Awaited<ReturnType<Fontkit['create']>>, { createSubset: unknown }>;

/**
 * @pdf-lib/fontkit for @cantoo/pdf-lib 2.11 subsetting: its subsets have `encode(stream)`, which pdf-lib
 * takes for fontkit v2's `encode()` and calls without a stream (TypeError). Each font's subset is handed
 * over without `encode`, so pdf-lib uses the `encodeStream()` path meant for this fontkit.
 */
const subsettingFontkit: Fontkit = {
  create(data, postscriptName) {
    const font = (fontkit as unknown as Fontkit).create(data, postscriptName) as FontkitFont;
    const createSubset = font.createSubset.bind(font);
    font.createSubset = () => {
      const subset = createSubset();
      return {
        includeGlyph: (glyph) => subset.includeGlyph(glyph),
        encodeStream: () => subset.encodeStream!(),
        ...('cff' in subset ? { cff: subset.cff } : {}),
      };
    };
    return font;
  },
};

const textBand = (lines: number, size: number) => (lines > 0 ? lines * size * LINE_GAP + 1 : 0);

const n = (value: number) => Number(value.toFixed(3)).toString();

/**
 * Builds the normal appearance (/AP /N) of the widget: a form XObject of the rect's size that draws the
 * image and the text lines, with DejaVu Sans embedded (subset) so Vietnamese text is real, extractable text.
 */
export async function appearanceStream(doc: PDFDocument, appearance: Appearance): Promise<PDFRef> {
  const { width, height } = appearance.rect;
  const lines = appearance.lines?.filter((line) => line.length > 0) ?? [];
  const ops: string[] = [];
  const resources: { XObject?: Record<string, PDFRef>; Font?: Record<string, PDFRef> } = {};
  let font: PDFFont | undefined;
  let size = FONT_SIZE;
  if (lines.length > 0) {
    doc.registerFontkit(subsettingFontkit);
    font = await doc.embedFont(fonts().R, { subset: true });
    const widest = Math.max(...lines.map((line) => font!.widthOfTextAtSize(line, 1)));
    size = Math.max(MIN_FONT_SIZE, Math.min(FONT_SIZE, (width - 2) / widest));
    resources.Font = { F1: font.ref };
  }
  // The band keeps its nominal height when the font shrinks, so the image keeps its size (seal: actual size).
  const band = textBand(lines.length, FONT_SIZE);
  if (appearance.image) {
    const image = await doc.embedPng(appearance.image);
    const at = fitImage({ x: 0, y: band, width, height: Math.max(0, height - band) }, image);
    resources.XObject = { Im1: image.ref };
    ops.push('q', `${n(at.width)} 0 0 ${n(at.height)} ${n(at.x)} ${n(at.y)} cm`, '/Im1 Do', 'Q');
  }
  if (font) {
    ops.push('BT', `/F1 ${n(size)} Tf`, '0.12 0.12 0.12 rg');
    lines.forEach((line, i) => {
      const x = (width - font.widthOfTextAtSize(line, size)) / 2;
      const y = band - (i + 1) * FONT_SIZE * LINE_GAP + FONT_SIZE * 0.3;
      ops.push(`1 0 0 1 ${n(x)} ${n(y)} Tm`, `${font.encodeText(line).toString()} Tj`);
    });
    ops.push('ET');
  }
  const stream = doc.context.flateStream(ops.join('\n'), {
    Type: 'XObject',
    Subtype: 'Form',
    BBox: [0, 0, width, height],
    Resources: resources,
  });
  return doc.context.register(stream);
}
