import { stringify } from 'csv-stringify/sync';
import { assertValidDocument, type ReportColumn, type ReportDocument, type ReportValue } from './document.ts';

/**
 * The table alone, for machines: one header row, the rows, the total; no title or signatures. Numbers are
 * written as JavaScript writes them ('.' decimal point, no grouping), a percent as its fraction (0.9918).
 */

/** A grouped column is named with its group, since "Tổng số" under two groups would be two equal headers. */
export const csvHeader = (column: ReportColumn) =>
  (column.group === undefined ? column.header : `${column.group}: ${column.header}`).normalize('NFC');

function csvValue(value: ReportValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Object.is(value, -0) ? '0' : String(value);
  // A text starting like a formula would run as one when the file is opened in a spreadsheet (CSV injection):
  // a leading apostrophe keeps it text. Names come from administrators and citizens' comments may be exported.
  const text = value.normalize('NFC');
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export function toCsv(doc: ReportDocument): string {
  assertValidDocument(doc);
  const records = [doc.columns.map(csvHeader)];
  for (const row of doc.total ? [...doc.rows, doc.total] : doc.rows)
    records.push(doc.columns.map((column) => csvValue(row[column.key])));
  // The BOM makes Excel read the file as UTF-8: without it Vietnamese letters turn into mojibake.
  return stringify(records, { bom: true, record_delimiter: '\r\n' });
}
