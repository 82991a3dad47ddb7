import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { pdfText, pdfWords, popplerMissing } from './poppler.ts';
import { RESULT_TEMPLATE_VERSION, renderResultDocument, type ResultDocumentData } from './result-document.ts';

const decision = (): ResultDocumentData => ({
  authority: 'Ủy ban nhân dân tỉnh Lâm Đồng',
  unitName: 'Ủy ban nhân dân xã Đinh Văn Lâm Hà',
  numberAndSymbol: '12/QĐ-UBND',
  place: 'Đinh Văn Lâm Hà',
  // 20:30 UTC on the 4th is 03:30 on the 5th in Vietnam.
  issuedAt: new Date('2026-02-04T20:30:00Z'),
  kind: 'Quyết định',
  title: 'Về việc giải quyết thủ tục hành chính: Đăng ký khai sinh',
  resultCode: '000.00.24.H32-261127-0001-KQ1',
  applicationCode: '000.00.24.H32-261127-0001',
  procedureName: 'Đăng ký khai sinh',
  applicant: { name: 'Nguyễn Văn An', address: 'Thôn 1, xã Đinh Văn Lâm Hà, tỉnh Lâm Đồng' },
  decidedBy: 'Đồng ý',
  body: [
    'CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ ĐINH VĂN LÂM HÀ',
    'Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;',
    'Căn cứ Luật Hộ tịch ngày 20 tháng 11 năm 2014;',
    'Căn cứ Nghị định số 118/2025/NĐ-CP ngày 09 tháng 6 năm 2025 của Chính phủ về thực hiện thủ tục hành ' +
      'chính theo cơ chế một cửa, một cửa liên thông tại Bộ phận Một cửa và Cổng Dịch vụ công quốc gia;',
    'Xét đề nghị của công chức Tư pháp - Hộ tịch xã tại Tờ trình ngày 03 tháng 02 năm 2026.',
    'QUYẾT ĐỊNH:',
    'Điều 1. Giải quyết hồ sơ đăng ký khai sinh của Ông/Bà Nguyễn Văn An, mã hồ sơ ' +
      '000.00.24.H32-261127-0001, theo đúng trình tự, thủ tục quy định. Kết quả giải quyết được cấp dưới ' +
      'dạng văn bản điện tử, có giá trị pháp lý như bản giấy.',
    'Điều 2. Quyết định này có hiệu lực kể từ ngày ký.',
    'Điều 3. Công chức Tư pháp - Hộ tịch, Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã và Ông/Bà ' +
      'Nguyễn Văn An chịu trách nhiệm thi hành Quyết định này./.',
  ],
  recipients: ['- Như Điều 3;', '- Chủ tịch, các PCT UBND xã;', '- Lưu: VT, TP-HT.'],
  signer: { authorityLine: 'TM. Ủy ban nhân dân', position: 'Chủ tịch', name: 'Lê Minh Đạo' },
  lookupUrl: 'https://motcua.lamdong.gov.vn/tra-cuu?ma=000.00.24.H32-261127-0001-KQ1',
});

const oneLine = (s: string) => s.replace(/\s+/g, ' ');
type Word = ReturnType<typeof pdfWords>[number];
/** The last word on `page` reading `text` (the signature block is the last thing on its page). */
const last = (words: Word[], page: number, text: string) => {
  const found = words.filter((w) => w.page === page && w.text === text).sort((a, b) => a.yMin - b.yMin);
  assert.ok(found.length, `“${text}” on page ${page + 1}`);
  return found[found.length - 1]!;
};

/** The signature box lies on its page, below the position and above the name, overlapping both. */
function checkSignatureBox(
  pdf: Buffer,
  box: { page: number; x: number; y: number; width: number; height: number },
) {
  const words = pdfWords(pdf);
  const page = words.find((w) => w.page === box.page)!;
  assert.ok(page, 'the box is on a page that exists');
  for (const w of words) assert.ok(w.xMin >= 14 && w.xMax <= w.pageWidth - 14, `“${w.text}” leaves the page`);
  assert.ok(box.x >= 0 && box.x + box.width <= page.pageWidth, 'inside the page horizontally');
  assert.ok(box.y >= 0 && box.y + box.height <= page.pageHeight, 'inside the page vertically');
  assert.ok(box.height >= 70 && box.height <= 80, `a blank of 70–80 pt, not ${box.height}`);
  // pdftotext measures from the top: the box spans top..bottom from the top of the page.
  const top = page.pageHeight - (box.y + box.height);
  const bottom = page.pageHeight - box.y;
  const position = [last(words, box.page, 'CHỦ'), last(words, box.page, 'TỊCH')];
  const name = [last(words, box.page, 'Lê'), last(words, box.page, 'Đạo')];
  for (const w of position) assert.ok(w.yMax <= top + 0.5, `“${w.text}” (${w.yMax}) above the box (${top})`);
  for (const w of name)
    assert.ok(w.yMin >= bottom - 0.5, `“${w.text}” (${w.yMin}) below the box (${bottom})`);
  assert.ok(name[0]!.yMin - position[0]!.yMax < box.height + 20, 'nothing else between them');
  const overlaps = (w: Word) => w.xMin < box.x + box.width && w.xMax > box.x;
  assert.ok(overlaps(position[0]!) && overlaps(position[1]!), 'the box is under the position');
  assert.ok(overlaps(name[0]!) && overlaps(name[1]!), 'the box is over the name');
  return words;
}

