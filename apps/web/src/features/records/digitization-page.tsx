import { useI18n } from '../../i18n/i18n.tsx';
import { Page } from '../../ui/page.tsx';
import { ReportPeriodPicker, useReportPeriod } from '../../ui/report-period.tsx';
import { useReaderUnits } from '../../ui/unit-select.tsx';
import { useReport } from '../../ui/use-report.ts';
import { DigitizationTable, OutgoingTable, SignedShareTable } from './report-tables.tsx';
import type { DigitizationReport, OutgoingDocument, SignedShareReport } from './types.ts';
import './records.css';

/** Digitization rates, the share of digitally signed documents and the outgoing register for one period. */
export function DigitizationPage() {
  const { t } = useI18n();
  // The same roles that read the queue read its reports.
  const units = useReaderUnits();
  const period = useReportPeriod(units);
  const { query } = period;
  const digitization = useReport<DigitizationReport>(query && `/api/reports/digitization?${query}`);
  const signed = useReport<SignedShareReport>(query && `/api/reports/signed-documents?${query}`);
  const outgoing = useReport<{ items: OutgoingDocument[] }>(query && `/api/outgoing-documents?${query}`);

  return (
    <Page title={t('report.title')} intro={t('report.intro')}>
      <ReportPeriodPicker idPrefix="report" units={units} period={period} noUnit={t('report.noUnit')} />
      <DigitizationTable state={digitization} />
      <SignedShareTable state={signed} />
      <OutgoingTable state={outgoing} />
    </Page>
  );
}
