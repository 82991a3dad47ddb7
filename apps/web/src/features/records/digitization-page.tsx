import { useState } from 'react';
import { isIsoDate, todayIso } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Page } from '../../ui/page.tsx';
import { UnitSelect, useReaderUnits } from '../../ui/unit-select.tsx';
import { DigitizationTable, OutgoingTable, SignedShareTable } from './report-tables.tsx';
import type { DigitizationReport, OutgoingDocument, SignedShareReport } from './types.ts';
import { useReport } from './use-report.ts';
import './records.css';

/** Digitization rates, the share of digitally signed documents and the outgoing register for one period. */
export function DigitizationPage() {
  const { t } = useI18n();
  // The same roles that read the queue read its reports.
  const units = useReaderUnits();
  const [unitId, setUnitId] = useState(units[0]?.id ?? '');
  const today = todayIso();
  const [from, setFrom] = useState(`${today.slice(0, 8)}01`);
  const [to, setTo] = useState(today);

  const valid = unitId !== '' && isIsoDate(from) && isIsoDate(to) && from <= to;
  const query = valid ? new URLSearchParams({ unitId, from, to }).toString() : null;
  const digitization = useReport<DigitizationReport>(query && `/api/reports/digitization?${query}`);
  const signed = useReport<SignedShareReport>(query && `/api/reports/signed-documents?${query}`);
  const outgoing = useReport<{ items: OutgoingDocument[] }>(query && `/api/outgoing-documents?${query}`);

  return (
    <Page title={t('report.title')} intro={t('report.intro')}>
      <div className="toolbar card">
        <UnitSelect
          id="report-unit"
          units={units}
          value={unitId}
          onChange={setUnitId}
          lineClassName="report-unit"
        />
        <div className="field">
          <label htmlFor="report-from">{t('report.from')}</label>
          <input
            id="report-from"
            type="date"
            value={from}
            max={to}
            onChange={(e) => setFrom(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="report-to">{t('report.to')}</label>
          <input id="report-to" type="date" value={to} min={from} onChange={(e) => setTo(e.target.value)} />
        </div>
      </div>
      {!valid ? (
        <p className="field__error" role="alert">
          {units.length === 0 ? t('report.noUnit') : t('report.badPeriod')}
        </p>
      ) : null}
      <DigitizationTable state={digitization} />
      <SignedShareTable state={signed} />
      <OutgoingTable state={outgoing} />
    </Page>
  );
}