describe('result document (văn bản kết quả giải quyết TTHC)', () => {
  test('A4, one page, the Decree 30/2020 texts exactly', async (t) => {
    const { pdf, signatureBox } = await renderResultDocument(decision());
    assert.match(pdf.toString('latin1'), /\/MediaBox \[0 0 595\.28 841\.89\]/);
    assert.equal(signatureBox.page, 0);
    if (popplerMissing) return t.skip(popplerMissing);
    const text = pdfText(pdf);
    const flat = oneLine(text);
    for (const s of [
      'ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Số: 12/QĐ-UBND',
      'Đinh Văn Lâm Hà, ngày 05 tháng 02 năm 2026',
      'QUYẾT ĐỊNH\n',
      'Mã kết quả điện tử: 000.00.24.H32-261127-0001-KQ1',
      'Mã hồ sơ: 000.00.24.H32-261127-0001',
      'Tổ chức, cá nhân yêu cầu: Nguyễn Văn An',
      'Ý kiến phê duyệt: Đồng ý',
      'Tra cứu kết quả',
      'Nơi nhận:',
      'TM. ỦY BAN NHÂN DÂN',
      'CHỦ TỊCH\n',
      'Lê Minh Đạo',
      '- Lưu: VT, TP-HT.',
    ])
      assert.ok(text.includes(s), `${s}\n${text}`);
    assert.ok(flat.includes('ỦY BAN NHÂN DÂN XÃ ĐINH VĂN LÂM HÀ'), 'the unit in capitals');
    assert.ok(flat.includes('Về việc giải quyết thủ tục hành chính: Đăng ký khai sinh'), text);
    assert.ok(flat.includes('chịu trách nhiệm thi hành Quyết định này./.'), 'the body in full');
    assert.ok(flat.includes(`Mẫu kết quả ${RESULT_TEMPLATE_VERSION} — văn bản điện tử`), 'the template');
    assert.ok(!/^2$/m.test(text), 'no page number on a single page');
    checkSignatureBox(pdf, signatureBox);
  });

  test('a long body flows onto numbered pages; the signature block stays whole on the last', async (t) => {
    const body = Array.from(
      { length: 60 },
      (_, i) =>
        `Nội dung thứ ${i + 1}: hồ sơ đã được thẩm định, đối chiếu với quy định hiện hành và đủ điều kiện.`,
    );
    const { pdf, signatureBox } = await renderResultDocument({ ...decision(), body });
    if (popplerMissing) return t.skip(popplerMissing);
    const words = checkSignatureBox(pdf, signatureBox);
    const pages = Math.max(...words.map((w) => w.page)) + 1;
    assert.ok(pages >= 2, 'more than one page');
    assert.equal(signatureBox.page, pages - 1, 'the box is on the last page');
    for (const s of ['Nơi', 'TM.', 'CHỦ', 'Lê', 'Đạo', 'Lưu:'])
      assert.equal(last(words, pages - 1, s).page, pages - 1, `${s} on the last page`);
    assert.ok(!words.some((w) => w.page < pages - 1 && w.text === 'Đạo'), 'the block is not split');
    const second = words.filter((w) => w.page === 1).sort((a, b) => a.yMin - b.yMin);
    assert.equal(second[0]?.text, '2', 'the second page is numbered');
    const text = oneLine(pdfText(pdf));
    for (let i = 1; i <= 60; i += 1) assert.ok(text.includes(`Nội dung thứ ${i}:`), `paragraph ${i}`);
    assert.equal(text.split(`Mẫu kết quả ${RESULT_TEMPLATE_VERSION}`).length - 1, pages, 'a footer a page');
  });

  test('without a QR code, address or outcome; signer without an authority line', async (t) => {
    const { pdf, signatureBox } = await renderResultDocument({
      ...decision(),
      authority: null,
      kind: 'GIẤY XÁC NHẬN',
      lookupUrl: null,
      decidedBy: null,
      applicant: { name: 'Trần Thị Bình' },
      signer: { position: 'CHỦ TỊCH', name: 'Lê Minh Đạo' },
    });
    if (popplerMissing) return t.skip(popplerMissing);
    const text = pdfText(pdf);
    assert.ok(text.includes('GIẤY XÁC NHẬN'));
    assert.ok(text.includes('Tổ chức, cá nhân yêu cầu: Trần Thị Bình'));
    for (const s of ['Tra cứu kết quả', 'Ý kiến phê duyệt', 'Địa chỉ', 'TỈNH LÂM ĐỒNG', 'TM.'])
      assert.ok(!text.includes(s), s);
    checkSignatureBox(pdf, signatureBox);
  });

  test('the same data gives the same text and the same box', async (t) => {
    const a = await renderResultDocument(decision());
    const b = await renderResultDocument(decision());
    assert.deepEqual(a.signatureBox, b.signatureBox);
    if (popplerMissing) return t.skip(popplerMissing);
    assert.equal(pdfText(a.pdf), pdfText(b.pdf));
  });
});
