import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import {
  COPY_TYPE_NAMES,
  formatClock,
  formatMoney,
  formatPlaceDate,
  type ReceiptSlipData,
} from './receipt-data.ts';
import { collect, fonts, type Font } from './pdf.ts';

export type SlipSize = 'A5' | 'A4';
export interface SlipOptions {
  size: SlipSize;
  /** Where the public status page lives, e.g. "https://motcua.lamdong.gov.vn" (no trailing slash needed). */
  publicBaseUrl: string;
}

/** The address the QR code holds: the public status page with the code and the lookup key filled in. */
export function lookupUrl(publicBaseUrl: string, code: string, key: string): string {
  const base = publicBaseUrl.replace(/\/+$/, '');
  return `${base}/tra-cuu?ma=${encodeURIComponent(code)}&khoa=${encodeURIComponent(key)}`;
}

const A5_WIDTH = 419.53;
const DOTS = '…………';
const upper = (s: string) => s.toLocaleUpperCase('vi');

/**
 * Mẫu 01, the receipt and appointment slip, as a PDF. Laid out for A5 (the circular's size); A4 is the same
 * page scaled up. Text wraps in its column and flows onto a second page when a file lists many documents.
 * The same data gives the same bytes: the creation date is the receipt time and pdfkit's file id derives
 * from it.
 */
