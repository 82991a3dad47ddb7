-- Digitization, results, signatures and the outgoing-documents register (issue 4; vn-rules.md §3 and §8).
-- File bytes live in the content-addressed file store (local folder or S3); the database keeps what they are.

CREATE TABLE stored_files (
  province_code text NOT NULL,
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  media_type text NOT NULL CHECK (media_type IN ('application/pdf', 'image/jpeg', 'image/png', 'image/tiff')),
  size bigint NOT NULL CHECK (size > 0),
  pages integer CHECK (pages >= 1),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (province_code, sha256)
);
COMMENT ON TABLE stored_files IS 'What each stored file is (sniffed type, size, page count); its bytes are in the file store under the SHA-256.';

CREATE TABLE application_documents (
  province_code text NOT NULL,
  application_id uuid NOT NULL,
  position smallint NOT NULL CHECK (position >= 1),
  sha256 text NOT NULL,
  file_name text NOT NULL,
  pages integer NOT NULL CHECK (pages >= 1),
  digitized_at timestamptz NOT NULL,
  digitized_by uuid,
  reused_from_application_id uuid,
  reused_from_code text,
  reuse_source text CHECK (reuse_source IN ('prior_application', 'prior_result')),
  PRIMARY KEY (province_code, application_id, position),
  FOREIGN KEY (province_code, application_id) REFERENCES applications (province_code, id),
  FOREIGN KEY (province_code, sha256) REFERENCES stored_files (province_code, sha256),
  CHECK ((reuse_source IS NULL) = (reused_from_code IS NULL))
);
COMMENT ON TABLE application_documents IS 'Thành phần hồ sơ đã số hóa: the scan of the n-th submitted document (applications.documents[n-1]); DVCQG TaiLieuNop.DuocSoHoa.';
COMMENT ON COLUMN application_documents.reuse_source IS 'Taken from an earlier file of the same citizen instead of asking again (vn-rules.md §3, DVCQG DuocLayTuKhoDMQG): prior_application = a document they filed before, prior_result = a result issued to them.';
COMMENT ON COLUMN application_documents.reused_from_code IS 'The application code (or e-result code) the document was taken from.';
CREATE INDEX application_documents_sha ON application_documents (province_code, sha256);

CREATE TABLE document_sequences (
  province_code text NOT NULL,
  unit_id uuid NOT NULL,
  year integer NOT NULL,
  last integer NOT NULL,
  PRIMARY KEY (province_code, unit_id, year)
);
COMMENT ON TABLE document_sequences IS 'Số văn bản đi per issuing organisation per calendar year, from 01 on 1 January (Decree 30/2020 art. 15).';

CREATE TABLE outgoing_documents (
  province_code text NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  unit_id uuid NOT NULL,
  year integer NOT NULL,
  number integer NOT NULL CHECK (number >= 1),
  symbol text NOT NULL CHECK (symbol ~ '^[A-ZĐ0-9][A-ZĐ0-9.-]*$'),
  number_symbol text NOT NULL,
  kind text NOT NULL,
  title text NOT NULL CHECK (title IS NFC NORMALIZED),
  issued_at timestamptz NOT NULL,
  signer_id uuid,
  signed_digitally boolean NOT NULL,
  sha256 text,
  application_id uuid,
  result_code text,
  registered_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (province_code, id),
  UNIQUE (province_code, unit_id, year, number),
  UNIQUE (province_code, unit_id, year, number_symbol)
);
COMMENT ON TABLE outgoing_documents IS 'Sổ đăng ký văn bản đi: every document a unit issues (results and other administrative documents), numbered per Decree 30/2020.';
COMMENT ON COLUMN outgoing_documents.signed_digitally IS 'The stored PDF carries an intact digital signature (checked when registered); the share per unit and period is reported.';
CREATE INDEX outgoing_documents_issued ON outgoing_documents (province_code, unit_id, issued_at);

CREATE TABLE application_results (
  province_code text NOT NULL,
  application_id uuid NOT NULL,
  n integer NOT NULL CHECK (n >= 1),
  result_code text NOT NULL,
  status text NOT NULL CHECK (status IN ('draft', 'signed', 'sealed', 'scanned')),
  content jsonb NOT NULL,
  sha256 text,
  pages integer,
  outgoing_document_id uuid,
  drafted_by uuid,
  signed_by uuid,
  signed_at timestamptz,
  sealed_by uuid,
  sealed_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (province_code, application_id, n),
  UNIQUE (province_code, result_code),
  FOREIGN KEY (province_code, application_id) REFERENCES applications (province_code, id),
  FOREIGN KEY (province_code, sha256) REFERENCES stored_files (province_code, sha256)
);
COMMENT ON TABLE application_results IS 'Kết quả giải quyết: e-result code <mã hồ sơ>-KQ<n> (Decree 45/2020 art. 14); draft → signed (leader) → sealed (organisation), or scanned from paper.';

CREATE TABLE signing_keys (
  province_code text NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  owner_kind text NOT NULL CHECK (owner_kind IN ('person', 'organisation')),
  unit_id uuid NOT NULL,
  user_id uuid,
  pkcs12 bytea NOT NULL,
  certificate bytea NOT NULL,
  subject text NOT NULL,
  not_after timestamptz NOT NULL,
  image_sha256 text,
  active boolean NOT NULL DEFAULT true,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (province_code, id),
  CHECK ((owner_kind = 'person') = (user_id IS NOT NULL))
);
COMMENT ON TABLE signing_keys IS 'PKCS#12 keys as the administrator uploaded them, still encrypted: the holder types its password (PIN) each time they sign, the server never stores it.';
COMMENT ON COLUMN signing_keys.image_sha256 IS 'Appearance image (Decree 30/2020): the person''s blue handwritten signature, or the organisation''s red seal, PNG with transparency.';
CREATE UNIQUE INDEX signing_keys_person ON signing_keys (province_code, user_id) WHERE active AND owner_kind = 'person';
CREATE UNIQUE INDEX signing_keys_organisation ON signing_keys (province_code, unit_id) WHERE active AND owner_kind = 'organisation';

CREATE TABLE trusted_roots (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  certificate bytea NOT NULL,
  sha256 text NOT NULL UNIQUE,
  subject text NOT NULL,
  not_after timestamptz NOT NULL,
  demo boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE trusted_roots IS 'Root certificates verification trusts (e.g. the Government Cipher Committee''s and licensed public CAs''); the demo CA is marked demo.';
