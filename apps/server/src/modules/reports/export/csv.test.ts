import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import { toCsv } from './csv.ts';
import { ReportDocumentError, type ReportDocument } from './document.ts';
import { sampleDocument } from './sample.ts';

const small: ReportDocument = {
  lang: 'vi',
  agency: { name: 'UBND xã Phúc Thọ' },
  title: 'Báo cáo thử',
  periodLabel: 'Kỳ báo cáo: tháng 12 năm 2024',
  place: 'Phúc Thọ',
  issuedOn: '2025-01-02',
  columns: [
    { key: 'unit', header: 'Đơn vị', kind: 'text' },
    { key: 'received', header: 'Tổng số', group: 'Hồ sơ', kind: 'integer' },
    { key: 'rate', header: 'Tỷ lệ đúng hạn', group: 'Hồ sơ', kind: 'percent' },
    { key: 'days', header: 'Số ngày', kind: 'decimal' },
  ],
  rows: [
    { unit: 'Phòng Tư pháp, "một cửa"', received: 1234, rate: 0.9918, days: 2.5 },
    { unit: 'Xã Phúc Thọ', received: 0, rate: null, days: null },
  ],
  total: { unit: 'Tổng cộng', received: 1234, rate: 0.9918 },
  notes: ['Không có trong CSV'],
  signers: { right: { title: 'Chủ tịch', name: 'Lê Văn An' } },
};

test('the CSV is the table alone: BOM, one header row, RFC 4180 quoting, fractions, empty nulls', () => {
  assert.equal(
    toCsv(small),
    '\uFEFF' +
      'Đơn vị,Hồ sơ: Tổng số,Hồ sơ: Tỷ lệ đúng hạn,Số ngày\r\n' +
      '"Phòng Tư pháp, ""một cửa""",1234,0.9918,2.5\r\n' +
      'Xã Phúc Thọ,0,,\r\n' +
      'Tổng cộng,1234,0.9918,\r\n',
  );
});

test('a computed rate keeps its full precision and Vietnamese text comes out NFC', () => {
  const decomposed = 'Xã Phúc Thọ'.normalize('NFD');
  const csv = toCsv({
    ...small,
    rows: [{ unit: decomposed, received: 122, rate: 121 / 122 }],
    total: undefined,
  });
  assert.ok(csv.includes('Xã Phúc Thọ,122,0.9918032786885246,\r\n'), csv);
  assert.ok(!csv.includes(decomposed));
});

test('the sample report reads back as its rows and total', () => {
  const doc = sampleDocument();
  const [header, ...records]: string[][] = parse(toCsv(doc), { bom: true });
  assert.equal(header?.length, doc.columns.length);
  assert.equal(header?.[2], 'Số hồ sơ nhận giải quyết: Tổng số');
  assert.equal(records.length, doc.rows.length + 1);
  const expected = [...doc.rows, doc.total!].map((row) =>
    doc.columns.map((c) => (row[c.key] === null || row[c.key] === undefined ? '' : String(row[c.key]))),
  );
  assert.deepEqual(records, expected);
});

test('a row with a key that is not a column, or a value of the wrong kind, is refused', () => {
  assert.throws(
    () => toCsv({ ...small, rows: [{ unit: 'A', rceived: 1 }] }),
    (e: unknown) => e instanceof ReportDocumentError && /"rceived" is not a column/.test(e.message),
  );
  assert.throws(() => toCsv({ ...small, rows: [{ unit: 'A', rate: 99.18 }] }), /between 0 and 1/);
  assert.throws(() => toCsv({ ...small, rows: [{ unit: 'A', received: 1.5 }] }), /not an integer/);
  assert.throws(() => toCsv({ ...small, total: { unit: 7 } }), /total: "unit" \(text\) is not a string/);
});

test('a text that looks like a formula stays text', () => {
  const csv = toCsv({ ...small, rows: [{ unit: '=HYPERLINK("http://x")', received: 1 }], total: undefined });
  assert.match(csv, /"'=HYPERLINK\(""http:\/\/x""\)",1/);
  assert.match(toCsv({ ...small, rows: [{ unit: '-1+2', received: 1 }] }), /'-1\+2,1/);
});
