import type { IndexReport } from '@motcua/contracts/kpi';
import type { SummaryReport } from '@motcua/contracts/reports';
import { useEffect, useRef, useState } from 'react';
import { describeError } from '../../app/problem.ts';
import { queryParam } from '../../app/router.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { ErrorSummary } from '../../ui/error-summary.tsx';
import { Page } from '../../ui/page.tsx';
import { useReport } from '../../ui/use-report.ts';
import { DrillDialog, type DrillRequest } from './drill-dialog.tsx';
import { FiltersForm } from './filters-form.tsx';
import { formatDecimal } from './format.ts';
import { IndexDetail } from './index-detail.tsx';
import { BandBadge, RankingTable } from './index-ranking.tsx';
import { AsOf, Downloads, periodText } from './summary-page.tsx';
import { useReportFilters, useReportUnits } from './use-filters.ts';
import './reports.css';

/** The bands and how an indicator with nothing to measure is scored. */
function Bands({ report }: { report: IndexReport }) {
  const { t, lang } = useI18n();
  return (
    <section className="report-section" aria-labelledby="kpi-bands">
      <h2 id="kpi-bands">{t('kpi.bands')}</h2>
      <ul className="kpi-bands">
        {report.bands.map((band) => (
          <li key={band.id}>
            <BandBadge band={band} /> {t('kpi.bandFrom', { min: formatDecimal(band.min, lang) })}
          </li>
        ))}
      </ul>
      <p className="report-note">
        {t(report.naPolicy === 'full' ? 'kpi.naPolicy.full' : 'kpi.naPolicy.zero')}
      </p>
    </section>
  );
}

/**
 * The Decision 766 index of a unit and the units below it for a month, quarter, half, nine months or year:
 * the ranking, then the indicators of the unit chosen, whose counts open the files behind them.
 */
export function IndexPage() {
  const { t, lang } = useI18n();
  const units = useReportUnits();
  const [shown, setShown] = useState(() => queryParam('show') ?? '');
  const { filters, setFilters, query } = useReportFilters(units, {
    kind: 'quarter',
    by: false,
    custom: false,
    extra: shown ? { show: shown } : {},
  });
  const index = useReport<IndexReport>(query && `/api/reports/index?${query}`);
  // The statistics by unit hold the count of every figure an indicator is made of.
  const summaryQuery = query && `${query}&by=unit`;
  const summary = useReport<SummaryReport>(summaryQuery && `/api/reports/summary?${summaryQuery}`);
  const [drill, setDrill] = useState<DrillRequest | null>(null);
  const detailHeading = useRef<HTMLHeadingElement>(null);
  const [focusDetail, setFocusDetail] = useState(false);
  const report = index.data;

  const unit = report ? (report.units.find((u) => u.unitId === shown) ?? report.total) : null;
  const whole = report !== null && unit === report.total;
  const line =
    summary.data && unit
      ? whole
        ? summary.data.total
        : (summary.data.lines.find((l) => l.key === unit.unitId) ?? null)
      : null;

  useEffect(() => {
    if (focusDetail) {
      detailHeading.current?.focus();
      setFocusDetail(false);
    }
  }, [focusDetail]);

  return (
    <Page title={t('kpi.title')} heading={t('kpi.heading')} intro={t('kpi.intro')}>
      <FiltersForm
        idPrefix="kpi"
        units={units}
        filters={filters}
        onChange={(next) => {
          // Another unit reports on other units below it.
          if (next.unitId !== filters.unitId) setShown('');
          setFilters(next);
        }}
        statistics={false}
        noUnit={t('stats.noUnit')}
      />
      {index.loading ? (
        <p className="loading" role="status">
          {t('app.loading')}
        </p>
      ) : null}
      {index.error ? <ErrorSummary error={describeError(index.error, t)} /> : null}
      {report && query && unit ? (
        <section className="report-section" aria-busy={index.loading}>
          <div className="report-meta">
            <AsOf asOf={report.asOf} to={report.period.to} />
            <Downloads base="/api/reports/index" query={query} />
          </div>
          <RankingTable
            report={report}
            caption={t('kpi.ranking', { period: periodText(t, lang, report.period) })}
            shown={unit.unitId}
            onShow={(unitId) => {
              setShown(unitId === report.total.unitId ? '' : unitId);
              setFocusDetail(true);
            }}
          />
          {report.units.length === 0 ? <p className="report-note">{t('kpi.noUnits')}</p> : null}
          <IndexDetail
            ref={detailHeading}
            unit={unit}
            heading={t('kpi.detail', {
              unit: whole ? t('kpi.whole', { unit: unit.unitName }) : unit.unitName,
            })}
            line={line}
            open={
              line && summaryQuery
                ? (figure) =>
                    setDrill({
                      query: summaryQuery,
                      figure,
                      line: whole ? null : unit.unitId,
                      lineName: unit.unitName,
                    })
                : null
            }
          />
          <Bands report={report} />
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
