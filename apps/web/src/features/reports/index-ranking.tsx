import type { IndexReport, UnitIndex } from '@motcua/contracts/kpi';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatDecimal } from './format.ts';

/** A band's name as a coloured badge (the colour repeats the word, it does not replace it). */
export function BandBadge({ band }: { band: UnitIndex['band'] }) {
  const { lang } = useI18n();
  return <span className={`badge badge--band badge--band-${band.id}`}>{band.name[lang]}</span>;
}

/**
 * The units ranked by their total out of 100, the points of each group, then the chosen unit as a whole.
 * A unit's name opens its indicators below.
 */
export function RankingTable({
  report,
  caption,
  shown,
  onShow,
}: {
  report: IndexReport;
  caption: string;
  shown: string;
  onShow: (unitId: string) => void;
}) {
  const { t, lang } = useI18n();
  const groups = report.total.groups;
  const row = (unit: UnitIndex, whole: boolean) => (
    <tr key={whole ? 'whole' : unit.unitId} className={whole ? 'stats-table__total' : undefined}>
      <td className="num">{unit.rank ?? '–'}</td>
      <th scope="row">
        <button
          type="button"
          className="link-button link-button--name"
          aria-pressed={shown === unit.unitId}
          onClick={() => onShow(unit.unitId)}
        >
          {whole ? t('kpi.whole', { unit: unit.unitName }) : unit.unitName}
          <span className="visually-hidden"> – {t('kpi.showHint')}</span>
        </button>
      </th>
      <td className="num kpi-total">{formatDecimal(unit.total, lang)}</td>
      <td>
        <BandBadge band={unit.band} />
      </td>
      {unit.groups.map((g) => (
        <td key={g.id} className="num">
          {formatDecimal(g.points, lang)}
        </td>
      ))}
    </tr>
  );
  return (
    <div className="table-wrap report-wrap" role="region" aria-labelledby="kpi-ranking" tabIndex={0}>
      <table className="table kpi-ranking">
        <caption>
          <h2 id="kpi-ranking">{caption}</h2>
        </caption>
        <thead>
          <tr>
            <th scope="col" className="num">
              {t('kpi.rank')}
            </th>
            <th scope="col">{t('kpi.unit')}</th>
            <th scope="col" className="num">
              {t('kpi.total')}
            </th>
            <th scope="col">{t('kpi.band')}</th>
            {groups.map((g) => (
              <th key={g.id} scope="col" className="num">
                {g.name[lang]} (/{formatDecimal(g.max, lang)})
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{report.units.map((u) => row(u, false))}</tbody>
        <tfoot>{row(report.total, true)}</tfoot>
      </table>
    </div>
  );
}
