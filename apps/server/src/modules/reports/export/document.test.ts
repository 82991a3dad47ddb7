import { test } from 'node:test';
import assert from 'node:assert/strict';
import { documentProblems, headerGroups, placeAndDate, type ReportColumn } from './document.ts';
import { lineCount, pageBlocks, sheetWidths } from './layout.ts';
import { sampleDocument } from './sample.ts';

test('the place and date line follows Decree 30/2020 (leading zero for days < 10 and months 1–2)', () => {
  assert.equal(placeAndDate('vi', 'Lâm Hà', '2025-01-05'), 'Lâm Hà, ngày 05 tháng 01 năm 2025');
  assert.equal(placeAndDate('vi', 'Lâm Hà', '2025-02-28'), 'Lâm Hà, ngày 28 tháng 02 năm 2025');
  assert.equal(placeAndDate('vi', 'Lâm Hà', '2024-12-31'), 'Lâm Hà, ngày 31 tháng 12 năm 2024');
  assert.equal(placeAndDate('vi', 'Lâm Hà', '2025-03-07'), 'Lâm Hà, ngày 07 tháng 3 năm 2025');
  assert.equal(placeAndDate('en', 'Lâm Hà', '2025-03-07'), 'Lâm Hà, 07 March 2025');
  assert.throws(() => placeAndDate('vi', 'Lâm Hà', '2025-02-30'), /not a date/);
});

test('the sample document is valid; problems are all listed', () => {
  assert.deepEqual(documentProblems(sampleDocument()), []);
  const doc = sampleDocument();
  const problems = documentProblems({
    ...doc,
    issuedOn: '05/01/2025',
    columns: [...doc.columns, { key: 'no', header: 'Lại STT', kind: 'text' }],
    rows: [{ no: 1, unit: null, onTimeRate: -0.1, avgDays: Number.NaN, extra: 'x' }],
  });
  assert.deepEqual(problems, [
    'column "no" appears twice',
    'row 1: "no" (text) is not a string: 1',
    'row 1: "onTimeRate" (percent) is not a fraction between 0 and 1: -0.1',
    'row 1: "avgDays" (decimal) is not a finite number: null',
    'row 1: "extra" is not a column',
    'issuedOn "05/01/2025" is not a date YYYY-MM-DD',
  ]);
});

test('a group split by another column is a problem', () => {
  const columns: ReportColumn[] = [
    { key: 'a', header: 'A', group: 'G', kind: 'integer' },
    { key: 'b', header: 'B', kind: 'integer' },
    { key: 'c', header: 'C', group: 'G', kind: 'integer' },
  ];
  assert.deepEqual(documentProblems({ ...sampleDocument(), columns, rows: [], total: undefined }), [
    'group "G" is not on consecutive columns',
  ]);
});

test('header groups are runs of consecutive columns', () => {
  assert.deepEqual(
    headerGroups(sampleDocument().columns).map((r) => [r.group ?? null, r.from, r.to]),
    [
      [null, 0, 0],
      [null, 1, 1],
      ['Số hồ sơ nhận giải quyết', 2, 4],
      ['Số hồ sơ đã giải quyết', 5, 8],
      ['Số hồ sơ đang giải quyết', 9, 11],
      [null, 12, 12],
    ],
  );
});

test('the page blocks split the sheet about 40/50, and a narrow table is widened for them', () => {
  const widths = sheetWidths(sampleDocument().columns);
  const total = widths.reduce((a, b) => a + b, 0);
  const { left, right } = pageBlocks(widths);
  assert.equal(left[0], 1);
  assert.equal(right[1], widths.length);
  assert.ok(left[1] < right[0]);
  const span = ([from, to]: [number, number]) => widths.slice(from - 1, to).reduce((a, b) => a + b, 0);
  assert.ok(span(left) >= 0.38 * total && span(right) >= 0.5 * total, JSON.stringify({ left, right }));
  // One text and one percent column: the text column grows, an empty third column holds the motto.
  const narrow = sheetWidths([
    { key: 'u', header: 'Đơn vị', kind: 'text' },
    { key: 'r', header: 'Tỷ lệ', kind: 'percent' },
  ]);
  assert.equal(narrow.length, 3);
  assert.equal(narrow[1], 12);
  assert.ok(Math.abs(narrow.reduce((a, b) => a + b, 0) - 100) < 0.2);
});

test('wrapped lines are counted word by word', () => {
  assert.equal(lineCount('Tổng số', 10), 1);
  assert.equal(lineCount('Kỳ trước chuyển qua', 30), 1);
  assert.equal(lineCount('Kỳ trước chuyển qua', 12), 2);
  assert.equal(lineCount('a\nb', 30), 2);
  assert.ok(lineCount('x'.repeat(50), 11) >= 5);
});
