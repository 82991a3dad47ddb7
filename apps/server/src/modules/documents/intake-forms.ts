import type { RefusalData, SupplementData } from './forms-data.ts';
import { applicantLines, openForm } from './form-parts.ts';

/**
 * Mẫu 02, "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ" (A5): what the applicant must add or correct, by copy
 * type, and why; signed by the officer who guides (vn-rules.md §1.4 step B, §1.5). The phone is printed in
 * full: the applicant holds this paper.
 */
export function renderSupplementForm(data: SupplementData): Promise<Buffer> {
  const sheet = openForm(data, {
    number: '02',
    title: 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ',
    subject: 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ',
  });
  applicantLines(sheet, data, { label: 'Tiếp nhận hồ sơ của', contact: true });
  if (data.documents.length) {
    sheet.paragraph('Yêu cầu Ông/Bà hoàn thiện hồ sơ gồm những nội dung như sau:');
    const quantity = { width: 0.15, group: 'Số lượng' };
    sheet.table(
      [
        { title: 'TT', width: 0.08 },
        { title: 'Thành phần hồ sơ', width: 0.47, align: 'left' },
        { title: 'Bản chính', ...quantity },
        { title: 'Bản sao chứng thực', ...quantity },
        { title: 'Bản chụp', ...quantity },
      ],
      data.documents.map((d, i) => {
        const n = String(d.quantity).padStart(2, '0');
        return [
          String(i + 1),
          d.name,
          d.copyType === 'original' ? n : '',
          d.copyType === 'certified_copy' ? n : '',
          d.copyType === 'photocopy' ? n : '',
        ];
      }),
    );
  }
  sheet.field([['Lý do', data.reason]]);
  sheet.paragraph(
    `Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, Ông/Bà liên hệ ${data.issuer.unitName}` +
      `${data.officerName ? ` (người hướng dẫn: ${data.officerName})` : ''} để được hướng dẫn.`,
  );
  sheet.y += sheet.u(6);
  sheet.signatures([null, { title: 'NGƯỜI HƯỚNG DẪN', name: data.officerName }]);
  return sheet.finish();
}

/** Mẫu 03, "Phiếu từ chối tiếp nhận giải quyết hồ sơ" (A5), with the reason (vn-rules.md §1.4 step B). */
export function renderRefusalForm(data: RefusalData): Promise<Buffer> {
  const sheet = openForm(data, {
    number: '03',
    title: 'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ',
    subject: 'Phiếu từ chối tiếp nhận giải quyết hồ sơ',
  });
  applicantLines(sheet, data, { label: 'Tiếp nhận hồ sơ của', contact: false });
  sheet.paragraph(
    `Sau khi xem xét, ${data.issuer.unitName} không tiếp nhận, giải quyết hồ sơ này vì lý do sau:`,
  );
  sheet.field([['Lý do từ chối', data.reason]], 'B');
  sheet.paragraph('Xin thông báo để Ông/Bà được biết./.');
  sheet.y += sheet.u(6);
  sheet.signatures([null, { title: 'NGƯỜI TIẾP NHẬN HỒ SƠ', name: data.officerName }]);
  return sheet.finish();
}
