import type { Regime } from './forms-data.ts';
import { A4_WIDTH, Sheet } from './layout.ts';
import { formatPlaceDate, vietnamParts } from './receipt-data.ts';

/** One received file as the register prints it. */
export interface RegisterRow {
  code: string;
  procedureName: string;
  applicantName: string;
  contact: string;
  decidingUnitName: string;
  receivedAt: Date | null;
  dueAt: Date | null;
  returnedAt: Date | null;
  note: string;
}

export interface RegisterData {
  regime: Regime;
  authority: string | null;
  unitName: string;
  place: string;
  from: string;
  to: string;
  issuedAt: Date;
  rows: RegisterRow[];
}

/** TT 01/2018 Mẫu 06 became TT 03/2025 Mẫu 07 (vn-rules.md §1.5); the columns below are UNCERTAIN. */
const FORMS: Record<Regime, { number: string; circular: string }> = {
  decree_61_2018: { number: '06', circular: 'Thông tư số 01/2018/TT-VPCP' },
  decree_118_2025: { number: '07', circular: 'Thông tư số 03/2025/TT-VPCP' },
};

const dmy = (iso: string) => iso.split('-').reverse().join('/');
const pad = (n: number) => String(n).padStart(2, '0');
/** "05/02/2026 14:30": the register's columns are narrow. */
const short = (at: Date | null) => {
  if (!at) return '';
  const p = vietnamParts(at);
  return `${pad(p.day)}/${pad(p.month)}/${p.year} ${pad(p.hour)}:${pad(p.minute)}`;
};

/**
 * The register of files received, "Sổ theo dõi hồ sơ" (A4): one row per file of the period, the columns
 * local one-stop systems print (vn-rules.md §1.5 names the form, not its columns). Internal: names in full.
 */
export function renderRegister(data: RegisterData): Promise<Buffer> {
  const form = FORMS[data.regime];
  const sheet = new Sheet({
    size: 'A4',
    designWidth: A4_WIDTH,
    margins: { top: 36, bottom: 36, left: 28, right: 28 },
    bodySize: 10,
    info: {
      Title: `Sổ theo dõi hồ sơ ${data.unitName} ${data.from} – ${data.to}`,
      Author: data.unitName,
      Subject: `Mẫu ${form.number} — Sổ theo dõi hồ sơ`,
      CreationDate: data.issuedAt,
    },
  });
  sheet.header({
    formNumber: `Mẫu số ${form.number} (ban hành kèm theo ${form.circular})`,
    authority: data.authority,
    unitName: data.unitName,
    number: null,
    dateLine: formatPlaceDate(data.place, data.issuedAt),
  });
  sheet.title('SỔ THEO DÕI HỒ SƠ');
  sheet.y =
    sheet.put(`Từ ngày ${dmy(data.from)} đến ngày ${dmy(data.to)}`, 'I', sheet.body, { align: 'center' }) +
    sheet.u(8);
  sheet.table(
    [
      { title: 'STT', width: 0.04, align: 'center' },
      { title: 'Mã hồ sơ', width: 0.15, align: 'left' },
      { title: 'Tên thủ tục hành chính', width: 0.14, align: 'left' },
      { title: 'Tên cá nhân, tổ chức', width: 0.11, align: 'left' },
      { title: 'Địa chỉ, số điện thoại', width: 0.13, align: 'left' },
      { title: 'Cơ quan giải quyết', width: 0.1, align: 'left' },
      { title: 'Nhận hồ sơ', width: 0.08, align: 'left' },
      { title: 'Hẹn trả kết quả', width: 0.08, align: 'left' },
      { title: 'Trả kết quả', width: 0.08, align: 'left' },
      { title: 'Ghi chú', width: 0.09, align: 'left' },
    ],
    data.rows.map((r, i) => [
      String(i + 1),
      r.code,
      r.procedureName,
      r.applicantName,
      r.contact,
      r.decidingUnitName,
      short(r.receivedAt),
      short(r.dueAt),
      short(r.returnedAt),
      r.note,
    ]),
    6.5,
  );
  if (data.rows.length === 0) sheet.paragraph('Không có hồ sơ nào trong kỳ.', 'I', 'center');
  return sheet.finish();
}
