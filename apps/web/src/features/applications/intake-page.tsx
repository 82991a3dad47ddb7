import type { ProcedureSummary, ProcedureVersion } from '@motcua/contracts';
import { useState, type FormEvent } from 'react';
import { api } from '../../app/api.ts';
import { describeError, messagesByField, type ErrorDescription } from '../../app/problem.ts';
import { useUser } from '../../app/session.tsx';
import { todayIso } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ErrorSummary } from '../../ui/error-summary.tsx';
import { Field } from '../../ui/field.tsx';
import { Page } from '../../ui/page.tsx';
import { useFieldErrors } from '../../ui/use-field-errors.ts';
import { DocumentChecklist, type DocumentRow } from './intake-documents.tsx';
import { Radios, Receipt, Section, useProcedureSearch } from './intake-parts.tsx';
import { EMPTY, OUTCOMES, FIELD_IDS, RETURN_CHANNELS, validateIntake, type Values } from './intake-values.ts';
import { newUuid, timeLimitText, type ApplicationWithEvents } from './shared.ts';

export function IntakePage() {
  const { t } = useI18n();
  const user = useUser();
  const [query, setQuery] = useState('');
  const search = useProcedureSearch(query);
  const [procedure, setProcedure] = useState<ProcedureVersion | null>(null);
  const [documents, setDocuments] = useState<DocumentRow[]>([]);
  const [values, setValues] = useState<Values>(EMPTY);
  const { fieldErrors, setFieldErrors, showErrors } = useFieldErrors(FIELD_IDS);
  const [error, setError] = useState<ErrorDescription | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ApplicationWithEvents | null>(null);
  // One key per form: a double click or a retry after a lost response gives back the same file.
  const [idempotencyKey, setIdempotencyKey] = useState(newUuid);
  const isReceptionist = user.roles.some((g) => g.role === 'receptionist');

  const set = <K extends keyof Values>(key: K, value: Values[K]) =>
    setValues((v) => ({ ...v, [key]: value }));

  const pick = async (summary: ProcedureSummary) => {
    setError(null);
    try {
      const full = await api.get<ProcedureVersion>(`/api/procedures/${encodeURIComponent(summary.code)}`);
      setProcedure(full);
      setDocuments(
        full.documents.map((d) => ({
          name: d.name,
          copyType: d.copyType,
          quantity: d.quantity,
          received: true,
        })),
      );
      if (full.feeAmount !== null) set('feeAmount', String(full.feeAmount));
      setFieldErrors((e) => {
        const { procedureCode: _drop, ...rest } = e;
        return rest;
      });
    } catch (caught) {
      setError(describeError(caught, t));
    }
  };

  const validate = () => validateIntake(values, procedure !== null, t);

  /** The citizen ID is checked as soon as the officer leaves the field (shown at the field only). */
  const [idNumberNote, setIdNumberNote] = useState<string | undefined>(undefined);
  const checkIdNumber = () => {
    const value = values.idNumber.trim();
    setIdNumberNote(value && !/^\d{12}$/.test(value) ? t('intake.idNumberInvalid') : undefined);
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    setError(null);
    setIdNumberNote(undefined);
    if (showErrors(validate()) || !procedure) return;
    const v = values;
    const optional = (key: 'idNumber' | 'phone' | 'email') => (v[key].trim() ? { [key]: v[key].trim() } : {});
    const body = {
      procedureCode: procedure.code,
      receivingUnitId: user.unitId,
      channel: v.channel,
      applicant: {
        kind: v.kind,
        fullName: v.fullName.trim(),
        address: v.address.trim(),
        ...optional('idNumber'),
        ...optional('phone'),
        ...optional('email'),
        ...(v.kind === 'organisation' ? { organisationName: v.organisationName.trim() } : {}),
      },
      documents: documents
        .filter((d) => d.received)
        .map(({ name, copyType, quantity }) => ({ name, copyType, quantity })),
      returnChannel: v.returnChannel,
      ...(v.feeAmount.trim() ? { feeAmount: Number(v.feeAmount.trim()) } : {}),
      ...(v.channel === 'postal'
        ? { postal: { trackingNumber: v.trackingNumber.trim(), receivedOn: v.receivedOn } }
        : {}),
      ...(v.outcome === 'received' ? {} : { outcome: v.outcome, reason: v.outcomeReason.trim() }),
      // Mẫu 02 lists what is missing: the checklist's unticked documents.
      ...(v.outcome === 'supplement_requested'
        ? {
            missingDocuments: documents
              .filter((d) => !d.received)
              .map(({ name, copyType, quantity }) => ({ name, copyType, quantity })),
          }
        : {}),
    };
    setBusy(true);
    try {
      setResult(
        await api.post<ApplicationWithEvents>('/api/applications', body, {
          'Idempotency-Key': idempotencyKey,
        }),
      );
    } catch (caught) {
      const described = describeError(caught, t);
      setError(described);
      setFieldErrors(messagesByField(described.fields));
    } finally {
      setBusy(false);
    }
  };

  const another = () => {
    setResult(null);
    setProcedure(null);
    setDocuments([]);
    setValues(EMPTY);
    setQuery('');
    setFieldErrors({});
    setError(null);
    setIdempotencyKey(newUuid());
  };

  const text = (
    key: Exclude<keyof Values, 'kind' | 'channel' | 'returnChannel'>,
    type = 'text',
    extra = {},
  ) =>
    function TextInput(control: object) {
      return (
        <input
          {...control}
          {...extra}
          type={type}
          value={values[key]}
          onChange={(e) => set(key, e.target.value)}
        />
      );
    };

  if (!isReceptionist) {
    return (
      <Page title={t('intake.title')}>
        <p className="alert alert--info">{t('intake.noUnit')}</p>
      </Page>
    );
  }

  if (result) {
    return (
      <Page title={t('intake.title')}>
        <Receipt result={result} onAnother={another} />
      </Page>
    );
  }

  const setDoc = (index: number, patch: Partial<DocumentRow>) =>
    setDocuments((rows) => rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));

  return (
    <Page title={t('intake.title')} intro={t('intake.intro', { unit: user.unitName })}>
      <ErrorSummary error={error} fieldErrors={fieldErrors} fieldIds={FIELD_IDS} />
      <form className="form" noValidate onSubmit={(e) => void submit(e)}>
        <Section title={t('intake.procedure')}>
          {procedure ? (
            <div className="procedure-picked">
              <p className="procedure-picked__name">
                <span className="visually-hidden">{t('intake.selected')}: </span>
                <strong>{procedure.name}</strong> <span className="muted">({procedure.code})</span>
              </p>
              <dl className="facts facts--compact">
                <div>
                  <dt>{t('intake.time')}</dt>
                  <dd>{timeLimitText(t, procedure)}</dd>
                </div>
                <div>
                  <dt>{t('intake.fee')}</dt>
                  <dd>{procedure.feeText}</dd>
                </div>
              </dl>
              <button
                type="button"
                className="button button--secondary"
                onClick={() => {
                  setProcedure(null);
                  setDocuments([]);
                }}
              >
                {t('intake.change')}
              </button>
            </div>
          ) : (
            <>
              <Field
                id={FIELD_IDS.procedureCode}
                label={t('intake.search')}
                hint={t('intake.searchHint')}
                error={fieldErrors['procedureCode']}
              >
                {(control) => (
                  <input
                    {...control}
                    type="search"
                    autoComplete="off"
                    value={query}
                    onChange={(e) => setQuery(e.target.value)}
                  />
                )}
              </Field>
              <p className="muted" role="status">
                {query.trim() === ''
                  ? ''
                  : search.loading
                    ? t('intake.searching')
                    : search.items.length === 0
                      ? t('intake.noResults')
                      : t('intake.resultCount', { count: search.items.length })}
              </p>
              {search.items.length > 0 ? (
                <ul className="search-results" aria-label={t('intake.results')}>
                  {search.items.map((item) => (
                    <li key={item.code}>
                      <button type="button" className="search-result" onClick={() => void pick(item)}>
                        <span className="search-result__name">{item.name}</span>
                        <span className="search-result__meta">
                          {item.code} · {item.field} · {timeLimitText(t, item)}
                        </span>
                      </button>
                    </li>
                  ))}
                </ul>
              ) : null}
            </>
          )}
        </Section>

        {procedure ? <DocumentChecklist documents={documents} onChange={setDoc} /> : null}

        <Section title={t('intake.applicant')}>
          <div className="form--grid">
            <Radios
              name="kind"
              legend={t('intake.kind')}
              value={values.kind}
              onChange={(v) => set('kind', v)}
              options={[
                { value: 'person', label: t('intake.kind.person') },
                { value: 'organisation', label: t('intake.kind.organisation') },
              ]}
            />
            {values.kind === 'organisation' ? (
              <Field
                id={FIELD_IDS.organisationName}
                label={t('intake.organisationName')}
                error={fieldErrors['organisationName']}
              >
                {text('organisationName')}
              </Field>
            ) : null}
            <Field
              id={FIELD_IDS.fullName}
              label={values.kind === 'organisation' ? t('intake.fullNameOrg') : t('intake.fullName')}
              error={fieldErrors['fullName']}
            >
              {text('fullName', 'text', { autoComplete: 'off' })}
            </Field>
            <Field
              id={FIELD_IDS.idNumber}
              label={t('intake.idNumber')}
              hint={t('intake.idNumberHint')}
              error={fieldErrors['idNumber'] ?? idNumberNote}
            >
              {(control) => (
                <input
                  {...control}
                  type="text"
                  inputMode="numeric"
                  maxLength={12}
                  autoComplete="off"
                  value={values.idNumber}
                  onChange={(e) => set('idNumber', e.target.value)}
                  onBlur={checkIdNumber}
                />
              )}
            </Field>
            <Field id={FIELD_IDS.phone} label={t('intake.phone')} error={fieldErrors['phone']}>
              {text('phone', 'tel', { autoComplete: 'off' })}
            </Field>
            <Field id={FIELD_IDS.address} label={t('intake.address')} error={fieldErrors['address']}>
              {text('address')}
            </Field>
            <Field
              id={FIELD_IDS.email}
              label={t('intake.email')}
              hint={t('intake.optional')}
              error={fieldErrors['email']}
            >
              {text('email', 'email', { autoComplete: 'off' })}
            </Field>
          </div>
        </Section>

        <Section title={t('intake.delivery')}>
          <div className="form--grid">
            <Radios
              name="channel"
              legend={t('intake.channel')}
              value={values.channel}
              onChange={(v) => set('channel', v)}
              options={[
                { value: 'counter', label: t('channel.counter') },
                { value: 'postal', label: t('channel.postal') },
              ]}
            />
            {values.channel === 'postal' ? (
              <>
                <Field
                  id={FIELD_IDS.trackingNumber}
                  label={t('intake.tracking')}
                  error={fieldErrors['trackingNumber'] ?? fieldErrors['postal']}
                >
                  {text('trackingNumber')}
                </Field>
                <Field
                  id={FIELD_IDS.receivedOn}
                  label={t('intake.receivedOn')}
                  error={fieldErrors['receivedOn']}
                >
                  {text('receivedOn', 'date', { max: todayIso() })}
                </Field>
              </>
            ) : null}
            <Radios
              name="returnChannel"
              legend={t('intake.returnChannel')}
              value={values.returnChannel}
              onChange={(v) => set('returnChannel', v)}
              options={RETURN_CHANNELS.map((c) => ({ value: c, label: t(`return.${c}`) }))}
            />
            <Field
              id={FIELD_IDS.feeAmount}
              label={t('intake.feeAmount')}
              hint={procedure?.feeText ?? t('intake.optional')}
              error={fieldErrors['feeAmount']}
            >
              {text('feeAmount', 'text', { inputMode: 'numeric' })}
            </Field>
          </div>
        </Section>

        <Section title={t('intake.outcome')}>
          <Radios
            name="outcome"
            legend={t('intake.outcome')}
            value={values.outcome}
            onChange={(v) => set('outcome', v)}
            options={OUTCOMES.map((o) => ({ value: o, label: t(`intake.outcome.${o}`) }))}
          />
          {values.outcome === 'received' ? null : (
            <Field id={FIELD_IDS.reason} label={t('intake.outcomeReason')} error={fieldErrors['reason']}>
              {(control) => (
                <textarea
                  {...control}
                  rows={3}
                  maxLength={2000}
                  value={values.outcomeReason}
                  onChange={(e) => set('outcomeReason', e.target.value)}
                />
              )}
            </Field>
          )}
        </Section>

        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy
              ? t('intake.submitting')
              : values.outcome === 'received'
                ? t('intake.submit')
                : t(`intake.outcome.${values.outcome}`)}
          </button>
        </div>
      </form>
    </Page>
  );
}
