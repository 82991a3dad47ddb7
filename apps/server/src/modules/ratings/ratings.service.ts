import type { Kysely, Transaction } from 'kysely';
import type { FeedbackItem, FeedbackQuery, RatingState, SavedRating } from '@motcua/contracts/ratings';
import type { PeriodQuery } from '@motcua/contracts/records';
import { fail, text } from '@motcua/domain/errors';
import { becomesFeedback, ratingWindow, validateRating, type Rating } from '@motcua/domain/ratings/rating';
import type { Grant } from '@motcua/domain/permissions/access';
import type { Role } from '@motcua/domain/permissions/roles';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../actor.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import type { ProcedureLookup } from '../applications/ports.ts';
import { periodOf } from '../records/digitization-report.ts';
import type { UnitsService } from '../units/units.service.ts';
import {
  ratingsRepository as repo,
  type RatedApplication,
  type RatingContent,
  type RatingRow,
} from './ratings.repository.ts';
import { indicator54Report, satisfactionReport } from './ratings.reports.ts';

export type RatingSourceName = RatingRow['source'];

/** The file behind a code and its slip key, found (and wrong keys throttled) the way the public lookup does. */
export type PublicFinder = (
  code: string,
  key: string,
  ip: string,
) => Promise<{ province_code: string; id: string }>;

/** Who reads the satisfaction figures of a unit: its leaders and the operation centre (IOC). */
const REPORT_ROLES: ReadonlySet<Role> = new Set(['leader', 'ioc_operator']);
/** Who answers the feedback of a unit: a leader of that unit or of a unit above it. */
const FEEDBACK_ROLES: ReadonlySet<Role> = new Set(['leader']);
const MAX_ANSWER = 4000;

const only = (grants: readonly Grant[], roles: ReadonlySet<Role>) => grants.filter((g) => roles.has(g.role));
const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

function savedOf(row: RatingRow): SavedRating {
  return {
    level: row.level,
    criteria: row.criteria,
    comment: row.comment,
    source: row.source,
    firstRatedAt: iso(row.first_rated_at)!,
    updatedAt: iso(row.updated_at)!,
    edits: row.edits,
  };
}

