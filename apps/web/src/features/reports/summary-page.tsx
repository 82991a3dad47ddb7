import type { SummaryReport } from '@motcua/contracts/reports';
import { useState } from 'react';
import { describeError } from '../../app/problem.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { useI18n, type Translate } from '../../i18n/i18n.tsx';
import { ErrorSummary } from '../../ui/error-summary.tsx';
import { Page } from '../../ui/page.tsx';
import { useReport } from '../../ui/use-report.ts';
import { DrillDialog, type DrillRequest } from './drill-dialog.tsx';
import { FiltersForm, quarterNumber } from './filters-form.tsx';
import { asOfMoment, formatDay } from './format.ts';
import { periodFromParams } from './period.ts';
import { SummaryChart } from './summary-chart.tsx';
import { SummaryTable } from './summary-table.tsx';
import { unitOptions, useReportFilters, useReportUnits } from './use-filters.ts';
import './reports.css';

/** "Quý IV năm 2024 (từ 01/10/2024 đến 31/12/2024)" from the period the server answered for. */
export function periodText(
  t: Translate,
  lang: 'vi' | 'en',
  period: { key: string; from: string; to: string },
): string {
  const range = { from: formatDay(period.from), to: formatDay(period.to) };
  const choice = periodFromParams(new URLSearchParams({ period: period.key }));
  if (choice === null) return t('period.label.custom', range);
  const { year, number } = choice;
  const label =
    choice.kind === 'month'
      ? t('period.label.month', { n: number, year })
      : choice.kind === 'quarter'
        ? t('period.label.quarter', { n: quarterNumber(number, lang), year })
        : choice.kind === 'half'
          ? t(number === 1 ? 'period.label.half1' : 'period.label.half2', { year })
          : choice.kind === 'nine_months'
            ? t('period.label.nine_months', { year })
            : t('period.label.year', { year });
  return `${label} (${t('period.range', range)})`;
}

/** "Số liệu tính lúc …" or "… đến hết ngày …" for a period already over. */
export function AsOf({ asOf, to }: { asOf: string; to: string }) {
  const { t } = useI18n();
  const moment = asOfMoment(asOf, to);
  return (
    <p className="report-asof">
      {moment.kind === 'end'
        ? t('stats.asOfEnd', { day: moment.day })
        : t('stats.asOf', { at: formatDateTime(asOf) })}
    </p>
  );
}

export function Downloads({ base, query }: { base: string; query: string }) {
  const { t } = useI18n();
  return (
    <p className="report-downloads">
      <span className="label">{t('stats.downloads')}:</span>{' '}
      <a className="button button--secondary" href={`${base}.xlsx?${query}`} download>
        {t('stats.xlsx')}
      </a>{' '}
      <a className="button button--secondary" href={`${base}.csv?${query}`} download>
        {t('stats.csv')}
      </a>
    </p>
  );
}

/**
 * Leaders' and IOC operators' statistics of files: per unit, procedure, field, level or channel for a month,
 * quarter, half, nine months, year or any range; every count opens the list of its files.
 */
export function SummaryPage() {
  const { t, lang } = useI18n();
  const own = useReportUnits();
  const { filters, setFilters, openFilters, query } = useReportFilters(own, {
    kind: 'month',
    by: true,
    custom: true,
  });
  const state = useReport<SummaryReport>(query && `/api/reports/summary?${query}`);
  const [drill, setDrill] = useState<DrillRequest | null>(null);
  const report = state.data;
  const units = unitOptions(own, report ? report.unit : null);
  // Every figure counts files of the period, all of them in "received" but for results returned by post.
  const empty =
    report !== null && report.total.counts.received === 0 && report.total.counts.postal_returned === 0;

  return (
    <Page title={t('stats.title')} heading={t('stats.heading')} intro={t('stats.intro')}>
      <FiltersForm
        idPrefix="stats"
        units={units}
        filters={filters}
        onChange={setFilters}
        statistics
        noUnit={t('stats.noUnit')}
      />
      {state.loading ? (
        <p className="loading" role="status">
          {t('app.loading')}
        </p>
      ) : null}
      {state.error ? <ErrorSummary error={describeError(state.error, t)} /> : null}
      {report && query ? (
        <section className="report-section" aria-busy={state.loading}>
          {report.problems.length > 0 ? (
            <div className="alert alert--error" role="alert">
              <p className="alert__title">{t('stats.problems')}</p>
              <ul>
                {report.problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            </div>
          ) : null}
          <div className="report-meta">
            <AsOf asOf={report.asOf} to={report.period.to} />
            <Downloads base="/api/reports/summary" query={query} />
          </div>
          {empty ? <p className="empty">{t('stats.empty')}</p> : null}
          {empty ? null : (
            <SummaryTable
              report={report}
              caption={t('stats.caption', {
                unit: report.unit.name,
                period: periodText(t, lang, report.period),
              })}
              onOpen={(figure, line, name) =>
                setDrill({ query, figure, line: line.key === 'total' ? null : line.key, lineName: name })
              }
              rowHeading={(line, name) =>
                report.by === 'unit' && line.key !== report.unit.id ? (
                  <button
                    type="button"
                    className="link-button link-button--name"
                    onClick={() => openFilters({ ...filters, unitId: line.key })}
                  >
                    {name}
                    <span className="visually-hidden"> – {t('stats.scopeHint')}</span>
                  </button>
                ) : report.by === 'procedure' ? (
                  <>
                    {name} <span className="stats-code">({line.key})</span>
                  </>
                ) : (
                  name
                )
              }
            />
          )}
          {empty ? null : <p className="report-note">{t('stats.note')}</p>}
          {empty ? null : <SummaryChart report={report} />}
        </section>
      ) : null}
      {drill ? (
        <DrillDialog
          key={`${drill.figure}-${drill.line ?? ''}`}
          request={drill}
          onClose={() => setDrill(null)}
        />
      ) : null}
    </Page>
  );
}
