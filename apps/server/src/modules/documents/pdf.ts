import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** What every printed document shares: the fonts, and the bytes of a finished pdfkit document. */
const FONT_FILES = {
  R: 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf',
  B: 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf',
  I: 'dejavu-fonts-ttf/ttf/DejaVuSans-Oblique.ttf',
} as const;
/** Regular, bold, italic. */
export type Font = keyof typeof FONT_FILES;
let fontData: Record<Font, Buffer> | undefined;

/**
 * DejaVu Sans from the `dejavu-fonts-ttf` package, read once: it covers Vietnamese, and pdftotext gives the
 * text back exactly (architecture.md §2).
 */
export function fonts(): Record<Font, Buffer> {
  if (!fontData) {
    const require = createRequire(import.meta.url);
    const read = (file: string) => readFileSync(require.resolve(file));
    fontData = { R: read(FONT_FILES.R), B: read(FONT_FILES.B), I: read(FONT_FILES.I) };
  }
  return fontData;
}

/** The whole output of a pdfkit document, resolved once `end()` has been called on it. */
export function collect(doc: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  return new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}
