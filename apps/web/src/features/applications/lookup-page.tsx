import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError, api } from '../../app/api.ts';
import { describeError, type ErrorDescription } from '../../app/problem.ts';
import { Link, ROUTES, queryParam } from '../../app/router.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ErrorSummary } from '../../ui/error-summary.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { Page } from '../../ui/page.tsx';
import { PublicFooter } from '../../ui/public-footer.tsx';
import { useFieldErrors } from '../../ui/use-field-errors.ts';
import { actionLabel } from './shared.ts';

interface Localised {
  vi: string;
  en: string;
}

/** GET /api/public/applications/{code}: what the holder of the slip may see. */
interface PublicApplication {
  code: string;
  procedureCode: string;
  procedureName: string;
  applicantName: string;
  portalStatus: number;
  status: Localised;
  receivedAt: string | null;
  dueAt: string | null;
  finishedAt: string | null;
  steps: { at: string; action: string; status: Localised }[];
  /** The sealed e-results, each downloadable with the same lookup key. */
  results?: { n: number; resultCode: string; kind: string; title: string; sealedAt: string | null }[];
}

const FIELD_IDS = { code: 'lookup-code', key: 'lookup-key' } as const;

export function LookupPage() {
  const { t, lang } = useI18n();
  const [code, setCode] = useState(() => queryParam('ma') ?? '');
  const [key, setKey] = useState(() => queryParam('khoa') ?? '');
  const { fieldErrors, showErrors } = useFieldErrors(FIELD_IDS);
  const [error, setError] = useState<{ error: ErrorDescription; extra: string | null } | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<PublicApplication | null>(null);
  // The key the result was found with: its e-results download with it, whatever the field holds now.
  const [foundKey, setFoundKey] = useState('');
  const resultRef = useRef<HTMLHeadingElement>(null);

  const lookup = useCallback(
    async (codeValue: string, keyValue: string) => {
      setBusy(true);
      setError(null);
      setResult(null);
      try {
        const found = await api.get<PublicApplication>(
          `/api/public/applications/${encodeURIComponent(codeValue)}?key=${encodeURIComponent(keyValue)}`,
        );
        setResult(found);
        setFoundKey(keyValue);
      } catch (caught) {
        const described = describeError(caught, t);
        if (caught instanceof ApiError && caught.status === 404) {
          setError({
            error: { ...described, title: t('lookup.notFound'), detail: null, fields: [] },
            extra: null,
          });
        } else if (caught instanceof ApiError && caught.status === 429) {
          const seconds = caught.retryAfterSeconds;
          setError({
            error: { ...described, detail: null },
            extra: seconds ? t('lookup.tooMany', { seconds }) : t('lookup.tooManyLater'),
          });
        } else {
          setError({ error: described, extra: null });
        }
      } finally {
        setBusy(false);
      }
    },
    [t],
  );

  // The QR code on the slip opens /tra-cuu?ma=…&khoa=…: look it up at once.
  const autoRun = useRef(false);
  useEffect(() => {
    if (autoRun.current) return;
    autoRun.current = true;
    const initialCode = queryParam('ma')?.trim();
    const initialKey = queryParam('khoa')?.trim();
    if (initialCode && initialKey) void lookup(initialCode, initialKey);
  }, [lookup]);

  useEffect(() => {
    if (result) resultRef.current?.focus();
  }, [result]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const errors: Record<string, string> = {};
    if (code.trim() === '') errors['code'] = t('lookup.codeRequired');
    if (key.trim() === '') errors['key'] = t('lookup.keyRequired');
    if (showErrors(errors)) {
      setError(null);
      return;
    }
    void lookup(code.trim(), key.trim());
  };

  const status = (s: Localised) => (lang === 'en' ? s.en : s.vi);

  return (
    <div className="lookup">
      <Page title={t('lookup.title')} intro={t('lookup.intro')}>
        <ErrorSummary
          error={error?.error ?? null}
          fieldErrors={fieldErrors}
          fieldIds={FIELD_IDS}
          extra={error?.extra ?? null}
        />
        <form className="form card form--grid" noValidate onSubmit={submit}>
          <TextField
            id={FIELD_IDS.code}
            label={t('lookup.code')}
            error={fieldErrors['code']}
            spellCheck={false}
            value={code}
            onChange={setCode}
          />
          <TextField
            id={FIELD_IDS.key}
            label={t('lookup.key')}
            error={fieldErrors['key']}
            spellCheck={false}
            value={key}
            onChange={setKey}
          />
          <div className="form__actions">
            <button type="submit" className="button button--primary" disabled={busy}>
              {busy ? t('lookup.searching') : t('lookup.submit')}
            </button>
          </div>
        </form>

        {result ? (
          <section className="card lookup-result" aria-labelledby="lookup-result">
            <h2 id="lookup-result" ref={resultRef} tabIndex={-1}>
              {t('lookup.result', { code: result.code })}
            </h2>
            <dl className="facts">
              <div>
                <dt>{t('lookup.procedure')}</dt>
                <dd>{result.procedureName}</dd>
              </div>
              <div>
                <dt>{t('lookup.applicant')}</dt>
                <dd>{result.applicantName}</dd>
              </div>
              <div>
                <dt>{t('lookup.status')}</dt>
                <dd>
                  <span className="badge badge--state">{status(result.status)}</span>
                </dd>
              </div>
              <div>
                <dt>{t('lookup.received')}</dt>
                <dd>{formatDateTime(result.receivedAt)}</dd>
              </div>
              <div>
                <dt>{t('lookup.due')}</dt>
                <dd>{formatDateTime(result.dueAt)}</dd>
              </div>
              {result.finishedAt ? (
                <div>
                  <dt>{t('lookup.finished')}</dt>
                  <dd>{formatDateTime(result.finishedAt)}</dd>
                </div>
              ) : null}
            </dl>
            <h3>{t('lookup.steps')}</h3>
            <ol className="timeline" aria-label={t('lookup.steps')}>
              {result.steps.map((step, i) => (
                <li key={i} className="timeline__item">
                  <time dateTime={step.at} className="timeline__time">
                    {formatDateTime(step.at)}
                  </time>
                  <span className="timeline__action">{status(step.status)}</span>
                  <span className="timeline__states">{actionLabel(t, step.action)}</span>
                </li>
              ))}
            </ol>
            {result.results && result.results.length > 0 ? (
              <LookupResults code={result.code} lookupKey={foundKey} results={result.results} />
            ) : null}
            {result.steps.some((step) => step.action === 'return_result') ? (
              <p>
                {/* The rating page is server-rendered, outside this app: a plain link, not a route. */}
                <a
                  className="button"
                  href={`/danh-gia/${encodeURIComponent(result.code)}?k=${encodeURIComponent(foundKey)}`}
                >
                  {t('lookup.rate')}
                </a>
              </p>
            ) : null}
          </section>
        ) : null}

        <PublicFooter to={ROUTES.verify} label={t('lookup.verifyLink')} />
      </Page>
    </div>
  );
}

/** The signed e-results of the file: the citizen downloads each PDF, then may check it on /xac-minh. */
function LookupResults({
  code,
  lookupKey,
  results,
}: {
  code: string;
  lookupKey: string;
  results: NonNullable<PublicApplication['results']>;
}) {
  const { t } = useI18n();
  const base = `/api/public/applications/${encodeURIComponent(code)}/results`;
  return (
    <>
      <h3>{t('lookup.results')}</h3>
      <ul className="link-list" aria-label={t('lookup.results')}>
        {results.map((r) => (
          <li key={r.n}>
            <a href={`${base}/${r.n}?key=${encodeURIComponent(lookupKey)}`} target="_blank" rel="noopener">
              {t('lookup.download')}
              <span className="visually-hidden"> {r.resultCode}</span>
            </a>
            <span className="link-list__note">
              {r.resultCode}: {r.kind} – {r.title}
              {r.sealedAt ? ` (${formatDateTime(r.sealedAt)})` : ''}
            </span>
          </li>
        ))}
      </ul>
      <p>
        <Link to={ROUTES.verify}>{t('lookup.verifyResult')}</Link>
      </p>
    </>
  );
}
