import type { ProcedureSummary } from '@motcua/contracts';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { api } from '../../app/api.ts';
import { Link, applicationPath } from '../../app/router.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { ApplicationWithEvents } from './shared.ts';

/** Catalog search as the officer types: 250 ms after the last key, the earlier request cancelled. */
export function useProcedureSearch(query: string) {
  const [state, setState] = useState<{ loading: boolean; items: ProcedureSummary[]; error: unknown }>({
    loading: false,
    items: [],
    error: null,
  });
  useEffect(() => {
    const q = query.trim();
    if (q === '') {
      setState({ loading: false, items: [], error: null });
      return;
    }
    const controller = new AbortController();
    setState((s) => ({ ...s, loading: true }));
    const timer = setTimeout(() => {
      api
        .get<{ items: ProcedureSummary[] }>(
          `/api/procedures?q=${encodeURIComponent(q)}&limit=8`,
          controller.signal,
        )
        .then(
          (list) => {
            if (!controller.signal.aborted) setState({ loading: false, items: list.items, error: null });
          },
          (error: unknown) => {
            if (!controller.signal.aborted) setState({ loading: false, items: [], error });
          },
        );
    }, 250);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query]);
  return state;
}

export function Radios<T extends string>({
  name,
  legend,
  options,
  value,
  onChange,
}: {
  name: string;
  legend: string;
  options: readonly { value: T; label: string }[];
  value: T;
  onChange: (value: T) => void;
}) {
  return (
    <fieldset className="radios">
      <legend>{legend}</legend>
      {options.map((o) => (
        <label key={o.value} className="radio">
          <input
            type="radio"
            name={name}
            value={o.value}
            checked={value === o.value}
            onChange={() => onChange(o.value)}
          />
          {o.label}
        </label>
      ))}
    </fieldset>
  );
}

export function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className="card intake-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

/** The paper the applicant takes home: Mẫu 01, or Mẫu 02 / Mẫu 03 when the file was not received. */
const SLIP_OF = {
  pre_receipt_supplement: {
    path: 'forms/supplement.pdf',
    title: 'intake.successGuided',
    label: 'form.supplement',
  },
  refused_at_intake: { path: 'forms/refusal.pdf', title: 'intake.successRefused', label: 'form.refusal' },
} as const;
const RECEIPT = { path: 'receipt.pdf', title: 'intake.success', label: 'intake.receipt' } as const;

export function Receipt({ result, onAnother }: { result: ApplicationWithEvents; onAnother: () => void }) {
  const { t } = useI18n();
  const { application } = result;
  const slip =
    application.state === 'pre_receipt_supplement' || application.state === 'refused_at_intake'
      ? SLIP_OF[application.state]
      : RECEIPT;
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <section className="alert alert--success receipt" aria-labelledby="receipt-heading">
      <h2 id="receipt-heading" ref={headingRef} tabIndex={-1} className="alert__title">
        {t(slip.title, { code: application.code })}
      </h2>
      <dl className="facts">
        <div>
          <dt>{t('intake.appCode')}</dt>
          <dd className="code">{application.code}</dd>
        </div>
        <div>
          <dt>{t('intake.lookupKey')}</dt>
          <dd className="code">{application.lookupKey}</dd>
        </div>
        <div>
          <dt>{t('intake.appointment')}</dt>
          <dd>{formatDateTime(application.dueAt)}</dd>
        </div>
      </dl>
      <p className="button-row">
        <a
          className="button button--primary"
          href={`/api/applications/${encodeURIComponent(application.id)}/${slip.path}`}
          target="_blank"
          rel="noopener"
        >
          {t(slip.label)}
          <span className="visually-hidden"> {t('intake.newTab')}</span>
        </a>
        <Link className="button button--secondary" to={applicationPath(application.id)}>
          {t('intake.open')}
        </Link>
        <button type="button" className="button button--secondary" onClick={onAnother}>
          {t('intake.another')}
        </button>
      </p>
    </section>
  );
}
