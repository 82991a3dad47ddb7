import type { ColumnKind, ReportColumn } from './document.ts';

/** Where the blocks of the page go and how tall wrapped text makes a row. Plain arithmetic, no exceljs. */

const DEFAULT_WIDTHS: Record<ColumnKind, number> = { text: 30, integer: 12, percent: 12, decimal: 14 };

// Below this the motto and agency blocks wrap into columns of single words.
const MIN_SHEET_WIDTH = 100;

/**
 * The width of each column of the sheet: the given or default widths, the text columns (or all, if none)
 * widened together when the table is too narrow for the blocks above it, and an empty column after a table
 * of one or two columns, so that the motto block has room beside the agency block.
 */
export function sheetWidths(columns: ReportColumn[]): number[] {
  const widths = columns.map((column) => column.width ?? DEFAULT_WIDTHS[column.kind]);
  if (widths.length <= 2) widths.push(MIN_SHEET_WIDTH / 2);
  const total = widths.reduce((a, b) => a + b, 0);
  if (total >= MIN_SHEET_WIDTH) return widths;
  const grow = widths.map((_, i) => columns[i]?.kind === 'text');
  if (!grow.some(Boolean)) grow.fill(true);
  const growing = widths.reduce((a, w, i) => a + (grow[i] ? w : 0), 0);
  const factor = (MIN_SHEET_WIDTH - total + growing) / growing;
  return widths.map((w, i) => (grow[i] ? Math.round(w * factor * 10) / 10 : w));
}

/**
 * The agency and left-signer block from the first column, the motto, date and right-signer block up to the
 * last: about 40% and 50% of the sheet's width, the way an official page puts them.
 */
export function pageBlocks(all: number[]): { left: [number, number]; right: [number, number] } {
  const total = all.reduce((a, b) => a + b, 0);
  let leftEnd = 1;
  while (leftEnd < all.length - 1 && sum(all, 0, leftEnd) < 0.38 * total) leftEnd += 1;
  let rightStart = all.length - 1;
  while (rightStart > leftEnd && sum(all, rightStart, all.length) < 0.5 * total) rightStart -= 1;
  // Columns are 1-based, both ends included.
  return { left: [1, leftEnd], right: [rightStart + 1, all.length] };
}

const sum = (xs: number[], from: number, to: number) => xs.slice(from, to).reduce((a, b) => a + b, 0);

/**
 * How wide a character of Times New Roman is, in Excel column units (the width of a digit of the default
 * Calibri 11): an estimate on the generous side, since a row cut too short hides text when printed.
 */
function charWidth(ch: string, size: number, bold: boolean): number {
  const upper = ch !== ch.toLocaleLowerCase('vi');
  const base = ch === ' ' ? 0.6 : upper ? 1.6 : 1.1;
  return base * (size / 12) * (bold ? 1.08 : 1);
}

/** Lines needed to show the text wrapped into a cell `width` units wide (word by word, as Excel wraps). */
export function lineCount(text: string, width: number, size = 12, bold = false): number {
  const room = Math.max(width - 1, 1);
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    lines += 1;
    let used = 0;
    for (const word of paragraph.split(' ')) {
      const w = [...word].reduce((a, ch) => a + charWidth(ch, size, bold), 0);
      const space = used === 0 ? 0 : charWidth(' ', size, bold);
      if (used > 0 && used + space + w > room) {
        lines += 1;
        used = w;
      } else used += space + w;
      // A word longer than the cell breaks across lines.
      while (used > room) {
        lines += 1;
        used -= room;
      }
    }
  }
  return lines;
}

/** Row height in points for so many lines of the given font size. */
export const rowHeight = (lines: number, size = 12) => Math.ceil(lines * size * 1.3 + 3);
