import type { Application } from '@motcua/contracts';
import type { Translate } from '../../i18n/i18n.tsx';
import { vi, type MessageKey } from '../../i18n/vi.ts';

export type { Application };
/** A workflow step or a note (apology, remark), as the API lists them in allowedActions. */
export type AnyAction = Application['allowedActions'][number];
export interface ApplicationEventView {
  seq: number;
  at: string;
  action: string;
  fromState: string | null;
  toState: string;
  actorId: string | null;
  actorUnitId: string | null;
  payload: unknown;
  legalBasis: string | null;
}
export interface ApplicationWithEvents {
  application: Application;
  events: ApplicationEventView[];
}

/** What the API keeps of the applicant (stored as sent at intake). */
export interface ApplicantView {
  kind?: 'person' | 'organisation';
  fullName?: string;
  idNumber?: string;
  organisationName?: string;
  phone?: string;
  email?: string;
  address?: string;
}

export interface DocumentView {
  name: string;
  copyType: 'original' | 'certified_copy' | 'photocopy';
  quantity: number;
}

export function applicantOf(application: Application): ApplicantView {
  const value = application.applicant;
  return typeof value === 'object' && value !== null ? value : {};
}

export function documentsOf(application: Application): DocumentView[] {
  return Array.isArray(application.documents) ? (application.documents as DocumentView[]) : [];
}

/** The action's name, for the actions of the workflow and the few recorded events outside it. */
export function actionLabel(t: Translate, action: string): string {
  const key = `action.${action}`;
  return key in vi ? t(key as MessageKey) : action;
}

export function stateLabel(t: Translate, state: string | null): string {
  if (state === null) return '–';
  const key = `state.${state}`;
  return key in vi ? t(key as MessageKey) : state;
}

/** Actions that need a reason in writing. */
export const REASON_ACTIONS: ReadonlySet<AnyAction> = new Set<AnyAction>([
  'issue_apology',
  'add_note',
  'refuse',
  'request_supplement',
  'stop',
  'send_back',
  'withdraw',
  'refuse_intake',
  'request_pre_receipt_supplement',
]);

/** A random UUID v4, also where crypto.randomUUID is missing (plain-http intranet addresses). */
export function newUuid(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const HOUR = 3_600_000;

/** "overdue" past the due time, "soon" within a day of it (an approximation of one working day). */
export function urgency(
  dueAt: string | null,
  state: string,
  now: number = Date.now(),
): 'overdue' | 'soon' | null {
  if (!dueAt || ['returned', 'refused', 'stopped', 'withdrawn', 'refused_at_intake'].includes(state))
    return null;
  const due = Date.parse(dueAt);
  if (Number.isNaN(due)) return null;
  if (due < now) return 'overdue';
  if (due - now <= 24 * HOUR) return 'soon';
  return null;
}

export function formatMoney(amount: number): string {
  return new Intl.NumberFormat('vi-VN').format(amount);
}

const TIME_UNITS = ['working_days', 'days', 'working_hours', 'hours', 'months'] as const;

/**
 * The published time limit; where the catalog printed a bare number ("1"), the amount with its unit
 * ("1 ngày làm việc") when the unit is known.
 */
export function timeLimitText(
  t: Translate,
  procedure: { timeText: string; timeAmount: number | null; timeUnit: string | null },
): string {
  const unit = TIME_UNITS.find((u) => u === procedure.timeUnit);
  if (!/^\s*[\d.,]+\s*$/.test(procedure.timeText) || procedure.timeAmount === null || !unit)
    return procedure.timeText;
  return t(`timeUnit.${unit}`, { amount: procedure.timeAmount });
}
