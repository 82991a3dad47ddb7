/**
 * The Decision 766 scoring rule for one ratio indicator (vn-rules.md §5.2, from [S22], verified on data for 2.1
 * in [S24]): percent = numerator / denominator × 100; with a target T, points = max when percent ≥ T, otherwise
 * percent / T × max; without a target, points = percent / 100 × max. Percent and points are rounded to 2
 * decimals, half up, points computed from the rounded percent (as ratings/indicator-5-4.ts does for 5.4).
 *
 * Everything is done on whole hundredths (of a percent, of a point) so no binary-fraction drift enters: the
 * percent itself is computed with BigInt, as numerator × 10 000 can pass 2^53 for very large counts.
 */

export interface RatioCounts {
  numerator: number;
  denominator: number;
}

/** Maximum points and target percent (null: linear) of an indicator. */
export interface ScoreRule {
  max: number;
  target: number | null;
}

export interface RatioScore {
  /** 0–100, 2 decimals. */
  percent: number;
  /** 0–max, 2 decimals. */
  points: number;
}

/** A number with at most 2 decimals as whole hundredths, or null when it has more (or is not finite). */
export function hundredthsOf(value: number): number | null {
  if (!Number.isFinite(value)) return null;
  const hundredths = Math.round(value * 100);
  // Decimal inputs such as 99.18 are not exact in binary; anything this close to a hundredth is that hundredth.
  return Math.abs(value * 100 - hundredths) < 1e-6 ? hundredths : null;
}

const wholeCount = (value: number, name: string): number => {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${name} must be a whole number ≥ 0`);
  return value;
};

/** a / b rounded half up, for whole a ≥ 0 and b > 0 small enough that 2a + b stays exact. */
const divideHalfUp = (a: number, b: number): number => Math.floor((2 * a + b) / (2 * b));

/**
 * numerator / denominator × 100 in whole hundredths of a percent, rounded half up; null for a zero denominator.
 * RangeError unless both are whole numbers ≥ 0 with numerator ≤ denominator.
 */
export function ratioHundredths(counts: RatioCounts): number | null {
  const numerator = wholeCount(counts.numerator, 'numerator');
  const denominator = wholeCount(counts.denominator, 'denominator');
  if (numerator > denominator) throw new RangeError('numerator cannot exceed denominator');
  if (denominator === 0) return null;
  const n = BigInt(numerator);
  const d = BigInt(denominator);
  return Number((2n * n * 10_000n + d) / (2n * d));
}

/** numerator / denominator as a percentage with 2 decimals (half up); null for a zero denominator. */
export function ratioPercent(counts: RatioCounts): number | null {
  const hundredths = ratioHundredths(counts);
  return hundredths === null ? null : hundredths / 100;
}

/** The rule's max and target in hundredths, after checking them. */
function ruleHundredths(rule: ScoreRule): { max: number; target: number } {
  const max = hundredthsOf(rule.max);
  if (max === null || max < 0)
    throw new RangeError(`max must be ≥ 0 with at most 2 decimals, got ${rule.max}`);
  if (rule.target === null) return { max, target: 10_000 };
  const target = hundredthsOf(rule.target);
  if (target === null || target <= 0 || target > 10_000)
    throw new RangeError(`target must be in (0, 100] with at most 2 decimals, or null; got ${rule.target}`);
  return { max, target };
}

/** Points in hundredths for a percentage in hundredths (0–10 000). No target is the same as a target of 100 %. */
function pointsHundredths(percent: number, rule: { max: number; target: number }): number {
  if (percent >= rule.target) return rule.max;
  return divideHalfUp(percent * rule.max, rule.target);
}

/**
 * Points for a percentage already rounded to 2 decimals (0–100) — for 5.4 and for percentages entered by hand.
 * RangeError for a percentage outside [0, 100] or with more decimals, or an invalid rule.
 */
export function pointsForPercent(percent: number, rule: ScoreRule): number {
  const hundredths = hundredthsOf(percent);
  if (hundredths === null || hundredths < 0 || hundredths > 10_000)
    throw new RangeError(`percent must be in [0, 100] with at most 2 decimals, got ${percent}`);
  return pointsHundredths(hundredths, ruleHundredths(rule)) / 100;
}

/**
 * Percent and points of a ratio indicator; null when the denominator is 0 (N/A — §5.2 "show 0 or N/A", the
 * caller decides). RangeError for counts that are not whole numbers ≥ 0, a numerator above the denominator, or
 * an invalid rule (max < 0, target outside (0, 100], more than 2 decimals).
 */
export function scoreRatio(counts: RatioCounts, rule: ScoreRule): RatioScore | null {
  const limits = ruleHundredths(rule);
  const percent = ratioHundredths(counts);
  if (percent === null) return null;
  return { percent: percent / 100, points: pointsHundredths(percent, limits) / 100 };
}