export function createRatingsService(deps: {
  db: Kysely<Database>;
  units: UnitsService;
  procedures: ProcedureLookup;
  findPublic: PublicFinder;
  clock?: () => Date;
}) {
  const { db, units } = deps;
  const now = deps.clock ?? (() => new Date());

  async function stateOf(
    app: RatedApplication,
    rating: RatingRow | undefined,
    at: Date,
  ): Promise<RatingState> {
    const { units: all } = await units.loadTree();
    const returnedAt = app.state === 'returned' ? app.returned_at : null;
    const window = ratingWindow(returnedAt, at, rating?.first_rated_at ?? null);
    return {
      code: app.code,
      procedureName: (await deps.procedures.find(app.procedure_code))?.name ?? app.procedure_code,
      unitName: all.find((u) => u.id === app.receiving_unit_id)?.name ?? null,
      returnedAt: iso(returnedAt),
      canRate: window.allowed,
      action: window.allowed ? window.action : null,
      reason: window.allowed ? null : window.reason,
      // Until when it may be changed, or since when it may not.
      editableUntil: 'editableUntil' in window ? window.editableUntil.toISOString() : null,
      rating: rating ? savedOf(rating) : null,
    };
  }

  async function located(code: string, key: string, ip: string) {
    const found = await deps.findPublic(code, key, ip);
    const app = await repo.application(db, found.province_code, found.id);
    if (!app) fail({ kind: 'NotFound', entity: 'application' });
    return app;
  }

  /** What the holder of the slip may do now, and the rating they gave if any. */
  async function state(code: string, key: string, ip: string): Promise<RatingState> {
    const app = await located(code, key, ip);
    return stateOf(app, await repo.rating(db, app.province_code, app.id), now());
  }

  /**
   * Creates the application's one rating, or changes it within 30 days of the first (domain ratingWindow).
   * A "Không hài lòng" with a comment becomes a feedback item for the leaders of the receiving unit; an open
   * item follows the citizen's later edits of that comment, and is withdrawn (kept, no longer waiting) when
   * the rating stops being a dislike with a comment. An answered item is never changed: a new dislike after
   * an answer opens a new item, so every answer stays next to the comment it answered.
   */
  async function save(
    code: string,
    input: { key: string; level?: unknown; criteria?: unknown; comment?: unknown; source: RatingSourceName },
    ip: string,
  ): Promise<RatingState> {
    const app = await located(code, input.key, ip);
    const checked = validateRating({ level: input.level, criteria: input.criteria, comment: input.comment });
    if (!checked.ok) fail({ kind: 'Invalid', field: checked.field, detail: checked.detail });
    const at = now();
    const saved = await db.transaction().execute(async (trx) => {
      const locked = await repo.application(trx, app.province_code, app.id, true);
      if (!locked) fail({ kind: 'NotFound', entity: 'application' });
      const existing = await repo.rating(trx, locked.province_code, locked.id);
      const returnedAt = locked.state === 'returned' ? locked.returned_at : null;
      const window = ratingWindow(returnedAt, at, existing?.first_rated_at ?? null);
      if (!window.allowed) fail({ kind: 'Conflict', entity: 'rating', detail: window.detail });
      const content = contentOf(checked.value, input.source);
      const row = existing
        ? await repo.updateRating(trx, locked.province_code, locked.id, content, at)
        : await repo.insertRating(trx, locked, content, at);
      await syncFeedback(trx, locked, checked.value, at);
      return { locked, row };
    });
    return stateOf(saved.locked, saved.row, at);
  }

  async function syncFeedback(trx: Transaction<Database>, app: RatedApplication, rating: Rating, at: Date) {
    const pending = await repo.pendingFeedback(trx, app.province_code, app.id);
    if (becomesFeedback(rating)) {
      const comment = rating.comment!;
      if (!pending)
        await repo.insertFeedback(trx, {
          province_code: app.province_code,
          application_id: app.id,
          unit_id: app.receiving_unit_id,
          comment,
          at,
        });
      else if (pending.status === 'withdrawn' || pending.comment !== comment)
        await repo.setFeedback(trx, pending, { status: 'open', comment, at });
    } else if (pending?.status === 'open') {
      await repo.setFeedback(trx, pending, { status: 'withdrawn', at });
    }
  }

  /** The unit a report is asked for, when the caller leads it or watches it from the IOC (else 403). */
  const reportUnit = (actor: Actor, unitId: string) =>
    units.authorize(only(actor.grants, REPORT_ROLES), 'applications.read', unitId);

  async function subtree(unitId: string) {
    const { units: all, tree } = await units.loadTree();
    return all.filter((u) => tree.isAncestorOrSelf(unitId, u.id));
  }

  async function satisfaction(actor: Actor, query: PeriodQuery) {
    const { from, to } = periodOf(query);
    const unit = await reportUnit(actor, query.unitId);
    const inside = await subtree(unit.id);
    const ids = inside.map((u) => u.id);
    const [levels, criteria] = await Promise.all([
      repo.levelCounts(db, unit.provinceCode, ids, from, to),
      repo.criterionCounts(db, unit.provinceCode, ids, from, to),
    ]);
    return { from: query.from, to: query.to, ...satisfactionReport(unit, inside, levels, criteria) };
  }

  async function indicator54(actor: Actor, query: PeriodQuery) {
    const { from, to } = periodOf(query);
    const unit = await reportUnit(actor, query.unitId);
    const inside = await subtree(unit.id);
    const rows = await repo.indicator54(
      db,
      unit.provinceCode,
      inside.map((u) => u.id),
      from,
      to,
      now(),
    );
    return { from: query.from, to: query.to, ...indicator54Report(unit, inside, rows) };
  }

  /** Feedback rows as the API shows them, the procedure names looked up once each. */
  async function itemsOf(
    rows: Awaited<ReturnType<typeof repo.feedbackList>>,
    inside: { id: string; name: string }[],
  ): Promise<FeedbackItem[]> {
    const names = new Map<string, string>();
    for (const row of rows)
      if (!names.has(row.procedure_code))
        names.set(
          row.procedure_code,
          (await deps.procedures.find(row.procedure_code))?.name ?? row.procedure_code,
        );
    return rows.map((row) => ({
      id: row.id,
      applicationId: row.application_id,
      applicationCode: row.application_code,
      procedureName: names.get(row.procedure_code)!,
      unitId: row.unit_id,
      unitName: inside.find((u) => u.id === row.unit_id)?.name ?? row.unit_id,
      level: row.level,
      comment: row.comment,
      status: row.status,
      createdAt: iso(row.created_at)!,
      updatedAt: iso(row.updated_at)!,
      answer: row.answer,
      answeredBy:
        row.answered_by && row.answered_by_name
          ? { id: row.answered_by, fullName: row.answered_by_name }
          : null,
      answeredAt: iso(row.answered_at),
    }));
  }

  /** The feedback items of the unit and the units below it, for its leaders (others: 403). */
  async function feedback(actor: Actor, query: FeedbackQuery): Promise<{ items: FeedbackItem[] }> {
    const unit = await units.authorize(only(actor.grants, FEEDBACK_ROLES), 'applications.read', query.unitId);
    const inside = await subtree(unit.id);
    const ids = inside.map((u) => u.id);
    const rows = await repo.feedbackList(db, unit.provinceCode, ids, { status: query.status });
    return { items: await itemsOf(rows, inside) };
  }

  /** A leader of the item's unit (or above) answers it, once; the answer is audited. */
  async function answer(actor: Actor, id: string, body: { answer: string }): Promise<FeedbackItem> {
    const item = await repo.feedbackById(db, id);
    if (!item) fail({ kind: 'NotFound', entity: 'feedback', id });
    const unit = await units.authorize(only(actor.grants, FEEDBACK_ROLES), 'applications.read', item.unit_id);
    const answerText = body.answer.normalize('NFC').trim();
    if (answerText === '' || [...answerText].length > MAX_ANSWER)
      fail({
        kind: 'Invalid',
        field: '/body/answer',
        detail: text(
          `Nhập nội dung trả lời (tối đa ${MAX_ANSWER} ký tự)`,
          `Write the answer (at most ${MAX_ANSWER} characters)`,
        ),
      });
    const at = now();
    await db.transaction().execute(async (trx) => {
      const locked = await repo.feedbackById(trx, id, true);
      if (!locked || locked.status !== 'open')
        fail({
          kind: 'Conflict',
          entity: 'feedback',
          detail:
            locked?.status === 'answered'
              ? text('Ý kiến này đã được trả lời', 'This feedback has already been answered')
              : text(
                  'Người dân đã rút ý kiến này (đã sửa đánh giá)',
                  'The citizen withdrew this feedback by changing the rating',
                ),
        });
      await repo.answerFeedback(trx, locked, { text: answerText, by: actor.userId, at });
      await appendAudit(
        trx,
        {
          provinceCode: locked.province_code,
          actorId: actor.userId,
          actorUnitId: actor.unitId,
          action: 'feedback.answer',
          targetType: 'rating_feedback',
          targetId: locked.id,
          requestId: actor.requestId,
          details: { applicationId: locked.application_id },
        },
        at,
      );
    });
    const rows = await repo.feedbackList(db, item.province_code, [item.unit_id], { id });
    return (await itemsOf(rows, [unit]))[0]!;
  }

  return { state, save, satisfaction, indicator54, feedback, answer };
}

function contentOf(rating: Rating, source: RatingSourceName): RatingContent {
  return { level: rating.level, criteria: rating.criteria, comment: rating.comment, source };
}

export type RatingsService = ReturnType<typeof createRatingsService>;
