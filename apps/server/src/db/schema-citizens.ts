import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

/** Migration 0010: citizen accounts. */
export interface CitizensTable {
  id: Generated<string>;
  full_name: string;
  email: string | null;
  phone: string | null;
  oidc_issuer: string | null;
  oidc_subject: string | null;
  created_at: CreatedAt;
  last_sign_in_at: Timestamp | null;
}

export interface CitizenSessionsTable {
  id_hash: string;
  citizen_id: string;
  csrf_token: string;
  created_at: CreatedAt;
  expires_at: Timestamp;
}

export interface CitizenCodesTable {
  id: Generated<string>;
  destination: string;
  code_hash: string;
  attempts: Generated<number>;
  created_at: ColumnType<Date, Date | string | undefined, never>;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

export interface CitizenOidcStatesTable {
  state: string;
  nonce: string;
  code_verifier: string;
  expires_at: Timestamp;
}

export interface CitizenTables {
  citizens: CitizensTable;
  citizen_sessions: CitizenSessionsTable;
  citizen_codes: CitizenCodesTable;
  citizen_oidc_states: CitizenOidcStatesTable;
}
