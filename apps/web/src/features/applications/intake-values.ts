import type { Translate } from '../../i18n/i18n.tsx';

export type ReturnChannel = 'counter' | 'post' | 'online';
export const RETURN_CHANNELS: readonly ReturnChannel[] = ['counter', 'post', 'online'];

export interface Values {
  kind: 'person' | 'organisation';
  fullName: string;
  idNumber: string;
  organisationName: string;
  phone: string;
  address: string;
  email: string;
  channel: 'counter' | 'postal';
  trackingNumber: string;
  receivedOn: string;
  returnChannel: ReturnChannel;
  feeAmount: string;
  outcome: IntakeOutcome;
  outcomeReason: string;
}

/** At the counter: receive (Mẫu 01), guide once to complete (Mẫu 02), or refuse (Mẫu 03). */
export type IntakeOutcome = 'received' | 'supplement_requested' | 'refused';
export const OUTCOMES: readonly IntakeOutcome[] = ['received', 'supplement_requested', 'refused'];

export const EMPTY: Values = {
  kind: 'person',
  fullName: '',
  idNumber: '',
  organisationName: '',
  phone: '',
  address: '',
  email: '',
  channel: 'counter',
  trackingNumber: '',
  receivedOn: '',
  returnChannel: 'counter',
  feeAmount: '',
  outcome: 'received',
  outcomeReason: '',
};

export const FIELD_IDS = {
  procedureCode: 'intake-search',
  fullName: 'intake-full-name',
  idNumber: 'intake-id-number',
  organisationName: 'intake-organisation',
  phone: 'intake-phone',
  address: 'intake-address',
  email: 'intake-email',
  trackingNumber: 'intake-tracking',
  postal: 'intake-tracking',
  receivedOn: 'intake-received-on',
  feeAmount: 'intake-fee',
  documents: 'intake-doc-0',
  reason: 'intake-outcome-reason',
} as const;
export type FieldKey = keyof typeof FIELD_IDS;

/** The client-side checks, mirroring the server's schema (the server checks again). */
export function validateIntake(values: Values, hasProcedure: boolean, t: Translate): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!hasProcedure) errors['procedureCode'] = t('intake.procedureRequired');
  const fullName = values.fullName.trim();
  if (fullName.length < 2 || fullName.length > 200) errors['fullName'] = t('intake.fullNameInvalid');
  if (values.kind === 'organisation' && values.organisationName.trim().length < 2)
    errors['organisationName'] = t('intake.organisationInvalid');
  if (values.idNumber.trim() && !/^\d{12}$/.test(values.idNumber.trim()))
    errors['idNumber'] = t('intake.idNumberInvalid');
  if (values.phone.trim() && !/^(\+84|0)\d{9,10}$/.test(values.phone.trim()))
    errors['phone'] = t('intake.phoneInvalid');
  if (values.address.trim().length < 3) errors['address'] = t('intake.addressInvalid');
  if (values.email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email.trim()))
    errors['email'] = t('intake.emailInvalid');
  if (values.channel === 'postal') {
    const tracking = values.trackingNumber.trim();
    if (tracking.length < 4 || tracking.length > 40) errors['trackingNumber'] = t('intake.trackingInvalid');
    if (!values.receivedOn) errors['receivedOn'] = t('intake.receivedOnInvalid');
  }
  if (values.feeAmount.trim() && !/^\d{1,10}$/.test(values.feeAmount.trim()))
    errors['feeAmount'] = t('intake.feeInvalid');
  if (values.outcome !== 'received' && !values.outcomeReason.trim())
    errors['reason'] = t('intake.outcomeReasonRequired');
  return errors;
}
