import type { ReactNode } from 'react';
import { describeError } from '../../app/problem.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { useI18n, type Translate } from '../../i18n/i18n.tsx';
import { vi, type MessageKey } from '../../i18n/vi.ts';
import { ErrorSummary } from '../../ui/error-summary.tsx';
import type { ReportState } from './use-report.ts';
import {
  formatRate,
  type DigitizationReport,
  type OutgoingDocument,
  type SignedShareReport,
} from './types.ts';

/** "tỉnh", "xã"… from the unit kinds the catalogs already name; an unknown level shows as sent. */
function levelLabel(t: Translate, level: string): string {
  const key = `kind.${level}`;
  return key in vi ? t(key as MessageKey).toLocaleLowerCase() : level;
}

/** A captioned, scrollable table region with its loading / error / empty states. */
function ReportTable<T>({
  id,
  caption,
  state,
  isEmpty,
  children,
}: {
  id: string;
  caption: string;
  state: ReportState<T>;
  isEmpty: (data: T) => boolean;
  children: (data: T) => ReactNode;
}) {
  const { t } = useI18n();
  return (
    // A plain section: the scrollable table below is the landmark named by this heading, not both.
    <section className="report-section">
      <h2 id={id}>{caption}</h2>
      {state.loading ? <p className="loading">{t('app.loading')}</p> : null}
      {state.error ? <ErrorSummary error={describeError(state.error, t)} /> : null}
      {state.data && isEmpty(state.data) ? <p className="empty">{t('report.empty')}</p> : null}
      {state.data && !isEmpty(state.data) ? (
        <div className="table-wrap" role="region" aria-labelledby={id} tabIndex={0}>
          <table className="table">{children(state.data)}</table>
        </div>
      ) : null}
    </section>
  );
}

export function DigitizationTable({ state }: { state: ReportState<DigitizationReport> }) {
  const { t } = useI18n();
  return (
    <ReportTable
      id="report-digitization"
      caption={t('report.digitization')}
      state={state}
      isEmpty={(d) => d.items.length === 0}
    >
      {(report) => (
        <>
          <thead>
            <tr>
              <th scope="col">{t('report.unit')}</th>
              <th scope="col" className="num">
                {t('report.received')}
              </th>
              <th scope="col" className="num">
                {t('report.recordsRate')}
              </th>
              <th scope="col" className="num">
                {t('report.components')}
              </th>
              <th scope="col" className="num">
                {t('report.reused')}
              </th>
              <th scope="col" className="num">
                {t('report.finished')}
              </th>
              <th scope="col" className="num">
                {t('report.resultsRate')}
              </th>
            </tr>
          </thead>
          <tbody>
            {[...report.items, report.total].map((line, i) => (
              <tr key={i === report.items.length ? 'total' : line.unitId}>
                <th scope="row">{i === report.items.length ? t('report.total') : line.unitName}</th>
                <td className="num">{line.received}</td>
                <td className="num">
                  {formatRate(line.recordsRate)} ({line.recordsDigitized})
                </td>
                <td className="num">
                  {line.componentsDigitized}/{line.components}
                </td>
                <td className="num">{line.componentsReused}</td>
                <td className="num">{line.finished}</td>
                <td className="num">
                  {formatRate(line.resultsRate)} ({line.resultsDigitized})
                </td>
              </tr>
            ))}
          </tbody>
        </>
      )}
    </ReportTable>
  );
}

export function SignedShareTable({ state }: { state: ReportState<SignedShareReport> }) {
  const { t } = useI18n();
  return (
    <ReportTable
      id="report-signed"
      caption={t('report.signed')}
      state={state}
      isEmpty={(d) => d.items.length === 0 && d.byLevel.length === 0}
    >
      {(report) => (
        <>
          <thead>
            <tr>
              <th scope="col">{t('report.unitOrLevel')}</th>
              <th scope="col" className="num">
                {t('report.issued')}
              </th>
              <th scope="col" className="num">
                {t('report.signedDigitally')}
              </th>
              <th scope="col" className="num">
                {t('report.share')}
              </th>
            </tr>
          </thead>
          <tbody>
            {report.items.map((line) => (
              <tr key={line.unitId}>
                <th scope="row">{line.unitName}</th>
                <td className="num">{line.issued}</td>
                <td className="num">{line.signedDigitally}</td>
                <td className="num">{formatRate(line.share)}</td>
              </tr>
            ))}
            {report.byLevel.map((line) => (
              <tr key={`level-${line.level}`}>
                <th scope="row">{t('report.level', { level: levelLabel(t, line.level) })}</th>
                <td className="num">{line.issued}</td>
                <td className="num">{line.signedDigitally}</td>
                <td className="num">{formatRate(line.share)}</td>
              </tr>
            ))}
          </tbody>
        </>
      )}
    </ReportTable>
  );
}

export function OutgoingTable({ state }: { state: ReportState<{ items: OutgoingDocument[] }> }) {
  const { t } = useI18n();
  return (
    <ReportTable
      id="report-outgoing"
      caption={t('report.outgoing')}
      state={state}
      isEmpty={(d) => d.items.length === 0}
    >
      {(list) => (
        <>
          <thead>
            <tr>
              <th scope="col">{t('report.numberSymbol')}</th>
              <th scope="col">{t('report.issuedAt')}</th>
              <th scope="col">{t('report.kindTitle')}</th>
              <th scope="col">{t('report.resultCode')}</th>
              <th scope="col">{t('report.digital')}</th>
              <th scope="col">{t('report.file')}</th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((d) => (
              <tr key={d.id}>
                <th scope="row">{d.numberSymbol}</th>
                <td>{formatDateTime(d.issuedAt)}</td>
                <td>
                  {d.kind} – {d.title}
                </td>
                <td className="code">{d.resultCode ?? '–'}</td>
                <td>{d.signedDigitally ? t('verify.yes') : t('verify.no')}</td>
                <td>
                  {d.hasFile ? (
                    <a
                      href={`/api/outgoing-documents/${encodeURIComponent(d.id)}/file`}
                      target="_blank"
                      rel="noopener"
                    >
                      {t('report.openFile')}
                      <span className="visually-hidden"> {d.numberSymbol}</span>
                    </a>
                  ) : (
                    '–'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </>
      )}
    </ReportTable>
  );
}
