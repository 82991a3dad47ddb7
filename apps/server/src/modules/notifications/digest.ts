import type { Kysely } from 'kysely';
import { isWorkingDay, nextWorkingDay, type Calendar } from '@motcua/domain/calendar/calendar';
import { MINUTE_MS, vnDateOf, vnInstant, type IsoDate } from '@motcua/domain/calendar/dates';
import { grantReaches } from '@motcua/domain/permissions/access';
import type { Database } from '../../db/schema.ts';
import { jobId, jobsRepository, type JobOf } from '../../jobs/jobs.repository.ts';
import type { JobHandler } from '../../jobs/runner.ts';
import { valueOf } from '../calendar/deadlines.ts';
import type { DigestPayload, NotificationJobDeps, NotificationJobs } from './notification-jobs.ts';
import { notificationsRepository as repo, type NewNotification } from './notifications.repository.ts';
import { scheduleStaffMail } from './staff-mail.ts';
import { dayMonthYear } from './texts.ts';

/** The daily overdue digest goes out at 07:30 Vietnam time, on working days only. */
export const DIGEST_MINUTES_AFTER_MIDNIGHT = 7 * 60 + 30;
/** Files listed in one digest; the title always gives the full count. */
export const DIGEST_LIST_MAX = 100;

export const digestAt = (date: IsoDate): Date =>
  new Date(vnInstant(date, DIGEST_MINUTES_AFTER_MIDNIGHT * MINUTE_MS));

/** The working day of the first digest strictly after `after`. */
export function nextDigestDate(calendar: Calendar, after: Date): IsoDate {
  const today = vnDateOf(after.getTime());
  if (valueOf(isWorkingDay(calendar, today)) && digestAt(today) > after) return today;
  return valueOf(nextWorkingDay(calendar, today));
}

// The id is the unit and the day: the chain and ensureDigests collide on it, so a unit never gets two chains.
const digestJob = (provinceCode: string, unitId: string, date: IsoDate): JobOf<NotificationJobs> => ({
  provinceCode,
  id: jobId('overdue.digest', unitId, date),
  kind: 'overdue.digest',
  payload: { unitId, date },
  runAt: digestAt(date),
});

/**
 * Starts the digest chain of every unit answerable for an open file (run at start and hourly; idempotent).
 * Units without open files have nothing to be overdue: they join when their first file arrives.
 */
export async function ensureDigests(db: Kysely<Database>, calendar: Calendar, now: Date): Promise<number> {
  const units = await repo.responsibleUnits(db);
  const date = nextDigestDate(calendar, now);
  const jobs = units.map((u) => digestJob(u.province_code, u.unit_id, date));
  return db.transaction().execute((trx) => jobsRepository.enqueueMany<NotificationJobs>(trx, jobs));
}

/**
 * Lists the unit's overdue open files to each leader reaching it, once a day (by e-mail too, to leaders with an
 * address, when the server sends e-mail), then enqueues the next day's.
 */
export function digestHandler(deps: NotificationJobDeps): JobHandler<DigestPayload> {
  const { db } = deps;
  return async ({ unitId, date }, ctx) => {
    const { units, tree } = await deps.units.loadTree();
    const path = tree.pathTo(unitId);
    const unit = units.find((u) => u.id === unitId);
    if (!path || !unit) return; // the unit was removed: the chain ends
    const overdue = await repo.overdue(db, ctx.provinceCode, unitId, ctx.now);
    const leaders = new Set(
      (await repo.leaderGrants(db))
        .filter((g) => grantReaches({ role: 'leader', unitId: g.unitId }, path))
        .map((g) => g.userId),
    );
    const n = overdue.length;
    const notices = n === 0 ? [] : [...leaders];
    // After a downtime the chain resumes at the next slot instead of replaying every missed day.
    const laterOf = Math.max(ctx.now.getTime(), digestAt(date).getTime());
    const next = digestJob(
      ctx.provinceCode,
      unitId,
      nextDigestDate(await deps.currentCalendar(), new Date(laterOf)),
    );
    const rows: NewNotification[] = notices.map((userId) => ({
      provinceCode: ctx.provinceCode,
      key: `${ctx.id}:${userId}`,
      userId,
      kind: 'overdue.digest',
      applicationId: null,
      titleVi: `${n} hồ sơ quá hạn tại ${unit.name} (ngày ${dayMonthYear(date)})`,
      titleEn: `${n} overdue file${n === 1 ? '' : 's'} at ${unit.nameEn ?? unit.name} (${dayMonthYear(date)})`,
      body: {
        unitId,
        date,
        applications: overdue
          .slice(0, DIGEST_LIST_MAX)
          .map((a) => ({ id: a.id, code: a.code, dueAt: a.due_at?.toISOString() })),
      },
      createdAt: ctx.now,
    }));
    await db.transaction().execute(async (trx) => {
      await repo.insert(trx, rows);
      await scheduleStaffMail(trx, rows, deps);
      await jobsRepository.enqueue<NotificationJobs>(trx, next);
    });
  };
}
