import type { Unit, UnitList } from '@motcua/contracts';
import type { Action } from '@motcua/domain/workflow/transitions';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError, api } from '../../app/api.ts';
import { describeError, messagesByField, type ErrorDescription } from '../../app/problem.ts';
import { useUser } from '../../app/session.tsx';
import { todayIso } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ErrorSummary } from '../../ui/error-summary.tsx';
import { Field } from '../../ui/field.tsx';
import {
  REASON_ACTIONS,
  UUID_PATTERN,
  actionLabel,
  type Application,
  type ApplicationWithEvents,
} from './shared.ts';

/** Where a file may be transferred for decision: units that decide, not levels of government. */
const TRANSFER_KINDS: ReadonlySet<Unit['kind']> = new Set([
  'commune',
  'ward',
  'town',
  'special_zone',
  'department',
  'pasc',
]);
type ReturnChannel = 'counter' | 'post' | 'online';

interface ActionValues {
  reason: string;
  decidingUnitId: string;
  assignTo: 'me' | 'other';
  assigneeId: string;
  approverId: string;
  channel: ReturnChannel;
  trackingNumber: string;
  agency: string;
}

const FIELD_IDS = {
  reason: 'action-reason',
  decidingUnitId: 'action-unit',
  assigneeId: 'action-assignee',
  approverId: 'action-approver',
  channel: 'action-channel',
  trackingNumber: 'action-tracking',
  agency: 'action-agency',
} as const;

function useTransferUnits(enabled: boolean): Unit[] {
  const [units, setUnits] = useState<Unit[]>([]);
  useEffect(() => {
    if (!enabled) return;
    const controller = new AbortController();
    api.get<UnitList>(`/api/units?at=${todayIso()}`, controller.signal).then(
      (list) => setUnits(list.items.filter((u) => TRANSFER_KINDS.has(u.kind))),
      () => setUnits([]),
    );
    return () => controller.abort();
  }, [enabled]);
  return units;
}

