import { useMemo } from 'react';
import { useUser } from '../../app/session.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { Page } from '../../ui/page.tsx';
import { ReportPeriodPicker, useReportPeriod } from '../../ui/report-period.tsx';
import type { UnitOption } from '../../ui/unit-select.tsx';
import { useReport } from '../../ui/use-report.ts';
import { FeedbackSection } from './feedback-section.tsx';
import { CriteriaTable, IndicatorTable, SatisfactionTable } from './report-tables.tsx';
import { ANSWER_ROLE, REPORT_ROLES, type Indicator54Report, type SatisfactionReport } from './types.ts';
import './ratings.css';

/** The units where the user leads or watches from the IOC, each once, and whether they lead there. */
function useReportUnits(): (UnitOption & { leads: boolean })[] {
  const user = useUser();
  return useMemo(() => {
    const seen = new Map<string, UnitOption & { leads: boolean }>();
    for (const grant of user.roles) {
      if (!REPORT_ROLES.has(grant.role)) continue;
      const known = seen.get(grant.unitId);
      seen.set(grant.unitId, {
        id: grant.unitId,
        name: grant.unitName,
        leads: (known?.leads ?? false) || grant.role === ANSWER_ROLE,
      });
    }
    return [...seen.values()];
  }, [user.roles]);
}

/**
 * Leaders' page: citizens' satisfaction per unit and period, indicator 5.4 of Decision 766, and the complaints
 * (dislikes with a comment) a leader answers. IOC operators see the figures, not the complaints.
 */
export function SatisfactionPage() {
  const { t } = useI18n();
  const units = useReportUnits();
  const period = useReportPeriod(units);
  const { unitId, query } = period;
  const satisfaction = useReport<SatisfactionReport>(query && `/api/reports/satisfaction?${query}`);
  const indicator = useReport<Indicator54Report>(query && `/api/reports/indicator-5-4?${query}`);
  const leads = units.find((u) => u.id === unitId)?.leads ?? false;

  return (
    <Page title={t('ratings.title')} intro={t('ratings.intro')}>
      <ReportPeriodPicker idPrefix="ratings" units={units} period={period} noUnit={t('ratings.noUnit')} />
      <SatisfactionTable state={satisfaction} />
      <CriteriaTable state={satisfaction} />
      <IndicatorTable state={indicator} />
      {leads && unitId ? <FeedbackSection key={unitId} unitId={unitId} /> : null}
    </Page>
  );
}
