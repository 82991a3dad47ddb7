import type { CopyType, ReceiptSlipData } from './receipt-data.ts';

/**
 * What the forms after the receipt slip print, already in words (vn-rules.md §1.4–1.5): Mẫu 02 (supplement),
 * Mẫu 03 (refusal at intake), Mẫu 04 (apology) and the control sheet (TT 01/2018 Mẫu 05, TT 03/2025 Mẫu 06).
 */
export type Regime = 'decree_61_2018' | 'decree_118_2025';

/** The rules a file was received under; anything but the legacy decree is the current one. */
export const regimeOf = (value: string): Regime =>
  value === 'decree_61_2018' ? 'decree_61_2018' : 'decree_118_2025';

/** The circular whose annex holds the forms of a regime, and the control sheet's number in it. */
export const CIRCULARS: Record<Regime, { name: string; controlSheet: string }> = {
  decree_61_2018: { name: 'Thông tư số 01/2018/TT-VPCP', controlSheet: '05' },
  decree_118_2025: { name: 'Thông tư số 03/2025/TT-VPCP', controlSheet: '06' },
};

/** The unit a form is issued by, as its header prints it (see `headerOf`). */
export interface Issuer {
  authority: string | null;
  unitName: string;
  place: string;
}

/** Who the file belongs to (identity numbers are not printed on these forms). */
export type FormApplicant = Omit<ReceiptSlipData['applicant'], 'idNumber' | 'taxCode'>;

export interface FormBase {
  code: string;
  regime: Regime;
  issuer: Issuer;
  /** The time of the event the form records: its date line. */
  issuedAt: Date;
  applicant: FormApplicant;
  procedureName: string;
}

/** Mẫu 02. */
export interface SupplementData extends FormBase {
  reason: string;
  documents: { name: string; copyType: CopyType; quantity: number }[];
  /** The officer who guides the applicant: "NGƯỜI HƯỚNG DẪN". */
  officerName: string | null;
}

/** Mẫu 03. */
export interface RefusalData extends FormBase {
  reason: string;
  officerName: string | null;
}

/** Mẫu 04, issued by the deciding body. */
export interface ApologyData extends FormBase {
  receivingUnitName: string;
  receivedAt: Date | null;
  previousDueAt: Date | null;
  newAppointmentAt: Date;
  reason: string;
  decidingUnitName: string;
  officerName: string | null;
}

/** One hand-over or step on the control sheet. */
export interface ControlRow {
  unitName: string;
  at: Date;
  giver: string | null;
  receiver: string | null;
  result: string;
  note: string | null;
}

export interface ControlSheetData extends FormBase {
  receivedAt: Date | null;
  dueAt: Date | null;
  rows: ControlRow[];
}
