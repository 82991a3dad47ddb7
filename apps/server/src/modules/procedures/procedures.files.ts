import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { fail, text } from '@motcua/domain/errors';
import { COLUMNS, type Cell, type ColumnKey } from './procedures.sheet.ts';

/** Reading and writing the catalogue sheet as CSV (UTF-8 with BOM) and XLSX. */
export type SheetFormat = 'csv' | 'xlsx';

export const MEDIA_TYPES: Record<SheetFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** A data row of an uploaded sheet: its number as the spreadsheet shows it, and its cells by column. */
export interface SheetRow {
  row: number;
  get: (key: ColumnKey) => Cell;
}

export interface ReadSheet {
  headerRow: number;
  missing: ColumnKey[];
  rows: SheetRow[];
}

const TITLE = 'DANH MỤC THỦ TỤC HÀNH CHÍNH';

export function writeCsv(rows: Cell[][]): Buffer {
  // The BOM makes Excel read the file as UTF-8: without it Vietnamese letters turn into mojibake.
  const text = stringify([COLUMNS.map((c) => c.header), ...rows.map((r) => r.map((c) => c ?? ''))], {
    bom: true,
    record_delimiter: '\r\n',
  });
  return Buffer.from(text, 'utf8');
}

export async function writeXlsx(rows: Cell[][], exportedAt: Date): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'motcua';
  workbook.created = exportedAt;
  const sheet = workbook.addWorksheet('Danh mục thủ tục', {
    views: [{ state: 'frozen', xSplit: 1, ySplit: 2 }],
  });
  sheet.columns = COLUMNS.map((c) => ({ key: c.key, width: c.width }));
  sheet.mergeCells(1, 1, 1, COLUMNS.length);
  const day = exportedAt.toISOString().slice(0, 10).split('-').reverse().join('/');
  sheet.getCell(1, 1).value = `${TITLE} (xuất ngày ${day})`;
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  sheet.getRow(1).height = 24;
  const header = sheet.getRow(2);
  header.values = COLUMNS.map((c) => c.header);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle' };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
    cell.border = { bottom: { style: 'thin' } };
  });
  sheet.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: COLUMNS.length } };
  for (const cells of rows) {
    const row = sheet.addRow(cells);
    row.alignment = { wrapText: true, vertical: 'top' };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const unreadable = (format: SheetFormat) =>
  fail({
    kind: 'Invalid',
    field: '/body',
    detail: text(
      `Không đọc được tệp ${format.toUpperCase()}`,
      `The body is not a readable ${format.toUpperCase()} file`,
    ),
  });

function cellValue(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || value instanceof Date) return value;
  if (typeof value === 'boolean') return String(value);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('hyperlink' in value) return typeof value.text === 'string' ? value.text : null;
  if ('result' in value) return cellValue(value.result);
  return null;
}

/** Finds the header row (the first with "Mã TTHC"), maps headers to columns, keeps the non-empty rows after it. */
function toSheet(lines: { row: number; cells: Cell[] }[]): ReadSheet | undefined {
  const norm = (cell: Cell) => (typeof cell === 'string' ? cell.normalize('NFC').trim() : cell);
  const header = lines.find((line) => line.cells.some((cell) => norm(cell) === COLUMNS[0]!.header));
  if (!header) return undefined;
  const index = new Map<ColumnKey, number>();
  for (const column of COLUMNS) {
    const at = header.cells.findIndex((cell) => norm(cell) === column.header);
    if (at >= 0) index.set(column.key, at);
  }
  const rows = lines
    .filter((line) => line.row > header.row)
    .filter((line) => line.cells.some((cell) => cell !== null && String(cell).trim() !== ''))
    .map((line) => ({
      row: line.row,
      get: (key: ColumnKey) => {
        const at = index.get(key);
        return at === undefined ? null : (line.cells[at] ?? null);
      },
    }));
  return { headerRow: header.row, missing: COLUMNS.map((c) => c.key).filter((k) => !index.has(k)), rows };
}

export async function readSheet(format: SheetFormat, body: Buffer): Promise<ReadSheet | undefined> {
  if (format === 'csv') {
    let records: string[][];
    try {
      records = parse(body, { bom: true, relax_column_count: true, skip_empty_lines: false });
    } catch {
      return unreadable(format);
    }
    return toSheet(
      records.map((cells, i) => ({ row: i + 1, cells: cells.map((c) => (c === '' ? null : c)) })),
    );
  }
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs declares its own Buffer type; a Node Buffer is what it reads at run time.
    await workbook.xlsx.load(body as unknown as ExcelJS.Buffer);
  } catch {
    return unreadable(format);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return undefined;
  const lines: { row: number; cells: Cell[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: Cell[] = [];
    for (let col = 1; col <= Math.max(row.cellCount, COLUMNS.length); col += 1) {
      cells.push(cellValue(row.getCell(col).value));
    }
    lines.push({ row: rowNumber, cells });
  });
  return toSheet(lines);
}
