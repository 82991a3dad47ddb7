import { fail, text } from '@motcua/domain/errors';
import type { ApplicationsService } from '../applications/applications.service.ts';
import type { ProcedureInfo } from '../applications/ports.ts';

/**
 * What Mẫu 01 (Giấy tiếp nhận hồ sơ và hẹn trả kết quả, TT 01/2018/TT-VPCP → TT 03/2025) prints, already in
 * words: the renderer only lays it out. vn-rules.md §1.5 lists the content as local systems implement it.
 */
export type CopyType = 'original' | 'certified_copy' | 'photocopy';

export interface ReceiptSlipData {
  code: string;
  lookupKey: string;
  /** Upper header line: the body the receiving unit belongs to, in capitals ("UBND XÃ ĐINH VĂN LÂM HÀ"). */
  authority: string | null;
  /** The receiving unit as named ("Trung tâm Phục vụ hành chính công xã Đinh Văn Lâm Hà"). */
  unitName: string;
  /** Place name before the date (Decree 30/2020: the administrative unit where the body sits). */
  place: string;
  receivedAt: Date | null;
  dueAt: Date | null;
  applicant: {
    name: string;
    organisationName: string | null;
    idNumber: string | null;
    taxCode: string | null;
    phone: string | null;
    email: string | null;
    address: string | null;
  };
  procedureName: string;
  /** "3 ngày làm việc"; null when the catalog states no limit. */
  procedureTime: string | null;
  documents: { name: string; copyType: CopyType; quantity: number }[];
  sets: number;
  /** Item 6: where the result will be handed over. */
  returnTo: string;
  feeAmount: number | null;
  officerName: string | null;
}

export const COPY_TYPE_NAMES: Record<CopyType, string> = {
  original: 'Bản chính',
  certified_copy: 'Bản sao chứng thực',
  photocopy: 'Bản chụp',
};

const VN_OFFSET_MS = 7 * 3_600_000;
const pad = (n: number) => String(n).padStart(2, '0');

/** Calendar parts of an instant in Vietnam time (UTC+07:00, no daylight saving). */
export function vietnamParts(at: Date) {
  const t = new Date(at.getTime() + VN_OFFSET_MS);
  return {
    year: t.getUTCFullYear(),
    month: t.getUTCMonth() + 1,
    day: t.getUTCDate(),
    hour: t.getUTCHours(),
    minute: t.getUTCMinutes(),
  };
}

/** "09 giờ 05 phút, ngày 07/03/2026" (Vietnam time). */
export function formatClock(at: Date): string {
  const p = vietnamParts(at);
  return `${pad(p.hour)} giờ ${pad(p.minute)} phút, ngày ${pad(p.day)}/${pad(p.month)}/${p.year}`;
}

/** "Lâm Hà, ngày 05 tháng 02 năm 2026": day < 10 and months 1–2 with a leading zero (Decree 30/2020). */
export function formatPlaceDate(place: string, at: Date): string {
  const p = vietnamParts(at);
  const month = p.month <= 2 ? pad(p.month) : String(p.month);
  return `${place}, ngày ${pad(p.day)} tháng ${month} năm ${p.year}`;
}

const number = new Intl.NumberFormat('vi-VN');
/** "8.000 đồng". */
export const formatMoney = (amount: number) => `${number.format(amount)} đồng`;

export function formatProcedureTime(time: ProcedureInfo['time']): string | null {
  if (!time) return null;
  const amount = number.format(time.amount);
  if (time.unit === 'working_days') return `${amount} ngày làm việc`;
  if (time.unit === 'working_hours') return `${amount} giờ làm việc`;
  return `${amount} ngày`;
}

const ADMINISTRATIVE = new Set(['province', 'district', 'commune', 'ward', 'town', 'special_zone']);
const PREFIX = /^(Tỉnh|Thành phố|Huyện|Quận|Thị xã|Thị trấn|Xã|Phường|Đặc khu)\s+/u;
const upper = (s: string) => s.toLocaleUpperCase('vi');

