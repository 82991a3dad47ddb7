import { test } from 'node:test';
import assert from 'node:assert/strict';
import { libreofficeMissing as missing, libreofficeRows, shown } from './libreoffice.test-support.ts';
import { sampleDocument } from './sample.ts';
import { toXlsx } from './xlsx.ts';

/**
 * LibreOffice as an independent reader of the XLSX: it must open the file and print the figures with our
 * number formats. Debian's libreoffice-calc-nogui is enough; without it the test says it is skipped.
 */

test(
  'LibreOffice reads the XLSX and prints the figures with its number formats',
  { timeout: 180_000 },
  async (t) => {
    if (missing) return t.skip(missing);
    const doc = sampleDocument();
    const { rows: lines, ms } = await libreofficeRows(await toXlsx(doc));
    t.diagnostic(`xlsx → csv by LibreOffice in ${ms} ms`);
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
  },
);
