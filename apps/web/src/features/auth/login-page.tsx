import { useState, type FormEvent } from 'react';
import { describeError, type ErrorDescription } from '../../app/problem.ts';
import { Link, ROUTES } from '../../app/router.tsx';
import { useSession } from '../../app/session.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { ErrorSummary } from '../../ui/error-summary.tsx';
import { Field } from '../../ui/field.tsx';
import { Page } from '../../ui/page.tsx';
import { useFieldErrors } from '../../ui/use-field-errors.ts';

const FIELD_IDS = { username: 'login-username', password: 'login-password' } as const;

export function LoginPage({ expired }: { expired: boolean }) {
  const { t } = useI18n();
  const { login } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const { fieldErrors, showErrors } = useFieldErrors(FIELD_IDS);
  const [error, setError] = useState<ErrorDescription | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const errors: Record<string, string> = {};
    if (username.trim() === '') errors['username'] = t('login.usernameRequired');
    if (password === '') errors['password'] = t('login.passwordRequired');
    setError(null);
    if (showErrors(errors)) return;
    setBusy(true);
    try {
      await login(username.trim(), password);
    } catch (caught) {
      setError(describeError(caught, t));
      setPassword('');
      setBusy(false);
    }
  };

  const retry = error?.retryAfterSeconds;
  return (
    <div className="narrow narrow--center">
      <Page title={t('login.title')} intro={t('login.intro')}>
        {expired && !error ? (
          <p className="alert alert--info" role="status">
            {t('error.sessionExpired')}
          </p>
        ) : null}
        <ErrorSummary
          error={error}
          fieldErrors={fieldErrors}
          fieldIds={FIELD_IDS}
          extra={retry ? t('login.retryAfter', { seconds: retry }) : null}
        />
        <form className="form card" noValidate onSubmit={(event) => void submit(event)}>
          <Field id={FIELD_IDS.username} label={t('login.username')} error={fieldErrors['username']}>
            {(control) => (
              <input
                {...control}
                name="username"
                type="text"
                autoComplete="username"
                autoCapitalize="none"
                spellCheck={false}
                required
                value={username}
                onChange={(e) => setUsername(e.target.value)}
              />
            )}
          </Field>
          <Field id={FIELD_IDS.password} label={t('login.password')} error={fieldErrors['password']}>
            {(control) => (
              <input
                {...control}
                name="password"
                type="password"
                autoComplete="current-password"
                required
                value={password}
                onChange={(e) => setPassword(e.target.value)}
              />
            )}
          </Field>
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? t('login.submitting') : t('login.submit')}
          </button>
        </form>
        <p className="login-lookup">
          <Link to={ROUTES.lookup}>{t('login.lookup')}</Link>
        </p>
      </Page>
    </div>
  );
}
