import ExcelJS from 'exceljs';
import {
  FIXED_TEXTS,
  assertValidDocument,
  headerGroups,
  placeAndDate,
  type ColumnKind,
  type ReportDocument,
  type ReportSigner,
  type ReportValue,
} from './document.ts';
import { lineCount, pageBlocks, rowHeight, sheetWidths } from './layout.ts';

/** The report as an A4 landscape sheet laid out like an official Vietnamese report (Decree 30/2020). */

const FONT = 'Times New Roman';
const NUMBER_FORMATS: Record<Exclude<ColumnKind, 'text'>, string> = {
  integer: '#,##0',
  percent: '0.00%',
  decimal: '#,##0.00',
};
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};
// Rows left blank under the signer's title for the hand signature and the seal.
const SIGNATURE_SPACE = 4;

const nfc = (s: string) => s.normalize('NFC');
const caps = (s: string) => nfc(s).toLocaleUpperCase('vi');

interface TextStyle {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  size?: number;
  align?: 'left' | 'center';
  valign?: 'top' | 'middle';
}

class Page {
  readonly sheet: ExcelJS.Worksheet;
  readonly widths: number[];
  row = 1;

  constructor(sheet: ExcelJS.Worksheet, widths: number[]) {
    this.sheet = sheet;
    this.widths = widths;
  }

  width(from: number, to: number): number {
    let w = 0;
    for (let c = from; c <= to; c += 1) w += this.widths[c - 1] ?? 0;
    return w;
  }

  /** Text in a cell merged over columns from..to of the given row; returns the lines it needs. */
  put(row: number, [from, to]: [number, number], text: string, style: TextStyle = {}): number {
    if (to > from) this.sheet.mergeCells(row, from, row, to);
    const cell = this.sheet.getCell(row, from);
    const size = style.size ?? 12;
    cell.value = nfc(text);
    cell.font = { name: FONT, size, bold: style.bold, italic: style.italic, underline: style.underline };
    cell.alignment = {
      horizontal: style.align ?? 'center',
      vertical: style.valign ?? 'middle',
      wrapText: true,
    };
    return lineCount(nfc(text), this.width(from, to), size, style.bold);
  }

  /** Fixes the height of a row to the tallest of its texts. */
  fit(row: number, lines: number[], size = 12) {
    this.sheet.getRow(row).height = rowHeight(Math.max(1, ...lines), size);
  }
}

function agencyAndMotto(page: Page, doc: ReportDocument, left: [number, number], right: [number, number]) {
  const texts = FIXED_TEXTS[doc.lang];
  const agency: [string, TextStyle][] = [];
  if (doc.agency.parent) agency.push([caps(doc.agency.parent), {}]);
  agency.push([caps(doc.agency.name), { bold: true }]);
  const motto: [string, TextStyle][] = [
    [texts.nation, { bold: true }],
    [texts.motto, { bold: true, underline: true }],
  ];
  // Both blocks end on the same line, so that their underlines sit on one line as on printed forms.
  const lines = Math.max(agency.length, motto.length);
  for (let i = 0; i < lines; i += 1) {
    const a = agency[i - (lines - agency.length)];
    const m = motto[i - (lines - motto.length)];
    const used = [
      a ? page.put(page.row, left, a[0], a[1]) : 1,
      m ? page.put(page.row, right, m[0], m[1]) : 1,
    ];
    page.fit(page.row, used);
    page.row += 1;
  }
  // The short rule under the unit's name (a third to a half of the name's length, Decree 30/2020).
  const rule = Math.max(8, Math.min(20, Math.round(caps(doc.agency.name).length / 2)));
  page.put(page.row, left, '\u2500'.repeat(rule), { size: 8 });
  page.sheet.getRow(page.row).height = 10;
  page.row += 2;
}

function titles(page: Page, doc: ReportDocument, span: [number, number]) {
  const lines: [string, TextStyle][] = [[caps(doc.title), { bold: true, size: 14 }]];
  if (doc.subtitle) lines.push([doc.subtitle, { bold: true }]);
  lines.push([doc.periodLabel, { italic: true }]);
  for (const [text, style] of lines) {
    page.fit(page.row, [page.put(page.row, span, text, style)], style.size);
    page.row += 1;
  }
  page.row += 1;
}

function headerCell(page: Page, row: number, col: number, text: string, rows = 1, cols = 1) {
  if (rows > 1 || cols > 1) page.sheet.mergeCells(row, col, row + rows - 1, col + cols - 1);
  for (let r = row; r < row + rows; r += 1)
    for (let c = col; c < col + cols; c += 1) page.sheet.getCell(r, c).border = THIN;
  const cell = page.sheet.getCell(row, col);
  cell.value = nfc(text);
  cell.font = { name: FONT, size: 12, bold: true };
  cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  return lineCount(nfc(text), page.width(col, col + cols - 1), 12, true);
}

