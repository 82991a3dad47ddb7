import { createRequire } from 'node:module';
import QRCode from 'qrcode';
import { A4_WIDTH, A5_WIDTH, Sheet, upper } from './layout.ts';
import { formatPlaceDate } from './receipt-data.ts';

/** The template the result document is drawn with; printed in the footer and kept in the PDF metadata. */
export const RESULT_TEMPLATE_VERSION = 'KQ-2026.1';

export interface ResultDocumentData {
  /** The body the issuing unit belongs to, e.g. "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG", or null. */
  authority: string | null;
  /** The issuing unit, printed in capitals. */
  unitName: string;
  /** "12/QĐ-UBND", printed "Số: 12/QĐ-UBND". */
  numberAndSymbol: string;
  place: string;
  /** The date line "Place, ngày 05 tháng 02 năm 2026", in Vietnam time. */
  issuedAt: Date;
  /** The kind of document, e.g. "QUYẾT ĐỊNH" or "GIẤY XÁC NHẬN", printed in capitals. */
  kind: string;
  /** What it is about: "Về việc giải quyết thủ tục hành chính: …". */
  title: string;
  /** The electronic result code (Decree 45/2020 art. 14). */
  resultCode: string;
  applicationCode: string;
  procedureName: string;
  applicant: { name: string; address?: string | null };
  /** The approver's outcome, e.g. "Đồng ý". */
  decidedBy?: string | null;
  /**
   * The content, one paragraph each, justified with an indented first line. A short paragraph in capitals
   * ("QUYẾT ĐỊNH:") is centred in bold; one that starts with "Căn cứ" is set in italics (Decree 30/2020).
   */
  body: string[];
  /** The "Nơi nhận:" list, e.g. ["- Ông/Bà Nguyễn Văn An;", "- Lưu: VT."]. */
  recipients: string[];
  signer: { authorityLine?: string | null; position: string; name: string };
  /** The public page where the result can be looked up; drawn as a QR code. */
  lookupUrl?: string | null;
}

/** The blank space of the signature block, where the signature image goes: PDF points, origin bottom-left. */
export interface SignatureBox {
  /** 0-based. */
  page: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface RenderedResult {
  pdf: Buffer;
  signatureBox: SignatureBox;
}

/** The page is drawn in A5 design units and printed on A4, as the slip is (1 unit ≈ 1.42 pt). */
const SCALE = A4_WIDTH / A5_WIDTH;
const mm = (n: number) => (n * 72) / 25.4 / SCALE;
/** Decree 30/2020 Annex I: top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm. */
const MARGINS = { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) };
/** The blank space for the signature image, in points. */
const SIGNATURE_SPACE = 76;
const FOOTER = `Mẫu kết quả ${RESULT_TEMPLATE_VERSION} — văn bản điện tử`;

let boldItalic: string | undefined;
/** DejaVu Sans Bold Oblique, for "Nơi nhận:" (bold italic in Decree 30/2020). */
function boldItalicFile(): string {
  boldItalic ??= createRequire(import.meta.url).resolve('dejavu-fonts-ttf/ttf/DejaVuSans-BoldOblique.ttf');
  return boldItalic;
}

const round = (n: number) => Math.round(n * 100) / 100;

/** One paragraph of the content: justified with an indented first line, flowing onto the next page. */
function bodyParagraph(sheet: Sheet, text: string) {
  const { doc, u } = sheet;
  const s = text.normalize('NFC').trim();
  const heading = s.length <= 80 && s === upper(s) && /\p{Lu}/u.test(s);
  sheet.ensure(sheet.body * 2.5);
  doc.font(heading ? 'B' : s.startsWith('Căn cứ ') ? 'I' : 'R').fontSize(sheet.body);
  doc.text(s, sheet.x0, sheet.y + (heading ? u(3) : 0), {
    width: sheet.W,
    align: heading ? 'center' : 'justify',
    indent: heading ? 0 : u(14),
    lineGap: sheet.gap,
  });
  sheet.y = doc.y + (heading ? u(5) : u(3));
}

