import type { SummaryLine, SummaryReport } from '@motcua/contracts/reports';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatCount } from './format.ts';
import { lineName } from './summary-table.tsx';

/** Lines drawn at most: the chart is an overview; the table holds every line. */
const MAX_BARS = 12;

const SEGMENTS = [
  { key: 'onTime', label: 'stats.chart.onTime', className: 'chart__on-time' },
  { key: 'late', label: 'stats.chart.late', className: 'chart__late' },
  { key: 'open', label: 'stats.chart.open', className: 'chart__open' },
] as const;

export function progressOf(line: SummaryLine): { onTime: number; late: number; open: number } {
  const c = line.counts;
  return { onTime: c.early + c.on_time, late: c.late, open: c.in_progress };
}

/**
 * Resolved on time, late and in progress per line, as bars drawn to one scale (inline SVG, no library). The
 * bars are decoration: each row carries the same figures as a sentence for screen readers.
 */
export function SummaryChart({ report }: { report: SummaryReport }) {
  const { t, lang } = useI18n();
  const lines = [...report.lines].sort((a, b) => b.counts.received - a.counts.received).slice(0, MAX_BARS);
  const scale = Math.max(1, ...lines.map((l) => Object.values(progressOf(l)).reduce((a, b) => a + b, 0)));
  if (lines.length === 0) return null;
  return (
    <section className="report-section chart" aria-labelledby="stats-chart">
      <h2 id="stats-chart">{t('stats.chart')}</h2>
      <ul className="chart__legend" aria-hidden="true">
        {SEGMENTS.map((s) => (
          <li key={s.key}>
            <svg width="14" height="14" className={s.className}>
              <rect width="14" height="14" rx="2" />
            </svg>
            {t(s.label)}
          </li>
        ))}
      </ul>
      <ul className="chart__rows">
        {lines.map((line) => {
          const name = lineName(t, report.by, line);
          const p = progressOf(line);
          let x = 0;
          return (
            <li key={line.key} className="chart__row">
              <span className="visually-hidden">
                {t('stats.chart.line', {
                  name,
                  onTime: formatCount(p.onTime, lang),
                  late: formatCount(p.late, lang),
                  open: formatCount(p.open, lang),
                })}
              </span>
              <span className="chart__name" aria-hidden="true">
                {name}
              </span>
              <svg
                className="chart__bar"
                viewBox="0 0 100 10"
                preserveAspectRatio="none"
                aria-hidden="true"
                focusable="false"
              >
                <rect className="chart__track" width="100" height="10" />
                {SEGMENTS.map((s) => {
                  const w = (p[s.key] / scale) * 100;
                  const rect = <rect key={s.key} className={s.className} x={x} width={w} height="10" />;
                  x += w;
                  return rect;
                })}
              </svg>
              <span className="chart__values" aria-hidden="true">
                {SEGMENTS.map((s) => formatCount(p[s.key], lang)).join(' · ')}
              </span>
            </li>
          );
        })}
      </ul>
      {report.lines.length > lines.length ? (
        <p className="report-note">
          {t('stats.chart.top', { shown: lines.length, count: report.lines.length })}
        </p>
      ) : null}
    </section>
  );
}
