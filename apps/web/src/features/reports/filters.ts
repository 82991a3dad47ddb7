import type { ReportDimension } from '@motcua/contracts/reports';
import { currentPeriod, periodFromParams, periodParams, type PeriodChoice } from './period.ts';

/** What a report page is asked for; kept in the address so that a report can be linked. */
export interface ReportFilters {
  unitId: string;
  period: PeriodChoice;
  by: ReportDimension;
  /** With the units below (the server's default). */
  below: boolean;
  /** With the units this one was formed from. */
  history: boolean;
}

export const DIMENSIONS: readonly ReportDimension[] = ['unit', 'procedure', 'field', 'level', 'channel'];

const isDimension = (value: string | null): value is ReportDimension => DIMENSIONS.some((d) => d === value);

/**
 * The filters in `search` (the page's address), anything missing or unreadable taken from the defaults: the
 * first unit the user reports on and the period of the kind containing today.
 */
export function filtersFromSearch(
  search: string,
  defaults: { unitId: string; today: string; kind: 'month' | 'quarter' },
): ReportFilters {
  const params = new URLSearchParams(search);
  const by = params.get('by');
  return {
    unitId: params.get('unitId') || defaults.unitId,
    period: periodFromParams(params) ?? currentPeriod(defaults.today, defaults.kind),
    by: isDimension(by) ? by : 'unit',
    below: params.get('below') !== 'false',
    history: params.get('history') === 'true',
  };
}

/**
 * The query of the API (and of the page's address): the defaults are left out of neither, so that a copied
 * address and a downloaded file say what they show. `by` only for the statistics.
 */
export function filtersQuery(filters: ReportFilters, options: { by: boolean }): string {
  const params = new URLSearchParams({ unitId: filters.unitId, ...periodParams(filters.period) });
  if (options.by) params.set('by', filters.by);
  params.set('below', String(filters.below));
  params.set('history', String(filters.history));
  return params.toString();
}
