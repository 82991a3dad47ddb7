import { formatDateTime } from '../../i18n/format.ts';
import { useI18n, type Translate } from '../../i18n/i18n.tsx';
import { vi, type MessageKey } from '../../i18n/vi.ts';
import { ReportTable, unitRows } from '../../ui/report-table.tsx';
import type { ReportState } from '../../ui/use-report.ts';
import {
  formatRate,
  type DigitizationReport,
  type OutgoingDocument,
  type SignedShareReport,
} from './types.ts';

/** "tỉnh", "xã"… from the unit kinds the catalogs already name; an unknown level shows as sent. */
function levelLabel(t: Translate, level: string): string {
  const key = `kind.${level}`;
  return key in vi ? t(key as MessageKey).toLocaleLowerCase() : level;
}

export function DigitizationTable({ state }: { state: ReportState<DigitizationReport> }) {
  const { t } = useI18n();
  return (
    <ReportTable
      id="report-digitization"
      caption={t('report.digitization')}
      state={state}
      isEmpty={(d) => d.items.length === 0}
      rows={(report) => unitRows(report, t('report.total'))}
      rowKey={(row) => row.key}
      columns={[
        { label: t('report.unit'), cell: (row) => row.name },
        { label: t('report.received'), num: true, cell: ({ line }) => line.received },
        {
          label: t('report.recordsRate'),
          num: true,
          cell: ({ line }) => `${formatRate(line.recordsRate)} (${line.recordsDigitized})`,
        },
        {
          label: t('report.components'),
          num: true,
          cell: ({ line }) => `${line.componentsDigitized}/${line.components}`,
        },
        { label: t('report.reused'), num: true, cell: ({ line }) => line.componentsReused },
        { label: t('report.finished'), num: true, cell: ({ line }) => line.finished },
        {
          label: t('report.resultsRate'),
          num: true,
          cell: ({ line }) => `${formatRate(line.resultsRate)} (${line.resultsDigitized})`,
        },
      ]}
    />
  );
}

export function SignedShareTable({ state }: { state: ReportState<SignedShareReport> }) {
  const { t } = useI18n();
  return (
    <ReportTable
      id="report-signed"
      caption={t('report.signed')}
      state={state}
      rows={(report) => [
        ...report.items.map((line) => ({ key: line.unitId, name: line.unitName, line })),
        ...report.byLevel.map((line) => ({
          key: `level-${line.level}`,
          name: t('report.level', { level: levelLabel(t, line.level) }),
          line,
        })),
      ]}
      rowKey={(row) => row.key}
      columns={[
        { label: t('report.unitOrLevel'), cell: (row) => row.name },
        { label: t('report.issued'), num: true, cell: ({ line }) => line.issued },
        { label: t('report.signedDigitally'), num: true, cell: ({ line }) => line.signedDigitally },
        { label: t('report.share'), num: true, cell: ({ line }) => formatRate(line.share) },
      ]}
    />
  );
}

export function OutgoingTable({ state }: { state: ReportState<{ items: OutgoingDocument[] }> }) {
  const { t } = useI18n();
  return (
    <ReportTable
      id="report-outgoing"
      caption={t('report.outgoing')}
      state={state}
      rows={(list) => list.items}
      rowKey={(d) => d.id}
      columns={[
        { label: t('report.numberSymbol'), cell: (d) => d.numberSymbol },
        { label: t('report.issuedAt'), cell: (d) => formatDateTime(d.issuedAt) },
        { label: t('report.kindTitle'), cell: (d) => `${d.kind} – ${d.title}` },
        { label: t('report.resultCode'), code: true, cell: (d) => d.resultCode ?? '–' },
        {
          label: t('report.digital'),
          cell: (d) => (d.signedDigitally ? t('verify.yes') : t('verify.no')),
        },
        {
          label: t('report.file'),
          cell: (d) =>
            d.hasFile ? (
              <a
                href={`/api/outgoing-documents/${encodeURIComponent(d.id)}/file`}
                target="_blank"
                rel="noopener"
              >
                {t('report.openFile')}
                <span className="visually-hidden"> {d.numberSymbol}</span>
              </a>
            ) : (
              '–'
            ),
        },
      ]}
    />
  );
}
