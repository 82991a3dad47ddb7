import type { Kysely, Transaction } from 'kysely';
import { addWorkingDays, type Calendar } from '@motcua/domain/calendar/calendar';
import { vnDateOf } from '@motcua/domain/calendar/dates';
import { DEFAULT_OFFICE_HOURS, closingInstant, type OfficeHours } from '@motcua/domain/calendar/office-hours';
import { PAUSED_STATES, isTerminal, type State } from '@motcua/domain/workflow/states';
import type { Database } from '../../db/schema.ts';
import { jobId, jobsRepository, type JobOf } from '../../jobs/jobs.repository.ts';
import type { JobHandler } from '../../jobs/runner.ts';
import { loadCalendar } from '../calendar/calendar.service.ts';
import type { NotificationJobs, ReminderPayload } from './notification-jobs.ts';
import { notificationsRepository as repo, type NewNotification } from './notifications.repository.ts';
import { scheduleStaffMail, type StaffMailDeps } from './staff-mail.ts';
import { clockAndDate } from './texts.ts';

/** The first reminder goes out at closing time of the working day this many working days before the due day. */
export const REMINDER_WORKING_DAYS_BEFORE = 1;

export interface ReminderDeps {
  /** The calendar in force; read through the caller's transaction when absent. */
  calendar?: Calendar;
  officeHours?: OfficeHours;
}

export interface ReminderTarget {
  provinceCode: string;
  id: string;
  dueAt: Date | null;
  assigneeId: string | null;
}

/** When the two reminders run: closing time of the working day before the due day, and the due time. */
export function reminderTimes(
  dueAt: Date,
  calendar: Calendar,
  officeHours: OfficeHours = DEFAULT_OFFICE_HOURS,
): { before: Date | null; at: Date } {
  const day = addWorkingDays(calendar, vnDateOf(dueAt.getTime()), -REMINDER_WORKING_DAYS_BEFORE);
  const closing = day.ok ? closingInstant(officeHours, day.value) : day;
  // No calendar for the previous day (a missing year): only the reminder at due, rather than failing the action.
  return { before: closing.ok ? new Date(closing.value) : null, at: dueAt };
}

/**
 * Enqueues both reminders of an appointment in the caller's transaction (call on assign, reassign,
 * supplement_received and apology). Ids are derived from the appointment, so calling again for the same one
 * adds nothing, and a moved appointment gets new jobs while the old ones find it moved and do nothing.
 * Returns how many jobs were new.
 */
export async function scheduleReminders(
  trx: Transaction<Database>,
  app: ReminderTarget,
  deps: ReminderDeps = {},
): Promise<number> {
  if (!app.dueAt || !app.assigneeId) return 0;
  const dueAt = app.dueAt.toISOString();
  const times = reminderTimes(app.dueAt, deps.calendar ?? (await loadCalendar(trx)), deps.officeHours);
  const jobs: JobOf<NotificationJobs>[] = [];
  for (const when of ['before', 'at'] as const) {
    const runAt = times[when];
    if (!runAt) continue;
    jobs.push({
      provinceCode: app.provinceCode,
      id: jobId('deadline.reminder', app.id, dueAt, when),
      kind: 'deadline.reminder',
      payload: { applicationId: app.id, dueAt, when },
      runAt,
    });
  }
  return jobsRepository.enqueueMany<NotificationJobs>(trx, jobs);
}

const quiet = (state: string) =>
  isTerminal(state as State) || (PAUSED_STATES as readonly string[]).includes(state);

/**
 * Notifies the assignee, unless the file is settled, paused, unassigned or its appointment moved; by e-mail
 * too when the server sends e-mail and the assignee has an address.
 */
export function reminderHandler(deps: StaffMailDeps & { db: Kysely<Database> }): JobHandler<ReminderPayload> {
  const { db } = deps;
  return async (payload, ctx) => {
    const app = await repo.application(db, ctx.provinceCode, payload.applicationId);
    if (!app?.assignee_id || !app.due_at || quiet(app.state) || app.processed_at) return;
    if (app.due_at.toISOString() !== payload.dueAt) return;
    // A 'before' reminder that runs late (the runner was down) is left to the one at due.
    if (payload.when === 'before' && ctx.now >= app.due_at) return;
    const { time, date } = clockAndDate(app.due_at);
    const titles =
      payload.when === 'before'
        ? {
            titleVi: `Hồ sơ ${app.code} đến hạn vào ${time} ngày ${date}`,
            titleEn: `File ${app.code} is due at ${time} on ${date}`,
          }
        : {
            titleVi: `Hồ sơ ${app.code} đã đến hạn trả kết quả (${time} ngày ${date})`,
            titleEn: `File ${app.code} has reached its due time (${time} on ${date})`,
          };
    const notice: NewNotification = {
      provinceCode: ctx.provinceCode,
      key: ctx.id,
      userId: app.assignee_id,
      kind: 'deadline.reminder',
      applicationId: app.id,
      ...titles,
      body: { code: app.code, dueAt: payload.dueAt, when: payload.when },
      createdAt: ctx.now,
    };
    await db.transaction().execute(async (trx) => {
      await repo.insert(trx, [notice]);
      await scheduleStaffMail(trx, [notice], deps);
    });
  };
}
