import type { SummaryLine, SummaryReport } from '@motcua/contracts/reports';
import type { FileFigure } from '@motcua/domain/reports/figures';
import type { ReactNode } from 'react';
import { useI18n, type Language, type Translate } from '../../i18n/i18n.tsx';
import { vi, type MessageKey } from '../../i18n/vi.ts';
import { headerRows, leaves, SUMMARY_COLUMNS, type SummaryValue } from './columns.ts';
import { formatCount, formatDecimal, formatPercent } from './format.ts';

/** The name of a line in the language of the page: channels and levels are named here, the rest by the server. */
export function lineName(t: Translate, by: SummaryReport['by'], line: SummaryLine): string {
  if (line.key === 'total') return t('stats.total');
  const key =
    by === 'channel' ? `stats.channel.${line.key}` : by === 'level' ? `stats.level.${line.key}` : null;
  return key !== null && key in vi ? t(key as MessageKey) : line.name;
}

const HEAD = SUMMARY_COLUMNS;
const ROWS = headerRows(HEAD);
const LEAVES = leaves(HEAD);

/** A count that opens its files; zero is plain text (nothing to list). */
export function CountButton({
  n,
  figure,
  line,
  onOpen,
}: {
  n: number;
  figure: FileFigure;
  line: string;
  onOpen: () => void;
}) {
  const { t, lang } = useI18n();
  if (n === 0) return <>{formatCount(0, lang)}</>;
  return (
    <button type="button" className="link-button" onClick={onOpen}>
      {formatCount(n, lang)}
      <span className="visually-hidden">
        {' '}
        – {t('stats.openFiles', { figure: t(`figure.${figure}`), line })}
      </span>
    </button>
  );
}

function cellText(value: SummaryValue, line: SummaryLine, lang: Language): string | null {
  if ('count' in value) return formatCount(line.counts[value.count], lang);
  if ('rate' in value) return formatPercent(line.rates[value.rate], lang);
  if ('days' in value) return formatDecimal(line.rates.averageDays, lang);
  return null;
}

/**
 * The statistics as the provinces' tables lay them out: headings on three rows (Số hồ sơ nhận giải quyết →
 * Mới tiếp nhận → Trực tiếp…), one row per line and the total. Every cell names its headings (`headers`).
 */
export function SummaryTable({
  report,
  caption,
  onOpen,
  rowHeading,
}: {
  report: SummaryReport;
  caption: string;
  onOpen: (figure: FileFigure, line: SummaryLine, name: string) => void;
  /** What the row heading shows besides the name (a unit to open). */
  rowHeading: (line: SummaryLine, name: string) => ReactNode;
}) {
  const { t, lang } = useI18n();
  const id = (s: string) => `stats-${s}`;
  const row = (line: SummaryLine, index: number | 'total') => {
    const name = lineName(t, report.by, line);
    const rowId = id(`line-${index}`);
    return (
      <tr key={line.key} className={index === 'total' ? 'stats-table__total' : undefined}>
        <th scope="row" id={rowId} headers={id('name')}>
          {index === 'total' ? name : rowHeading(line, name)}
        </th>
        {LEAVES.map((leaf) => {
          const figure = 'figure' in leaf.value ? leaf.value.figure : null;
          return (
            <td key={leaf.id} className="num" headers={[...leaf.headers.map(id), rowId].join(' ')}>
              {figure !== null ? (
                <CountButton
                  n={line.counts[figure]}
                  figure={figure}
                  line={name}
                  onOpen={() => onOpen(figure, line, name)}
                />
              ) : (
                cellText(leaf.value, line, lang)
              )}
            </td>
          );
        })}
      </tr>
    );
  };
  return (
    <div
      className="table-wrap report-wrap report-wrap--wide"
      role="region"
      aria-labelledby={id('caption')}
      tabIndex={0}
    >
      <table className="table stats-table">
        <caption>
          <h2 id={id('caption')}>{caption}</h2>
        </caption>
        <thead>
          {ROWS.map((cells, level) => (
            <tr key={level}>
              {level === 0 ? (
                <th scope="col" id={id('name')} rowSpan={ROWS.length}>
                  {t(`stats.by.${report.by}`)}
                </th>
              ) : null}
              {cells.map((cell) => (
                <th
                  key={cell.id}
                  id={id(cell.id)}
                  scope={cell.scope}
                  colSpan={cell.colSpan > 1 ? cell.colSpan : undefined}
                  rowSpan={cell.rowSpan > 1 ? cell.rowSpan : undefined}
                  className={cell.scope === 'colgroup' ? 'stats-table__group' : 'num'}
                >
                  {t(cell.label)}
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody>{report.lines.map((line, i) => row(line, i))}</tbody>
        <tfoot>{row(report.total, 'total')}</tfoot>
      </table>
    </div>
  );
}
