-- Procedure catalogue (danh mục thủ tục hành chính): one row per national procedure code and an append-only
-- history of its content. Reference tables (docs/adr/0005-distribution-key.md): small, read everywhere.
-- An application keeps the id of the version in force when it was received, so a later change of the catalogue
-- never changes the deadline of a file already received (vn-rules.md §0, design rule).

CREATE TABLE procedures (
  code text PRIMARY KEY CHECK (code ~ '^[0-9]\.[0-9]{6}$'),
  current_version_id uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE procedures IS 'Thủ tục hành chính of the national catalogue (Cơ sở dữ liệu quốc gia về TTHC), by code; its content lives in procedure_versions.';
COMMENT ON COLUMN procedures.code IS 'Mã thủ tục hành chính as published on dichvucong.gov.vn, e.g. 1.001193 (Đăng ký khai sinh).';
COMMENT ON COLUMN procedures.current_version_id IS 'The version in force now: the latest one. Older versions stay readable for the applications that reference them.';

CREATE TABLE procedure_versions (
  id uuid PRIMARY KEY,
  procedure_code text NOT NULL REFERENCES procedures(code),
  version integer NOT NULL CHECK (version >= 1),
  valid_from timestamptz NOT NULL DEFAULT now(),
  changed_by uuid REFERENCES users(id),
  change_note text,
  name text NOT NULL CHECK (name IS NFC NORMALIZED AND length(name) >= 2),
  name_en text,
  field text NOT NULL CHECK (field IS NFC NORMALIZED AND field <> ''),
  levels text[] NOT NULL CHECK (
    cardinality(levels) >= 1
    AND levels <@ ARRAY['province', 'district', 'commune', 'ministry', 'other']::text[]
  ),
  deciding_agency text,
  time_amount numeric(7, 2) CHECK (time_amount > 0),
  time_unit text CHECK (time_unit IN ('working_days', 'days', 'working_hours', 'hours', 'months', 'none')),
  time_unit_unstated boolean GENERATED ALWAYS AS (time_unit IS NULL) STORED,
  time_text text NOT NULL,
  cutoff_hour smallint CHECK (cutoff_hour BETWEEN 0 AND 23),
  fee_amount bigint CHECK (fee_amount >= 0),
  fee_text text NOT NULL,
  documents_source text,
  result_type text,
  online_level text NOT NULL CHECK (online_level IN ('none', 'partial', 'full')),
  channels text[] NOT NULL CHECK (
    cardinality(channels) >= 1 AND channels <@ ARRAY['counter', 'online', 'postal']::text[]
  ),
  service_source text,
  legal_basis text NOT NULL,
  effective_from date,
  effective_to date,
  source text NOT NULL,
  UNIQUE (procedure_code, version),
  UNIQUE (procedure_code, id),
  -- 'none' means the portal states no time; any other unit, or an unstated one, comes with an amount.
  CHECK (CASE WHEN time_unit = 'none' THEN time_amount IS NULL ELSE time_amount IS NOT NULL END),
  -- The district level ended on 01/07/2025 (Resolution 60-NQ/TW): a district-level version must end before.
  CHECK (NOT ('district' = ANY (levels)) OR effective_to <= DATE '2025-06-30'),
  CHECK (effective_to IS NULL OR effective_from IS NULL OR effective_to >= effective_from),
  -- An online channel exists exactly when an online service does (Decree 42/2022/NĐ-CP Art. 11).
  CHECK ((online_level = 'none') = NOT ('online' = ANY (channels)))
);
COMMENT ON TABLE procedure_versions IS 'Every published content of a procedure, append-only: a change writes a new version (never an UPDATE), so an application received under version n keeps its rules.';
COMMENT ON COLUMN procedure_versions.valid_from IS 'When this version became the current one in this system (not the legal effective date, see effective_from).';
COMMENT ON COLUMN procedure_versions.changed_by IS 'Staff user who made the change; null for the sourced seed.';
COMMENT ON COLUMN procedure_versions.field IS 'Lĩnh vực (e.g. Hộ tịch, Chứng thực) as the portal names it.';
COMMENT ON COLUMN procedure_versions.levels IS 'Cấp thực hiện: province (tỉnh), district (huyện, until 30/06/2025), commune (xã), ministry (bộ), other (cơ quan khác).';
COMMENT ON COLUMN procedure_versions.deciding_agency IS 'Cơ quan có thẩm quyền quyết định, as published; routing is by procedure, not by the counter (Decree 118/2025).';
COMMENT ON COLUMN procedure_versions.time_amount IS 'Thời hạn giải quyết for a counter submission; the online figure, when different, is only in time_text.';
COMMENT ON COLUMN procedure_versions.time_unit IS 'DVCQG DonViTinh (vn-rules.md §1.6); none = the portal states no time ("Không", "Không có thông tin"); NULL = the portal printed a bare number.';
COMMENT ON COLUMN procedure_versions.time_unit_unstated IS 'The portal printed a bare number without a unit (vn-data.md §3, "không ghi đơn vị"): verify before computing deadlines.';
COMMENT ON COLUMN procedure_versions.time_text IS 'Thời hạn exactly as published, kept beside the parsed amount and unit.';
COMMENT ON COLUMN procedure_versions.cutoff_hour IS 'Same-day procedures: received at or after this hour, the day counts from the next working day (e.g. 15 for chứng thực bản sao, Decree 23/2015; vn-rules.md §1.6).';
COMMENT ON COLUMN procedure_versions.fee_amount IS 'Base phí/lệ phí in VND for a counter submission (0 = Miễn phí); NULL when the portal gives no figure. The rule (per page, caps, online rate) is fee_text.';
COMMENT ON COLUMN procedure_versions.fee_text IS 'Phí, lệ phí exactly as published.';
COMMENT ON COLUMN procedure_versions.documents_source IS 'Where the required documents come from; "illustrative — verify against the national database" when not sourced.';
COMMENT ON COLUMN procedure_versions.result_type IS 'Kết quả thực hiện (e.g. Giấy khai sinh).';
COMMENT ON COLUMN procedure_versions.online_level IS 'Dịch vụ công trực tuyến toàn trình (full) / một phần (partial) / none (Decree 42/2022/NĐ-CP Art. 11).';
COMMENT ON COLUMN procedure_versions.channels IS 'Cách thức thực hiện: counter (trực tiếp), online (trực tuyến), postal (bưu chính công ích); DVCQG KenhThucHien 1/2/3.';
COMMENT ON COLUMN procedure_versions.service_source IS 'Where online_level and channels come from; "illustrative — …" when not sourced.';
COMMENT ON COLUMN procedure_versions.legal_basis IS 'Quyết định công bố thủ tục (e.g. 163/QĐ-BTP), as shown on the portal.';
COMMENT ON COLUMN procedure_versions.effective_to IS 'Last day this content applies in law (inclusive); required ≤ 2025-06-30 for the district level.';
COMMENT ON COLUMN procedure_versions.source IS 'Where this content was taken from (document, portal page, crawl).';

-- Search without diacritics and with typos (migration 0002): trigram index on the accent-free name.
CREATE INDEX procedure_versions_name_trgm ON procedure_versions USING gin (f_unaccent(name) gin_trgm_ops);
CREATE INDEX procedure_versions_code ON procedure_versions (procedure_code, version);

-- The current version belongs to the same procedure. Deferred: a new procedure and its first version are
-- inserted in one transaction, each pointing at the other.
ALTER TABLE procedures ADD CONSTRAINT procedures_current_version_fk
  FOREIGN KEY (code, current_version_id) REFERENCES procedure_versions (procedure_code, id)
  DEFERRABLE INITIALLY DEFERRED;

CREATE TABLE procedure_version_documents (
  version_id uuid NOT NULL REFERENCES procedure_versions(id),
  position smallint NOT NULL CHECK (position >= 1),
  name text NOT NULL CHECK (name IS NFC NORMALIZED AND name <> ''),
  copy_type text NOT NULL CHECK (copy_type IN ('original', 'certified_copy', 'photocopy')),
  quantity smallint NOT NULL CHECK (quantity BETWEEN 1 AND 99),
  note text,
  PRIMARY KEY (version_id, position)
);
COMMENT ON TABLE procedure_version_documents IS 'Thành phần hồ sơ of one version, in published order.';
COMMENT ON COLUMN procedure_version_documents.copy_type IS 'Bản chính (original), bản sao có chứng thực (certified_copy), bản chụp (photocopy).';
