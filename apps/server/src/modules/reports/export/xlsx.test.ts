import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { ReportDocumentError, type ReportDocument } from './document.ts';
import { sampleDocument } from './sample.ts';
import { toXlsx } from './xlsx.ts';

async function open(doc: ReportDocument) {
  const workbook = new ExcelJS.Workbook();
  // exceljs declares its own Buffer type; a Node Buffer is what it reads at run time.
  await workbook.xlsx.load((await toXlsx(doc)) as unknown as ExcelJS.Buffer);
  assert.equal(workbook.worksheets.length, 1);
  return workbook.worksheets[0]!;
}

/** The master cell whose text is exactly `text`, the first by rows then columns. */
function find(sheet: ExcelJS.Worksheet, text: string): ExcelJS.Cell {
  let found: ExcelJS.Cell | undefined;
  sheet.eachRow((row) =>
    row.eachCell((cell) => {
      if (!found && cell.value === text && cell.master === cell) found = cell;
    }),
  );
  assert.ok(found, `no cell reads “${text}”`);
  return found;
}

const mergedOver = (sheet: ExcelJS.Worksheet, master: ExcelJS.Cell, row: number, col: number) =>
  sheet.getCell(row, col).master.address === master.address;

describe('the XLSX of a quarter report', async () => {
  const doc = sampleDocument();
  const sheet = await open(doc);
  const n = doc.columns.length;

  test('A4 landscape, one page wide, in Times New Roman', () => {
    assert.equal(sheet.pageSetup.paperSize, 9);
    assert.equal(sheet.pageSetup.orientation, 'landscape');
    assert.equal(sheet.pageSetup.fitToPage, true);
    assert.equal(sheet.pageSetup.fitToWidth, 1);
    assert.equal(sheet.pageSetup.fitToHeight, 0);
    const title = find(sheet, 'BÁO CÁO TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH');
    assert.equal(title.font.name, 'Times New Roman');
    assert.equal(title.font.size, 14);
    assert.equal(title.font.bold, true);
    assert.equal(title.col, 1);
    assert.ok(mergedOver(sheet, title, Number(title.row), n), 'the title spans the table');
    assert.equal(title.alignment.horizontal, 'center');
    const period = find(sheet, doc.periodLabel);
    assert.equal(period.font.italic, true);
    assert.equal(Number(period.row), Number(title.row) + 2, 'title, subtitle, period');
  });

  test('agency top-left in capitals, the unit bold; the national motto top-right', () => {
    const parent = find(sheet, 'ỦY BAN NHÂN DÂN HUYỆN LÂM HÀ');
    const unit = find(sheet, 'VĂN PHÒNG HĐND VÀ UBND HUYỆN');
    assert.deepEqual([parent.row, parent.col, unit.row, unit.col], [1, 1, 2, 1]);
    assert.equal(unit.font.bold, true);
    assert.ok(!parent.font.bold);
    const nation = find(sheet, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    const motto = find(sheet, 'Độc lập - Tự do - Hạnh phúc');
    assert.equal(nation.row, 1);
    assert.equal(motto.row, 2);
    assert.ok(nation.col > unit.col);
    assert.ok(mergedOver(sheet, nation, 1, n), 'the motto block reaches the right edge');
    assert.equal(nation.font.bold, true);
    assert.equal(motto.font.bold, true);
    assert.equal(motto.font.underline, true);
    assert.match(sheet.getCell(3, 1).text, /^─+$/);
  });

  test('a two-row header with merged groups, then the column numbers', () => {
    const group = find(sheet, 'Số hồ sơ nhận giải quyết');
    const h = Number(group.row);
    assert.equal(group.col, 3);
    for (const col of [3, 4, 5]) assert.ok(mergedOver(sheet, group, h, col));
    assert.ok(!mergedOver(sheet, group, h, 6));
    assert.equal(sheet.getCell(h, 6).value, 'Số hồ sơ đã giải quyết');
    assert.deepEqual(
      [3, 4, 5].map((col) => sheet.getCell(h + 1, col).value),
      ['Tổng số', 'Kỳ trước chuyển qua', 'Mới tiếp nhận'],
    );
    // Columns outside a group span both header rows.
    const stt = sheet.getCell(h, 1);
    assert.equal(stt.value, 'STT');
    assert.ok(mergedOver(sheet, stt, h + 1, 1));
    assert.ok(mergedOver(sheet, sheet.getCell(h, n), h + 1, n));
    for (const cell of [group, stt, sheet.getCell(h + 1, 4)]) {
      assert.equal(cell.font.bold, true);
      assert.equal(cell.alignment.wrapText, true);
      assert.equal(cell.border.top?.style, 'thin');
    }
    const numbers = Array.from({ length: n }, (_, i) => sheet.getCell(h + 2, i + 1).value);
    assert.deepEqual(
      numbers,
      Array.from({ length: n }, (_, i) => `(${i + 1})`),
    );
    assert.equal(sheet.pageSetup.printTitlesRow, `${h}:${h + 2}`);
  });

  test('rows and the total hold the figures, with number formats; null is an empty cell', () => {
    const first = Number(find(sheet, '(1)').row) + 1;
    const rows = [...doc.rows, doc.total!];
    rows.forEach((values, r) => {
      doc.columns.forEach((column, c) => {
        const cell = sheet.getCell(first + r, c + 1);
        const value = values[column.key] ?? null;
        assert.equal(cell.value ?? null, value, `${column.key} of row ${r + 1}`);
        assert.equal(cell.border.bottom?.style, 'thin');
        assert.equal(Boolean(cell.font.bold), r === doc.rows.length, 'only the total is bold');
        const format = { text: undefined, integer: '#,##0', percent: '0.00%', decimal: '#,##0.00' }[
          column.kind
        ];
        if (format) assert.equal(cell.numFmt, format, column.key);
      });
    });
    const rate = sheet.getCell(first, 9);
    assert.equal(rate.value, 1532 / 1541, 'the fraction, so that Excel computes with it');
    assert.equal(sheet.getCell(first + 3, 13).type, ExcelJS.ValueType.Null);
    assert.equal(sheet.getCell(first + rows.length, 1).value, null, 'nothing after the total');
  });

  test('notes under the table, then the date and the two signers side by side', () => {
    const total = Number(find(sheet, 'Tổng cộng').row);
    const note = find(sheet, doc.notes![0]!);
    assert.ok(Number(note.row) > total);
    assert.ok(mergedOver(sheet, note, Number(note.row), n));
    const date = find(sheet, 'Lâm Hà, ngày 05 tháng 01 năm 2025');
    assert.equal(date.font.italic, true);
    assert.ok(Number(date.row) > Number(find(sheet, doc.notes![1]!).row));
    const right = find(sheet, 'KT. CHÁNH VĂN PHÒNG\nPHÓ CHÁNH VĂN PHÒNG');
    const left = find(sheet, 'NGƯỜI LẬP BIỂU');
    assert.equal(right.col, date.col);
    assert.equal(right.row, Number(date.row) + 1);
    assert.equal(left.row, right.row);
    assert.equal(left.col, 1);
    assert.ok(right.font.bold && left.font.bold);
    const hint = find(sheet, '(Ký, ghi rõ họ tên, đóng dấu)');
    assert.deepEqual([hint.row, hint.col, hint.font.italic], [Number(right.row) + 1, right.col, true]);
    assert.equal(find(sheet, '(Ký, ghi rõ họ tên)').row, hint.row);
    const name = find(sheet, 'Trần Văn Bình');
    assert.equal(name.col, right.col);
    assert.ok(Number(name.row) >= Number(hint.row) + 4, 'room for the signature and the seal');
    assert.equal(find(sheet, 'Nguyễn Thị Hồng').row, name.row);
  });

  test('every text is NFC Vietnamese', () => {
    let texts = 0;
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value !== 'string') return;
        texts += 1;
        assert.equal(cell.value, cell.value.normalize('NFC'));
      }),
    );
    assert.ok(texts > 40);
  });
});

