import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { APOLOGY_TITLES, renderApologyForm } from './apology-form.ts';
import { renderControlSheet } from './control-sheet.ts';
import type { ApologyData, ControlRow, FormBase, Regime } from './forms-data.ts';
import { renderRefusalForm, renderSupplementForm } from './intake-forms.ts';
import { pdfText, pdfWords, popplerMissing } from './poppler.ts';

const base = (regime: Regime = 'decree_118_2025'): FormBase => ({
  code: '000.00.24871-261127-0042',
  regime,
  issuer: {
    authority: 'UBND XÃ ĐINH VĂN LÂM HÀ',
    unitName: 'Trung tâm Phục vụ hành chính công xã Đinh Văn Lâm Hà',
    place: 'Đinh Văn Lâm Hà',
  },
  issuedAt: new Date('2026-11-27T02:15:00Z'),
  applicant: {
    name: 'Nguyễn Thị Lan',
    organisationName: null,
    address: 'Thôn 1, xã Đinh Văn Lâm Hà',
    phone: '0912345678',
    email: 'lan.nguyen@example.vn',
  },
  procedureName: 'Đăng ký khai sinh',
});
const oneLine = (s: string) => s.replace(/\s+/g, ' ');
/** The text of a PDF, and that all of it stays on the page. */
function read(pdf: Buffer) {
  for (const w of pdfWords(pdf))
    assert.ok(w.xMin >= 14 && w.xMax <= w.pageWidth - 14, `“${w.text}” leaves the page`);
  return pdfText(pdf);
}

describe('Mẫu 02, phiếu yêu cầu bổ sung, hoàn thiện hồ sơ', () => {
  const data = {
    ...base(),
    reason: 'Tờ khai chưa có chữ ký của người đi khai sinh; giấy chứng sinh là bản chụp không rõ nét',
    documents: [
      { name: 'Tờ khai đăng ký khai sinh (có chữ ký)', copyType: 'original' as const, quantity: 1 },
      { name: 'Giấy chứng sinh', copyType: 'certified_copy' as const, quantity: 2 },
    ],
    officerName: 'Hoàng Thị Mai',
  };

  test('A5, with the applicant in full, the table by copy type, the reason and the guide', async (t) => {
    const pdf = await renderSupplementForm(data);
    assert.match(pdf.toString('latin1'), /\/MediaBox \[0 0 419\.53 595\.28\]/);
    if (popplerMissing) return t.skip(popplerMissing);
    const text = read(pdf);
    const flat = oneLine(text);
    assert.ok(text.includes('PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ'), text);
    assert.ok(flat.includes('Mẫu số 02 (ban hành kèm theo Thông tư số 03/2025/TT-VPCP)'), text);
    assert.ok(text.includes('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'));
    assert.ok(text.includes('Đinh Văn Lâm Hà, ngày 27 tháng 11 năm 2026'));
    assert.ok(text.includes('Mã hồ sơ: 000.00.24871-261127-0042'));
    assert.ok(text.includes('Tiếp nhận hồ sơ của Ông/Bà: Nguyễn Thị Lan'));
    assert.ok(text.includes('Nội dung yêu cầu giải quyết: Đăng ký khai sinh'));
    assert.ok(text.includes('Số điện thoại: 0912345678'), 'the phone in full');
    assert.ok(text.includes('lan.nguyen@example.vn'));
    assert.ok(text.includes('Yêu cầu Ông/Bà hoàn thiện hồ sơ gồm những nội dung như sau:'));
    for (const head of ['TT', 'Thành phần hồ sơ', 'Số lượng', 'Bản chính', 'Bản chụp'])
      assert.ok(text.includes(head), head);
    assert.match(text, /1 Tờ khai đăng ký khai sinh \(có chữ ký\) 01\n/);
    assert.match(text, /2 Giấy chứng sinh 02\n/);
    assert.ok(flat.includes(`Lý do: ${data.reason}`), text);
    assert.ok(text.includes('NGƯỜI HƯỚNG DẪN'));
    assert.ok(text.includes('Hoàng Thị Mai'));
  });

  test('without documents only the reason is printed', async (t) => {
    if (popplerMissing) return t.skip(popplerMissing);
    const text = read(await renderSupplementForm({ ...data, documents: [] }));
    assert.ok(!text.includes('gồm những nội dung như sau'));
    assert.ok(!text.includes('Thành phần hồ sơ'));
    assert.ok(oneLine(text).includes(`Lý do: ${data.reason}`));
  });
});

