/**
 * One citizen rating of one application (hồ sơ): validation, when it may be created or edited, and when it
 * becomes a feedback item for the unit's leader (vn-rules.md §6.1). Pure.
 */
import { text, type Text } from '../errors.ts';
import { isCriterionCode, isRatingLevel, type CriterionCode, type RatingLevel } from './criteria.ts';

/** Longest comment, in characters (Unicode code points) after NFC normalisation and trimming. */
export const MAX_COMMENT_LENGTH = 2000;

/** A validated rating: one per application. */
export interface Rating {
  /** The overall level; required. */
  level: RatingLevel;
  /** Levels of the criteria the citizen chose to rate; a criterion left out was not rated. */
  criteria: Partial<Record<CriterionCode, RatingLevel>>;
  /** NFC-normalised and trimmed; null when absent or blank. */
  comment: string | null;
}

export type RatingValidation = { ok: true; value: Rating } | { ok: false; field: string; detail: Text };

const invalid = (field: string, vi: string, en: string): RatingValidation => ({
  ok: false,
  field,
  detail: text(vi, en),
});

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Checks a rating as sent by the citizen (`{ level, criteria?, comment? }`, untrusted). The overall level is
 * required; `criteria` is optional and maps known criterion codes to a level (an unknown code or level is
 * refused, not dropped, so a client bug shows); the comment is optional, normalised to NFC, trimmed, and at
 * most {@link MAX_COMMENT_LENGTH} characters after that. `field` is a JSON pointer into the request.
 */
export function validateRating(input: unknown): RatingValidation {
  if (!isPlainObject(input)) return invalid('/body', 'Thiếu nội dung đánh giá', 'The rating is missing');
  if (!isRatingLevel(input.level))
    return invalid(
      '/body/level',
      'Chọn mức độ hài lòng: Rất hài lòng, Hài lòng hoặc Không hài lòng',
      'Choose a level: very satisfied, satisfied or not satisfied',
    );
  const criteria: Partial<Record<CriterionCode, RatingLevel>> = {};
  if (input.criteria !== undefined && input.criteria !== null) {
    if (!isPlainObject(input.criteria))
      return invalid('/body/criteria', 'Danh sách tiêu chí không hợp lệ', 'The criteria are not valid');
    for (const [code, level] of Object.entries(input.criteria)) {
      const field = `/body/criteria/${code.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      if (!isCriterionCode(code))
        return invalid(field, `Không có tiêu chí đánh giá "${code}"`, `There is no criterion "${code}"`);
      if (!isRatingLevel(level))
        return invalid(
          field,
          'Mức độ hài lòng của tiêu chí không hợp lệ',
          'The level given for this criterion is not valid',
        );
      criteria[code] = level;
    }
  }
  let comment: string | null = null;
  if (input.comment !== undefined && input.comment !== null) {
    if (typeof input.comment !== 'string')
      return invalid('/body/comment', 'Ý kiến phải là văn bản', 'The comment must be text');
    const normalised = input.comment.normalize('NFC').trim();
    const length = [...normalised].length;
    if (length > MAX_COMMENT_LENGTH)
      return invalid(
        '/body/comment',
        `Ý kiến dài tối đa ${MAX_COMMENT_LENGTH} ký tự (hiện có ${length})`,
        `The comment may have at most ${MAX_COMMENT_LENGTH} characters (it has ${length})`,
      );
    comment = normalised === '' ? null : normalised;
  }
  return { ok: true, value: { level: input.level, criteria, comment } };
}

/** How long a rating stays editable after it was first created. */
export const RATING_EDIT_DAYS = 30;
export const RATING_EDIT_MS = RATING_EDIT_DAYS * 24 * 60 * 60 * 1000;

export type RatingWindow =
  | { allowed: true; action: 'create' }
  | { allowed: true; action: 'edit'; editableUntil: Date }
  | { allowed: false; reason: 'not_returned'; detail: Text }
  | { allowed: false; reason: 'edit_window_closed'; editableUntil: Date; detail: Text };

const validTime = (date: Date, name: string): number => {
  const ms = date.getTime();
  if (Number.isNaN(ms)) throw new RangeError(`${name} is not a valid date`);
  return ms;
};

/**
 * Whether the citizen may rate the application now. The rule ("one rating per application, editable for 30
 * days"), as decided here:
 * - A rating needs a returned result: `returnedAt` is when the application entered state `returned` (DVCQG
 *   status 10 "Đã trả kết quả", vn-rules.md §1.3); null (never returned) or later than `now` → refused.
 * - Creation is allowed at any time after the return — there is no closing date for the first rating.
 * - There is one rating per application; once it exists (`firstRatedAt` = when it was first created), it may be
 *   edited for 30 days counted from that creation, not from the return, so a citizen who rates late still
 *   gets the full 30 days. The 30 days are elapsed time (30 × 24 h; Vietnam has no daylight saving, so this is
 *   also 30 calendar days to the same clock time), bounds included: at exactly creation + 30 days editing is
 *   still allowed, a millisecond later it is not. Editing never moves the window.
 * - Nothing in vn-rules fixes this window (§6.1 gives no legal rule for it): it is a product rule.
 * Invalid dates are programming errors and throw a RangeError.
 */
export function ratingWindow(
  returnedAt: Date | null,
  now: Date,
  firstRatedAt: Date | null = null,
): RatingWindow {
  const nowMs = validTime(now, 'now');
  if (returnedAt === null || validTime(returnedAt, 'returnedAt') > nowMs)
    return {
      allowed: false,
      reason: 'not_returned',
      detail: text(
        'Chỉ đánh giá được sau khi đã nhận kết quả giải quyết hồ sơ',
        'An application can be rated only after its result was returned',
      ),
    };
  if (firstRatedAt === null) return { allowed: true, action: 'create' };
  const editableUntil = new Date(validTime(firstRatedAt, 'firstRatedAt') + RATING_EDIT_MS);
  if (nowMs <= editableUntil.getTime()) return { allowed: true, action: 'edit', editableUntil };
  return {
    allowed: false,
    reason: 'edit_window_closed',
    editableUntil,
    detail: text(
      `Đánh giá chỉ được sửa trong ${RATING_EDIT_DAYS} ngày kể từ khi gửi lần đầu`,
      `A rating can be changed only within ${RATING_EDIT_DAYS} days of first sending it`,
    ),
  };
}

/**
 * True when the rating must reach the unit's leader as a feedback item: the overall level is "Không hài lòng"
 * and the comment says something (not empty after trimming). An unsatisfied rating without a comment is
 * counted (it is a "dislike" for indicator 5.4) but gives the leader nothing to act on.
 */
export function becomesFeedback(rating: {
  level: RatingLevel;
  comment?: string | null | undefined;
}): boolean {
  return rating.level === 'khong_hai_long' && (rating.comment ?? '').trim() !== '';
}
