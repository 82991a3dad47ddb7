import { todayIso } from '../../i18n/format.ts';
import { useI18n, type Language } from '../../i18n/i18n.tsx';
import { Field } from '../../ui/field.tsx';
import { UnitSelect, type UnitOption } from '../../ui/unit-select.tsx';
import { DIMENSIONS, type ReportFilters } from './filters.ts';
import { changeKind, isValidPeriod, PERIOD_KINDS, periodNumbers, type PeriodChoice } from './period.ts';

const ROMAN = ['I', 'II', 'III', 'IV'];
/** The first year offered: the demo's history starts in 2021; earlier years can still come from an address. */
const FIRST_YEAR = 2020;

/** "Quý IV" in Vietnamese, "Q4" in English. */
export function quarterNumber(n: number, lang: Language): string {
  return lang === 'vi' ? (ROMAN[n - 1] ?? String(n)) : String(n);
}

function years(chosen: number): number[] {
  const last = Number(todayIso().slice(0, 4));
  const list = Array.from({ length: last - FIRST_YEAR + 1 }, (_, i) => last - i);
  return list.includes(chosen) || !Number.isFinite(chosen) ? list : [chosen, ...list];
}

function NumberSelect({
  idPrefix,
  period,
  onChange,
}: {
  idPrefix: string;
  period: PeriodChoice;
  onChange: (period: PeriodChoice) => void;
}) {
  const { t, lang } = useI18n();
  const { kind } = period;
  if (kind !== 'month' && kind !== 'quarter' && kind !== 'half') return null;
  const name = (n: number) =>
    kind === 'month'
      ? t('period.month', { n })
      : kind === 'quarter'
        ? t('period.quarter', { n: quarterNumber(n, lang) })
        : t(n === 1 ? 'period.half.1' : 'period.half.2');
  return (
    <Field id={`${idPrefix}-number`} label={t(`period.number.${kind}`)}>
      {(control) => (
        <select
          {...control}
          value={period.number}
          onChange={(e) => onChange({ ...period, number: Number(e.target.value) })}
        >
          {periodNumbers(kind).map((n) => (
            <option key={n} value={n}>
              {name(n)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/**
 * The choice of a report: unit, period (kind, year and number, or two dates), and for the statistics the
 * breakdown and the two scope boxes. Each change applies at once; the address follows.
 */
export function FiltersForm({
  idPrefix,
  units,
  filters,
  onChange,
  statistics,
  noUnit,
}: {
  idPrefix: string;
  units: UnitOption[];
  filters: ReportFilters;
  onChange: (filters: ReportFilters) => void;
  /** The statistics' extra controls (breakdown, scope, custom range); the index has none of them. */
  statistics: boolean;
  noUnit: string;
}) {
  const { t } = useI18n();
  const { period } = filters;
  const setPeriod = (next: PeriodChoice) => onChange({ ...filters, period: next });
  const kinds = statistics ? PERIOD_KINDS : PERIOD_KINDS.filter((k) => k !== 'custom');
  return (
    <>
      <form
        className="toolbar card report-filters"
        aria-label={t('stats.filters')}
        onSubmit={(e) => e.preventDefault()}
      >
        <UnitSelect
          id={`${idPrefix}-unit`}
          units={units}
          value={filters.unitId}
          onChange={(unitId) => onChange({ ...filters, unitId })}
          lineClassName="report-unit"
        />
        <Field id={`${idPrefix}-kind`} label={t('period.kind')}>
          {(control) => (
            <select
              {...control}
              value={period.kind}
              onChange={(e) => setPeriod(changeKind(period, e.target.value as PeriodChoice['kind']))}
            >
              {kinds.map((k) => (
                <option key={k} value={k}>
                  {t(`period.kind.${k}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {period.kind === 'custom' ? (
          <>
            <Field id={`${idPrefix}-from`} label={t('report.from')}>
              {(control) => (
                <input
                  {...control}
                  type="date"
                  value={period.from}
                  max={period.to}
                  onChange={(e) => setPeriod({ ...period, from: e.target.value })}
                />
              )}
            </Field>
            <Field id={`${idPrefix}-to`} label={t('report.to')}>
              {(control) => (
                <input
                  {...control}
                  type="date"
                  value={period.to}
                  min={period.from}
                  onChange={(e) => setPeriod({ ...period, to: e.target.value })}
                />
              )}
            </Field>
          </>
        ) : (
          <>
            <Field id={`${idPrefix}-year`} label={t('period.year')}>
              {(control) => (
                <select
                  {...control}
                  value={period.year}
                  onChange={(e) => setPeriod({ ...period, year: Number(e.target.value) })}
                >
                  {years(period.year).map((y) => (
                    <option key={y} value={y}>
                      {y}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <NumberSelect idPrefix={idPrefix} period={period} onChange={setPeriod} />
          </>
        )}
        {statistics ? (
          <>
            <Field id={`${idPrefix}-by`} label={t('stats.by')}>
              {(control) => (
                <select
                  {...control}
                  value={filters.by}
                  onChange={(e) => onChange({ ...filters, by: e.target.value as ReportFilters['by'] })}
                >
                  {DIMENSIONS.map((d) => (
                    <option key={d} value={d}>
                      {t(`stats.by.${d}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <div className="report-filters__boxes">
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={filters.below}
                  onChange={(e) => onChange({ ...filters, below: e.target.checked })}
                />
                {t('stats.below')}
              </label>
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={filters.history}
                  onChange={(e) => onChange({ ...filters, history: e.target.checked })}
                />
                {t('stats.history')}
              </label>
            </div>
          </>
        ) : null}
      </form>
      {units.length === 0 || !isValidPeriod(period) ? (
        <p className="field__error" role="alert">
          {units.length === 0 ? noUnit : t('report.badPeriod')}
        </p>
      ) : null}
    </>
  );
}