/** The codes of the result and the file, who asked and for what; the QR code to the lookup page beside. */
function resultInfo(sheet: Sheet, data: ResultDocumentData, qr: Buffer | null) {
  const { doc, u, x0, W, gap } = sheet;
  const size = u(7);
  const qrSize = qr ? u(44) : 0;
  const textX = x0 + (qr ? qrSize + u(10) : 0);
  const textW = x0 + W - textX;
  const lines: [string, string][] = [
    ['Mã kết quả điện tử', data.resultCode],
    ['Mã hồ sơ', data.applicationCode],
    ['Thủ tục hành chính', data.procedureName],
    ['Tổ chức, cá nhân yêu cầu', data.applicant.name],
  ];
  if (data.applicant.address) lines.push(['Địa chỉ', data.applicant.address]);
  if (data.decidedBy) lines.push(['Ý kiến phê duyệt', data.decidedBy]);
  const text = lines.map(([label, value]) => [`${label}: `.normalize('NFC'), value.normalize('NFC')]);
  doc.font('B').fontSize(size);
  const linesHeight = text.reduce(
    (sum, [label, value]) => sum + doc.heightOfString(label! + value!, { width: textW, lineGap: gap }) + u(1),
    0,
  );
  const caption = 'Tra cứu kết quả';
  const captionSize = sheet.fit(caption, 'I', u(6.5), qrSize + u(6));
  const qrHeight = qr ? qrSize + u(2) + captionSize * 1.4 : 0;
  sheet.y += u(6);
  sheet.ensure(Math.max(linesHeight, qrHeight));
  const top = sheet.y;
  if (qr) {
    doc.image(qr, x0, top, { width: qrSize, height: qrSize });
    sheet.put(caption, 'I', captionSize, {
      x: x0 - u(3),
      y: top + qrSize + u(2),
      width: qrSize + u(6),
      align: 'center',
    });
  }
  let y = top + (qr ? u(2) : 0);
  for (const [label, value] of text) {
    doc.font('R').fontSize(size).text(label!, textX, y, { width: textW, lineGap: gap, continued: true });
    doc.font('B').text(value!, { lineGap: gap });
    y = doc.y + u(1);
  }
  sheet.y = Math.max(y, top + qrHeight);
}

/**
 * "Nơi nhận:" on the left and the signature block on the right, top-aligned and kept together on one page:
 * the signer's authority and position in bold, a blank space for the signature image, then the name.
 * Returns that blank space.
 */
function closing(sheet: Sheet, data: ResultDocumentData): SignatureBox {
  const { doc, u, x0, W, gap } = sheet;
  const leftW = W * 0.45;
  const rightX = x0 + leftW;
  const rightW = W - leftW;
  const headSize = u(8);
  const nameSize = u(8.5);
  const labelSize = u(7.5);
  const itemSize = u(6.5);
  const heads = [data.signer.authorityLine, data.signer.position]
    .filter((s): s is string => Boolean(s))
    .map((s) => upper(s.normalize('NFC')));
  const measure = (s: string, font: string, size: number, width: number) =>
    doc.font(font).fontSize(size).heightOfString(s.normalize('NFC'), { width, lineGap: gap });
  const signatureHeight =
    heads.reduce((sum, s) => sum + measure(s, 'B', headSize, rightW), 0) +
    u(2) +
    SIGNATURE_SPACE +
    u(2) +
    measure(data.signer.name, 'B', nameSize, rightW);
  const recipientsHeight =
    measure('Nơi nhận:', 'BI', labelSize, leftW) +
    data.recipients.reduce((sum, s) => sum + measure(s, 'R', itemSize, leftW - u(8)), 0);
  sheet.y += u(10);
  sheet.ensure(Math.max(signatureHeight, recipientsHeight));
  const top = sheet.y;

  doc
    .font('BI')
    .fontSize(labelSize)
    .text('Nơi nhận:'.normalize('NFC'), x0, top, { width: leftW, lineGap: gap });
  let yl = doc.y;
  for (const item of data.recipients)
    yl = sheet.put(item, 'R', itemSize, { x: x0, y: yl, width: leftW - u(8) });

  let yr = top;
  for (const s of heads)
    yr = sheet.put(s, 'B', headSize, { x: rightX, y: yr, width: rightW, align: 'center' });
  const boxTop = yr + u(2);
  sheet.put(data.signer.name, 'B', nameSize, {
    x: rightX,
    y: boxTop + SIGNATURE_SPACE + u(2),
    width: rightW,
    align: 'center',
  });
  sheet.y = Math.max(yl, doc.y);

  const range = doc.bufferedPageRange();
  const width = Math.min(rightW * 0.85, 210);
  return {
    page: range.start + range.count - 1,
    x: round(rightX + (rightW - width) / 2),
    y: round(doc.page.height - boxTop - SIGNATURE_SPACE),
    width: round(width),
    height: SIGNATURE_SPACE,
  };
}