test('decomposed input comes out NFC; an English report has the English motto and date', async () => {
  const doc = sampleDocument('en');
  const sheet = await open({
    ...doc,
    title: 'Report on handling of administrative procedures',
    place: 'Lâm Hà'.normalize('NFD'),
    rows: [{ ...doc.rows[0]!, unit: 'Phòng Tư pháp'.normalize('NFD') }],
    signers: { right: { title: 'Chairman', name: 'Lê Văn An' } },
  });
  find(sheet, 'REPORT ON HANDLING OF ADMINISTRATIVE PROCEDURES');
  find(sheet, 'Phòng Tư pháp');
  assert.equal(find(sheet, 'SOCIALIST REPUBLIC OF VIET NAM').font.bold, true);
  assert.equal(find(sheet, 'Independence - Freedom - Happiness').font.underline, true);
  find(sheet, 'Lâm Hà, 05 January 2025');
  find(sheet, 'CHAIRMAN');
  find(sheet, '(Signature, full name, seal)');
});

test('a table without groups has one header row; a one-column table still gets both blocks', async () => {
  const doc = sampleDocument();
  const sheet = await open({
    ...doc,
    columns: [{ key: 'unit', header: 'Đơn vị', kind: 'text' }],
    rows: [{ unit: 'Xã Phúc Thọ' }],
    total: undefined,
    notes: undefined,
  });
  const header = find(sheet, 'Đơn vị');
  assert.equal(sheet.getCell(Number(header.row) + 1, 1).value, '(1)');
  assert.equal(sheet.getCell(Number(header.row) + 2, 1).value, 'Xã Phúc Thọ');
  assert.equal(sheet.pageSetup.printTitlesRow, `${header.row}:${Number(header.row) + 1}`);
  assert.equal(find(sheet, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM').col, 2);
});

test('an invalid document is refused before anything is written', async () => {
  await assert.rejects(
    toXlsx({ ...sampleDocument(), rows: [{ unitt: 'A' }] }),
    (e: unknown) => e instanceof ReportDocumentError && e.problems[0] === 'row 1: "unitt" is not a column',
  );
});
