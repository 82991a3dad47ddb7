import type { VerificationReport } from '@motcua/contracts/signing';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api } from '../../app/api.ts';
import { describeError, type ErrorDescription } from '../../app/problem.ts';
import { ROUTES } from '../../app/router.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { ErrorSummary } from '../../ui/error-summary.tsx';
import { Field } from '../../ui/field.tsx';
import { Page } from '../../ui/page.tsx';
import { PublicFooter } from '../../ui/public-footer.tsx';
import { SignatureCard } from './signature-card.tsx';
import '../records/records.css';

const FILE_ID = 'verify-file';

/** Green only when everything holds; red when the content no longer matches; amber for the doubtful rest. */
const VERDICT_TONE: Record<VerificationReport['verdict'], 'success' | 'error' | 'warning'> = {
  valid: 'success',
  tampered: 'error',
  modified: 'error',
  untrusted: 'warning',
  unsigned: 'warning',
};

/** Every signature holds, but only through a demo root: a test document, never shown green or "trusted". */
const demoOnly = (report: VerificationReport) => report.demo && report.verdict === 'valid';
const toneOf = (report: VerificationReport) => (demoOnly(report) ? 'warning' : VERDICT_TONE[report.verdict]);

/** Anyone holding a PDF result checks, without signing in, that it is intact and signed by whom. */
export function VerifyPage() {
  const { t } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [fieldError, setFieldError] = useState<string | undefined>(undefined);
  const [error, setError] = useState<ErrorDescription | null>(null);
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<VerificationReport | null>(null);
  const verdictRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (report) verdictRef.current?.focus();
  }, [report]);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(null);
    setReport(null);
    if (!file) {
      setFieldError(t('verify.fileRequired'));
      document.getElementById(FILE_ID)?.focus();
      return;
    }
    setFieldError(undefined);
    const form = new FormData();
    form.append('file', file);
    setBusy(true);
    try {
      setReport(await api.postForm<VerificationReport>('/api/documents/verify', form));
    } catch (caught) {
      const described = describeError(caught, t);
      // The only field is the file: its problem shows by the input, not as an unlinked "file: …" line.
      setError({ ...described, fields: [] });
      if (described.fields[0]) setFieldError(described.fields[0].message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="lookup">
      <Page title={t('verify.title')} intro={t('verify.intro')}>
        <ErrorSummary
          error={error}
          fieldErrors={fieldError ? { file: fieldError } : {}}
          fieldIds={{ file: FILE_ID }}
        />
        <form className="form card" noValidate onSubmit={(e) => void submit(e)}>
          <Field id={FILE_ID} label={t('verify.file')} hint={t('verify.fileHint')} error={fieldError}>
            {(control) => (
              <input
                {...control}
                type="file"
                accept=".pdf,application/pdf"
                onChange={(e) => setFile(e.target.files?.[0] ?? null)}
              />
            )}
          </Field>
          <div className="form__actions">
            <button type="submit" className="button button--primary" disabled={busy}>
              {busy ? t('verify.checking') : t('verify.submit')}
            </button>
          </div>
        </form>

        {report ? (
          <section className="lookup-result" aria-labelledby="verify-verdict">
            <div className={`alert verdict alert--${toneOf(report)}`}>
              <h2 id="verify-verdict" ref={verdictRef} tabIndex={-1} className="alert__title">
                {t(`verify.verdict.${report.verdict}`)}
              </h2>
              {demoOnly(report) ? null : <p>{t(`verify.verdictInfo.${report.verdict}`)}</p>}
              {report.demo ? (
                // Said right under the verdict, before any signature reads as valid.
                <>
                  <p>
                    <strong>{t('verify.demo')}</strong>
                  </p>
                  <p>{t('verify.demoInfo')}</p>
                </>
              ) : null}
            </div>
            {report.signatures.map((s, i) => (
              <SignatureCard key={s.index} signature={s} index={i} />
            ))}
          </section>
        ) : null}

        <PublicFooter to={ROUTES.lookup} label={t('verify.toLookup')} />
      </Page>
    </div>
  );
}
