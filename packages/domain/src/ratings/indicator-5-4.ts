/**
 * Decision 766/QĐ-TTg indicator 5.4 "Hài lòng trong tiếp nhận, giải quyết TTHC" (satisfaction in receiving and
 * resolving administrative procedures), group 5 "Mức độ hài lòng" (vn-rules.md §5.2). Pure.
 *
 * Formula as vn-rules §5.2 writes it (from DVCQG's "Mô tả công thức tính chỉ số 766", VERIFIED-2nd [S22]):
 *   5.4 = 100 % − (overdue-dossier rate + rate of dossiers with feedback (PAKN) or a "dislike").
 *
 * Ambiguity, and the choice made: the same section quotes a news summary of the decision [S20] as
 * "(total dossiers − dossiers unsatisfied or with PAKN about receipt/processing or overdue) / total", which
 * reads as a union (a dossier counted once even when both overdue and disliked), while the DVCQG formula is
 * the sum of two separate rates, so a dossier that is both overdue and disliked lowers the indicator twice.
 * The texts disagree, so the literal DVCQG formula is implemented — the sum of the two rates — and the result
 * is clamped to [0, 100] because that sum can exceed 100 %. A caller wanting the union reading can pass
 * `withFeedbackOrDislike` = dossiers with feedback or a dislike that are not overdue.
 */

/** Counts for one unit and one reporting period. */
export interface Indicator54Counts {
  /**
   * Dossiers (hồ sơ TTHC) under the unit's authority counted in the period — the denominator; the same
   * population as indicator 2.1 (received or processed in the period, vn-rules §5.2 / §1.6).
   */
  dossiers: number;
  /**
   * Of those, dossiers resolved late or still open past their due date (overdue as in §1.6: end of processing
   * after the appointment, supplement waits subtracted, a second supplement request counts as overdue).
   */
  overdue: number;
  /**
   * Of those, dossiers with at least one feedback item (phản ánh, kiến nghị) about their receipt or processing,
   * or at least one "dislike" — on this system, an overall rating "Không hài lòng" (§6.1: DVCQG counts a dislike
   * as a negative for 5.4). Each dossier counts once here even with several items, independently of `overdue`.
   */
  withFeedbackOrDislike: number;
}

/** Indicator 5.4 in Decision 766: at most 6 points, full points from 90 % (vn-rules.md §5.2). */
export const INDICATOR_54 = { maxPoints: 6, targetPercent: 90 } as const;

const count = (value: number, name: string): number => {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${name} must be a whole number ≥ 0`);
  return value;
};

/**
 * The indicator as a percentage in [0, 100], rounded to 2 decimals (half up; §5.2 "round to 2 decimals"); null
 * without dossiers (§5.2: denominator 0 → show 0 or N/A — the caller chooses the display). Counts must be whole
 * numbers ≥ 0 and neither part may exceed `dossiers` (a RangeError otherwise).
 */
export function indicator54Percent(counts: Indicator54Counts): number | null {
  const dossiers = count(counts.dossiers, 'dossiers');
  const overdue = count(counts.overdue, 'overdue');
  const negative = count(counts.withFeedbackOrDislike, 'withFeedbackOrDislike');
  if (overdue > dossiers) throw new RangeError('overdue cannot exceed dossiers');
  if (negative > dossiers) throw new RangeError('withFeedbackOrDislike cannot exceed dossiers');
  if (dossiers === 0) return null;
  // 100 − 100·overdue/dossiers − 100·negative/dossiers, in hundredths of a percent, from whole numbers only.
  const hundredths = Math.round(((dossiers - overdue - negative) * 10_000) / dossiers);
  return Math.max(0, hundredths) / 100;
}

/**
 * Points for indicator 5.4 by the §5.2 scoring rule for an indicator with a target: the maximum (6) when the
 * percentage reaches the target (≥ 90 %), otherwise percentage / 90 × 6 (the [S22] note for 5.4 says the same:
 * "Đạt từ 90% trở lên sẽ đạt điểm tối đa. Dưới 90%: Tỷ lệ % × Điểm tối đa / 90%"). Rounded to 2 decimals
 * (half up) after taking the percentage to 2 decimals, as {@link indicator54Percent} returns it. Null in →
 * null out (no dossiers: N/A). A percentage outside [0, 100] is a RangeError.
 */
export function indicator54Points(percent: number | null): number | null {
  if (percent === null) return null;
  if (!Number.isFinite(percent) || percent < 0 || percent > 100)
    throw new RangeError('percent must be between 0 and 100');
  const hundredths = Math.round(percent * 100);
  if (hundredths >= INDICATOR_54.targetPercent * 100) return INDICATOR_54.maxPoints;
  return Math.round((hundredths * INDICATOR_54.maxPoints) / INDICATOR_54.targetPercent) / 100;
}
