import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError, api } from '../../app/api.ts';
import { describeError, messagesByField, type ErrorDescription } from '../../app/problem.ts';
import { useUser } from '../../app/session.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ErrorSummary } from '../../ui/error-summary.tsx';
import { Field } from '../../ui/field.tsx';
import { SubmitCancel } from '../../ui/form-buttons.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { useFieldErrors } from '../../ui/use-field-errors.ts';
import { StaffSelect, useStaff, useTransferUnits } from './action-fields.tsx';
import {
  REASON_ACTIONS,
  actionLabel,
  type AnyAction,
  type Application,
  type ApplicationWithEvents,
} from './shared.ts';

type ReturnChannel = 'counter' | 'post' | 'online';

interface ActionValues {
  reason: string;
  decidingUnitId: string;
  assigneeId: string;
  approverId: string;
  channel: ReturnChannel;
  trackingNumber: string;
  agency: string;
  budgetDays: string;
  newAppointmentDate: string;
  documents: string;
}

const FIELD_IDS = {
  reason: 'action-reason',
  decidingUnitId: 'action-unit',
  assigneeId: 'action-assignee',
  approverId: 'action-approver',
  channel: 'action-channel',
  trackingNumber: 'action-tracking',
  agency: 'action-agency',
  budgetDays: 'action-budget',
  newAppointmentDate: 'action-new-date',
  documents: 'action-documents',
} as const;

/** Asking for documents (Mẫu 02 / during processing) names them: the citizen uploads one file per line. */
const ASKS_DOCUMENTS: ReadonlySet<AnyAction> = new Set<AnyAction>([
  'request_pre_receipt_supplement',
  'request_supplement',
]);

