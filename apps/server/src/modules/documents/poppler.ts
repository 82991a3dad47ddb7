import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * Debian poppler-utils as an independent reader of the PDFs we make (architecture.md §2): tests only.
 * `apt-get install -y poppler-utils` provides it; without it the text checks are skipped.
 */
export const popplerMissing: string | false =
  spawnSync('pdftotext', ['-v']).error === undefined
    ? false
    : 'pdftotext (Debian poppler-utils) is not installed: apt-get install -y poppler-utils';

function withFile<T>(pdf: Buffer, run: (file: string) => T): T {
  const dir = mkdtempSync(path.join(tmpdir(), 'motcua-pdf-'));
  try {
    const file = path.join(dir, 'document.pdf');
    writeFileSync(file, pdf);
    return run(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text as `pdftotext -layout` reads it, runs of spaces inside a line collapsed to one. */
export function pdfText(pdf: Buffer): string {
  const raw = withFile(pdf, (file) =>
    execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }),
  );
  return raw
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .join('\n');
}

/** Every word with its box, in points from the top-left corner of its page. */
export function pdfWords(pdf: Buffer) {
  const html = withFile(pdf, (file) => execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' }));
  const pages = [...html.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)];
  return pages.flatMap(([, width, height, content], page) =>
    [
      ...content!.matchAll(
        /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
      ),
    ].map(([, xMin, yMin, xMax, yMax, text]) => ({
      page,
      pageWidth: Number(width),
      pageHeight: Number(height),
      xMin: Number(xMin),
      yMin: Number(yMin),
      xMax: Number(xMax),
      yMax: Number(yMax),
      text: text!,
    })),
  );
}
