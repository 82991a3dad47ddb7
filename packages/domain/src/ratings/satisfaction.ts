/**
 * Satisfaction rate of the one-stop ratings (vn-rules.md §6.1): (rất hài lòng + hài lòng) / total ratings.
 * This is common practice ([S27] reports "tỷ lệ rất hài lòng và hài lòng 97,95 %"); no legal formula was found.
 * It is not the SIPAS index (§6.2) nor Decision 766 indicator 5.4 (see indicator-5-4.ts). Pure.
 */
import { CRITERIA, RATING_LEVELS, type CriterionCode, type RatingLevel } from './criteria.ts';

/** Number of ratings at each level. */
export type LevelCounts = Record<RatingLevel, number>;

export const emptyCounts = (): LevelCounts => ({ rat_hai_long: 0, hai_long: 0, khong_hai_long: 0 });

/** Counts a list of levels. */
export function countLevels(levels: Iterable<RatingLevel>): LevelCounts {
  const counts = emptyCounts();
  for (const level of levels) counts[level] += 1;
  return counts;
}

/**
 * (rất hài lòng + hài lòng) / total, as a number in [0, 1] rounded to 4 decimals (half up), so 97.95 % is
 * 0.9795; null when there are no ratings (no rate, not 0 %). Counts must be whole numbers ≥ 0 (a RangeError
 * otherwise: they come from the database, so anything else is a programming error).
 */
export function satisfactionRate(counts: LevelCounts): number | null {
  for (const level of RATING_LEVELS) {
    const n = counts[level];
    if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${level} must be a whole number ≥ 0`);
  }
  const satisfied = counts.rat_hai_long + counts.hai_long;
  const total = satisfied + counts.khong_hai_long;
  if (total === 0) return null;
  return Math.round((satisfied * 10_000) / total) / 10_000;
}

export interface CriterionRate {
  counts: LevelCounts;
  /** Null when nobody rated this criterion. */
  rate: number | null;
}

/**
 * Per-criterion breakdown: for each of the 12 criteria (all present, in {@link CRITERIA} order), the counts of
 * the ratings that rated it and its satisfaction rate. Ratings that left a criterion out do not count for it.
 */
export function criterionRates(
  ratings: Iterable<{ criteria: Partial<Record<CriterionCode, RatingLevel>> }>,
): Record<CriterionCode, CriterionRate> {
  const counts = Object.fromEntries(CRITERIA.map((code) => [code, emptyCounts()])) as Record<
    CriterionCode,
    LevelCounts
  >;
  for (const rating of ratings)
    for (const code of CRITERIA) {
      const level = rating.criteria[code];
      if (level !== undefined) counts[code][level] += 1;
    }
  return Object.fromEntries(
    CRITERIA.map((code) => [code, { counts: counts[code], rate: satisfactionRate(counts[code]) }]),
  ) as Record<CriterionCode, CriterionRate>;
}

/** The overall satisfaction rate of a list of ratings (their overall levels). */
export function overallRate(ratings: Iterable<{ level: RatingLevel }>): number | null {
  const levels: RatingLevel[] = [];
  for (const rating of ratings) levels.push(rating.level);
  return satisfactionRate(countLevels(levels));
}
