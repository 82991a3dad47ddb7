import type { ApologyData, Regime } from './forms-data.ts';
import { openForm } from './form-parts.ts';
import { upper } from './layout.ts';
import { formatClock } from './receipt-data.ts';

/** Mẫu 04 changed its name and purpose with Decree 118/2025 (vn-rules.md §1.4 step E). */
export const APOLOGY_TITLES: Record<Regime, string> = {
  decree_61_2018: 'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ',
  decree_118_2025: 'VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT',
};

/**
 * Mẫu 04 (A5): the deciding body apologises for a late file, says why, and gives the new appointment. Under
 * TT 01/2018 it is a "phiếu xin lỗi và hẹn lại ngày trả kết quả"; under TT 03/2025 a "văn bản xin lỗi và đề
 * nghị gia hạn thời gian giải quyết".
 */
export function renderApologyForm(data: ApologyData): Promise<Buffer> {
  const title = APOLOGY_TITLES[data.regime];
  const subject = title.charAt(0) + title.slice(1).toLocaleLowerCase('vi');
  const sheet = openForm(data, { number: '04', title, subject });
  const a = data.applicant;
  sheet.field(
    [['Kính gửi', `Ông/Bà ${a.organisationName ? `${a.name} (${a.organisationName})` : a.name}`]],
    'B',
  );
  const received = data.receivedAt ? `Vào lúc ${formatClock(data.receivedAt)}, ` : '';
  sheet.paragraph(
    `${received}${data.receivingUnitName} đã tiếp nhận hồ sơ của Ông/Bà, mã hồ sơ ${data.code}, ` +
      `nội dung yêu cầu giải quyết: ${data.procedureName}.`,
  );
  if (data.previousDueAt) sheet.field([['Ngày hẹn trả kết quả', formatClock(data.previousDueAt)]]);
  sheet.paragraph(
    `Tuy nhiên, đến nay ${data.decidingUnitName} chưa thể trả kết quả giải quyết hồ sơ của Ông/Bà đúng hẹn.`,
  );
  sheet.field([['Lý do', data.reason]]);
  const ask = data.regime === 'decree_61_2018' ? '' : 'đề nghị gia hạn thời gian giải quyết, ';
  sheet.paragraph(
    `Sự chậm trễ này đã gây phiền hà cho Ông/Bà. ${data.decidingUnitName} trân trọng xin lỗi Ông/Bà và ` +
      `${ask}hẹn lại ngày trả kết quả: ${formatClock(data.newAppointmentAt)}.`,
    'B',
  );
  sheet.paragraph('Rất mong nhận được sự thông cảm của Ông/Bà. Trân trọng./.');
  sheet.y += sheet.u(6);
  sheet.signatures([
    null,
    { title: upper(data.decidingUnitName), note: '(Ký, ghi rõ họ tên)', name: data.officerName },
  ]);
  return sheet.finish();
}
