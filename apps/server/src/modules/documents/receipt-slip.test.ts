import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { pdfText, pdfWords, popplerMissing } from './poppler.ts';
import {
  formatClock,
  formatMoney,
  formatPlaceDate,
  formatProcedureTime,
  headerOf,
  type ReceiptSlipData,
} from './receipt-data.ts';
import { lookupUrl, renderReceiptSlip } from './receipt-slip.ts';

const slip = (overrides: Partial<ReceiptSlipData> = {}): ReceiptSlipData => ({
  code: '000.00.24871-261127-0042',
  lookupKey: 'K7Q2M9',
  authority: 'UBND XÃ ĐINH VĂN LÂM HÀ',
  unitName: 'Trung tâm Phục vụ hành chính công xã Đinh Văn Lâm Hà',
  place: 'Đinh Văn Lâm Hà',
  receivedAt: new Date('2026-11-27T02:15:00Z'),
  dueAt: new Date('2026-11-30T09:00:00Z'),
  applicant: {
    name: 'Nguyễn Thị Lan',
    organisationName: null,
    idNumber: '068190001234',
    taxCode: null,
    phone: '0912345678',
    email: null,
    address: 'Thôn 1, xã Đinh Văn Lâm Hà',
  },
  procedureName: 'Đăng ký khai sinh',
  procedureTime: '1 ngày làm việc',
  documents: [{ name: 'Tờ khai đăng ký khai sinh', copyType: 'original', quantity: 1 }],
  sets: 1,
  returnTo: 'Trung tâm Phục vụ hành chính công xã Đinh Văn Lâm Hà',
  feeAmount: 8000,
  officerName: 'Hoàng Thị Mai',
  ...overrides,
});
const BASE = 'https://motcua.lamdong.gov.vn';
const oneLine = (text: string) => text.replace(/\s+/g, ' ');

describe('receipt slip: words', () => {
  test('dates and times are Vietnam time; day < 10 and months 1–2 get a leading zero (Decree 30/2020)', () => {
    // 17:30 UTC on 4 February is 00:30 on 5 February in Vietnam.
    const at = new Date('2026-02-04T17:30:00Z');
    assert.equal(formatPlaceDate('Lâm Hà', at), 'Lâm Hà, ngày 05 tháng 02 năm 2026');
    assert.equal(formatClock(at), '00 giờ 30 phút, ngày 05/02/2026');
    assert.equal(
      formatPlaceDate('Lâm Hà', new Date('2026-11-27T01:00:00Z')),
      'Lâm Hà, ngày 27 tháng 11 năm 2026',
    );
  });

  test('money in vi-VN, and the procedure’s time limit in words', () => {
    assert.equal(formatMoney(8000), '8.000 đồng');
    assert.equal(formatMoney(1_250_000), '1.250.000 đồng');
    assert.equal(formatProcedureTime({ amount: 3, unit: 'working_days' }), '3 ngày làm việc');
    assert.equal(formatProcedureTime({ amount: 8, unit: 'working_hours' }), '8 giờ làm việc');
    assert.equal(formatProcedureTime({ amount: 15, unit: 'days' }), '15 ngày');
    assert.equal(formatProcedureTime(null), null);
  });

  test('the header names the body above the receiving unit, and the place is the unit where it sits', () => {
    const province = { name: 'Tỉnh Lâm Đồng', kind: 'province' };
    const commune = { name: 'Xã Đinh Văn Lâm Hà', kind: 'commune' };
    const centre = { name: 'Trung tâm Phục vụ hành chính công xã Đinh Văn Lâm Hà', kind: 'pasc' };
    assert.deepEqual(headerOf([{ name: 'Việt Nam', kind: 'country' }, province, commune, centre]), {
      authority: 'UBND XÃ ĐINH VĂN LÂM HÀ',
      unitName: centre.name,
      place: 'Đinh Văn Lâm Hà',
    });
    assert.deepEqual(headerOf([province, commune]), {
      authority: 'UBND TỈNH LÂM ĐỒNG',
      unitName: 'UBND Xã Đinh Văn Lâm Hà',
      place: 'Đinh Văn Lâm Hà',
    });
    const district = { name: 'Huyện Lâm Hà', kind: 'district' };
    const desk = { name: 'Bộ phận Tiếp nhận và Trả kết quả huyện Lâm Hà', kind: 'department' };
    assert.deepEqual(headerOf([province, district, desk]), {
      authority: 'UBND HUYỆN LÂM HÀ',
      unitName: desk.name,
      place: 'Lâm Hà',
    });
  });

  test('the QR code holds the status page with code and key', () => {
    assert.equal(
      lookupUrl(`${BASE}/`, '000.00.24871-261127-0042', 'K7Q2M9'),
      `${BASE}/tra-cuu?ma=000.00.24871-261127-0042&khoa=K7Q2M9`,
    );
  });
});

