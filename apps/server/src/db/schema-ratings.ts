import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

/** Migration 0012: one citizen rating per application. */
export interface ApplicationRatingsTable {
  province_code: string;
  application_id: string;
  receiving_unit_id: string;
  citizen_id: string | null;
  source: 'portal' | 'link' | 'kiosk';
  level: 'rat_hai_long' | 'hai_long' | 'khong_hai_long';
  /** Criterion code → level; written as JSON text. */
  criteria: ColumnType<Record<string, string>, string, string>;
  comment: string | null;
  first_rated_at: Timestamp;
  updated_at: Timestamp;
  edits: Generated<number>;
}

/** Migration 0012: a dislike with a comment, for the unit's leader. */
export interface RatingFeedbackTable {
  province_code: string;
  id: Generated<string>;
  application_id: string;
  unit_id: string;
  comment: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  status: ColumnType<
    'open' | 'answered' | 'withdrawn',
    'open' | undefined,
    'open' | 'answered' | 'withdrawn'
  >;
  answer: string | null;
  answered_by: string | null;
  answered_at: Timestamp | null;
}

export interface RatingTables {
  application_ratings: ApplicationRatingsTable;
  rating_feedback: RatingFeedbackTable;
}
