import type { UnitIndex } from '@motcua/contracts/kpi';
import type { SummaryLine } from '@motcua/contracts/reports';
import type { FileFigure } from '@motcua/domain/reports/figures';
import type { ReactNode, Ref } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatCount, formatDecimal, formatPercent, formatPoints } from './format.ts';
import { CountButton } from './summary-table.tsx';

type Indicator = UnitIndex['indicators'][number];

/** The indicators of one unit by group, in the order of the index. */
export function groupIndicators(
  unit: UnitIndex,
): { group: UnitIndex['groups'][number]; items: Indicator[] }[] {
  return unit.groups.map((group) => ({ group, items: unit.indicators.filter((i) => i.group === group.id) }));
}

function SourceBadge({ indicator }: { indicator: Indicator }) {
  const { t } = useI18n();
  return (
    <>
      <span className={`badge badge--source badge--source-${indicator.source}`}>
        {t(`kpi.source.${indicator.source}`)}
      </span>
      {indicator.enteredSource ? (
        <span className="kpi-entered">{t('kpi.enteredFrom', { source: indicator.enteredSource })}</span>
      ) : null}
    </>
  );
}

/** How to open the files of a figure counted for this unit; null while the counts are not there. */
export type OpenFigure = ((figure: FileFigure) => void) | null;

/** The figures whose files make a count: each with its number, opening its files. */
function FigureList({
  figures,
  line,
  unitName,
  open,
  joiner,
}: {
  figures: FileFigure[];
  line: SummaryLine | null;
  unitName: string;
  open: OpenFigure;
  joiner: string;
}) {
  const { t } = useI18n();
  if (line === null || open === null) return null;
  return (
    <ul className="kpi-figures">
      {figures.map((figure, i) => (
        <li key={figure}>
          {i > 0 ? `${joiner} ` : null}
          {/* A no-break space: a narrow column wraps the name, never a count alone onto its own line. */}
          {t(`figure.${figure}`)}:{'\u00a0'}
          <CountButton n={line.counts[figure]} figure={figure} line={unitName} onOpen={() => open(figure)} />
        </li>
      ))}
    </ul>
  );
}

/** A count of the indicator: one figure opens its files directly; several are listed with their parts. */
function CountCell({
  value,
  figures,
  line,
  unitName,
  open,
  subtracted,
}: {
  value: number | null;
  figures: FileFigure[] | undefined;
  line: SummaryLine | null;
  unitName: string;
  open: OpenFigure;
  subtracted: boolean;
}) {
  const { t, lang } = useI18n();
  if (value === null) return <>–</>;
  const single = figures?.length === 1 && !subtracted ? figures[0] : undefined;
  if (single && open && line)
    return <CountButton n={value} figure={single} line={unitName} onOpen={() => open(single)} />;
  const text = formatCount(value, lang);
  if (!figures || figures.length === 0 || !line || !open) return <>{text}</>;
  return (
    <>
      {text}
      <span className="kpi-parts">{subtracted ? t('kpi.subtracted') : `${t('kpi.sum')}:`}</span>
      <FigureList
        figures={figures}
        line={line}
        unitName={unitName}
        open={open}
        joiner={subtracted ? '−' : '+'}
      />
    </>
  );
}

function RateCell({ indicator }: { indicator: Indicator }) {
  const { t, lang } = useI18n();
  if (indicator.na)
    return (
      <abbr className="badge badge--na" title={t('kpi.naTitle')}>
        {t('kpi.na')}
      </abbr>
    );
  if (indicator.display) {
    const unit = indicator.display.unit === 'ngày' && lang === 'en' ? 'days' : indicator.display.unit;
    return <>{`${formatDecimal(indicator.display.value, lang)} ${unit}`}</>;
  }
  return <>{formatPercent(indicator.percent, lang)}</>;
}

/** One table per group: each indicator with its formula, counts, rate, target, points and where it came from. */
export function IndexDetail({
  unit,
  heading,
  line,
  open,
  after,
  ref,
}: {
  unit: UnitIndex;
  heading: string;
  /** The unit's line of the statistics: the counts of the figures behind its indicators. */
  line: SummaryLine | null;
  open: OpenFigure;
  after?: ReactNode;
  ref?: Ref<HTMLHeadingElement>;
}) {
  const { t, lang } = useI18n();
  return (
    <section className="report-section kpi-detail" aria-labelledby="kpi-detail">
      <h2 id="kpi-detail" ref={ref} tabIndex={-1}>
        {heading}
      </h2>
      <p className="indicator-figure">
        {t('kpi.summary', {
          unit: unit.unitName,
          total: formatDecimal(unit.total, lang),
          band: unit.band.name[lang],
        })}
      </p>
      {groupIndicators(unit).map(({ group, items }) => (
        <div
          key={group.id}
          className="table-wrap report-wrap kpi-group"
          role="region"
          aria-labelledby={`kpi-g-${group.id}`}
          tabIndex={0}
        >
          <table className="table kpi-table">
            <caption>
              <h3 id={`kpi-g-${group.id}`}>
                {t('kpi.group', {
                  group: group.name[lang],
                  points: formatPoints(group.points, group.max, lang),
                })}
              </h3>
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('kpi.indicator')}</th>
                <th scope="col" className="num">
                  {t('kpi.numerator')}
                </th>
                <th scope="col" className="num">
                  {t('kpi.denominator')}
                </th>
                <th scope="col" className="num">
                  {t('kpi.percent')}
                </th>
                <th scope="col" className="num">
                  {t('kpi.target')}
                </th>
                <th scope="col" className="num">
                  {t('kpi.points')}
                </th>
                <th scope="col">{t('kpi.source')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((i) => (
                <tr key={i.id}>
                  <th scope="row" className="kpi-name">
                    <span className="kpi-title">
                      <span className="kpi-id">{i.id}</span> {i.name[lang]}
                    </span>
                    <span className="kpi-formula">{i.formula[lang]}</span>
                    <span className="kpi-explain">{t('kpi.explanation', { text: i.explanation[lang] })}</span>
                  </th>
                  <td
                    className={
                      i.figures && (i.figures.numerator.length > 1 || i.kind === 'indicator54')
                        ? 'num kpi-count'
                        : 'num'
                    }
                  >
                    <CountCell
                      value={i.numerator}
                      figures={i.figures?.numerator}
                      line={line}
                      unitName={unit.unitName}
                      open={open}
                      subtracted={i.kind === 'indicator54'}
                    />
                    {i.kind === 'indicator54' && i.figures ? (
                      <span className="kpi-parts">{t('kpi.subtractedNote')}</span>
                    ) : null}
                  </td>
                  <td className="num">
                    <CountCell
                      value={i.denominator}
                      figures={i.figures?.denominator}
                      line={line}
                      unitName={unit.unitName}
                      open={open}
                      subtracted={false}
                    />
                  </td>
                  <td className="num">
                    <RateCell indicator={i} />
                  </td>
                  <td className="num">{i.target === null ? '–' : formatPercent(i.target, lang)}</td>
                  <td className="num">
                    {i.kind === 'display' ? t('kpi.reference') : formatPoints(i.points, i.max, lang)}
                  </td>
                  <td>
                    <SourceBadge indicator={i} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
      {after}
    </section>
  );
}
