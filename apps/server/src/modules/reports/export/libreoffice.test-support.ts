import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import type { ReportColumn, ReportValue } from './document.ts';

/** Why LibreOffice tests are skipped here, or false when it is installed. */
export const libreofficeMissing =
  spawnSync('libreoffice', ['--version'], { timeout: 60_000 }).error === undefined
    ? false
    : 'libreoffice not installed: apt-get install -y --no-install-recommends libreoffice-calc-nogui';

// Comma, double quote, UTF-8 (76), from line 1, default column types, English (1033), quoted fields not
// forced to text, special numbers detected, cell contents saved as shown (so with our number formats).
const CSV_FILTER = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,true';

/** The XLSX opened by LibreOffice and saved as CSV (as shown, C locale): its rows of cells, and the time taken. */
export async function libreofficeRows(xlsx: Buffer): Promise<{ rows: string[][]; ms: number }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'motcua-report-'));
  try {
    const file = path.join(dir, 'report.xlsx');
    writeFileSync(file, xlsx);
    const started = Date.now();
    // A profile of its own: two LibreOffice processes sharing one refuse to run side by side.
    await promisify(execFile)(
      'libreoffice',
      [
        `-env:UserInstallation=${pathToFileURL(path.join(dir, 'profile')).href}`,
        '--headless',
        '--norestore',
        '--convert-to',
        CSV_FILTER,
        '--outdir',
        dir,
        file,
      ],
      { timeout: 170_000, env: { ...process.env, LC_ALL: 'C.UTF-8', LANG: 'C.UTF-8' } },
    );
    const csv = path.join(dir, 'report.csv');
    if (!existsSync(csv)) throw new Error('LibreOffice wrote no CSV');
    const rows: string[][] = parse(readFileSync(csv), { bom: true, relax_column_count: true });
    return { rows, ms: Date.now() - started };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text LibreOffice shows for a value under the C locale, i.e. US English separators. */
export function shown(column: ReportColumn, value: ReportValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (column.kind === 'percent') return `${(value * 100).toFixed(2)}%`;
  const digits = column.kind === 'decimal' ? 2 : 0;
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}
