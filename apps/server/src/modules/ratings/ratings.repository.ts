import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { ApplicationRatingsTable, RatingFeedbackTable } from '../../db/schema-ratings.ts';

type Db = Kysely<Database> | Transaction<Database>;
export type RatingRow = Selectable<ApplicationRatingsTable>;
export type FeedbackRow = Selectable<RatingFeedbackTable>;

/** What rating needs of the application. */
export interface RatedApplication {
  province_code: string;
  id: string;
  code: string;
  lookup_key: string;
  procedure_code: string;
  state: string;
  returned_at: Date | null;
  receiving_unit_id: string;
  citizen_id: string | null;
}

export interface LevelCountRow {
  unit_id: string;
  level: string;
  n: number;
}
export interface CriterionCountRow extends LevelCountRow {
  code: string;
}
export interface Indicator54Row {
  unit_id: string;
  dossiers: number;
  overdue: number;
  negative: number;
}

/** Fields written on both creation and edit. */
export interface RatingContent {
  level: RatingRow['level'];
  criteria: Record<string, string>;
  comment: string | null;
  source: RatingRow['source'];
}

/** SQL of the ratings, their feedback items and the satisfaction and 5.4 counts. */
export const ratingsRepository = {
  /** The application, its row locked when `lock` (inside the transaction that writes its rating). */
  async application(db: Db, provinceCode: string, id: string, lock = false) {
    const query = db
      .selectFrom('applications')
      .select([
        'province_code',
        'id',
        'code',
        'lookup_key',
        'procedure_code',
        'state',
        'returned_at',
        'receiving_unit_id',
        'citizen_id',
      ])
      .where('province_code', '=', provinceCode)
      .where('id', '=', id);
    return (lock ? query.forUpdate() : query).executeTakeFirst() as Promise<RatedApplication | undefined>;
  },

  async rating(db: Db, provinceCode: string, applicationId: string): Promise<RatingRow | undefined> {
    return db
      .selectFrom('application_ratings')
      .selectAll()
      .where('province_code', '=', provinceCode)
      .where('application_id', '=', applicationId)
      .executeTakeFirst();
  },

  async insertRating(
    trx: Transaction<Database>,
    app: RatedApplication,
    content: RatingContent,
    at: Date,
  ): Promise<RatingRow> {
    return trx
      .insertInto('application_ratings')
      .values({
        province_code: app.province_code,
        application_id: app.id,
        receiving_unit_id: app.receiving_unit_id,
        citizen_id: app.citizen_id,
        ...content,
        criteria: JSON.stringify(content.criteria),
        first_rated_at: at,
        updated_at: at,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  },

  async updateRating(
    trx: Transaction<Database>,
    provinceCode: string,
    applicationId: string,
    content: RatingContent,
    at: Date,
  ): Promise<RatingRow> {
    return trx
      .updateTable('application_ratings')
      .set({
        ...content,
        criteria: JSON.stringify(content.criteria),
        updated_at: at,
        edits: sql`edits + 1`,
      })
      .where('province_code', '=', provinceCode)
      .where('application_id', '=', applicationId)
      .returningAll()
      .executeTakeFirstOrThrow();
  },

  /** The item of this application still waiting for an answer, or withdrawn before one (at most one). */
  async pendingFeedback(trx: Transaction<Database>, provinceCode: string, applicationId: string) {
    return trx
      .selectFrom('rating_feedback')
      .selectAll()
      .where('province_code', '=', provinceCode)
      .where('application_id', '=', applicationId)
      .where('status', 'in', ['open', 'withdrawn'])
      .executeTakeFirst();
  },

  async insertFeedback(
    trx: Transaction<Database>,
    row: { province_code: string; application_id: string; unit_id: string; comment: string; at: Date },
  ): Promise<void> {
    await trx
      .insertInto('rating_feedback')
      .values({
        province_code: row.province_code,
        application_id: row.application_id,
        unit_id: row.unit_id,
        comment: row.comment,
        created_at: row.at,
        updated_at: row.at,
      })
      .execute();
  },

  async setFeedback(
    trx: Transaction<Database>,
    item: Pick<FeedbackRow, 'province_code' | 'id'>,
    patch: { status: 'open' | 'withdrawn'; comment?: string; at: Date },
  ): Promise<void> {
    await trx
      .updateTable('rating_feedback')
      .set({
        status: patch.status,
        ...(patch.comment !== undefined ? { comment: patch.comment } : {}),
        updated_at: patch.at,
      })
      .where('province_code', '=', item.province_code)
      .where('id', '=', item.id)
      .execute();
  },

  async feedbackById(db: Db, id: string, lock = false): Promise<FeedbackRow | undefined> {
    const query = db.selectFrom('rating_feedback').selectAll().where('id', '=', id);
    return (lock ? query.forUpdate() : query).executeTakeFirst();
  },

  async answerFeedback(
    trx: Transaction<Database>,
    item: Pick<FeedbackRow, 'province_code' | 'id'>,
    answer: { text: string; by: string; at: Date },
  ): Promise<void> {
    await trx
      .updateTable('rating_feedback')
      .set({
        status: 'answered',
        answer: answer.text,
        answered_by: answer.by,
        answered_at: answer.at,
        updated_at: answer.at,
      })
      .where('province_code', '=', item.province_code)
      .where('id', '=', item.id)
      .execute();
  },

  /** Feedback items of the units, newest first, with the file's code and the rating's current level. */
  async feedbackList(
    db: Db,
    provinceCode: string,
    unitIds: string[],
    filter: { status?: FeedbackRow['status'] | undefined; id?: string; limit?: number } = {},
  ) {
    if (unitIds.length === 0) return [];
    let query = db
      .selectFrom('rating_feedback as f')
      .innerJoin('applications as a', (join) =>
        join.onRef('a.province_code', '=', 'f.province_code').onRef('a.id', '=', 'f.application_id'),
      )
      .innerJoin('application_ratings as r', (join) =>
        join
          .onRef('r.province_code', '=', 'f.province_code')
          .onRef('r.application_id', '=', 'f.application_id'),
      )
      .leftJoin('users as u', 'u.id', 'f.answered_by')
      .selectAll('f')
      .select([
        'a.code as application_code',
        'a.procedure_code',
        'r.level',
        'u.full_name as answered_by_name',
      ])
      .where('f.province_code', '=', provinceCode)
      .where('f.unit_id', 'in', unitIds);
    if (filter.status) query = query.where('f.status', '=', filter.status);
    if (filter.id) query = query.where('f.id', '=', filter.id);
    return query
      .orderBy('f.created_at', 'desc')
      .orderBy('f.id')
      .limit(filter.limit ?? 500)
      .execute();
  },

  /** Ratings first sent in [from, to), per unit and overall level (the level as it is now, after edits). */
  async levelCounts(db: Db, provinceCode: string, unitIds: string[], from: Date, to: Date) {
    if (unitIds.length === 0) return [];
    const result = await sql<LevelCountRow>`
      SELECT receiving_unit_id AS unit_id, level, count(*)::int AS n
      FROM application_ratings
      WHERE province_code = ${provinceCode} AND receiving_unit_id = ANY(${unitIds}::uuid[])
        AND first_rated_at >= ${from} AND first_rated_at < ${to}
      GROUP BY receiving_unit_id, level`.execute(db);
    return result.rows;
  },

  /** The same ratings, per unit, criterion and level, for the criteria each rating rated. */
  async criterionCounts(db: Db, provinceCode: string, unitIds: string[], from: Date, to: Date) {
    if (unitIds.length === 0) return [];
    const result = await sql<CriterionCountRow>`
      SELECT r.receiving_unit_id AS unit_id, c.key AS code, c.value AS level, count(*)::int AS n
      FROM application_ratings r CROSS JOIN LATERAL jsonb_each_text(r.criteria) AS c(key, value)
      WHERE r.province_code = ${provinceCode} AND r.receiving_unit_id = ANY(${unitIds}::uuid[])
        AND r.first_rated_at >= ${from} AND r.first_rated_at < ${to}
      GROUP BY r.receiving_unit_id, c.key, c.value`.execute(db);
    return result.rows;
  },

  /**
   * The counts of Decision 766 indicator 5.4 per receiving unit (packages/domain/src/ratings/indicator-5-4.ts):
   * - dossiers: files received (not refused at the counter) before the end of the period whose processing had
   *   not ended before it began — received in the period or carried over into it ("tiếp nhận, xử lý trong kỳ",
   *   vn-rules.md §1.7). Processing ends when the result is ready (processed_at) or the file ends otherwise
   *   (finished_at: returned, refused, stopped, withdrawn), whichever is first (§1.6).
   * - overdue: of those, files DVCQG counts late (counts_late: a second supplement request or an apology),
   *   files whose processing ended in the period after the appointment, and files still open at the reference
   *   time (the end of the period, or `now` within the current period) past their appointment (§1.7).
   * - negative: of those, files whose rating is "Không hài lòng" now, or with a feedback item the citizen did
   *   not withdraw (an answered item still counts: the complaint was made). Ratings count whenever they were
   *   sent, so a late rating lowers the figure of the period its file belongs to.
   */
  async indicator54(db: Db, provinceCode: string, unitIds: string[], from: Date, to: Date, now: Date) {
    if (unitIds.length === 0) return [];
    const result = await sql<Indicator54Row>`
      WITH files AS (
        SELECT a.province_code, a.id, a.receiving_unit_id AS unit_id, a.due_at, a.counts_late,
               COALESCE(a.processed_at, a.finished_at) AS ended_at
        FROM applications a
        WHERE a.province_code = ${provinceCode} AND a.receiving_unit_id = ANY(${unitIds}::uuid[])
          AND a.received_at IS NOT NULL AND a.received_at < ${to}
          AND (COALESCE(a.processed_at, a.finished_at) IS NULL
               OR COALESCE(a.processed_at, a.finished_at) >= ${from})
      )
      SELECT f.unit_id,
        count(*)::int AS dossiers,
        count(*) FILTER (WHERE f.counts_late OR (f.due_at IS NOT NULL AND
          CASE WHEN f.ended_at < ${to} THEN f.ended_at
               ELSE LEAST(${to}::timestamptz, ${now}::timestamptz) END > f.due_at))::int AS overdue,
        count(*) FILTER (WHERE
          EXISTS (SELECT 1 FROM application_ratings r
                   WHERE r.province_code = f.province_code AND r.application_id = f.id
                     AND r.level = 'khong_hai_long')
          OR EXISTS (SELECT 1 FROM rating_feedback b
                      WHERE b.province_code = f.province_code AND b.application_id = f.id
                        AND b.status <> 'withdrawn'))::int AS negative
      FROM files f
      GROUP BY f.unit_id`.execute(db);
    return result.rows;
  },
};
