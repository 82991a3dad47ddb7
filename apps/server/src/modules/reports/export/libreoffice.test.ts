import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import type { ReportColumn, ReportValue } from './document.ts';
import { sampleDocument } from './sample.ts';
import { toXlsx } from './xlsx.ts';

/**
 * LibreOffice as an independent reader of the XLSX: it must open the file and print the figures with our
 * number formats. Debian's libreoffice-calc-nogui is enough; without it the test says it is skipped.
 */
const missing =
  spawnSync('libreoffice', ['--version'], { timeout: 60_000 }).error === undefined
    ? false
    : 'libreoffice not installed: apt-get install -y --no-install-recommends libreoffice-calc-nogui';

// Comma, double quote, UTF-8 (76), from line 1, default column types, English (1033), quoted fields not
// forced to text, special numbers detected, cell contents saved as shown (so with our number formats).
const CSV_FILTER = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,true';

/** The text LibreOffice shows for a value under the C locale, i.e. US English separators. */
function shown(column: ReportColumn, value: ReportValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (column.kind === 'percent') return `${(value * 100).toFixed(2)}%`;
  const digits = column.kind === 'decimal' ? 2 : 0;
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

test(
  'LibreOffice reads the XLSX and prints the figures with its number formats',
  { timeout: 180_000 },
  async (t) => {
    if (missing) return t.skip(missing);
    const dir = mkdtempSync(path.join(tmpdir(), 'motcua-report-'));
    try {
      const doc = sampleDocument();
      const file = path.join(dir, 'report.xlsx');
      writeFileSync(file, await toXlsx(doc));
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
      t.diagnostic(`xlsx → csv by LibreOffice in ${Date.now() - started} ms`);
      const csv = path.join(dir, 'report.csv');
      assert.ok(existsSync(csv), 'LibreOffice wrote no CSV');
      const lines: string[][] = parse(readFileSync(csv), { bom: true, relax_column_count: true });

      assert.equal(lines[0]?.[0], 'ỦY BAN NHÂN DÂN HUYỆN LÂM HÀ');
      assert.ok(lines[0]?.includes('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'));
      assert.ok(lines.some((l) => l[0] === 'BÁO CÁO TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH'));
      const numbers = lines.findIndex((l) => l[0] === '(1)');
      assert.ok(numbers > 0, 'no row of column numbers');
      assert.deepEqual(lines[numbers - 1]?.slice(2, 5), ['Tổng số', 'Kỳ trước chuyển qua', 'Mới tiếp nhận']);
      assert.equal(lines[numbers - 2]?.[2], 'Số hồ sơ nhận giải quyết');

      const expected = [...doc.rows, doc.total!].map((row) => doc.columns.map((c) => shown(c, row[c.key])));
      const actual = lines
        .slice(numbers + 1, numbers + 1 + expected.length)
        .map((l) => l.slice(0, doc.columns.length));
      assert.deepEqual(actual, expected);
      // Spot checks of what the formats print, independent of the helper above.
      assert.deepEqual(actual[0]?.slice(2, 9), ['1,546', '12', '1,534', '1,541', '1,532', '9', '99.42%']);
      assert.equal(actual[3]?.[12], '', 'a null figure stays an empty cell');
      assert.equal(actual[4]?.[12], '5.31');
      assert.ok(lines.some((l) => l.includes('Lâm Hà, ngày 05 tháng 01 năm 2025')));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
);
