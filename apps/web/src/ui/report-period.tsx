import { useState } from 'react';
import { isIsoDate, todayIso } from '../i18n/format.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Field } from './field.tsx';
import { UnitSelect, type UnitOption } from './unit-select.tsx';
import './report.css';

/** The unit and period a report page reads, and the query string for its API (null while unusable). */
export interface ReportPeriod {
  unitId: string;
  from: string;
  to: string;
  setUnitId: (unitId: string) => void;
  setFrom: (from: string) => void;
  setTo: (to: string) => void;
  valid: boolean;
  query: string | null;
}

/** Starts at the first unit and the month so far, the period leaders are most often asked about. */
export function useReportPeriod(units: UnitOption[]): ReportPeriod {
  const [unitId, setUnitId] = useState(units[0]?.id ?? '');
  const today = todayIso();
  const [from, setFrom] = useState(`${today.slice(0, 8)}01`);
  const [to, setTo] = useState(today);
  const valid = unitId !== '' && isIsoDate(from) && isIsoDate(to) && from <= to;
  const query = valid ? new URLSearchParams({ unitId, from, to }).toString() : null;
  return { unitId, from, to, setUnitId, setFrom, setTo, valid, query };
}

/** The unit / from / to toolbar of a report page, and why nothing is shown when the choice is unusable. */
export function ReportPeriodPicker({
  idPrefix,
  units,
  period,
  noUnit,
}: {
  /** Prefix of the controls' ids, e.g. `report` → report-unit, report-from, report-to. */
  idPrefix: string;
  units: UnitOption[];
  period: ReportPeriod;
  /** What to say to a user with no unit to report on. */
  noUnit: string;
}) {
  const { t } = useI18n();
  const { unitId, from, to, setUnitId, setFrom, setTo } = period;
  return (
    <>
      <div className="toolbar card">
        <UnitSelect
          id={`${idPrefix}-unit`}
          units={units}
          value={unitId}
          onChange={setUnitId}
          lineClassName="report-unit"
        />
        <Field id={`${idPrefix}-from`} label={t('report.from')}>
          {(control) => (
            <input {...control} type="date" value={from} max={to} onChange={(e) => setFrom(e.target.value)} />
          )}
        </Field>
        <Field id={`${idPrefix}-to`} label={t('report.to')}>
          {(control) => (
            <input {...control} type="date" value={to} min={from} onChange={(e) => setTo(e.target.value)} />
          )}
        </Field>
      </div>
      {!period.valid ? (
        <p className="field__error" role="alert">
          {units.length === 0 ? noUnit : t('report.badPeriod')}
        </p>
      ) : null}
    </>
  );
}