/** The small form an action needs (reason, unit, assignee…), posted with the version the officer saw. */
export function ActionForm({
  application,
  action,
  onDone,
  onCancel,
  onConflict,
}: {
  application: Application;
  action: AnyAction;
  onDone: (result: ApplicationWithEvents) => void;
  onCancel: () => void;
  onConflict: (error: ErrorDescription) => void;
}) {
  const { t } = useI18n();
  const user = useUser();
  const [values, setValues] = useState<ActionValues>({
    reason: '',
    decidingUnitId: '',
    assigneeId: '',
    approverId: '',
    channel: application.returnChannel ?? 'counter',
    trackingNumber: '',
    agency: '',
    budgetDays: '',
    newAppointmentDate: '',
    documents: '',
  });
  const { fieldErrors, setFieldErrors, showErrors } = useFieldErrors(FIELD_IDS);
  const [error, setError] = useState<ErrorDescription | null>(null);
  const [busy, setBusy] = useState(false);
  const isAssign = action === 'assign' || action === 'reassign';
  const askApprover = action === 'request_supplement' && application.supplementRequests >= 1;
  const units = useTransferUnits(action === 'transfer');
  const staff = useStaff(application.id, isAssign || askApprover);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  // The officer assigning is the likeliest assignee: preselect them once the list arrives.
  useEffect(() => {
    if (isAssign && staff.some((s) => s.id === user.id))
      setValues((v) => (v.assigneeId ? v : { ...v, assigneeId: user.id }));
  }, [isAssign, staff, user.id]);

  const set = <K extends keyof ActionValues>(key: K, value: ActionValues[K]) =>
    setValues((v) => ({ ...v, [key]: value }));
  const needsReason = REASON_ACTIONS.has(action);
  const budget = values.budgetDays.trim();

  const validate = () => {
    const errors: Record<string, string> = {};
    if (needsReason && values.reason.trim() === '') errors['reason'] = t('file.reasonRequired');
    if (action === 'transfer' && !values.decidingUnitId)
      errors['decidingUnitId'] = t('file.decidingUnitRequired');
    if (isAssign && !values.assigneeId) errors['assigneeId'] = t('file.pickRequired');
    if (askApprover && !values.approverId) errors['approverId'] = t('file.pickRequired');
    if (action === 'issue_apology' && !values.newAppointmentDate)
      errors['newAppointmentDate'] = t('file.newAppointmentRequired');
    if (action === 'send_inter_agency' && budget && !/^([1-9]|[1-5][0-9]|60)$/.test(budget))
      errors['budgetDays'] = t('file.budgetInvalid');
    if (action === 'return_result' && values.channel === 'post') {
      const tracking = values.trackingNumber.trim();
      if (tracking.length < 4 || tracking.length > 40) errors['trackingNumber'] = t('intake.trackingInvalid');
    }
    return errors;
  };

  const bodyOf = () => {
    const body: Record<string, unknown> = { action, version: application.version };
    if (needsReason || (action === 'send_inter_agency' && values.reason.trim()))
      body['reason'] = values.reason.trim();
    if (action === 'transfer') body['decidingUnitId'] = values.decidingUnitId;
    if (isAssign) body['assigneeId'] = values.assigneeId;
    if (askApprover) body['approverId'] = values.approverId;
    if (action === 'issue_apology') body['newAppointmentDate'] = values.newAppointmentDate;
    const documents = values.documents
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    if (ASKS_DOCUMENTS.has(action) && documents.length)
      body['documents'] = documents.map((name) => ({ name, copyType: 'original', quantity: 1 }));
    if (action === 'return_result') {
      body['channel'] = values.channel;
      if (values.channel === 'post') body['trackingNumber'] = values.trackingNumber.trim();
    }
    if (action === 'send_inter_agency') {
      if (values.agency.trim()) body['agency'] = values.agency.trim();
      if (budget) body['budgetDays'] = Number(budget);
    }
    return body;
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(null);
    if (showErrors(validate())) return;
    setBusy(true);
    try {
      onDone(
        await api.post<ApplicationWithEvents>(
          `/api/applications/${encodeURIComponent(application.id)}/actions`,
          bodyOf(),
        ),
      );
    } catch (caught) {
      const described = describeError(caught, t);
      const isTransition = caught instanceof ApiError && caught.status === 409 && !described.fields.length;
      if (isTransition && action !== 'issue_apology') {
        onConflict(described);
        return;
      }
      if (caught instanceof ApiError && caught.status === 403) {
        setError({ ...described, title: t('file.forbidden'), detail: null, fields: [] });
      } else {
        setError(described);
        setFieldErrors(messagesByField(described.fields));
      }
      setBusy(false);
    }
  };

  const label = actionLabel(t, action);
  const reasonLabel =
    action === 'issue_apology'
      ? t('file.apologyReason')
      : action === 'add_note'
        ? t('file.note')
        : t('file.reason');
  return (
    <section className="card action-form" aria-labelledby="action-form-heading">
      <h3 id="action-form-heading" ref={headingRef} tabIndex={-1}>
        {label}
      </h3>
      <ErrorSummary error={error} fieldErrors={fieldErrors} fieldIds={FIELD_IDS} />
      <form className="form" noValidate onSubmit={(e) => void submit(e)}>
        {action === 'transfer' ? (
          <Field
            id={FIELD_IDS.decidingUnitId}
            label={t('file.decidingUnit')}
            error={fieldErrors['decidingUnitId']}
          >
            {(control) => (
              <select
                {...control}
                value={values.decidingUnitId}
                onChange={(e) => set('decidingUnitId', e.target.value)}
              >
                <option value="">{t('file.choose')}</option>
                {units.map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : null}
        {isAssign ? (
          <StaffSelect
            id={FIELD_IDS.assigneeId}
            label={t('file.pickAssignee')}
            staff={staff}
            value={values.assigneeId}
            error={fieldErrors['assigneeId']}
            onChange={(v) => set('assigneeId', v)}
          />
        ) : null}
        {askApprover ? (
          <StaffSelect
            id={FIELD_IDS.approverId}
            label={t('file.pickApprover')}
            hint={t('file.approverHint')}
            staff={staff.filter((s) => s.roles.includes('leader'))}
            value={values.approverId}
            error={fieldErrors['approverId'] ?? undefined}
            onChange={(v) => set('approverId', v)}
          />
        ) : null}
        {action === 'issue_apology' ? (
          <TextField
            id={FIELD_IDS.newAppointmentDate}
            label={t('file.newAppointment')}
            {...(application.apologyLatestAt
              ? { hint: t('file.apologyLatest', { at: formatDateTime(application.apologyLatestAt) }) }
              : {})}
            type="date"
            error={fieldErrors['newAppointmentDate']}
            value={values.newAppointmentDate}
            onChange={(v) => set('newAppointmentDate', v)}
          />
        ) : null}
        {action === 'return_result' ? (
          <>
            <Field id={FIELD_IDS.channel} label={t('file.channel')} error={fieldErrors['channel']}>
              {(control) => (
                <select
                  {...control}
                  value={values.channel}
                  onChange={(e) => set('channel', e.target.value as ReturnChannel)}
                >
                  {(['counter', 'post', 'online'] as const).map((c) => (
                    <option key={c} value={c}>
                      {t(`return.${c}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            {values.channel === 'post' ? (
              <TextField
                id={FIELD_IDS.trackingNumber}
                label={t('file.tracking')}
                error={fieldErrors['trackingNumber']}
                value={values.trackingNumber}
                onChange={(v) => set('trackingNumber', v)}
              />
            ) : null}
          </>
        ) : null}
        {action === 'send_inter_agency' ? (
          <>
            <TextField
              id={FIELD_IDS.agency}
              label={t('file.agency')}
              error={fieldErrors['agency']}
              value={values.agency}
              onChange={(v) => set('agency', v)}
            />
            <TextField
              id={FIELD_IDS.budgetDays}
              label={t('file.budgetDays')}
              hint={t('file.budgetHint')}
              type="number"
              error={fieldErrors['budgetDays']}
              value={values.budgetDays}
              onChange={(v) => set('budgetDays', v)}
            />
          </>
        ) : null}
        {needsReason || action === 'send_inter_agency' ? (
          <Field id={FIELD_IDS.reason} label={reasonLabel} error={fieldErrors['reason']}>
            {(control) => (
              <textarea
                {...control}
                rows={3}
                maxLength={2000}
                value={values.reason}
                onChange={(e) => set('reason', e.target.value)}
              />
            )}
          </Field>
        ) : null}
        {ASKS_DOCUMENTS.has(action) ? (
          <Field
            id={FIELD_IDS.documents}
            label={t('file.documentsToAdd')}
            hint={t('file.documentsToAddHint')}
            error={fieldErrors['documents']}
          >
            {(control) => (
              <textarea
                {...control}
                rows={3}
                maxLength={3000}
                value={values.documents}
                onChange={(e) => set('documents', e.target.value)}
              />
            )}
          </Field>
        ) : null}
        <SubmitCancel busy={busy} submitLabel={t('file.confirm', { action: label })} onCancel={onCancel} />
      </form>
    </section>
  );
}
