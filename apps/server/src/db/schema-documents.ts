import type { ColumnType, Generated } from 'kysely';

/** Tables of migration 0008: digitization, results, signing keys, the outgoing-documents register. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Json = ColumnType<unknown, string, string>;

export interface StoredFilesTable {
  province_code: string;
  sha256: string;
  media_type: string;
  size: ColumnType<string, number, number>;
  pages: number | null;
  created_at: CreatedAt;
}

export interface ApplicationDocumentsTable {
  province_code: string;
  application_id: string;
  position: number;
  sha256: string;
  file_name: string;
  pages: number;
  digitized_at: Timestamp;
  digitized_by: string | null;
  reused_from_application_id: string | null;
  reused_from_code: string | null;
  reuse_source: 'prior_application' | 'prior_result' | null;
}

export interface DocumentSequencesTable {
  province_code: string;
  unit_id: string;
  year: number;
  last: number;
}

export interface OutgoingDocumentsTable {
  province_code: string;
  id: Generated<string>;
  unit_id: string;
  year: number;
  number: number;
  symbol: string;
  number_symbol: string;
  kind: string;
  title: string;
  issued_at: Timestamp;
  signer_id: string | null;
  signed_digitally: boolean;
  sha256: string | null;
  application_id: string | null;
  result_code: string | null;
  registered_by: string | null;
  created_at: CreatedAt;
}

export type ResultStatus = 'draft' | 'signed' | 'sealed' | 'scanned';

export interface ApplicationResultsTable {
  province_code: string;
  application_id: string;
  n: number;
  result_code: string;
  status: ResultStatus;
  content: Json;
  sha256: string | null;
  pages: number | null;
  outgoing_document_id: string | null;
  drafted_by: string | null;
  signed_by: string | null;
  signed_at: Timestamp | null;
  sealed_by: string | null;
  sealed_at: Timestamp | null;
  created_at: CreatedAt;
}

export interface SigningKeysTable {
  province_code: string;
  id: Generated<string>;
  owner_kind: 'person' | 'organisation';
  unit_id: string;
  user_id: string | null;
  pkcs12: Buffer;
  certificate: Buffer;
  subject: string;
  not_after: Timestamp;
  image_sha256: string | null;
  active: Generated<boolean>;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface TrustedRootsTable {
  id: Generated<string>;
  certificate: Buffer;
  sha256: string;
  subject: string;
  not_after: Timestamp;
  demo: Generated<boolean>;
  created_at: CreatedAt;
}

export interface DocumentTables {
  stored_files: StoredFilesTable;
  application_documents: ApplicationDocumentsTable;
  document_sequences: DocumentSequencesTable;
  outgoing_documents: OutgoingDocumentsTable;
  application_results: ApplicationResultsTable;
  signing_keys: SigningKeysTable;
  trusted_roots: TrustedRootsTable;
}
