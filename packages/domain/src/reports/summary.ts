import { emptyFigureCounts, FILE_FIGURES, type FigureCounts } from './figures.ts';

/**
 * One line of the statistics (a unit, a procedure, a channel… or the total): the file counts of figures.ts
 * plus the counters that are not per-file sets (events, ratings, durations, outgoing documents) and the rates
 * derived from them. Lines add up: the total of several lines is the sum of their counts, and rates are
 * always recomputed from the sums, never averaged. Pure.
 */
export interface SummaryCounts extends FigureCounts {
  /** Supplement requests (Yêu cầu bổ sung) made in the period. */
  supplement_requests: number;
  /** Apology letters (Văn bản xin lỗi) issued in the period. */
  apologies: number;
  /** Ratings first sent in the period, and how many were "Rất hài lòng" or "Hài lòng". */
  ratings: number;
  ratings_satisfied: number;
  /** Files received in the period and ended (whenever): their count and total processing time in seconds. */
  timed_files: number;
  timed_seconds: number;
  /** Outgoing documents issued in the period, and how many carry a digital signature. */
  documents_issued: number;
  documents_signed: number;
}

export const COUNTERS = [
  ...FILE_FIGURES,
  'supplement_requests',
  'apologies',
  'ratings',
  'ratings_satisfied',
  'timed_files',
  'timed_seconds',
  'documents_issued',
  'documents_signed',
] as const satisfies readonly (keyof SummaryCounts)[];

export const emptySummaryCounts = (): SummaryCounts => ({
  ...emptyFigureCounts(),
  supplement_requests: 0,
  apologies: 0,
  ratings: 0,
  ratings_satisfied: 0,
  timed_files: 0,
  timed_seconds: 0,
  documents_issued: 0,
  documents_signed: 0,
});

/** Adds `b` into `a` (mutates and returns `a`). */
export function addCounts(a: SummaryCounts, b: Partial<SummaryCounts>): SummaryCounts {
  for (const key of COUNTERS) a[key] += b[key] ?? 0;
  return a;
}

/** Rates in percent, 2 decimals (half up), null when there is nothing to divide by. */
export interface SummaryRates {
  /** (trước hạn + đúng hạn) / đã giải quyết. */
  resolvedOnTime: number | null;
  /** (trước hạn + đúng hạn) / tiếp nhận — the rate Lâm Hà publishes (99.18 % = 299,558 / 302,048). */
  onTimeOfReceived: number | null;
  /** 766 indicator 2.1: resolved on time + in progress within time, over received. */
  indicator21: number | null;
  online: number | null;
  recordsDigitized: number | null;
  digitized: number | null;
  satisfaction: number | null;
  signed: number | null;
  /** Mean processing time in days (2 decimals), not a percentage. */
  averageDays: number | null;
}

/** part / whole in percent rounded half up to 2 decimals, from whole numbers only. */
export function percent(part: number, whole: number): number | null {
  if (whole <= 0) return null;
  return Math.round((part * 10_000) / whole) / 100;
}

export function summaryRates(c: SummaryCounts): SummaryRates {
  const onTime = c.early + c.on_time;
  return {
    resolvedOnTime: percent(onTime, c.resolved),
    onTimeOfReceived: percent(onTime, c.received),
    indicator21: percent(onTime + c.within_time, c.received),
    online: percent(c.new_online, c.new),
    recordsDigitized: percent(c.records_digitized, c.new),
    digitized: percent(c.digitized, c.new),
    satisfaction: percent(c.ratings_satisfied, c.ratings),
    signed: percent(c.documents_signed, c.documents_issued),
    averageDays:
      c.timed_files > 0 ? Math.round((c.timed_seconds / c.timed_files / 86_400) * 100) / 100 : null,
  };
}

/** The checks every line must pass; a failing one is a bug in the engine, so the report says it. */
export function summaryProblems(c: SummaryCounts): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, what: string) => {
    if (!ok) problems.push(what);
  };
  check(c.received === c.carried + c.new, 'received = carried + new');
  check(c.new === c.new_counter + c.new_online + c.new_postal, 'new = counter + online + postal');
  check(c.received === c.resolved + c.in_progress, 'received = resolved + in progress');
  check(c.resolved === c.early + c.on_time + c.late, 'resolved = early + on time + late');
  check(c.in_progress === c.within_time + c.overdue, 'in progress = within time + overdue');
  check(c.digitized <= c.records_digitized, 'digitized ≤ records digitized');
  return problems;
}
