import type { Kysely } from 'kysely';
import type { Calendar } from '@motcua/domain/calendar/calendar';
import type { OfficeHours } from '@motcua/domain/calendar/office-hours';
import type { Database } from '../../db/schema.ts';
import type { JobHandlers } from '../../jobs/runner.ts';
import type { UnitsService } from '../units/units.service.ts';
import { digestHandler } from './digest.ts';
import { reminderHandler } from './reminders.ts';
import { staffMailHandler, type StaffMailDeps, type StaffMailPayload } from './staff-mail.ts';

export interface ReminderPayload {
  applicationId: string;
  /** The appointment the reminder was scheduled for (ISO, UTC): a moved appointment makes it stale. */
  dueAt: string;
  when: 'before' | 'at';
}

export interface DigestPayload {
  unitId: string;
  /** The working day of the digest, Vietnam date `YYYY-MM-DD`. */
  date: string;
}

/** The job kinds of this module and their payloads (JobOf<NotificationJobs> types what is enqueued). */
export interface NotificationJobs {
  'deadline.reminder': ReminderPayload;
  'overdue.digest': DigestPayload;
  'staff.mail': StaffMailPayload;
}

/** With `channels.email` set, every reminder and digest is also e-mailed to recipients who have an address. */
export interface NotificationJobDeps extends StaffMailDeps {
  db: Kysely<Database>;
  /** The working-day calendar in force (shipped years plus administrators' edits). */
  currentCalendar: () => Promise<Calendar>;
  units: Pick<UnitsService, 'loadTree'>;
  officeHours?: OfficeHours;
}

/** The handlers to spread into createJobRunner({ handlers }) in app.ts. */
export function notificationJobHandlers(deps: NotificationJobDeps): JobHandlers<NotificationJobs> {
  return {
    'deadline.reminder': reminderHandler(deps),
    'overdue.digest': digestHandler(deps),
    'staff.mail': staffMailHandler(deps),
  };
}