describe('Mẫu 03, phiếu từ chối tiếp nhận giải quyết hồ sơ', () => {
  test('the applicant, the procedure, the reason and the receiving officer', async (t) => {
    if (popplerMissing) return t.skip(popplerMissing);
    const reason = 'Thủ tục không thuộc thẩm quyền giải quyết của Ủy ban nhân dân xã';
    const text = read(
      await renderRefusalForm({ ...base('decree_61_2018'), reason, officerName: 'Trần Văn Đức' }),
    );
    assert.ok(text.includes('PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ'));
    assert.ok(oneLine(text).includes('Mẫu số 03 (ban hành kèm theo Thông tư số 01/2018/TT-VPCP)'));
    assert.ok(text.includes('Tiếp nhận hồ sơ của Ông/Bà: Nguyễn Thị Lan'));
    assert.ok(text.includes('Nội dung yêu cầu giải quyết: Đăng ký khai sinh'));
    assert.ok(oneLine(text).includes(`Lý do từ chối: ${reason}`), text);
    assert.ok(!text.includes('0912345678'), 'no phone on the refusal');
    assert.ok(text.includes('NGƯỜI TIẾP NHẬN HỒ SƠ'));
    assert.ok(text.includes('Trần Văn Đức'));
  });
});

describe('Mẫu 04, the apology', () => {
  const apology = (regime: Regime): ApologyData => ({
    ...base(regime),
    issuer: {
      authority: 'UBND XÃ ĐINH VĂN LÂM HÀ',
      unitName: 'Phòng Văn hóa - Xã hội',
      place: 'Đinh Văn Lâm Hà',
    },
    receivingUnitName: 'Trung tâm Phục vụ hành chính công xã Đinh Văn Lâm Hà',
    receivedAt: new Date('2026-11-27T02:15:00Z'),
    previousDueAt: new Date('2026-11-30T09:00:00Z'),
    // 09:00 UTC is 16:00 in Vietnam.
    newAppointmentAt: new Date('2026-12-04T09:00:00Z'),
    reason: 'Cần xác minh thông tin cư trú của người mẹ tại địa phương khác',
    decidingUnitName: 'Phòng Văn hóa - Xã hội',
    officerName: 'Lê Văn Hùng',
  });

  for (const [regime, circular, other] of [
    ['decree_61_2018', '01/2018', 'decree_118_2025'],
    ['decree_118_2025', '03/2025', 'decree_61_2018'],
  ] as const)
    test(`${regime}: the title of ${circular}, the reason and the new appointment`, async (t) => {
      if (popplerMissing) return t.skip(popplerMissing);
      const text = read(await renderApologyForm(apology(regime)));
      const flat = oneLine(text);
      assert.ok(flat.includes(APOLOGY_TITLES[regime]), text);
      assert.ok(!flat.includes(APOLOGY_TITLES[other]));
      assert.ok(flat.includes(`Mẫu số 04 (ban hành kèm theo Thông tư số ${circular}/TT-VPCP)`));
      assert.ok(text.includes('Kính gửi: Ông/Bà Nguyễn Thị Lan'));
      assert.ok(flat.includes('mã hồ sơ 000.00.24871-261127-0042'));
      assert.ok(flat.includes('nội dung yêu cầu giải quyết: Đăng ký khai sinh'));
      assert.ok(flat.includes('Vào lúc 09 giờ 15 phút, ngày 27/11/2026'), 'the date received');
      assert.ok(
        flat.includes('Ngày hẹn trả kết quả: 16 giờ 00 phút, ngày 30/11/2026'),
        'the first appointment',
      );
      assert.ok(flat.includes('Lý do: Cần xác minh thông tin cư trú của người mẹ tại địa phương khác'));
      assert.ok(flat.includes('trân trọng xin lỗi Ông/Bà'));
      assert.ok(flat.includes('hẹn lại ngày trả kết quả: 16 giờ 00 phút, ngày 04/12/2026'), text);
      assert.equal(flat.includes('đề nghị gia hạn thời gian giải quyết,'), regime === 'decree_118_2025');
      assert.ok(text.includes('PHÒNG VĂN HÓA - XÃ HỘI'), 'signed by the deciding body');
      assert.ok(text.includes('Lê Văn Hùng'));
    });
});