/** Where the slip's header and place come from: the receiving unit and the units above it (root first). */
export function headerOf(path: readonly { name: string; kind: string }[]) {
  const unit = path.at(-1);
  if (!unit) return { authority: null, unitName: '', place: '' };
  const admins = path.filter((u) => ADMINISTRATIVE.has(u.kind));
  const own = ADMINISTRATIVE.has(unit.kind);
  const above = own ? admins.at(-2) : admins.at(-1);
  const seat = own ? unit : admins.at(-1);
  return {
    authority: above ? `UBND ${upper(above.name)}` : null,
    unitName: own ? `UBND ${unit.name}` : unit.name,
    place: seat ? seat.name.replace(PREFIX, '') : unit.name,
  };
}

export const str = (v: unknown): string | null =>
  typeof v === 'string' && v.trim() !== '' ? v.normalize('NFC') : null;

export function documentsOf(value: unknown): ReceiptSlipData['documents'] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((d: unknown) => {
    const doc = d as { name?: unknown; copyType?: unknown; quantity?: unknown };
    const name = str(doc.name);
    if (!name) return [];
    const copyType = (
      typeof doc.copyType === 'string' && doc.copyType in COPY_TYPE_NAMES ? doc.copyType : 'photocopy'
    ) as CopyType;
    const quantity = typeof doc.quantity === 'number' && doc.quantity > 0 ? doc.quantity : 1;
    return [{ name, copyType, quantity }];
  });
}

function returnPlace(channel: string | null, unitName: string, address: string | null): string {
  if (channel === 'post')
    return `Qua dịch vụ bưu chính công ích${address ? ` (gửi về địa chỉ: ${address})` : ''}`;
  if (channel === 'online') return 'Trực tuyến (trên Cổng Dịch vụ công)';
  return unitName;
}

/** The applicant as stored on the application (a JSON object), in the words documents print. */
export function applicantOf(value: unknown): ReceiptSlipData['applicant'] {
  const a = (value ?? {}) as Record<string, unknown>;
  return {
    name: str(a.fullName) ?? '',
    organisationName: str(a.organisationName),
    idNumber: str(a.idNumber),
    taxCode: str(a.taxCode),
    phone: str(a.phone),
    email: str(a.email),
    address: str(a.address),
  };
}

export type ReceiptSlipSource = Awaited<ReturnType<ApplicationsService['receiptSlip']>>;

/** The header of a document issued by `unitId`: the unit and the ones above it, root first. */
export function issuerOf(source: Pick<ReceiptSlipSource, 'units'>, unitId: string) {
  const { units, tree } = source.units;
  return headerOf((tree.pathTo(unitId) ?? []).flatMap((step) => units.filter((u) => u.id === step.id)));
}

/** The service's rows, in the words the slip prints. */
export function toReceiptSlipData(source: ReceiptSlipSource): ReceiptSlipData {
  const { application: row, procedure, officerName } = source;
  // No slip before the desk has received the file (an online submission still waiting, refused at intake).
  if (!row.received_at || !source.events.some((e) => e.action === 'receive'))
    fail({
      kind: 'Conflict',
      entity: 'application',
      detail: text('Hồ sơ chưa được tiếp nhận', 'The application has not been received yet'),
    });
  const header = issuerOf(source, row.receiving_unit_id);
  const applicant = applicantOf(row.applicant);
  const address = applicant.address;
  return {
    code: row.code,
    lookupKey: row.lookup_key,
    ...header,
    receivedAt: row.received_at,
    dueAt: row.due_at,
    applicant,
    procedureName: (procedure?.name ?? row.procedure_code).normalize('NFC'),
    procedureTime: formatProcedureTime(procedure?.time ?? null),
    documents: documentsOf(row.documents),
    sets: 1,
    returnTo: returnPlace(row.return_channel, header.unitName, address),
    feeAmount: row.fee_amount === null ? null : Number(row.fee_amount),
    officerName,
  };
}
