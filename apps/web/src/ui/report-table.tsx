import type { ReactNode } from 'react';
import { describeError } from '../app/problem.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { ErrorSummary } from './error-summary.tsx';
import type { ReportState } from './use-report.ts';
import './report.css';

/** A column: its heading and what each row shows in it. The first column heads its row. */
export interface Column<R> {
  label: string;
  cell: (row: R) => ReactNode;
  /** A count or rate: right-aligned, heading included. */
  num?: boolean;
  /** A code: set in the code face (the heading is not). */
  code?: boolean;
}

/** A unit's line, or the total's, with the name its row heading shows. */
export interface UnitRow<L> {
  key: string;
  name: string;
  line: L;
}

/** One row per unit, then the total's row. */
export function unitRows<L extends { unitId: string; unitName: string }>(
  report: { items: L[]; total: L },
  totalName: string,
): UnitRow<L>[] {
  return [
    ...report.items.map((line) => ({ key: line.unitId, name: line.unitName, line })),
    { key: 'total', name: totalName, line: report.total },
  ];
}

/** A captioned, scrollable table of report rows, with its loading / error / empty states. */
export function ReportTable<T, R>({
  id,
  caption,
  note,
  state,
  rows,
  rowKey,
  columns,
  isEmpty,
  before,
}: {
  id: string;
  caption: string;
  /** A sentence under the table once there is data (how a figure is computed). */
  note?: string;
  state: ReportState<T>;
  rows: (data: T) => R[];
  rowKey: (row: R) => string;
  columns: Column<R>[];
  /** Whether to say "no data" instead of the table; by default, when there are no rows. */
  isEmpty?: (data: T) => boolean;
  /** Something above the table once there is data (a headline figure). */
  before?: (data: T) => ReactNode;
}) {
  const { t } = useI18n();
  const list = state.data ? rows(state.data) : [];
  const empty = state.data ? (isEmpty ? isEmpty(state.data) : list.length === 0) : false;
  return (
    // A plain section: the scrollable table below is the landmark named by this heading, not both.
    <section className="report-section">
      <h2 id={id}>{caption}</h2>
      {state.loading ? <p className="loading">{t('app.loading')}</p> : null}
      {state.error ? <ErrorSummary error={describeError(state.error, t)} /> : null}
      {state.data && before ? before(state.data) : null}
      {state.data && empty ? <p className="empty">{t('report.empty')}</p> : null}
      {state.data && !empty ? (
        <div className="table-wrap" role="region" aria-labelledby={id} tabIndex={0}>
          <table className="table">
            <thead>
              <tr>
                {columns.map((c) => (
                  <th key={c.label} scope="col" className={c.num ? 'num' : undefined}>
                    {c.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {list.map((row) => (
                <tr key={rowKey(row)}>
                  {columns.map((c, i) =>
                    i === 0 ? (
                      <th key={c.label} scope="row">
                        {c.cell(row)}
                      </th>
                    ) : (
                      <td key={c.label} className={c.num ? 'num' : c.code ? 'code' : undefined}>
                        {c.cell(row)}
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {note && state.data ? <p className="report-note">{note}</p> : null}
    </section>
  );
}
