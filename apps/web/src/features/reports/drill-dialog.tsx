import type { DrillList } from '@motcua/contracts/reports';
import type { FileFigure } from '@motcua/domain/reports/figures';
import { useEffect, useRef, useState } from 'react';
import { describeError } from '../../app/problem.ts';
import { Link, applicationPath } from '../../app/router.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ErrorSummary } from '../../ui/error-summary.tsx';
import { useReport } from '../../ui/use-report.ts';
import { stateLabel } from '../applications/shared.ts';
import { formatCount } from './format.ts';

/** The files behind one figure of one line: the statistics' query, the figure, the line (null: the total). */
export interface DrillRequest {
  query: string;
  figure: FileFigure;
  line: string | null;
  lineName: string;
}

const PAGE = 50;

export function drillPath(request: DrillRequest, offset: number): string {
  const params = new URLSearchParams(request.query);
  params.set('figure', request.figure);
  if (request.line !== null) params.set('line', request.line);
  params.set('limit', String(PAGE));
  params.set('offset', String(offset));
  return `/api/reports/summary/applications?${params.toString()}`;
}

/**
 * A modal dialog listing the files, 50 a page. The browser keeps focus inside it, closes it on Escape and gives
 * focus back to the number that opened it.
 */
export function DrillDialog({ request, onClose }: { request: DrillRequest; onClose: () => void }) {
  const { t, lang } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  const [offset, setOffset] = useState(0);
  const state = useReport<DrillList>(drillPath(request, offset));
  const figure = t(`figure.${request.figure}`);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  const total = state.data?.total ?? 0;
  const items = state.data?.items ?? [];
  return (
    <dialog ref={ref} className="drill" aria-labelledby="drill-heading" onClose={onClose}>
      <div className="drill__head">
        <h2 id="drill-heading">{t('drill.heading', { figure, line: request.lineName })}</h2>
        <button type="button" className="button button--secondary" onClick={() => ref.current?.close()}>
          {t('drill.close')}
        </button>
      </div>
      <p className="drill__status" role="status">
        {state.loading
          ? t('app.loading')
          : state.data
            ? total === 0
              ? t('drill.empty')
              : t('drill.range', {
                  first: formatCount(offset + 1, lang),
                  last: formatCount(offset + items.length, lang),
                  total: formatCount(total, lang),
                })
            : ''}
      </p>
      {state.error ? <ErrorSummary error={describeError(state.error, t)} /> : null}
      {items.length > 0 ? (
        <div className="table-wrap report-wrap" role="region" aria-labelledby="drill-caption" tabIndex={0}>
          <table className="table drill__table">
            <caption id="drill-caption" className="visually-hidden">
              {t('drill.caption', { figure })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('drill.code')}</th>
                <th scope="col">{t('drill.procedure')}</th>
                <th scope="col">{t('drill.unit')}</th>
                <th scope="col">{t('drill.state')}</th>
                <th scope="col">{t('drill.received')}</th>
                <th scope="col">{t('drill.due')}</th>
                <th scope="col">{t('drill.ended')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((file) => (
                <tr key={file.id}>
                  <th scope="row">
                    <Link to={applicationPath(file.id)}>{file.code}</Link>
                  </th>
                  <td>
                    {file.procedureName} <span className="muted">({file.procedureCode})</span>
                  </td>
                  <td>{file.unitName}</td>
                  <td>{stateLabel(t, file.state)}</td>
                  <td className="nowrap">{formatDateTime(file.receivedAt)}</td>
                  <td className="nowrap">{formatDateTime(file.dueAt)}</td>
                  <td className="nowrap">{formatDateTime(file.endedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {total > PAGE ? (
        <nav className="button-row drill__pages" aria-label={t('drill.pages')}>
          <button
            type="button"
            className="button button--secondary"
            disabled={offset === 0 || state.loading}
            onClick={() => setOffset(Math.max(0, offset - PAGE))}
          >
            {t('drill.prev')}
          </button>
          <button
            type="button"
            className="button button--secondary"
            disabled={offset + PAGE >= total || state.loading}
            onClick={() => setOffset(offset + PAGE)}
          >
            {t('drill.next')}
          </button>
        </nav>
      ) : null}
    </dialog>
  );
}