describe('control sheet (TT 01/2018 Mẫu 05, TT 03/2025 Mẫu 06)', () => {
  const at = (minutes: number) => new Date(Date.UTC(2026, 10, 27, 2, 15 + minutes));
  const rows: ControlRow[] = [
    {
      unitName: 'Trung tâm Phục vụ hành chính công xã Đinh Văn Lâm Hà',
      at: at(0),
      giver: 'Hoàng Thị Mai',
      receiver: null,
      result: 'Tiếp nhận hồ sơ',
      note: null,
    },
    {
      unitName: 'Trung tâm Phục vụ hành chính công xã Đinh Văn Lâm Hà',
      at: at(30),
      giver: 'Hoàng Thị Mai',
      receiver: 'Phòng Văn hóa - Xã hội',
      result: 'Chuyển hồ sơ đến cơ quan giải quyết',
      note: null,
    },
    {
      unitName: 'Phòng Văn hóa - Xã hội',
      at: at(95),
      giver: 'Lê Văn Hùng',
      receiver: 'Phạm Thị Thu',
      result: 'Phân công xử lý',
      note: 'Ưu tiên',
    },
  ];
  const sheet = (regime: Regime, list = rows) => ({
    ...base(regime),
    receivedAt: at(0),
    dueAt: new Date('2026-11-30T09:00:00Z'),
    rows: list,
  });

  test('A4, the form number of the regime, the header and one row per event', async (t) => {
    const pdf = await renderControlSheet(sheet('decree_61_2018'));
    assert.match(pdf.toString('latin1'), /\/MediaBox \[0 0 595\.28 841\.89\]/);
    if (popplerMissing) return t.skip(popplerMissing);
    const text = read(pdf);
    assert.ok(text.includes('PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ'));
    assert.ok(oneLine(text).includes('Mẫu số 05 (ban hành kèm theo Thông tư số 01/2018/TT-VPCP)'));
    assert.ok(text.includes('Mã hồ sơ: 000.00.24871-261127-0042'));
    assert.ok(text.includes('Tên người nộp hồ sơ: Nguyễn Thị Lan'));
    assert.ok(text.includes('Số điện thoại: 0912345678'));
    assert.ok(text.includes('Nội dung yêu cầu giải quyết: Đăng ký khai sinh'));
    assert.ok(text.includes('Thời gian nhận hồ sơ: 09 giờ 15 phút, ngày 27/11/2026'));
    assert.ok(text.includes('Thời gian hẹn trả kết quả: 16 giờ 00 phút, ngày 30/11/2026'));
    for (const head of ['Tên cơ quan', 'Thời gian giao, nhận hồ sơ', 'Kết quả', 'Ghi chú'])
      assert.ok(text.includes(head), head);
    for (const clock of [
      '09 giờ 15 phút, ngày 27/11/2026',
      '09 giờ 45 phút, ngày 27/11/2026',
      '10 giờ 50 phút, ngày 27/11/2026',
    ])
      assert.ok(text.includes(clock), clock);
    for (const s of [
      'Người giao: Hoàng Thị Mai',
      'Người nhận: Phòng Văn hóa - Xã',
      'Người giao: Lê Văn Hùng',
      'Người nhận: Phạm Thị Thu',
      'Tiếp nhận hồ sơ',
      'Phân công xử lý',
      'Ưu tiên',
    ])
      assert.ok(text.includes(s), `${s}\n${text}`);
  });

  test('decree 118/2025 prints Mẫu 06; a long history flows onto numbered pages with every row', async (t) => {
    if (popplerMissing) return t.skip(popplerMissing);
    const many = Array.from({ length: 40 }, (_, i) => ({
      ...rows[2]!,
      at: at(i * 60),
      result: `Bước xử lý số ${i + 1}`,
    }));
    const pdf = await renderControlSheet(sheet('decree_118_2025', many));
    const text = read(pdf);
    assert.ok(oneLine(text).includes('Mẫu số 06 (ban hành kèm theo Thông tư số 03/2025/TT-VPCP)'));
    for (let i = 1; i <= 40; i += 1)
      assert.ok(text.includes(`Bước xử lý số ${i}\n`) || text.includes(`Bước xử lý số ${i} `), `row ${i}`);
    const words = pdfWords(pdf);
    assert.ok(Math.max(...words.map((w) => w.page)) >= 1, 'more than one page');
    const secondPage = words.filter((w) => w.page === 1).sort((a, b) => a.yMin - b.yMin);
    assert.equal(secondPage[0]?.text, '2', 'the second page is numbered');
    assert.ok(
      secondPage.some((w) => w.text === 'Ghi'),
      'the table header is repeated',
    );
  });
});