export async function renderReceiptSlip(data: ReceiptSlipData, options: SlipOptions): Promise<Buffer> {
  const base = options.publicBaseUrl.replace(/\/+$/, '');
  const qr = await QRCode.toBuffer(lookupUrl(base, data.code, data.lookupKey), {
    type: 'png',
    errorCorrectionLevel: 'M',
    margin: 0,
    scale: 8,
  });
  const scale = (options.size === 'A4' ? 595.28 : A5_WIDTH) / A5_WIDTH;
  const u = (n: number) => n * scale;
  const margins = { top: u(24), bottom: u(24), left: u(34), right: u(24) };
  const doc = new PDFDocument({
    size: options.size,
    margins,
    bufferPages: true,
    lang: 'vi-VN',
    displayTitle: true,
    info: {
      Title: `Giấy tiếp nhận hồ sơ và hẹn trả kết quả ${data.code}`,
      Author: data.unitName.normalize('NFC'),
      Subject: 'Mẫu 01 — Giấy tiếp nhận hồ sơ và hẹn trả kết quả',
      Creator: 'motcua',
      CreationDate: data.receivedAt ?? new Date(0),
    },
  });
  const done = collect(doc);
  for (const [name, file] of Object.entries(fonts())) doc.registerFont(name, file);

  const x0 = margins.left;
  const W = doc.page.width - margins.left - margins.right;
  const bottom = () => doc.page.height - margins.bottom;
  const body = u(9);
  const gap = u(1.5);
  let y = margins.top;

  const ensure = (height: number) => {
    if (y + height > bottom()) {
      doc.addPage();
      y = margins.top;
    }
  };
  /** Writes one paragraph at the cursor (or at opts.x, opts.y), returns the y below it. */
  const put = (
    s: string,
    font: Font,
    size: number,
    opts: { x?: number; y?: number; width?: number; align?: 'left' | 'center' } = {},
  ) => {
    doc.font(font).fontSize(size);
    doc.text(s.normalize('NFC'), opts.x ?? x0, opts.y ?? y, {
      width: opts.width ?? W,
      align: opts.align ?? 'left',
      lineGap: gap,
    });
    return doc.y;
  };
  /** A font size at which `s` fits in one line of `width`. */
  const fit = (s: string, font: Font, size: number, width: number) => {
    doc.font(font).fontSize(size);
    const w = doc.widthOfString(s);
    return w > width ? (size * width) / w : size;
  };
  const rule = (cx: number, at: number, length: number) =>
    doc
      .moveTo(cx - length / 2, at)
      .lineTo(cx + length / 2, at)
      .lineWidth(u(0.6))
      .stroke();
  /** "Label: value" (or several on one line), labels regular and values in `valueFont`, wrapping as one. */
  const field = (pairs: [string, string][], valueFont: Font = 'R') => {
    ensure(body * 1.5);
    pairs.forEach(([label, value], index) => {
      const last = index === pairs.length - 1;
      const text = `${label}: `.normalize('NFC');
      doc.font('R').fontSize(body);
      if (index === 0) doc.text(text, x0, y, { width: W, lineGap: gap, continued: true });
      else doc.text(text, { continued: true });
      doc
        .font(valueFont)
        .text(`${value}${last ? '' : '     '}`.normalize('NFC'), { continued: !last, lineGap: gap });
    });
    y = doc.y + u(2);
  };

  // Header: the body and the receiving unit on the left, the national motto on the right.
  const colL = W * 0.44;
  const colR = W - colL;
  const cxL = x0 + colL / 2;
  const cxR = x0 + colL + colR / 2;
  let yl = y;
  const headSize = u(7.5);
  if (data.authority)
    yl = put(upper(data.authority), 'R', fit(upper(data.authority), 'R', headSize, colL), {
      x: x0,
      y: yl,
      width: colL,
      align: 'center',
    });
  yl = put(upper(data.unitName), 'B', headSize, { x: x0, y: yl, width: colL, align: 'center' });
  rule(cxL, yl + u(1.5), colL / 3);
  const motto = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
  let yr = put(motto, 'B', fit(motto, 'B', headSize, colR), {
    x: x0 + colL,
    y,
    width: colR,
    align: 'center',
  });
  const freedom = 'Độc lập - Tự do - Hạnh phúc';
  yr = put(freedom, 'B', u(8), { x: x0 + colL, y: yr, width: colR, align: 'center' });
  rule(cxR, yr + u(1.5), doc.font('B').fontSize(u(8)).widthOfString(freedom));
  const lineY = Math.max(yl, yr) + u(6);
  put(`Số: ${data.code}`, 'R', fit(`Số: ${data.code}`, 'R', u(8), colL), {
    x: x0,
    y: lineY,
    width: colL,
    align: 'center',
  });
  const dateLine = data.receivedAt
    ? formatPlaceDate(data.place, data.receivedAt)
    : `${data.place}, ngày ${DOTS} tháng ${DOTS} năm ${DOTS}`;
  y = put(dateLine, 'I', fit(dateLine, 'I', u(8), colR), {
    x: x0 + colL,
    y: lineY,
    width: colR,
    align: 'center',
  });

  // Title and code.
  const title = 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ';
  y = put(title, 'B', fit(title, 'B', u(12), W), { y: y + u(12), align: 'center' });
  y = put(`Mã hồ sơ: ${data.code}`, 'B', u(9), { y: y + u(2), align: 'center' }) + u(8);

  // Who received what from whom.
  const a = data.applicant;
  field([['Đơn vị tiếp nhận', data.unitName]]);
  if (a.organisationName) {
    field([['Tiếp nhận hồ sơ của', a.organisationName]], 'B');
    field([['Người đại diện', a.name]]);
  } else field([['Tiếp nhận hồ sơ của', a.name]], 'B');
  const ids: [string, string][] = [];
  if (a.idNumber) ids.push(['Số định danh cá nhân', a.idNumber]);
  if (a.taxCode) ids.push(['Mã số thuế', a.taxCode]);
  if (ids.length) field(ids);
  if (a.address) field([['Địa chỉ', a.address]]);
  const contact: [string, string][] = [];
  if (a.phone) contact.push(['Số điện thoại', a.phone]);
  if (a.email) contact.push(['Thư điện tử', a.email]);
  if (contact.length) field(contact);
  field([['Nội dung yêu cầu giải quyết', data.procedureName]], 'B');

  // 1. The documents, as a table that repeats its header on a new page.
  ensure(body * 5);
  y = put('1. Thành phần hồ sơ:', 'R', body) + u(2);
  const widths = [0.09, 0.5, 0.27, 0.14].map((f) => f * W);
  const pad = u(2.5);
  const row = (cells: string[], font: Font, header = false) => {
    doc.font(font).fontSize(u(8));
    const height =
      Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: widths[i]! - 2 * pad, lineGap: gap }))) +
      2 * pad;
    if (!header && y + height > bottom()) {
      doc.addPage();
      y = margins.top;
      heading();
    }
    let x = x0;
    cells.forEach((c, i) => {
      const w = widths[i]!;
      doc.rect(x, y, w, height).lineWidth(u(0.5)).stroke();
      put(c, font, u(8), {
        x: x + pad,
        y: y + pad,
        width: w - 2 * pad,
        align: i === 1 && !header ? 'left' : 'center',
      });
      x += w;
    });
    y += height;
  };
  const heading = () => row(['STT', 'Tên giấy tờ', 'Hình thức', 'Số lượng'], 'B', true);
  heading();
  if (data.documents.length === 0) row(['', 'Không có giấy tờ kèm theo', '', ''], 'I');
  data.documents.forEach((d, i) =>
    row([String(i + 1), d.name, COPY_TYPE_NAMES[d.copyType], String(d.quantity).padStart(2, '0')], 'R'),
  );
  y += u(4);

  // 2–7.
  field([['2. Số lượng hồ sơ', `${String(data.sets).padStart(2, '0')} (bộ)`]]);
  field([['3. Thời gian giải quyết hồ sơ theo quy định', data.procedureTime ?? DOTS]]);
  field([['4. Thời gian nhận hồ sơ', data.receivedAt ? formatClock(data.receivedAt) : DOTS]]);
  field(
    [
      [
        '5. Thời gian trả kết quả giải quyết hồ sơ',
        data.dueAt ? formatClock(data.dueAt) : '..... giờ ..... phút, ngày ...../...../.........',
      ],
    ],
    'B',
  );
  field([['6. Đăng ký nhận kết quả tại', data.returnTo]]);
  if (data.feeAmount !== null)
    field([['7. Lệ phí', data.feeAmount > 0 ? formatMoney(data.feeAmount) : 'miễn lệ phí']]);

  // The QR code to the public status page, with the same in words for who cannot scan.
  const qrSize = u(58);
  ensure(qrSize + u(6));
  y += u(4);
  doc.image(qr, x0, y, { width: qrSize, height: qrSize });
  const textX = x0 + qrSize + u(8);
  const textW = x0 + W - textX;
  // The address on a line of its own: a URL broken after "https://" is hard to type.
  const address = `${base}/tra-cuu,`;
  let yq = put('Tra cứu tình trạng hồ sơ: quét mã QR hoặc vào', 'R', u(8), {
    x: textX,
    y: y + u(4),
    width: textW,
  });
  yq = put(address, 'B', fit(address, 'B', u(8), textW), { x: textX, y: yq, width: textW });
  doc.font('R').fontSize(u(8));
  doc.text('nhập mã hồ sơ và mã tra cứu ', textX, yq, { width: textW, lineGap: gap, continued: true });
  doc.font('B').text(data.lookupKey, { lineGap: gap });
  y = Math.max(y + qrSize, doc.y) + u(10);

  // Signatures.
  ensure(u(78));
  const half = W / 2;
  for (const [i, who] of ['NGƯỜI NỘP HỒ SƠ', 'NGƯỜI TIẾP NHẬN HỒ SƠ'].entries()) {
    const x = x0 + i * half;
    const below = put(who, 'B', u(8), { x, y, width: half, align: 'center' });
    put('(Ký và ghi rõ họ tên)', 'I', u(7.5), { x, y: below, width: half, align: 'center' });
  }
  if (data.officerName)
    put(data.officerName, 'B', u(8.5), { x: x0 + half, y: y + u(60), width: half, align: 'center' });

  // Page numbers from the second page on, centred at the top (Decree 30/2020).
  const pages = doc.bufferedPageRange();
  for (let i = 1; i < pages.count; i += 1) {
    doc.switchToPage(pages.start + i);
    put(String(i + 1), 'R', u(8), { x: 0, y: u(10), width: doc.page.width, align: 'center' });
  }
  doc.end();
  return done;
}
