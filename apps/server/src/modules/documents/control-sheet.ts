import { CIRCULARS, type ControlSheetData } from './forms-data.ts';
import { openForm } from './form-parts.ts';
import { DOTS } from './layout.ts';
import { formatClock } from './receipt-data.ts';

/**
 * The control sheet, "Phiếu kiểm soát quá trình giải quyết hồ sơ" (A4; TT 01/2018 Mẫu 05, TT 03/2025 Mẫu 06):
 * every hand-over and step of the file, one row per event (vn-rules.md §1.4 step D). Internal: names in full.
 */
export function renderControlSheet(data: ControlSheetData): Promise<Buffer> {
  const sheet = openForm(data, {
    number: CIRCULARS[data.regime].controlSheet,
    title: 'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ',
    subject: 'Phiếu kiểm soát quá trình giải quyết hồ sơ',
    size: 'A4',
  });
  const a = data.applicant;
  sheet.field(
    [['Tên người nộp hồ sơ', a.organisationName ? `${a.organisationName} (${a.name})` : a.name]],
    'B',
  );
  if (a.phone) sheet.field([['Số điện thoại', a.phone]]);
  if (a.address) sheet.field([['Địa chỉ', a.address]]);
  sheet.field([['Nội dung yêu cầu giải quyết', data.procedureName]], 'B');
  sheet.field([['Thời gian nhận hồ sơ', data.receivedAt ? formatClock(data.receivedAt) : DOTS]]);
  sheet.field([['Thời gian hẹn trả kết quả', data.dueAt ? formatClock(data.dueAt) : DOTS]]);
  sheet.y += sheet.u(4);
  sheet.table(
    [
      { title: 'Tên cơ quan', width: 0.22, align: 'left' },
      { title: 'Thời gian giao, nhận hồ sơ', width: 0.34, align: 'left' },
      { title: 'Kết quả', width: 0.24, align: 'left' },
      { title: 'Ghi chú', width: 0.2, align: 'left' },
    ],
    data.rows.map((r) => [
      r.unitName,
      [formatClock(r.at), r.giver && `Người giao: ${r.giver}`, r.receiver && `Người nhận: ${r.receiver}`]
        .filter(Boolean)
        .join('\n'),
      r.result,
      r.note ?? '',
    ]),
    9,
  );
  return sheet.finish();
}
