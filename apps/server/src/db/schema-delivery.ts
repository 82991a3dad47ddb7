import type { ColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, Date | string>;

/** Migration 0009: messages to citizens. */
export interface CitizenDeliveriesTable {
  province_code: string;
  id: string;
  channel: 'email' | 'sms';
  event: string;
  application_id: string | null;
  recipient_masked: string;
  status: 'sent' | 'failed';
  provider_id: string | null;
  last_error: string | null;
  sent_at: Timestamp | null;
  created_at: CreatedAt;
  updated_at: CreatedAt;
}

export interface DeliveryTables {
  citizen_deliveries: CitizenDeliveriesTable;
}