/** The header (two rows when there are groups) and the "(1) (2) …" row; returns its first and last rows. */
function tableHeader(page: Page, doc: ReportDocument): [number, number] {
  const first = page.row;
  const runs = headerGroups(doc.columns);
  const grouped = runs.some((run) => run.group !== undefined);
  if (!grouped) {
    page.fit(
      first,
      doc.columns.map((column, i) => headerCell(page, first, i + 1, column.header)),
    );
  } else {
    const top: number[] = [];
    const below: number[] = [];
    const spanning: number[] = [];
    for (const run of runs) {
      if (run.group === undefined) {
        spanning.push(headerCell(page, first, run.from + 1, doc.columns[run.from]!.header, 2));
        continue;
      }
      top.push(headerCell(page, first, run.from + 1, run.group, 1, run.to - run.from + 1));
      for (let i = run.from; i <= run.to; i += 1)
        below.push(headerCell(page, first + 1, i + 1, doc.columns[i]!.header));
    }
    const topLines = Math.max(1, ...top);
    page.fit(first, [topLines]);
    // A header spanning both rows gets any height it still lacks from the second row.
    page.fit(first + 1, [...below, Math.max(0, ...spanning) - topLines]);
  }
  page.row = first + (grouped ? 2 : 1);
  const numbers = page.sheet.getRow(page.row);
  doc.columns.forEach((_, i) => {
    const cell = numbers.getCell(i + 1);
    cell.value = `(${i + 1})`;
    cell.font = { name: FONT, size: 12, italic: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle' };
    cell.border = THIN;
  });
  numbers.height = rowHeight(1);
  page.row += 1;
  return [first, page.row - 1];
}

function tableRow(page: Page, doc: ReportDocument, values: Record<string, ReportValue>, bold: boolean) {
  const row = page.sheet.getRow(page.row);
  const lines = doc.columns.map((column, i) => {
    const cell = row.getCell(i + 1);
    const value = values[column.key] ?? null;
    cell.border = THIN;
    cell.font = { name: FONT, size: 12, bold };
    if (column.kind === 'text') {
      const horizontal = column.align ?? 'left';
      // Left-aligned text would touch the border. Figures get no indent: LibreOffice draws a right indent
      // in some columns and not in others.
      const indent = horizontal === 'left' ? 1 : 0;
      cell.alignment = { horizontal, vertical: 'middle', wrapText: true, indent };
      if (value === null) return 1;
      cell.value = nfc(String(value));
      return lineCount(nfc(String(value)), page.width(i + 1, i + 1) - 2 * indent, 12, bold);
    }
    cell.alignment = { horizontal: column.align ?? 'right', vertical: 'middle' };
    cell.numFmt = NUMBER_FORMATS[column.kind];
    // An empty cell, not 0 or "": a figure that does not apply stays out of the sums Excel makes of it.
    if (value !== null) cell.value = value;
    return 1;
  });
  page.fit(page.row, lines);
  page.row += 1;
}

/** The signer's title, the hint under it, room for the signature and seal, the name: lines by row. */
function signer(page: Page, at: number, span: [number, number], who: ReportSigner, hint: string): number[] {
  const lines = [
    page.put(at, span, caps(who.title), { bold: true, valign: 'top' }),
    page.put(at + 1, span, hint, { italic: true, valign: 'top' }),
  ];
  if (who.name) lines[2] = page.put(at + 2 + SIGNATURE_SPACE, span, who.name, { bold: true });
  return lines;
}

function signatures(page: Page, doc: ReportDocument, left: [number, number], right: [number, number]) {
  const texts = FIXED_TEXTS[doc.lang];
  page.row += 1;
  page.fit(page.row, [
    page.put(page.row, right, placeAndDate(doc.lang, doc.place, doc.issuedOn), { italic: true }),
  ]);
  page.row += 1;
  const at = page.row;
  // Both signers' blocks share their rows, so that they start on the same line.
  const blocks = [signer(page, at, right, doc.signers.right, texts.signHint)];
  if (doc.signers.left) blocks.push(signer(page, at, left, doc.signers.left, texts.preparerHint));
  for (const [i, row] of [at, at + 1, at + 2 + SIGNATURE_SPACE].entries())
    page.fit(
      row,
      blocks.map((lines) => lines[i] ?? 1),
    );
  for (let row = at + 2; row < at + 2 + SIGNATURE_SPACE; row += 1) page.fit(row, [1]);
  page.row = at + 3 + SIGNATURE_SPACE;
}

export async function toXlsx(doc: ReportDocument): Promise<Buffer> {
  assertValidDocument(doc);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'motcua';
  workbook.title = nfc(doc.title);
  const widths = sheetWidths(doc.columns);
  const { left, right } = pageBlocks(widths);
  const all: [number, number] = [1, widths.length];
  const sheet = workbook.addWorksheet(doc.lang === 'vi' ? 'Báo cáo' : 'Report', {
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      // Decree 30/2020 margins: 2 cm top and bottom, 3 cm binding side, 1.5 cm on the other.
      margins: { top: 0.79, bottom: 0.79, left: 1.18, right: 0.59, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '&C&"Times New Roman,Regular"&11&P' },
  });
  sheet.columns = widths.map((width) => ({ width }));
  const page = new Page(sheet, widths);
  agencyAndMotto(page, doc, left, right);
  titles(page, doc, all);
  const [headerFrom, headerTo] = tableHeader(page, doc);
  sheet.pageSetup.printTitlesRow = `${headerFrom}:${headerTo}`;
  for (const values of doc.rows) tableRow(page, doc, values, false);
  if (doc.total) tableRow(page, doc, doc.total, true);
  if (doc.notes?.length) {
    page.row += 1;
    for (const note of doc.notes) {
      page.fit(page.row, [page.put(page.row, all, note, { align: 'left', italic: true })]);
      page.row += 1;
    }
  }
  signatures(page, doc, left, right);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