describe('receipt slip: the PDF', () => {
  test('the same data gives the same bytes; A5 by default size, A4 on request', async () => {
    const a5 = await renderReceiptSlip(slip(), { size: 'A5', publicBaseUrl: BASE });
    assert.equal(a5.subarray(0, 5).toString('latin1'), '%PDF-');
    assert.ok(a5.equals(await renderReceiptSlip(slip(), { size: 'A5', publicBaseUrl: BASE })));
    const raw = a5.toString('latin1');
    assert.match(raw, /\/MediaBox \[0 0 419\.53 595\.28\]/);
    assert.match(raw, /\/Subtype \/Image/, 'the QR code is an image XObject');
    const a4 = await renderReceiptSlip(slip(), { size: 'A4', publicBaseUrl: BASE });
    assert.match(a4.toString('latin1'), /\/MediaBox \[0 0 595\.28 841\.89\]/);
  });

  test('a file without an appointment leaves the time to be written by hand', async (t) => {
    if (popplerMissing) return t.skip(popplerMissing);
    const text = pdfText(
      await renderReceiptSlip(slip({ dueAt: null, feeAmount: null }), { size: 'A5', publicBaseUrl: BASE }),
    );
    assert.match(
      oneLine(text),
      /5\. Thời gian trả kết quả giải quyết hồ sơ: \.+ giờ \.+ phút, ngày \.+\/\.+\/\.+/,
    );
    assert.ok(!text.includes('Lệ phí'));
  });

  test('long names wrap inside the margins and a long list flows onto a numbered second page', async (t) => {
    if (popplerMissing) return t.skip(popplerMissing);
    const procedureName =
      'Cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền với đất lần đầu ' +
      'cho hộ gia đình, cá nhân đã được giao đất, cho thuê đất để sử dụng vào mục đích sản xuất nông nghiệp, ' +
      'lâm nghiệp, nuôi trồng thủy sản, làm muối';
    assert.ok(procedureName.length >= 200);
    const documents = Array.from({ length: 20 }, (_, i) => ({
      name: `Giấy tờ số ${i + 1}: bản vẽ sơ đồ thửa đất kèm văn bản xác nhận của Ủy ban nhân dân cấp xã về nguồn gốc và thời điểm sử dụng đất ổn định`,
      copyType: 'certified_copy' as const,
      quantity: i + 1,
    }));
    for (const size of ['A5', 'A4'] as const) {
      const pdf = await renderReceiptSlip(
        slip({
          procedureName,
          documents,
          applicant: { ...slip().applicant, email: 'nguyen.thi.lan.nguoi.nop.ho.so@example.vn' },
        }),
        { size, publicBaseUrl: BASE },
      );
      const words = pdfWords(pdf);
      const edge = size === 'A5' ? 14 : 20; // 5 mm, 7 mm
      for (const w of words) {
        assert.ok(
          w.xMin >= edge && w.xMax <= w.pageWidth - edge && w.yMax <= w.pageHeight - edge,
          `${size}: “${w.text}” on page ${w.page + 1} leaves the page (${w.xMin}–${w.xMax}, ${w.yMax})`,
        );
      }
      const pages = Math.max(...words.map((w) => w.page)) + 1;
      assert.ok(pages >= 2, `${size}: ${pages} page(s)`);
      const text = pdfText(pdf);
      assert.ok(oneLine(text).includes(`Nội dung yêu cầu giải quyết: ${procedureName}`), text);
      assert.ok(text.includes('Giấy tờ số 20:'), 'the last document is printed');
      assert.ok(text.includes('NGƯỜI TIẾP NHẬN HỒ SƠ'));
      const secondPageTop = words.filter((w) => w.page === 1).sort((a, b) => a.yMin - b.yMin)[0];
      assert.equal(secondPageTop?.text, '2', 'the second page is numbered at the top');
    }
  });
});
