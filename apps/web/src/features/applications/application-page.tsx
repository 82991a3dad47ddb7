import { useCallback, useEffect, useState } from 'react';
import { api } from '../../app/api.ts';
import { describeError, type ErrorDescription } from '../../app/problem.ts';
import { Link, ROUTES } from '../../app/router.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ErrorSummary } from '../../ui/error-summary.tsx';
import { Page } from '../../ui/page.tsx';
import { RecordsPanel } from '../records/records-panel.tsx';
import { ActionForm } from './action-form.tsx';
import { FormLinks } from './form-links.tsx';
import {
  actionLabel,
  applicantOf,
  formatMoney,
  stateLabel,
  type AnyAction,
  type ApplicationWithEvents,
} from './shared.ts';

export function ApplicationPage({ id }: { id: string }) {
  const { t } = useI18n();
  const [data, setData] = useState<ApplicationWithEvents | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [open, setOpen] = useState<AnyAction | null>(null);
  const [notice, setNotice] = useState<{
    kind: 'success' | 'error';
    error?: ErrorDescription;
    text: string;
  } | null>(null);

  const load = useCallback(
    async (signal?: AbortSignal) => {
      try {
        const result = await api.get<ApplicationWithEvents>(
          `/api/applications/${encodeURIComponent(id)}`,
          signal,
        );
        if (!signal?.aborted) {
          setData(result);
          setLoadError(null);
        }
      } catch (error) {
        if (!signal?.aborted) setLoadError(error);
      }
    },
    [id],
  );

  useEffect(() => {
    const controller = new AbortController();
    void load(controller.signal);
    return () => controller.abort();
  }, [load]);

  if (!data) {
    return (
      <Page title={t('queue.title')}>
        {loadError ? (
          <ErrorSummary error={describeError(loadError, t)} />
        ) : (
          <p role="status" className="loading">
            {t('file.loading')}
          </p>
        )}
        <p>
          <Link to={ROUTES.queue}>{t('file.back')}</Link>
        </p>
      </Page>
    );
  }

  const { application, events } = data;
  const applicant = applicantOf(application);

  return (
    <Page title={t('file.title', { code: application.code })}>
      <p>
        <Link to={ROUTES.queue}>{t('file.back')}</Link>
      </p>
      <div role="status">
        {notice?.kind === 'success' ? <p className="alert alert--success">{notice.text}</p> : null}
      </div>
      {notice?.kind === 'error' && notice.error ? (
        <ErrorSummary error={notice.error} extra={notice.text} />
      ) : null}

      <dl className="facts card">
        <div>
          <dt>{t('file.state')}</dt>
          <dd>
            <span className="badge badge--state">{stateLabel(t, application.state)}</span>
          </dd>
        </div>
        <div>
          <dt>{t('file.procedure')}</dt>
          <dd>{application.procedureCode}</dd>
        </div>
        <div>
          <dt>{t('file.applicant')}</dt>
          <dd>
            {applicant.fullName ?? '–'}
            {applicant.organisationName ? ` – ${applicant.organisationName}` : ''}
          </dd>
        </div>
        {applicant.idNumber ? (
          <div>
            <dt>{t('file.idNumber')}</dt>
            <dd>{applicant.idNumber}</dd>
          </div>
        ) : null}
        {applicant.phone ? (
          <div>
            <dt>{t('file.phone')}</dt>
            <dd>{applicant.phone}</dd>
          </div>
        ) : null}
        {applicant.address ? (
          <div>
            <dt>{t('file.address')}</dt>
            <dd>{applicant.address}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('file.received')}</dt>
          <dd>{formatDateTime(application.receivedAt)}</dd>
        </div>
        <div>
          <dt>{t('file.due')}</dt>
          <dd>{formatDateTime(application.dueAt)}</dd>
        </div>
        {application.deadline ? (
          <div>
            <dt>{t('file.deadline')}</dt>
            <dd>
              <span
                className={
                  application.deadline.status === 'late' || application.deadline.status === 'overdue'
                    ? 'flag flag--overdue'
                    : 'badge badge--state'
                }
              >
                {t(`deadline.${application.deadline.status}`)}
              </span>
            </dd>
          </div>
        ) : null}
        {application.pausedMs ? (
          <div>
            <dt>{t('file.paused')}</dt>
            <dd>
              {t('file.pausedValue', {
                days: Math.floor(application.pausedMs / 86_400_000),
                hours: Math.floor((application.pausedMs % 86_400_000) / 3_600_000),
              })}
            </dd>
          </div>
        ) : null}
        {application.originalDueAt && application.originalDueAt !== application.dueAt ? (
          <div>
            <dt>{t('file.originalDue')}</dt>
            <dd>{formatDateTime(application.originalDueAt)}</dd>
          </div>
        ) : null}
        {application.stepDueAt && application.state === 'inter_agency' ? (
          <div>
            <dt>{t('file.stepDue')}</dt>
            <dd>{formatDateTime(application.stepDueAt)}</dd>
          </div>
        ) : null}
        {application.apologies > 0 ? (
          <div>
            <dt>{t('file.apologies')}</dt>
            <dd>{application.apologies}</dd>
          </div>
        ) : null}
        {application.countsAsLate ? (
          <div>
            <dt>{t('file.countsLate')}</dt>
            <dd>
              <span className="flag flag--overdue">{t('file.lateFlag')}</span>
            </dd>
          </div>
        ) : null}
        {application.feeAmount !== null ? (
          <div>
            <dt>{t('file.fee')}</dt>
            <dd>{t('file.feeAmount', { amount: formatMoney(application.feeAmount) })}</dd>
          </div>
        ) : null}
        {application.returnChannel ? (
          <div>
            <dt>{t('file.returnChannel')}</dt>
            <dd>{t(`return.${application.returnChannel}`)}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('file.lookupKey')}</dt>
          <dd className="code">{application.lookupKey}</dd>
        </div>
      </dl>

      <section aria-labelledby="file-actions">
        <h2 id="file-actions">{t('file.actions')}</h2>
        {application.allowedActions.length === 0 ? (
          <p className="muted">{t('file.noActions')}</p>
        ) : (
          <div className="button-row">
            {application.allowedActions.map((action) => (
              <button
                key={action}
                type="button"
                className="button button--secondary"
                aria-expanded={open === action}
                aria-controls={open === action ? 'action-form' : undefined}
                onClick={() => {
                  setNotice(null);
                  setOpen(open === action ? null : action);
                }}
              >
                {actionLabel(t, action)}
              </button>
            ))}
          </div>
        )}
        {open ? (
          <div id="action-form">
            <ActionForm
              key={`${open}-${application.version}`}
              application={application}
              action={open}
              onCancel={() => setOpen(null)}
              onDone={(result) => {
                setData(result);
                setOpen(null);
                setNotice({ kind: 'success', text: t('file.done', { action: actionLabel(t, open) }) });
              }}
              onConflict={(error) => {
                setOpen(null);
                setNotice({ kind: 'error', error, text: t('file.conflict') });
                void load();
              }}
            />
          </div>
        ) : null}
      </section>

      {/* The submitted documents, each with its scan: the record panel replaces the plain list. */}
      <RecordsPanel key={application.version} applicationId={application.id} />

      <FormLinks application={application} events={events} />

      <section aria-labelledby="file-timeline">
        <h2 id="file-timeline">{t('file.timeline')}</h2>
        <ol className="timeline">
          {events.map((e) => (
            <li key={e.seq} className="timeline__item">
              <time dateTime={e.at} className="timeline__time">
                {formatDateTime(e.at)}
              </time>
              <span className="timeline__action">{actionLabel(t, e.action)}</span>
              <span className="timeline__states">
                {e.fromState === null || e.fromState === e.toState
                  ? stateLabel(t, e.toState)
                  : t('file.transition', { from: stateLabel(t, e.fromState), to: stateLabel(t, e.toState) })}
              </span>
              {e.legalBasis ? <span className="timeline__basis muted">{e.legalBasis}</span> : null}
            </li>
          ))}
        </ol>
      </section>
    </Page>
  );
}
