import { STATES, type State } from '@motcua/domain/workflow/states';
import { useEffect, useState } from 'react';
import { api } from '../../app/api.ts';
import { describeError } from '../../app/problem.ts';
import { Link, applicationPath } from '../../app/router.tsx';
import { formatDateTime, todayIso } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ErrorSummary } from '../../ui/error-summary.tsx';
import { Page } from '../../ui/page.tsx';
import { UnitSelect, useReaderUnits } from '../../ui/unit-select.tsx';
import { applicantOf, stateLabel, urgency, type Application } from './shared.ts';

/** The desk's lists: new online filings to check, the leader's approvals, the return desk, the postal log — filters of one queue. */
const VIEW_QUERY = {
  all: {},
  mine: { mine: 'true' },
  online: { state: 'submitted' },
  approval: { state: 'awaiting_approval' },
  return: { state: 'result_ready' },
  postal: { channel: 'postal' },
} as const satisfies Record<string, Record<string, string>>;
type QueueView = keyof typeof VIEW_QUERY;
const VIEWS = Object.keys(VIEW_QUERY) as QueueView[];

export function QueuePage() {
  const { t } = useI18n();
  const units = useReaderUnits();
  const [unitId, setUnitId] = useState(units[0]?.id ?? '');
  const [state, setState] = useState<State | ''>('');
  const [view, setView] = useState<QueueView>('all');
  const [data, setData] = useState<{ loading: boolean; items: Application[]; error: unknown }>({
    loading: true,
    items: [],
    error: null,
  });

  useEffect(() => {
    if (!unitId) return;
    const controller = new AbortController();
    setData((d) => ({ ...d, loading: true, error: null }));
    const query = new URLSearchParams({ unitId });
    for (const [key, value] of Object.entries(VIEW_QUERY[view])) query.set(key, value);
    if (state) query.set('state', state);
    api.get<{ items: Application[] }>(`/api/applications?${query.toString()}`, controller.signal).then(
      (list) => {
        if (!controller.signal.aborted) setData({ loading: false, items: list.items, error: null });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setData({ loading: false, items: [], error });
      },
    );
    return () => controller.abort();
  }, [unitId, state, view]);

  const unitName = units.find((u) => u.id === unitId)?.name ?? '';
  const now = Date.now();

  return (
    <Page title={t('queue.title')}>
      <div className="toolbar card">
        <UnitSelect id="queue-unit" units={units} value={unitId} onChange={setUnitId} />
        <div className="field">
          <label htmlFor="queue-view">{t('queue.view')}</label>
          <select id="queue-view" value={view} onChange={(e) => setView(e.target.value as QueueView)}>
            {VIEWS.map((v) => (
              <option key={v} value={v}>
                {t(`queue.view.${v}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="queue-state">{t('queue.state')}</label>
          <select id="queue-state" value={state} onChange={(e) => setState(e.target.value as State | '')}>
            <option value="">{t('queue.allStates')}</option>
            {STATES.map((s) => (
              <option key={s} value={s}>
                {stateLabel(t, s)}
              </option>
            ))}
          </select>
        </div>
        <p className="muted toolbar__note">{t('queue.legend')}</p>
        {unitId ? (
          <p className="toolbar__note">
            <a
              href={`/api/applications/register.pdf?unitId=${encodeURIComponent(unitId)}&from=${todayIso().slice(0, 8)}01&to=${todayIso()}`}
              target="_blank"
              rel="noopener"
            >
              {t('queue.register')}
            </a>
          </p>
        ) : null}
      </div>
      <div className="units-status" role="status">
        {data.loading ? t('queue.loading') : data.error ? '' : t('queue.count', { count: data.items.length })}
      </div>
      {data.error ? <ErrorSummary error={describeError(data.error, t)} /> : null}
      {!data.loading && !data.error && data.items.length === 0 ? (
        <p className="empty">{t('queue.empty')}</p>
      ) : null}
      {data.items.length > 0 ? (
        <div className="table-wrap" role="region" aria-labelledby="queue-caption" tabIndex={0}>
          <table className="table">
            <caption id="queue-caption">{t('queue.caption', { unit: unitName })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('queue.code')}</th>
                <th scope="col">{t('queue.procedure')}</th>
                <th scope="col">{t('queue.applicant')}</th>
                <th scope="col">{t('queue.state')}</th>
                <th scope="col">{t('queue.received')}</th>
                <th scope="col">{t('queue.due')}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((a) => {
                const level = urgency(a.dueAt, a.state, now);
                return (
                  <tr key={a.id} className={level ? `row--${level}` : undefined}>
                    <th scope="row">
                      <Link to={applicationPath(a.id)}>{a.code}</Link>
                    </th>
                    <td>{a.procedureCode}</td>
                    <td>{applicantOf(a).fullName ?? '–'}</td>
                    <td>{stateLabel(t, a.state)}</td>
                    <td>{formatDateTime(a.receivedAt)}</td>
                    <td>
                      {formatDateTime(a.dueAt)}
                      {level ? (
                        <span className={`flag flag--${level}`}>
                          {level === 'overdue' ? t('queue.overdue') : t('queue.dueSoon')}
                        </span>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
    </Page>
  );
}
