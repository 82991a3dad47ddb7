import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { maskRecipient } from './channels.ts';
import type { DeliveryLog } from './deliver.ts';

/**
 * The delivery log in `citizen_deliveries`, one row per message id (the job id). A sent row wins: a late
 * failure of an earlier attempt never turns it back. Only the masked recipient is stored.
 */
export function databaseDeliveryLog(
  db: Kysely<Database>,
  context: {
    provinceCode: string;
    channel: 'email' | 'sms';
    event: string;
    applicationId: string | null;
    to: string;
    now: Date;
  },
): DeliveryLog {
  const base = {
    province_code: context.provinceCode,
    channel: context.channel,
    event: context.event,
    application_id: context.applicationId,
    recipient_masked: maskRecipient(context.channel, context.to),
  };
  return {
    async wasSent(id) {
      const row = await db
        .selectFrom('citizen_deliveries')
        .select('status')
        .where('province_code', '=', context.provinceCode)
        .where('id', '=', id)
        .executeTakeFirst();
      return row?.status === 'sent';
    },
    async markSent(id, providerId) {
      const values = {
        ...base,
        id,
        status: 'sent' as const,
        provider_id: providerId ?? null,
        last_error: null,
        sent_at: context.now,
        updated_at: context.now,
      };
      await db
        .insertInto('citizen_deliveries')
        .values(values)
        .onConflict((oc) =>
          oc.columns(['province_code', 'id']).doUpdateSet({
            status: 'sent',
            provider_id: values.provider_id,
            sent_at: context.now,
            updated_at: context.now,
          }),
        )
        .execute();
    },
    async markFailed(id, reason) {
      await db
        .insertInto('citizen_deliveries')
        .values({ ...base, id, status: 'failed', last_error: reason.slice(0, 2000), updated_at: context.now })
        .onConflict((oc) =>
          oc
            .columns(['province_code', 'id'])
            .doUpdateSet({ last_error: reason.slice(0, 2000), updated_at: context.now })
            .where(sql<boolean>`citizen_deliveries.status <> 'sent'`),
        )
        .execute();
    },
  };
}
