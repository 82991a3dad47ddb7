import { CRITERION_NAMES, RATING_LEVELS, RATING_LEVEL_NAMES } from '@motcua/domain/ratings/criteria';
import { useI18n } from '../../i18n/i18n.tsx';
import { ReportTable, unitRows, type Column, type UnitRow } from '../../ui/report-table.tsx';
import type { ReportState } from '../../ui/use-report.ts';
import {
  formatNumber,
  formatPercent,
  formatShare,
  type Indicator54Report,
  type SatisfactionReport,
} from './types.ts';

type Counts = SatisfactionReport['total']['counts'];

/** A right-aligned column of counts or rates. */
function numColumn<R>(label: string, cell: (row: R) => string): Column<R> {
  return { label, num: true, cell };
}

/** Count columns for the three levels, then the rate. */
function levelColumns<R>(
  lang: 'vi' | 'en',
  countsOf: (row: R) => Counts,
  rateOf: (row: R) => number | null,
  rateLabel: string,
): Column<R>[] {
  return [
    ...RATING_LEVELS.map((level) =>
      numColumn<R>(RATING_LEVEL_NAMES[level][lang], (row) => formatNumber(countsOf(row)[level], lang)),
    ),
    numColumn<R>(rateLabel, (row) => formatShare(rateOf(row), lang)),
  ];
}

export function SatisfactionTable({ state }: { state: ReportState<SatisfactionReport> }) {
  const { t, lang } = useI18n();
  return (
    <ReportTable<SatisfactionReport, UnitRow<SatisfactionReport['total']>>
      id="ratings-levels"
      caption={t('ratings.levels')}
      note={t('ratings.rateNote')}
      state={state}
      isEmpty={(report) => report.items.length === 0}
      rows={(report) => unitRows(report, t('ratings.total'))}
      rowKey={(row) => row.key}
      columns={[
        { label: t('ratings.unit'), cell: (row) => row.name },
        numColumn(t('ratings.count'), (row) => formatNumber(row.line.ratings, lang)),
        ...levelColumns<UnitRow<SatisfactionReport['total']>>(
          lang,
          (row) => row.line.counts,
          (row) => row.line.rate,
          t('ratings.rate'),
        ),
      ]}
    />
  );
}

export function CriteriaTable({ state }: { state: ReportState<SatisfactionReport> }) {
  const { t, lang } = useI18n();
  type Criterion = SatisfactionReport['total']['criteria'][number];
  const total = (c: Counts) => c.rat_hai_long + c.hai_long + c.khong_hai_long;
  return (
    <ReportTable<SatisfactionReport, Criterion>
      id="ratings-criteria"
      caption={t('ratings.criteria')}
      state={state}
      rows={(report) => (report.total.ratings === 0 ? [] : report.total.criteria)}
      rowKey={(row) => row.code}
      columns={[
        { label: t('ratings.criterion'), cell: (row) => CRITERION_NAMES[row.code][lang] },
        numColumn(t('ratings.count'), (row) => formatNumber(total(row.counts), lang)),
        ...levelColumns<Criterion>(
          lang,
          (row) => row.counts,
          (row) => row.rate,
          t('ratings.rate'),
        ),
      ]}
    />
  );
}

export function IndicatorTable({ state }: { state: ReportState<Indicator54Report> }) {
  const { t, lang } = useI18n();
  return (
    <ReportTable<Indicator54Report, UnitRow<Indicator54Report['total']>>
      id="ratings-indicator"
      caption={t('ratings.indicator')}
      note={t('ratings.indicatorNote')}
      state={state}
      before={(report) => (
        <p className="indicator-figure">
          {report.total.percent === null || report.total.points === null
            ? t('ratings.indicatorNone')
            : t('ratings.indicatorSummary', {
                unit: report.total.unitName,
                percent: formatPercent(report.total.percent, lang),
                points: formatNumber(report.total.points, lang),
                max: report.maxPoints,
                target: report.targetPercent,
              })}
        </p>
      )}
      isEmpty={(report) => report.items.length === 0}
      rows={(report) => unitRows(report, t('ratings.total'))}
      rowKey={(row) => row.key}
      columns={[
        { label: t('ratings.unit'), cell: (row) => row.name },
        numColumn(t('ratings.dossiers'), (row) => formatNumber(row.line.dossiers, lang)),
        numColumn(t('ratings.overdue'), (row) => formatNumber(row.line.overdue, lang)),
        numColumn(t('ratings.negative'), (row) => formatNumber(row.line.withFeedbackOrDislike, lang)),
        numColumn(t('ratings.percent'), (row) => formatPercent(row.line.percent, lang)),
        numColumn(t('ratings.points'), (row) =>
          row.line.points === null ? '–' : formatNumber(row.line.points, lang),
        ),
      ]}
    />
  );
}
