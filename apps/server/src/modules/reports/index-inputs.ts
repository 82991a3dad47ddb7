import type { FileFigure } from '@motcua/domain/reports/figures';
import type { ReportLevel } from '@motcua/domain/reports/scope';
import type { SummaryCounts } from '@motcua/domain/reports/summary';
import { summaryRates } from '@motcua/domain/reports/summary';
import { isKpiIndicatorId, type KpiIndicatorId, type KpiInputs } from '@motcua/domain/kpi/index';
import type { CatalogFacts, EntryRow } from './index.repository.ts';

/**
 * The inputs of the Decision 766 index for one unit (vn-rules.md §5.2) from what motcua holds:
 * - 1.3, 3.1, 3.2 from the catalogue: the procedures in force in the period at the unit's level;
 * - 2.1, 2.2, 3.3, 4.1, 4.2, 4.3, 5.4 from the statistics' counts (figures.ts), so every count links to its
 *   files;
 * - anything else from the values entered for the unit and period (kpi_entries), shown as entered.
 * An entered value replaces a computed one only for indicators motcua cannot compute.
 */

/** The statistics figures whose files make each computed indicator's numerator and denominator. */
export const INDICATOR_FIGURES: Partial<
  Record<KpiIndicatorId, { numerator: FileFigure[]; denominator: FileFigure[] }>
> = {
  '2.1': { numerator: ['early', 'on_time', 'within_time'], denominator: ['received'] },
  '3.3': { numerator: ['new_online'], denominator: ['new'] },
  '4.1': { numerator: ['result_digitized'], denominator: ['result_ready'] },
  '4.2': { numerator: ['digitized'], denominator: ['new'] },
  '4.3': { numerator: ['records_reused'], denominator: ['new'] },
  '5.4': { numerator: ['late', 'overdue', 'disliked'], denominator: ['received'] },
};

/** Levels whose procedures a unit at `level` handles (a province sees every level below it). */
const LEVELS: Record<ReportLevel, readonly string[]> = {
  province: ['province', 'district', 'commune'],
  district: ['district'],
  commune: ['commune'],
  other: ['other'],
};

/** Procedures in force at some time in [from, to] at the level. */
export function inForce(catalog: readonly CatalogFacts[], level: ReportLevel, from: string, to: string) {
  return catalog.filter(
    (p) =>
      p.levels.some((l) => LEVELS[level].includes(l)) &&
      (p.effective_to === null || p.effective_to >= from) &&
      (p.effective_from === null || p.effective_from <= to),
  );
}

export function indexInputs(args: {
  counts: SummaryCounts;
  /** Procedures with at least one file filed online among the unit's new files of the period. */
  filedOnline: ReadonlySet<string>;
  procedures: readonly CatalogFacts[];
  entries: readonly EntryRow[];
}): KpiInputs {
  const { counts: c, procedures } = args;
  const online = procedures.filter((p) => p.online_level !== 'none');
  const inputs: KpiInputs = {
    '1.3': { numerator: procedures.filter((p) => p.complete).length, denominator: procedures.length },
    '2.1': { numerator: c.early + c.on_time + c.within_time, denominator: c.received },
    '3.1': { numerator: online.length, denominator: procedures.length },
    '3.2': {
      numerator: online.filter((p) => args.filedOnline.has(p.code)).length,
      denominator: online.length,
    },
    '3.3': { numerator: c.new_online, denominator: c.new },
    '4.1': { numerator: c.result_digitized, denominator: c.result_ready },
    '4.2': { numerator: c.digitized, denominator: c.new },
    '4.3': { numerator: c.records_reused, denominator: c.new },
    '5.4': { dossiers: c.received, overdue: c.late + c.overdue, withFeedbackOrDislike: c.disliked },
  };
  const average = summaryRates(c).averageDays;
  if (average !== null) inputs['2.2'] = { value: average, unit: 'ngày' };
  for (const e of args.entries) {
    if (!isKpiIndicatorId(e.indicator_id) || e.indicator_id in inputs) continue;
    inputs[e.indicator_id] =
      e.numerator !== null
        ? { numerator: Number(e.numerator), denominator: Number(e.denominator) }
        : { entered: e.percent !== null ? { percent: Number(e.percent) } : { points: Number(e.points) } };
  }
  return inputs;
}
