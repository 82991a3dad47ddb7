import type { PasswordChangeBody } from '@motcua/contracts';
import { useState, type FormEvent } from 'react';
import { api } from '../../app/api.ts';
import { describeError, messagesByField, type ErrorDescription } from '../../app/problem.ts';
import { useSession } from '../../app/session.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { ErrorSummary } from '../../ui/error-summary.tsx';
import { Field } from '../../ui/field.tsx';
import { Page } from '../../ui/page.tsx';
import { useFieldErrors } from '../../ui/use-field-errors.ts';

const MIN_LENGTH = 10;
const FIELD_IDS = {
  currentPassword: 'password-current',
  newPassword: 'password-new',
  confirmation: 'password-confirmation',
} as const;
type FieldName = keyof typeof FIELD_IDS;

export function PasswordPage() {
  const { t } = useI18n();
  const { refresh } = useSession();
  const [values, setValues] = useState<Record<FieldName, string>>({
    currentPassword: '',
    newPassword: '',
    confirmation: '',
  });
  const { fieldErrors, setFieldErrors, showErrors } = useFieldErrors(FIELD_IDS);
  const [error, setError] = useState<ErrorDescription | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  const validate = (): Record<string, string> => {
    const errors: Record<string, string> = {};
    if (values.currentPassword === '') errors['currentPassword'] = t('password.currentRequired');
    if (values.newPassword.length < MIN_LENGTH) errors['newPassword'] = t('password.tooShort');
    else if (values.newPassword === values.currentPassword)
      errors['newPassword'] = t('password.sameAsCurrent');
    if (values.confirmation !== values.newPassword) errors['confirmation'] = t('password.mismatch');
    return errors;
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setDone(false);
    setError(null);
    if (showErrors(validate())) return;
    setBusy(true);
    try {
      const body: PasswordChangeBody = {
        currentPassword: values.currentPassword,
        newPassword: values.newPassword,
      };
      await api.post<void>('/api/auth/password', body);
      setValues({ currentPassword: '', newPassword: '', confirmation: '' });
      setDone(true);
      await refresh().catch(() => undefined);
    } catch (caught) {
      const described = describeError(caught, t);
      setError(described);
      setFieldErrors(messagesByField(described.fields));
    } finally {
      setBusy(false);
    }
  };

  const input = (name: FieldName, autoComplete: string) => (control: object) => (
    <input
      {...control}
      name={name}
      type="password"
      autoComplete={autoComplete}
      required
      value={values[name]}
      onChange={(e) => setValues((v) => ({ ...v, [name]: e.target.value }))}
    />
  );

  return (
    <div className="narrow">
      <Page title={t('password.title')} intro={t('password.intro')}>
        <div role="status">
          {done ? <p className="alert alert--success">{t('password.success')}</p> : null}
        </div>
        <ErrorSummary error={error} fieldErrors={fieldErrors} fieldIds={FIELD_IDS} />
        <form className="form card" noValidate onSubmit={(event) => void submit(event)}>
          <Field
            id={FIELD_IDS.currentPassword}
            label={t('password.current')}
            error={fieldErrors['currentPassword']}
          >
            {input('currentPassword', 'current-password')}
          </Field>
          <Field
            id={FIELD_IDS.newPassword}
            label={t('password.new')}
            hint={t('password.newHint')}
            error={fieldErrors['newPassword']}
          >
            {input('newPassword', 'new-password')}
          </Field>
          <Field
            id={FIELD_IDS.confirmation}
            label={t('password.confirm')}
            error={fieldErrors['confirmation']}
          >
            {input('confirmation', 'new-password')}
          </Field>
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? t('password.submitting') : t('password.submit')}
          </button>
        </form>
      </Page>
    </div>
  );
}
