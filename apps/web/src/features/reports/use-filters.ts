import { useCallback, useEffect, useMemo, useState } from 'react';
import { navigate } from '../../app/router.tsx';
import { useUser } from '../../app/session.tsx';
import { todayIso } from '../../i18n/format.ts';
import type { UnitOption } from '../../ui/unit-select.tsx';
import { REPORT_ROLES } from '../ratings/types.ts';
import { filtersFromSearch, filtersQuery, type ReportFilters } from './filters.ts';
import { currentPeriod, isValidPeriod } from './period.ts';

/** The units where the user leads or watches from the IOC, each once: the units they may report on. */
export function useReportUnits(): UnitOption[] {
  const user = useUser();
  return useMemo(() => {
    const seen = new Map<string, string>();
    for (const grant of user.roles) if (REPORT_ROLES.has(grant.role)) seen.set(grant.unitId, grant.unitName);
    return [...seen].map(([id, name]) => ({ id, name }));
  }, [user.roles]);
}

/** The units offered: the user's own, and the one reported on when they opened a unit below theirs. */
export function unitOptions(units: UnitOption[], current: { id: string; name: string } | null): UnitOption[] {
  return current && !units.some((u) => u.id === current.id) ? [...units, current] : units;
}

export interface FilterState {
  filters: ReportFilters;
  /** Replaces the filters (the address follows, without a new history entry). */
  setFilters: (next: ReportFilters) => void;
  /** Moves to other filters as a new page of history (Back returns to the report before). */
  openFilters: (next: ReportFilters) => void;
  /** The API query, or null while the choice is unusable. */
  query: string | null;
}

/**
 * The filters of a report page, read from the address when it opens and written back to it on each change,
 * so that the address links the report shown. `extra` adds the page's own parameters (the unit opened…).
 */
export function useReportFilters(
  units: UnitOption[],
  options: { kind: 'month' | 'quarter'; by: boolean; custom: boolean; extra?: Record<string, string> },
): FilterState {
  const { kind, by, custom } = options;
  const read = useCallback(() => {
    const filters = filtersFromSearch(window.location.search, {
      unitId: units[0]?.id ?? '',
      today: todayIso(),
      kind,
    });
    return !custom && filters.period.kind === 'custom'
      ? { ...filters, period: currentPeriod(todayIso(), kind) }
      : filters;
  }, [units, kind, custom]);
  const [filters, setFilters] = useState<ReportFilters>(read);
  const valid = filters.unitId !== '' && isValidPeriod(filters.period);
  const query = valid ? filtersQuery(filters, { by }) : null;
  const extra = new URLSearchParams(options.extra ?? {}).toString();
  const address = query === null ? null : `${window.location.pathname}?${query}${extra ? `&${extra}` : ''}`;

  useEffect(() => {
    if (address !== null) navigate(address, { replace: true });
  }, [address]);
  useEffect(() => {
    const onPop = () => setFilters(read());
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, [read]);

  const openFilters = useCallback(
    (next: ReportFilters) => {
      setFilters(next);
      navigate(`${window.location.pathname}?${filtersQuery(next, { by })}`);
    },
    [by],
  );
  return { filters, setFilters, openFilters, query };
}
