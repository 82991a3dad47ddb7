import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, strangerDesk, type Session, type TestApp } from '../../../test/app.ts';
import { storeLabel } from '../../../test/store.ts';
import { pdfText, popplerMissing } from './poppler.ts';

/** "HH giờ mm phút, ngày dd/mm/yyyy" in Vietnam time, computed with the platform's time-zone data. */
function vietnamClock(iso: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Asia/Ho_Chi_Minh',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.hour} giờ ${parts.minute} phút, ngày ${parts.day}/${parts.month}/${parts.year}`;
}

describe(`receipt slip, Mẫu 01, over HTTP (${storeLabel})`, () => {
  let t: TestApp;
  let desk: Session;
  let pascId: string;

  const birth = () => ({
    procedureCode: '1.001193',
    receivingUnitId: pascId,
    channel: 'counter',
    applicant: {
      kind: 'person',
      fullName: 'Nguyễn Thị Lan',
      idNumber: '068190001234',
      phone: '0912345678',
      email: 'lan.nguyen@example.vn',
      address: 'Thôn 1, xã Đinh Văn Lâm Hà',
    },
    documents: [
      { name: 'Tờ khai đăng ký khai sinh', copyType: 'original', quantity: 1 },
      { name: 'Giấy chứng sinh', copyType: 'certified_copy', quantity: 1 },
    ],
    feeAmount: 8000,
    returnChannel: 'counter',
  });
  const receive = async () => {
    const response = await desk.request('POST', '/api/applications', birth());
    assert.equal(response.statusCode, 201, response.body);
    return response.json().application as {
      id: string;
      code: string;
      lookupKey: string;
      receivedAt: string;
      dueAt: string;
    };
  };
  const slipOf = (s: Session, id: string, query = '') =>
    s.request('GET', `/api/applications/${id}/receipt.pdf${query}`);

  before(async () => {
    t = await createTestApp();
    desk = await t.login('motcua');
    pascId = t.units.find((u) => u.kind === 'pasc' && u.name.endsWith('Đinh Văn Lâm Hà'))!.id;
  });
  after(() => t.dispose());

  test('the desk prints the slip of a file it received: an inline A5 PDF named after the code', async () => {
    const application = await receive();
    const response = await slipOf(desk, application.id);
    assert.equal(response.statusCode, 200, response.body);
    assert.equal(response.headers['content-type'], 'application/pdf');
    assert.equal(response.headers['content-disposition'], `inline; filename="${application.code}.pdf"`);
    assert.equal(response.headers['cache-control'], 'private, no-store');
    const pdf = response.rawPayload;
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
    const raw = pdf.toString('latin1');
    assert.match(raw, /\/MediaBox \[0 0 419\.53 595\.28\]/, 'A5');
    assert.match(raw, /\/Subtype \/Image/, 'the QR code is embedded as an image XObject');
    assert.ok(
      pdf.equals((await slipOf(desk, application.id)).rawPayload),
      'printing again gives the same bytes',
    );
    const a4 = await slipOf(desk, application.id, '?size=A4');
    assert.equal(a4.statusCode, 200);
    assert.match(a4.rawPayload.toString('latin1'), /\/MediaBox \[0 0 595\.28 841\.89\]/, 'A4');
  });

  test('pdftotext reads back the Vietnamese exactly: title, code, applicant, procedure, documents, times, key', async (ctx) => {
    if (popplerMissing) return ctx.skip(popplerMissing);
    const application = await receive();
    const text = pdfText((await slipOf(desk, application.id)).rawPayload);
    assert.equal(text, text.normalize('NFC'));
    const expected = [
      'UBND XÃ ĐINH VĂN LÂM HÀ',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      `Số: ${application.code}`,
      'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
      `Mã hồ sơ: ${application.code}`,
      'Đơn vị tiếp nhận: Trung tâm Phục vụ hành chính công xã Đinh Văn Lâm Hà',
      'Tiếp nhận hồ sơ của: Nguyễn Thị Lan',
      'Số định danh cá nhân: 068190001234',
      'Địa chỉ: Thôn 1, xã Đinh Văn Lâm Hà',
      'Số điện thoại: 0912345678 Thư điện tử: lan.nguyen@example.vn',
      'Nội dung yêu cầu giải quyết: Đăng ký khai sinh',
      '1. Thành phần hồ sơ:',
      'STT Tên giấy tờ Hình thức Số lượng',
      '1 Tờ khai đăng ký khai sinh Bản chính 01',
      '2 Giấy chứng sinh Bản sao chứng thực 01',
      '2. Số lượng hồ sơ: 01 (bộ)',
      '3. Thời gian giải quyết hồ sơ theo quy định: 1 ngày làm việc',
      `4. Thời gian nhận hồ sơ: ${vietnamClock(application.receivedAt)}`,
      `5. Thời gian trả kết quả giải quyết hồ sơ: ${vietnamClock(application.dueAt)}`,
      'Lệ phí: 8.000 đồng',
      'Tra cứu tình trạng hồ sơ: quét mã QR hoặc vào',
      'http://localhost:80/tra-cuu,',
      `nhập mã hồ sơ và mã tra cứu ${application.lookupKey}`,
      'NGƯỜI NỘP HỒ SƠ NGƯỜI TIẾP NHẬN HỒ SƠ',
      '(Ký và ghi rõ họ tên) (Ký và ghi rõ họ tên)',
      'Hoàng Thị Mai',
    ];
    // Whole lines, or whole segments of a line shared by the two header or signature columns.
    const lines = text.split('\n');
    for (const wanted of expected.map((line) => line.normalize('NFC')))
      assert.ok(
        lines.some((l) => l === wanted || l.startsWith(`${wanted} `) || l.endsWith(` ${wanted}`)),
        `missing line “${wanted}” in:\n${text}`,
      );
    assert.match(text, /Đinh Văn Lâm Hà, ngày \d{2} tháng (0[12]|1[0-2]|[3-9]) năm \d{4}/);
    assert.match(text, /6\. Đăng ký nhận kết quả tại: Trung tâm Phục vụ hành chính công xã Đinh Văn/);
  });

  test('a receptionist of another commune gets 403; an unknown id 404; a bad size 400 — as problems', async () => {
    const stranger = await strangerDesk(t, 'motcua.namban.slip');
    const application = await receive();
    const forbidden = await slipOf(stranger, application.id);
    assert.equal(forbidden.statusCode, 403);
    assert.match(String(forbidden.headers['content-type']), /application\/problem\+json/);
    const unknown = await slipOf(desk, '00000000-0000-4000-8000-000000000000');
    assert.equal(unknown.statusCode, 404);
    assert.match(String(unknown.headers['content-type']), /application\/problem\+json/);
    assert.equal(unknown.json().status, 404);
    assert.equal((await slipOf(desk, application.id, '?size=A3')).statusCode, 400);
    const anonymous = await t.app.server.inject({
      method: 'GET',
      url: `/api/applications/${application.id}/receipt.pdf`,
    });
    assert.equal(anonymous.statusCode, 401);
  });

  test('the commune’s leader may reprint it; the receiving officer stays the one who received', async (ctx) => {
    const application = await receive();
    const response = await slipOf(await t.login('lanhdao'), application.id);
    assert.equal(response.statusCode, 200, response.body);
    if (popplerMissing) return ctx.skip(popplerMissing);
    const text = pdfText(response.rawPayload);
    assert.ok(text.includes('Hoàng Thị Mai'));
    assert.ok(!text.includes('Lê Minh Đạo'));
  });
});