/** The template version, small and grey at the foot of every page, below the bottom margin. */
function footers(sheet: Sheet) {
  const { doc, u } = sheet;
  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i += 1) {
    doc.switchToPage(range.start + i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.fillColor('#555555');
    sheet.put(FOOTER, 'I', u(5.5), {
      x: sheet.x0,
      y: doc.page.height - u(24),
      width: sheet.W,
      align: 'center',
    });
    doc.fillColor('black');
    doc.page.margins.bottom = bottom;
  }
}

/**
 * The result of a decided file ("văn bản kết quả giải quyết TTHC") as an A4 PDF in the layout of Decree
 * 30/2020 Annex I: the issuing unit and "Số" on the left, the motto and the date on the right, the kind and
 * title centred, the content justified, the codes of the result and the file (with a QR code to the lookup
 * page), then "Nơi nhận:" and the signature block. Long content flows onto numbered pages; the signature
 * block is never split. `signatureBox` is the blank space of the signature block, where the leader's
 * signature image goes when the document is signed digitally. The same data gives the same text.
 */
export async function renderResultDocument(data: ResultDocumentData): Promise<RenderedResult> {
  const qr = data.lookupUrl
    ? await QRCode.toBuffer(data.lookupUrl, { type: 'png', errorCorrectionLevel: 'M', margin: 0, scale: 6 })
    : null;
  const kind = upper(data.kind.normalize('NFC'));
  const sheet = new Sheet({
    size: 'A4',
    designWidth: A5_WIDTH,
    margins: MARGINS,
    bodySize: 7.75,
    info: {
      Title: `${kind} ${data.numberAndSymbol}`,
      Author: data.unitName,
      Subject: `Kết quả giải quyết thủ tục hành chính ${data.resultCode} — mẫu ${RESULT_TEMPLATE_VERSION}`,
      CreationDate: data.issuedAt,
    },
  });
  const { doc, u, x0, W } = sheet;
  doc.registerFont('BI', boldItalicFile());
  doc.info.Keywords = [data.resultCode, data.applicationCode, RESULT_TEMPLATE_VERSION].join(', ');

  sheet.header({
    authority: data.authority,
    unitName: data.unitName,
    number: `Số: ${data.numberAndSymbol}`,
    dateLine: formatPlaceDate(data.place, data.issuedAt),
  });
  sheet.y = sheet.put(kind, 'B', sheet.fit(kind, 'B', u(10), W), { y: sheet.y + u(16), align: 'center' });
  sheet.y = sheet.put(data.title, 'B', u(8.5), {
    x: x0 + W * 0.08,
    y: sheet.y + u(1),
    width: W * 0.84,
    align: 'center',
  });
  sheet.rule(x0 + W / 2, sheet.y + u(2), W / 4);
  sheet.y += u(12);

  for (const p of data.body) bodyParagraph(sheet, p);
  resultInfo(sheet, data, qr);
  const signatureBox = closing(sheet, data);
  footers(sheet);
  return { pdf: await sheet.finish(), signatureBox };
}
