import { CIRCULARS, type FormBase } from './forms-data.ts';
import { A4_WIDTH, A5_MARGINS, A5_WIDTH, Sheet } from './layout.ts';
import { formatPlaceDate } from './receipt-data.ts';

/** The opening every form after the slip shares: form number, header, title and the code under it. */
export function openForm(
  data: FormBase,
  form: { number: string; title: string; subject: string; size?: 'A5' | 'A4' },
): Sheet {
  const a4 = form.size === 'A4';
  const sheet = new Sheet({
    size: form.size ?? 'A5',
    designWidth: a4 ? A4_WIDTH : A5_WIDTH,
    margins: a4 ? { top: 40, bottom: 40, left: 56, right: 34 } : A5_MARGINS,
    bodySize: a4 ? 10 : 9,
    info: {
      Title: `${form.subject} ${data.code}`,
      Author: data.issuer.unitName,
      Subject: `Mẫu ${form.number} — ${form.subject}`,
      CreationDate: data.issuedAt,
    },
  });
  sheet.header({
    formNumber: `Mẫu số ${form.number} (ban hành kèm theo ${CIRCULARS[data.regime].name})`,
    authority: data.issuer.authority,
    unitName: data.issuer.unitName,
    number: null,
    dateLine: formatPlaceDate(data.issuer.place, data.issuedAt),
  });
  sheet.title(form.title);
  sheet.y = sheet.put(`Mã hồ sơ: ${data.code}`, 'B', sheet.body, { align: 'center' }) + sheet.u(8);
  return sheet;
}

/** Who the form is for and what they asked; with `contact`, their address, phone and e-mail too. */
export function applicantLines(sheet: Sheet, data: FormBase, opts: { label: string; contact: boolean }) {
  const a = data.applicant;
  if (a.organisationName) {
    sheet.field([[opts.label, a.organisationName]], 'B');
    sheet.field([['Người đại diện', `Ông/Bà ${a.name}`]]);
  } else sheet.field([[`${opts.label} Ông/Bà`, a.name]], 'B');
  sheet.field([['Nội dung yêu cầu giải quyết', data.procedureName]], 'B');
  if (a.address) sheet.field([['Địa chỉ', a.address]]);
  if (!opts.contact) return;
  const contact: [string, string][] = [];
  if (a.phone) contact.push(['Số điện thoại', a.phone]);
  if (a.email) contact.push(['Thư điện tử', a.email]);
  if (contact.length) sheet.field(contact);
}
