import type { Unit, UnitCreateBody } from '@motcua/contracts';
import { UNIT_KINDS, type UnitKind } from '@motcua/domain/units/units';
import { useMemo, useState, type FormEvent } from 'react';
import { api } from '../../app/api.ts';
import { describeError, messagesByField, type ErrorDescription } from '../../app/problem.ts';
import { formatDate } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ErrorSummary } from '../../ui/error-summary.tsx';
import { Field } from '../../ui/field.tsx';
import { useFieldErrors } from '../../ui/use-field-errors.ts';
import { buildTree, flattenTree } from './tree.ts';

const FIELD_IDS = {
  code: 'unit-code',
  name: 'unit-name',
  nameEn: 'unit-name-en',
  kind: 'unit-kind',
  parentId: 'unit-parent',
  validFrom: 'unit-valid-from',
  validTo: 'unit-valid-to',
  predecessorIds: 'unit-predecessors',
} as const;

interface Values {
  code: string;
  name: string;
  nameEn: string;
  kind: UnitKind;
  parentId: string;
  validFrom: string;
  validTo: string;
  predecessorIds: string[];
}

const EMPTY: Values = {
  code: '',
  name: '',
  nameEn: '',
  kind: 'commune',
  parentId: '',
  validFrom: '',
  validTo: '',
  predecessorIds: [],
};

function toBody(values: Values): UnitCreateBody {
  const body: UnitCreateBody = { name: values.name.trim(), kind: values.kind };
  if (values.code.trim()) body.code = values.code.trim();
  if (values.nameEn.trim()) body.nameEn = values.nameEn.trim();
  if (values.parentId) body.parentId = values.parentId;
  if (values.validFrom) body.validFrom = values.validFrom;
  if (values.validTo) body.validTo = values.validTo;
  if (values.predecessorIds.length > 0) body.predecessorIds = values.predecessorIds;
  return body;
}

interface Props {
  /** All units in the administrator's reach, valid or not: the choices for parent and predecessors. */
  units: readonly Unit[];
  onCreated: (unit: Unit) => void;
}

export function UnitCreateForm({ units, onCreated }: Props) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState<Values>(EMPTY);
  const { fieldErrors, setFieldErrors, showErrors } = useFieldErrors(FIELD_IDS);
  const [error, setError] = useState<ErrorDescription | null>(null);
  const [created, setCreated] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const options = useMemo(
    () =>
      flattenTree(buildTree(units)).map(({ unit, depth }) => {
        const until = unit.validTo ? ` – ${t('units.validUntil', { date: formatDate(unit.validTo) })}` : '';
        const code = unit.code ? ` (${unit.code})` : '';
        return { id: unit.id, label: `${'\u00a0\u00a0'.repeat(depth)}${unit.name}${code}${until}` };
      }),
    [units, t],
  );

  const set = <K extends keyof Values>(key: K, value: Values[K]) =>
    setValues((v) => ({ ...v, [key]: value }));

  const validate = (): Record<string, string> => {
    const errors: Record<string, string> = {};
    const name = values.name.trim();
    if (values.code.trim() && !/^[0-9A-Za-z.-]{1,20}$/.test(values.code.trim())) {
      errors['code'] = t('unitForm.codePattern');
    }
    if (name.length < 2 || name.length > 200) errors['name'] = t('unitForm.nameLength');
    const nameEn = values.nameEn.trim();
    if (nameEn && (nameEn.length < 2 || nameEn.length > 200)) errors['nameEn'] = t('unitForm.nameEnLength');
    if (values.validFrom && values.validTo && values.validTo < values.validFrom) {
      errors['validTo'] = t('unitForm.dateOrder');
    }
    return errors;
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setCreated(null);
    setError(null);
    if (showErrors(validate())) return;
    setBusy(true);
    try {
      const unit = await api.post<Unit>('/api/units', toBody(values));
      setValues(EMPTY);
      setCreated(unit.name);
      onCreated(unit);
    } catch (caught) {
      const described = describeError(caught, t);
      setError(described);
      setFieldErrors(messagesByField(described.fields));
    } finally {
      setBusy(false);
    }
  };

  const text = (key: 'code' | 'name' | 'nameEn' | 'validFrom' | 'validTo', type = 'text') =>
    function TextInput(control: object) {
      return (
        <input {...control} type={type} value={values[key]} onChange={(e) => set(key, e.target.value)} />
      );
    };

  return (
    <section className="create-unit" aria-labelledby="create-unit-heading">
      <h2 id="create-unit-heading" className="visually-hidden">
        {t('unitForm.heading')}
      </h2>
      <div role="status">
        {created ? <p className="alert alert--success">{t('unitForm.created', { name: created })}</p> : null}
      </div>
      <button
        type="button"
        className="button button--secondary"
        aria-expanded={open}
        aria-controls="create-unit-form"
        onClick={() => setOpen((o) => !o)}
      >
        {open ? t('unitForm.close') : t('unitForm.open')}
      </button>
      {open ? (
        <form
          id="create-unit-form"
          className="form card form--grid"
          noValidate
          onSubmit={(e) => void submit(e)}
        >
          <ErrorSummary error={error} fieldErrors={fieldErrors} fieldIds={FIELD_IDS} />
          <Field
            id={FIELD_IDS.code}
            label={t('unitForm.code')}
            hint={t('unitForm.codeHint')}
            error={fieldErrors['code']}
          >
            {text('code')}
          </Field>
          <Field
            id={FIELD_IDS.name}
            label={t('unitForm.name')}
            hint={t('unitForm.nameHint')}
            error={fieldErrors['name']}
          >
            {text('name')}
          </Field>
          <Field
            id={FIELD_IDS.nameEn}
            label={t('unitForm.nameEn')}
            hint={t('unitForm.optional')}
            error={fieldErrors['nameEn']}
          >
            {text('nameEn')}
          </Field>
          <Field id={FIELD_IDS.kind} label={t('unitForm.kind')} error={fieldErrors['kind']}>
            {(control) => (
              <select
                {...control}
                value={values.kind}
                onChange={(e) => set('kind', e.target.value as UnitKind)}
              >
                {UNIT_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {t(`kind.${kind}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id={FIELD_IDS.parentId} label={t('unitForm.parent')} error={fieldErrors['parentId']}>
            {(control) => (
              <select {...control} value={values.parentId} onChange={(e) => set('parentId', e.target.value)}>
                <option value="">{t('unitForm.noParent')}</option>
                {options.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id={FIELD_IDS.validFrom} label={t('unitForm.validFrom')} error={fieldErrors['validFrom']}>
            {text('validFrom', 'date')}
          </Field>
          <Field
            id={FIELD_IDS.validTo}
            label={t('unitForm.validTo')}
            hint={t('unitForm.validToHint')}
            error={fieldErrors['validTo']}
          >
            {text('validTo', 'date')}
          </Field>
          <Field
            id={FIELD_IDS.predecessorIds}
            label={t('unitForm.predecessors')}
            hint={t('unitForm.predecessorsHint')}
            error={fieldErrors['predecessorIds']}
          >
            {(control) => (
              <select
                {...control}
                multiple
                size={6}
                value={values.predecessorIds}
                onChange={(e) =>
                  set(
                    'predecessorIds',
                    Array.from(e.target.selectedOptions, (o) => o.value),
                  )
                }
              >
                {options.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <div className="form__actions">
            <button type="submit" className="button button--primary" disabled={busy}>
              {busy ? t('unitForm.submitting') : t('unitForm.submit')}
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
