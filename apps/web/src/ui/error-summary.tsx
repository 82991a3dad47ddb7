import type { MouseEvent } from 'react';
import type { ErrorDescription } from '../app/problem.ts';
import { useI18n } from '../i18n/i18n.tsx';

interface ErrorSummaryProps {
  /** What the server said, if the request failed. */
  error?: ErrorDescription | null;
  /** Messages per form field (client checks or the server's field errors). */
  fieldErrors?: Readonly<Record<string, string>>;
  /** Form field name → input id, to link each message to its input. */
  fieldIds?: Readonly<Record<string, string>>;
  /** Extra lines, e.g. the Retry-After advice. */
  extra?: string | null;
}

/**
 * The announced (role="alert") summary at the top of a form; each field message links to its input.
 * The problem's detail is left out when it has field messages: it repeats the first of them.
 */
export function ErrorSummary({ error, fieldErrors = {}, fieldIds = {}, extra }: ErrorSummaryProps) {
  const { t } = useI18n();
  const entries = Object.entries(fieldErrors);
  const unlinked = (error?.fields ?? []).filter(
    (f) => f.field === null || fieldErrors[f.field] === undefined,
  );
  if (!error && entries.length === 0) return null;

  const focus = (id: string) => (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    document.getElementById(id)?.focus();
  };

  return (
    <div className="alert alert--error" role="alert">
      <p className="alert__title">{error ? error.title : t('error.summary')}</p>
      {error?.detail && error.fields.length === 0 ? <p>{error.detail}</p> : null}
      {extra ? <p>{extra}</p> : null}
      {entries.length > 0 || unlinked.length > 0 ? (
        <ul>
          {entries.map(([field, message]) => {
            const id = fieldIds[field];
            return (
              <li key={field}>
                {id ? (
                  <a href={`#${id}`} onClick={focus(id)}>
                    {message}
                  </a>
                ) : (
                  `${field}: ${message}`
                )}
              </li>
            );
          })}
          {unlinked.map((f, i) => (
            <li key={`unlinked-${i}`}>{f.field ? `${f.field}: ${f.message}` : f.message}</li>
          ))}
        </ul>
      ) : null}
      {error?.requestId ? (
        <p className="alert__meta">{t('error.requestId', { id: error.requestId })}</p>
      ) : null}
    </div>
  );
}
