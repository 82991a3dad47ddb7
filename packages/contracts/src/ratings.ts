import { Type, type Static, type TOptional } from 'typebox';
import { CRITERIA, RATING_LEVELS, type CriterionCode } from '@motcua/domain/ratings/criteria';
import { IsoDate, IsoDateTime, Uuid } from './common.ts';

/**
 * Citizen satisfaction ratings of an application (vn-rules.md §6.1), the satisfaction report, Decision 766
 * indicator 5.4 (§5.2) and the feedback items a "Không hài lòng" with a comment opens for the unit's leader.
 */

export const RatingLevelValue = Type.Enum(RATING_LEVELS);
export const RatingSource = Type.Enum(['portal', 'link', 'kiosk'], {
  description:
    'portal = the citizen portal, link = the invitation link or QR code, kiosk = the counter kiosk',
});

const criterionProperties = Object.fromEntries(
  CRITERIA.map((code) => [code, Type.Optional(RatingLevelValue)]),
) as { [K in CriterionCode]: TOptional<typeof RatingLevelValue> };
/** The criteria the citizen chose to rate; one left out was not rated. */
export const RatingCriteria = Type.Object(criterionProperties, { additionalProperties: false });

export const RatingBody = Type.Object(
  {
    key: Type.String({ minLength: 4, maxLength: 12, description: 'Mã tra cứu printed on the slip' }),
    level: RatingLevelValue,
    criteria: Type.Optional(RatingCriteria),
    comment: Type.Optional(
      Type.String({ maxLength: 4000, description: 'At most 2000 characters after NFC normalisation' }),
    ),
    source: RatingSource,
  },
  { additionalProperties: false },
);
export type RatingBody = Static<typeof RatingBody>;

export const SavedRating = Type.Object({
  level: RatingLevelValue,
  criteria: RatingCriteria,
  comment: Type.Union([Type.String(), Type.Null()]),
  source: RatingSource,
  firstRatedAt: IsoDateTime,
  updatedAt: IsoDateTime,
  edits: Type.Integer({ minimum: 0 }),
});
export type SavedRating = Static<typeof SavedRating>;

/** What the holder of the slip may do now: rate (only once the result was returned), edit for 30 days, or not. */
export const RatingState = Type.Object({
  code: Type.String(),
  procedureName: Type.String(),
  unitName: Type.Union([Type.String(), Type.Null()]),
  returnedAt: Type.Union([IsoDateTime, Type.Null()]),
  canRate: Type.Boolean(),
  action: Type.Union([Type.Enum(['create', 'edit']), Type.Null()]),
  reason: Type.Union([Type.Enum(['not_returned', 'edit_window_closed']), Type.Null()]),
  editableUntil: Type.Union([IsoDateTime, Type.Null()]),
  rating: Type.Union([SavedRating, Type.Null()]),
});
export type RatingState = Static<typeof RatingState>;

const Rate = Type.Union([Type.Number({ minimum: 0, maximum: 1 }), Type.Null()], {
  description: '(rất hài lòng + hài lòng) / ratings, to 4 decimals; null without ratings',
});
export const RatingLevelCounts = Type.Object({
  rat_hai_long: Type.Integer({ minimum: 0 }),
  hai_long: Type.Integer({ minimum: 0 }),
  khong_hai_long: Type.Integer({ minimum: 0 }),
});

export const SatisfactionLine = Type.Object({
  unitId: Uuid,
  unitName: Type.String(),
  ratings: Type.Integer({ minimum: 0 }),
  counts: RatingLevelCounts,
  rate: Rate,
  /** The 12 criteria in the domain's order, each with the ratings that rated it. */
  criteria: Type.Array(Type.Object({ code: Type.Enum(CRITERIA), counts: RatingLevelCounts, rate: Rate })),
});
export type SatisfactionLine = Static<typeof SatisfactionLine>;
export const SatisfactionReport = Type.Object({
  from: IsoDate,
  to: IsoDate,
  items: Type.Array(SatisfactionLine),
  total: SatisfactionLine,
});
export type SatisfactionReport = Static<typeof SatisfactionReport>;

export const Indicator54Line = Type.Object({
  unitId: Uuid,
  unitName: Type.String(),
  /** Files received in the period or carried over into it still open. */
  dossiers: Type.Integer({ minimum: 0 }),
  overdue: Type.Integer({ minimum: 0 }),
  withFeedbackOrDislike: Type.Integer({ minimum: 0 }),
  percent: Type.Union([Type.Number({ minimum: 0, maximum: 100 }), Type.Null()]),
  points: Type.Union([Type.Number({ minimum: 0 }), Type.Null()]),
});
export type Indicator54Line = Static<typeof Indicator54Line>;
export const Indicator54Report = Type.Object({
  from: IsoDate,
  to: IsoDate,
  maxPoints: Type.Number(),
  targetPercent: Type.Number(),
  items: Type.Array(Indicator54Line),
  total: Indicator54Line,
});
export type Indicator54Report = Static<typeof Indicator54Report>;

export const FeedbackStatus = Type.Enum(['open', 'answered', 'withdrawn']);
export const FeedbackQuery = Type.Object(
  { unitId: Uuid, status: Type.Optional(FeedbackStatus) },
  { additionalProperties: false },
);
export type FeedbackQuery = Static<typeof FeedbackQuery>;

export const FeedbackItem = Type.Object({
  id: Uuid,
  applicationId: Uuid,
  applicationCode: Type.String(),
  procedureName: Type.String(),
  unitId: Uuid,
  unitName: Type.String(),
  /** The rating's level now (the citizen may have changed it since). */
  level: RatingLevelValue,
  comment: Type.String(),
  status: FeedbackStatus,
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  answer: Type.Union([Type.String(), Type.Null()]),
  answeredBy: Type.Union([Type.Object({ id: Uuid, fullName: Type.String() }), Type.Null()]),
  answeredAt: Type.Union([IsoDateTime, Type.Null()]),
});
export type FeedbackItem = Static<typeof FeedbackItem>;
export const FeedbackList = Type.Object({ items: Type.Array(FeedbackItem) });
export type FeedbackList = Static<typeof FeedbackList>;

export const FeedbackAnswerBody = Type.Object(
  { answer: Type.String({ minLength: 1, maxLength: 4000 }) },
  { additionalProperties: false },
);
export type FeedbackAnswerBody = Static<typeof FeedbackAnswerBody>;
