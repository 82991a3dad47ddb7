import { fail, text } from '@motcua/domain/errors';
import { actionLabel } from './action-labels.ts';
import type {
  ApologyData,
  ControlRow,
  ControlSheetData,
  FormBase,
  RefusalData,
  SupplementData,
} from './forms-data.ts';
import { regimeOf } from './forms-data.ts';
import {
  applicantOf,
  documentsOf,
  formatClock,
  issuerOf,
  str,
  type ReceiptSlipSource,
} from './receipt-data.ts';

/** The service's rows and events, in the words each form prints. `names` maps user ids to full names. */
type Event = ReceiptSlipSource['events'][number];
export type Names = ReadonlyMap<string, string>;

/** Event payloads are JSON objects; a driver may hand back the text. */
function payloadOf(e: Event): Record<string, unknown> {
  const p = typeof e.payload === 'string' ? (JSON.parse(e.payload) as unknown) : e.payload;
  return p && typeof p === 'object' ? (p as Record<string, unknown>) : {};
}

const dateOf = (v: unknown): Date | null => {
  const d = typeof v === 'string' ? new Date(v) : null;
  return d && !Number.isNaN(d.getTime()) ? d : null;
};

function missing(vi: string, en: string): never {
  return fail({ kind: 'Conflict', entity: 'application', detail: text(vi, en) });
}

/** The latest event of one of `actions`, or a 409 saying what has not happened. */
function latest(source: ReceiptSlipSource, actions: string[], vi: string, en: string): Event {
  const found = [...source.events].reverse().find((e) => actions.includes(e.action));
  return found ?? missing(vi, en);
}

const nameOf = (names: Names, id: unknown) => (typeof id === 'string' ? (names.get(id) ?? null) : null);
const unitName = (source: ReceiptSlipSource, id: unknown) =>
  source.units.units.find((u) => u.id === id)?.name ?? null;

/** Every user a form may name: the actors and the assignees of the events. */
export function userIdsOf(source: ReceiptSlipSource): string[] {
  const ids = source.events.flatMap((e) => [e.actor_id, payloadOf(e).assigneeId]);
  return [...new Set(ids.filter((id): id is string => typeof id === 'string'))];
}

function baseOf(source: ReceiptSlipSource, issuedAt: Date, issuerUnitId: string): FormBase {
  const { application: row, procedure } = source;
  return {
    code: row.code,
    regime: regimeOf(row.legal_regime),
    issuer: issuerOf(source, issuerUnitId),
    issuedAt,
    applicant: applicantOf(row.applicant),
    procedureName: (procedure?.name ?? row.procedure_code).normalize('NFC'),
  };
}

/** Mẫu 02 from the latest request for documents, before receipt or during processing. */
export function toSupplementData(source: ReceiptSlipSource, names: Names): SupplementData {
  const e = latest(
    source,
    ['request_pre_receipt_supplement', 'request_supplement'],
    'Hồ sơ chưa có yêu cầu bổ sung, hoàn thiện',
    'No supplement has been requested for this application',
  );
  const p = payloadOf(e);
  return {
    ...baseOf(source, e.at, source.application.receiving_unit_id),
    reason: str(p.reason) ?? '',
    documents: documentsOf(p.documents),
    officerName: nameOf(names, e.actor_id),
  };
}

/** Mẫu 03 from the refusal at intake. */
export function toRefusalData(source: ReceiptSlipSource, names: Names): RefusalData {
  const e = latest(
    source,
    ['refuse_intake'],
    'Hồ sơ không bị từ chối tiếp nhận',
    'The application was not refused at intake',
  );
  return {
    ...baseOf(source, e.at, source.application.receiving_unit_id),
    reason: str(payloadOf(e).reason) ?? '',
    officerName: nameOf(names, e.actor_id),
  };
}

/** Mẫu 04 from the latest apology, issued by the deciding body. */
export function toApologyData(source: ReceiptSlipSource, names: Names): ApologyData {
  const e = latest(source, ['issue_apology'], 'Hồ sơ chưa có văn bản xin lỗi', 'No apology has been issued');
  const p = payloadOf(e);
  const row = source.application;
  const newAppointmentAt =
    dateOf(p.newAppointmentAt) ??
    missing('Văn bản xin lỗi thiếu ngày hẹn mới', 'The apology has no new appointment date');
  const deciding = row.deciding_unit_id ?? e.actor_unit_id ?? row.receiving_unit_id;
  const base = baseOf(source, e.at, deciding);
  return {
    ...base,
    receivingUnitName: issuerOf(source, row.receiving_unit_id).unitName,
    receivedAt: row.received_at,
    previousDueAt: dateOf(p.previousDueAt),
    newAppointmentAt,
    reason: str(p.reason) ?? '',
    decidingUnitName: base.issuer.unitName,
    officerName: nameOf(names, e.actor_id),
  };
}

/** What the "Ghi chú" column says about an event: the reason, the agency, the new appointment… */
function noteOf(p: Record<string, unknown>): string | null {
  const appointment = dateOf(p.newAppointmentAt) ?? dateOf(p.dueAt);
  const parts = [
    str(p.reason),
    str(p.agency) && `Cơ quan liên thông: ${str(p.agency)}`,
    str(p.trackingNumber) && `Số hiệu bưu gửi: ${str(p.trackingNumber)}`,
    appointment && `Hẹn trả kết quả: ${formatClock(appointment)}`,
    p.countsAsLate === true ? 'Tính là hồ sơ trễ hạn' : null,
  ];
  const note = parts.filter((s): s is string => typeof s === 'string' && s !== '').join('; ');
  return note || null;
}

/** The receiver of a hand-over: the assignee, the deciding unit, the other agency. */
function receiverOf(source: ReceiptSlipSource, names: Names, e: Event, p: Record<string, unknown>) {
  if (e.action === 'assign' || e.action === 'reassign') return nameOf(names, p.assigneeId);
  if (e.action === 'transfer') return unitName(source, p.decidingUnitId);
  if (e.action === 'send_inter_agency') return str(p.agency);
  return null;
}

/** The control sheet: one row per event, in order. */
export function toControlSheetData(source: ReceiptSlipSource, names: Names): ControlSheetData {
  const row = source.application;
  const rows: ControlRow[] = source.events.map((e) => {
    const p = payloadOf(e);
    return {
      unitName: unitName(source, e.actor_unit_id) ?? '',
      at: e.at,
      giver: nameOf(names, e.actor_id),
      receiver: receiverOf(source, names, e, p),
      result: actionLabel(e.action),
      note: noteOf(p),
    };
  });
  const issuedAt = source.events.at(-1)?.at ?? row.received_at ?? row.created_at;
  return {
    ...baseOf(source, issuedAt, row.receiving_unit_id),
    receivedAt: row.received_at,
    dueAt: row.due_at,
    rows,
  };
}