/** The small form an action needs (reason, unit, assignee…), posted with the version the officer saw. */
export function ActionForm({
  application,
  action,
  onDone,
  onCancel,
  onConflict,
}: {
  application: Application;
  action: Action;
  onDone: (result: ApplicationWithEvents) => void;
  onCancel: () => void;
  onConflict: (error: ErrorDescription) => void;
}) {
  const { t } = useI18n();
  const user = useUser();
  const [values, setValues] = useState<ActionValues>({
    reason: '',
    decidingUnitId: '',
    assignTo: 'me',
    assigneeId: '',
    approverId: '',
    channel: application.returnChannel ?? 'counter',
    trackingNumber: '',
    agency: '',
  });
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<ErrorDescription | null>(null);
  const [busy, setBusy] = useState(false);
  const units = useTransferUnits(action === 'transfer');
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);

  const set = <K extends keyof ActionValues>(key: K, value: ActionValues[K]) =>
    setValues((v) => ({ ...v, [key]: value }));
  const needsReason = REASON_ACTIONS.has(action);
  const isAssign = action === 'assign' || action === 'reassign';
  const askApprover = action === 'request_supplement' && application.supplementRequests >= 1;

  const validate = () => {
    const errors: Record<string, string> = {};
    if (needsReason && values.reason.trim() === '') errors['reason'] = t('file.reasonRequired');
    if (action === 'transfer' && !values.decidingUnitId)
      errors['decidingUnitId'] = t('file.decidingUnitRequired');
    if (isAssign && values.assignTo === 'other' && !UUID_PATTERN.test(values.assigneeId.trim()))
      errors['assigneeId'] = t('file.uuidInvalid');
    if (askApprover && !UUID_PATTERN.test(values.approverId.trim()))
      errors['approverId'] = t('file.uuidInvalid');
    if (action === 'return_result' && values.channel === 'post') {
      const tracking = values.trackingNumber.trim();
      if (tracking.length < 4 || tracking.length > 40) errors['trackingNumber'] = t('intake.trackingInvalid');
    }
    return errors;
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(null);
    const errors = validate();
    setFieldErrors(errors);
    const first = Object.keys(errors)[0] as keyof typeof FIELD_IDS | undefined;
    if (first) {
      document.getElementById(FIELD_IDS[first])?.focus();
      return;
    }
    const body: Record<string, unknown> = { action, version: application.version };
    if (needsReason || (action === 'send_inter_agency' && values.reason.trim()))
      body['reason'] = values.reason.trim();
    if (action === 'transfer') body['decidingUnitId'] = values.decidingUnitId;
    if (isAssign) body['assigneeId'] = values.assignTo === 'me' ? user.id : values.assigneeId.trim();
    if (askApprover) body['approverId'] = values.approverId.trim();
    if (action === 'return_result') {
      body['channel'] = values.channel;
      if (values.channel === 'post') body['trackingNumber'] = values.trackingNumber.trim();
    }
    if (action === 'send_inter_agency' && values.agency.trim()) body['agency'] = values.agency.trim();
    setBusy(true);
    try {
      onDone(
        await api.post<ApplicationWithEvents>(
          `/api/applications/${encodeURIComponent(application.id)}/actions`,
          body,
        ),
      );
    } catch (caught) {
      const described = describeError(caught, t);
      if (caught instanceof ApiError && caught.status === 409) {
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
          <>
            <fieldset className="radios">
              <legend>{t('file.assignee')}</legend>
              <label className="radio">
                <input
                  type="radio"
                  name="assignTo"
                  checked={values.assignTo === 'me'}
                  onChange={() => set('assignTo', 'me')}
                />
                {t('file.assignMe')}
              </label>
              <label className="radio">
                <input
                  type="radio"
                  name="assignTo"
                  checked={values.assignTo === 'other'}
                  onChange={() => set('assignTo', 'other')}
                />
                {t('file.assignOther')}
              </label>
            </fieldset>
            {values.assignTo === 'other' ? (
              <Field id={FIELD_IDS.assigneeId} label={t('file.assigneeId')} error={fieldErrors['assigneeId']}>
                {(control) => (
                  <input
                    {...control}
                    type="text"
                    autoComplete="off"
                    value={values.assigneeId}
                    onChange={(e) => set('assigneeId', e.target.value)}
                  />
                )}
              </Field>
            ) : null}
          </>
        ) : null}
        {askApprover ? (
          <Field
            id={FIELD_IDS.approverId}
            label={t('file.approverId')}
            hint={t('file.approverHint')}
            error={fieldErrors['approverId']}
          >
            {(control) => (
              <input
                {...control}
                type="text"
                autoComplete="off"
                value={values.approverId}
                onChange={(e) => set('approverId', e.target.value)}
              />
            )}
          </Field>
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
              <Field
                id={FIELD_IDS.trackingNumber}
                label={t('file.tracking')}
                error={fieldErrors['trackingNumber']}
              >
                {(control) => (
                  <input
                    {...control}
                    type="text"
                    value={values.trackingNumber}
                    onChange={(e) => set('trackingNumber', e.target.value)}
                  />
                )}
              </Field>
            ) : null}
          </>
        ) : null}
        {action === 'send_inter_agency' ? (
          <Field id={FIELD_IDS.agency} label={t('file.agency')} error={fieldErrors['agency']}>
            {(control) => (
              <input
                {...control}
                type="text"
                maxLength={300}
                value={values.agency}
                onChange={(e) => set('agency', e.target.value)}
              />
            )}
          </Field>
        ) : null}
        {needsReason || action === 'send_inter_agency' ? (
          <Field id={FIELD_IDS.reason} label={t('file.reason')} error={fieldErrors['reason']}>
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
        <div className="button-row">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? t('file.working') : t('file.confirm', { action: label })}
          </button>
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {t('file.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
