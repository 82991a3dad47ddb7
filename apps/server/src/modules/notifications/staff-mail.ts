import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { jobId, jobsRepository, type NewJob } from '../../jobs/jobs.repository.ts';
import type { JobHandler } from '../../jobs/runner.ts';
import type { Channel } from '../delivery/channels.ts';
import { deliverMessage } from '../delivery/deliver.ts';
import { databaseDeliveryLog } from '../delivery/delivery-log.ts';
import { notificationsRepository as repo, type NewNotification } from './notifications.repository.ts';
import { renderStaffMail } from './staff-mail-texts.ts';

export const STAFF_MAIL = 'staff.mail';

/** The notice to e-mail, by its key; the text and the address are read when the job runs. */
export interface StaffMailPayload {
  key: string;
}

/** How staff e-mail goes out: the server's e-mail channel (absent: in-app only) and the app's address for links. */
export interface StaffMailDeps {
  channels?: Partial<Record<'email' | 'sms', Channel>>;
  publicUrl?: string;
}

/**
 * In the transaction that writes the notices: one e-mail job per notice whose recipient has an address, when
 * e-mail is configured. The job id comes from the notice's key, so a reminder or digest run again enqueues
 * nothing new; the delivery log then keeps a re-run e-mail job from sending twice.
 */
export async function scheduleStaffMail(
  trx: Transaction<Database>,
  notices: readonly NewNotification[],
  deps: StaffMailDeps,
): Promise<number> {
  if (!deps.channels?.email || notices.length === 0) return 0;
  const reachable = await repo.withEmail(trx, [...new Set(notices.map((n) => n.userId))]);
  const jobs: NewJob<typeof STAFF_MAIL, StaffMailPayload>[] = notices
    .filter((n) => reachable.has(n.userId))
    .map((n) => ({
      provinceCode: n.provinceCode,
      id: jobId(STAFF_MAIL, n.key),
      kind: STAFF_MAIL,
      payload: { key: n.key },
      runAt: n.createdAt,
    }));
  return jobsRepository.enqueueMany<{ [STAFF_MAIL]: StaffMailPayload }>(trx, jobs);
}

/** Sends the e-mail copy of one notice, once (deliverMessage and the delivery log, as for citizens). */
export function staffMailHandler(
  deps: StaffMailDeps & { db: Kysely<Database> },
): JobHandler<StaffMailPayload> {
  return async ({ key }, ctx) => {
    const channel = deps.channels?.email;
    const notice = await repo.mailOf(deps.db, ctx.provinceCode, key);
    // E-mail turned off, the address removed or the account closed since: nothing to send, nothing to retry.
    if (!channel || !notice?.email || !notice.active) return;
    const to = notice.email;
    const mail = renderStaffMail(
      {
        kind: notice.kind,
        titleVi: notice.title_vi,
        titleEn: notice.title_en,
        applicationId: notice.application_id,
        body: notice.body,
      },
      deps.publicUrl ?? '',
    );
    await deliverMessage(
      {
        channel,
        record: databaseDeliveryLog(deps.db, {
          provinceCode: ctx.provinceCode,
          channel: 'email',
          event: `staff.${notice.kind}`,
          applicationId: notice.application_id,
          to,
          now: ctx.now,
        }),
        logger: ctx.logger,
      },
      { id: ctx.id, to, lang: 'vi', ...mail },
    );
  };
}
