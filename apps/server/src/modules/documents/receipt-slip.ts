import QRCode from 'qrcode';
import {
  COPY_TYPE_NAMES,
  formatClock,
  formatMoney,
  formatPlaceDate,
  type ReceiptSlipData,
} from './receipt-data.ts';
import { A5_MARGINS, A5_WIDTH, DOTS, Sheet } from './layout.ts';

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
  const sheet = new Sheet({
    size: options.size,
    designWidth: A5_WIDTH,
    margins: A5_MARGINS,
    bodySize: 9,
    info: {
      Title: `Giấy tiếp nhận hồ sơ và hẹn trả kết quả ${data.code}`,
      Author: data.unitName,
      Subject: 'Mẫu 01 — Giấy tiếp nhận hồ sơ và hẹn trả kết quả',
      CreationDate: data.receivedAt ?? new Date(0),
    },
  });
  const { u, x0, W, doc } = sheet;
  const put = sheet.put.bind(sheet);
  const field = sheet.field.bind(sheet);

  sheet.header({
    authority: data.authority,
    unitName: data.unitName,
    number: `Số: ${data.code}`,
    dateLine: data.receivedAt
      ? formatPlaceDate(data.place, data.receivedAt)
      : `${data.place}, ngày ${DOTS} tháng ${DOTS} năm ${DOTS}`,
  });
  sheet.title('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
  sheet.y = put(`Mã hồ sơ: ${data.code}`, 'B', u(9), { align: 'center' }) + u(8);

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
  sheet.ensure(sheet.body * 5);
  sheet.paragraph('1. Thành phần hồ sơ:');
  sheet.table(
    [
      { title: 'STT', width: 0.09 },
      { title: 'Tên giấy tờ', width: 0.5, align: 'left' },
      { title: 'Hình thức', width: 0.27 },
      { title: 'Số lượng', width: 0.14 },
    ],
    data.documents.length === 0
      ? [['', 'Không có giấy tờ kèm theo', '', '']]
      : data.documents.map((d, i) => [
          String(i + 1),
          d.name,
          COPY_TYPE_NAMES[d.copyType],
          String(d.quantity).padStart(2, '0'),
        ]),
  );

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
  sheet.ensure(qrSize + u(6));
  const y = sheet.y + u(4);
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
  yq = put(address, 'B', sheet.fit(address, 'B', u(8), textW), { x: textX, y: yq, width: textW });
  doc.font('R').fontSize(u(8));
  doc.text('nhập mã hồ sơ và mã tra cứu ', textX, yq, { width: textW, lineGap: sheet.gap, continued: true });
  doc.font('B').text(data.lookupKey, { lineGap: sheet.gap });
  sheet.y = Math.max(y + qrSize, doc.y) + u(10);

  sheet.signatures([
    { title: 'NGƯỜI NỘP HỒ SƠ' },
    { title: 'NGƯỜI TIẾP NHẬN HỒ SƠ', name: data.officerName },
  ]);
  return sheet.finish();
}
