import type { ColumnType, Generated } from 'kysely';
import type { CitizenTables } from './schema-citizens.ts';
import type { OnlineTables } from './schema-online.ts';
import type { RatingTables } from './schema-ratings.ts';
import type { DeliveryTables } from './schema-delivery.ts';
import type { DocumentTables } from './schema-documents.ts';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export interface UnitsTable {
  id: Generated<string>;
  identity_code: ColumnType<string | null, string | null | undefined, string | null>;
  code_template: ColumnType<string | null, string | null | undefined, string | null>;
  code: string | null;
  name: string;
  name_en: string | null;
  kind: string;
  parent_id: string | null;
  province_code: string;
  valid_from: string | null;
  valid_to: string | null;
  source: string | null;
  created_at: CreatedAt;
}

export interface UnitLinksTable {
  predecessor_id: string;
  successor_id: string;
  effective_on: string;
  basis: string | null;
}

export interface UsersTable {
  id: Generated<string>;
  username: string;
  full_name: string;
  unit_id: string;
  password_hash: string;
  is_demo: Generated<boolean>;
  must_change_password: Generated<boolean>;
  active: Generated<boolean>;
  created_at: CreatedAt;
  password_changed_at: Timestamp | null;
  /** 0013: optional work e-mail for reminders. */
  email: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface UserRolesTable {
  user_id: string;
  role: string;
  unit_id: string;
}

export interface SessionsTable {
  id_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: CreatedAt;
  expires_at: Timestamp;
  ip: string | null;
}

export interface ApiTokensTable {
  id: Generated<string>;
  user_id: string;
  name: string;
  secret_hash: string;
  created_at: CreatedAt;
  expires_at: Timestamp | null;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface LoginFailuresTable {
  key: string;
  at: ColumnType<Date, Date | string | undefined, never>;
}

export interface AuditHeadsTable {
  province_code: string;
  seq: number;
  hash: string;
}

export interface AuditLogTable {
  province_code: string;
  seq: number;
  at: Timestamp;
  actor_id: string | null;
  actor_unit_id: string | null;
  action: string;
  target_type: string;
  target_id: string | null;
  request_id: string | null;
  details: ColumnType<unknown, string, string>;
  prev_hash: string;
  hash: string;
}

export interface JobsTable {
  province_code: string;
  id: string;
  kind: string;
  payload: ColumnType<unknown, string, string>;
  run_at: ColumnType<Date, Date | string | undefined, Date | string>;
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  locked_until: Timestamp | null;
  locked_by: string | null;
  done_at: Timestamp | null;
  last_error: string | null;
  created_at: CreatedAt;
}

export interface CodeSequencesTable {
  province_code: string;
  unit_id: string;
  day: string;
  last: number;
}

type Json = ColumnType<unknown, string, string>;

export interface ApplicationsTable {
  province_code: string;
  id: Generated<string>;
  code: string;
  lookup_key: string;
  procedure_code: string;
  procedure_version: number | null;
  legal_regime: string;
  receiving_unit_id: string;
  deciding_unit_id: string | null;
  assignee_id: string | null;
  channel: number;
  state: string;
  portal_status: number;
  applicant: Json;
  applicant_id_number: string | null;
  documents: Json;
  fee_amount: number | null;
  return_channel: string | null;
  postal: ColumnType<unknown, string | null, string | null>;
  received_at: Timestamp | null;
  due_at: Timestamp | null;
  original_due_at: Timestamp | null;
  step_due_at: Timestamp | null;
  /** Migration 0010: the citizen account that filed online. */
  citizen_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** Migration 0011: the online form and what the citizen typed. */
  form_data: ColumnType<unknown, string | null | undefined, string | null>;
  supplement_requests: Generated<number>;
  pre_receipt_supplements: Generated<number>;
  apologies: Generated<number>;
  counts_late: Generated<boolean>;
  processed_at: Timestamp | null;
  returned_at: Timestamp | null;
  finished_at: Timestamp | null;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface ApplicationEventsTable {
  province_code: string;
  application_id: string;
  seq: number;
  at: Timestamp;
  actor_id: string | null;
  actor_unit_id: string | null;
  action: string;
  from_state: string | null;
  to_state: string;
  payload: Json;
  legal_basis: string | null;
}

export interface IdempotencyKeysTable {
  province_code: string;
  user_id: string;
  key: string;
  request_hash: string;
  application_id: string;
  created_at: CreatedAt;
}

export interface CalendarYearsTable {
  year: number;
  data: ColumnType<unknown, string, string>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
  updated_by: string | null;
}

export interface NotificationsTable {
  province_code: string;
  id: Generated<string>;
  key: string;
  user_id: string;
  kind: string;
  application_id: string | null;
  title_vi: string;
  title_en: string;
  body: Json;
  created_at: ColumnType<Date, Date | string | undefined, never>;
  read_at: Timestamp | null;
}

export interface SchemaMigrationsTable {
  name: string;
  applied_at: CreatedAt;
}

export interface Database extends DocumentTables, DeliveryTables, CitizenTables, OnlineTables, RatingTables {
  units: UnitsTable;
  unit_links: UnitLinksTable;
  users: UsersTable;
  user_roles: UserRolesTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  login_failures: LoginFailuresTable;
  audit_heads: AuditHeadsTable;
  audit_log: AuditLogTable;
  jobs: JobsTable;
  schema_migrations: SchemaMigrationsTable;
  code_sequences: CodeSequencesTable;
  applications: ApplicationsTable;
  application_events: ApplicationEventsTable;
  idempotency_keys: IdempotencyKeysTable;
  calendar_years: CalendarYearsTable;
  notifications: NotificationsTable;
}
