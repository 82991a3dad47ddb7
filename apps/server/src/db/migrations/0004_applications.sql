-- Applications (hồ sơ thủ tục hành chính): facts (events) and the current state (projection), written in one
-- transaction (ADR 0003). Distributed by province_code (ADR 0005).

ALTER TABLE units ADD COLUMN identity_code text;
COMMENT ON COLUMN units.identity_code IS 'Mã định danh điện tử of the receiving body, the first part of an application code (Circular 01/2018 art. 19; Decision 20/2020/QĐ-TTg). Changes with reorganisation: stored per unit version.';
ALTER TABLE units ADD COLUMN code_template text;
COMMENT ON COLUMN units.code_template IS 'Application-code template when it differs from {unit}-{yymmdd}-{seq4} (Circular 03/2025: format UNCERTAIN).';

CREATE TABLE code_sequences (
  province_code text NOT NULL,
  unit_id uuid NOT NULL,
  day date NOT NULL,
  last integer NOT NULL,
  PRIMARY KEY (province_code, unit_id, day)
);
COMMENT ON TABLE code_sequences IS 'Daily sequence of files received per receiving unit (XXXX of the application code), taken atomically by INSERT … ON CONFLICT DO UPDATE.';

CREATE TABLE applications (
  province_code text NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  code text NOT NULL,
  lookup_key text NOT NULL,
  procedure_code text NOT NULL,
  procedure_version integer,
  legal_regime text NOT NULL CHECK (legal_regime IN ('decree_61_2018', 'decree_118_2025')),
  receiving_unit_id uuid NOT NULL,
  deciding_unit_id uuid,
  assignee_id uuid,
  channel smallint NOT NULL CHECK (channel IN (1, 2, 3)),
  state text NOT NULL,
  portal_status smallint NOT NULL CHECK (portal_status BETWEEN 1 AND 10),
  applicant jsonb NOT NULL,
  applicant_id_number text,
  documents jsonb NOT NULL DEFAULT '[]'::jsonb,
  fee_amount bigint,
  return_channel text CHECK (return_channel IN ('counter', 'post', 'online')),
  postal jsonb,
  received_at timestamptz,
  due_at timestamptz,
  original_due_at timestamptz,
  supplement_requests integer NOT NULL DEFAULT 0,
  pre_receipt_supplements integer NOT NULL DEFAULT 0,
  apologies integer NOT NULL DEFAULT 0,
  counts_late boolean NOT NULL DEFAULT false,
  processed_at timestamptz,
  returned_at timestamptz,
  finished_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (province_code, id),
  UNIQUE (province_code, code)
);
COMMENT ON TABLE applications IS 'Projection of each application''s events: its current state, deadlines and counters.';
COMMENT ON COLUMN applications.channel IS 'Kênh thực hiện (DVCQG KenhThucHien): 1 trực tiếp, 2 trực tuyến, 3 bưu chính công ích.';
COMMENT ON COLUMN applications.portal_status IS 'Trạng thái hồ sơ reported to DVCQG, codes 1–10 (vn-rules.md §1.3).';
COMMENT ON COLUMN applications.legal_regime IS 'Rules in force at receipt: Decree 61/2018 until 30/06/2025, Decree 118/2025 from 01/07/2025.';
COMMENT ON COLUMN applications.due_at IS 'Ngày hẹn trả kết quả (Mẫu 01), moved by supplement pauses and by an apology''s new appointment.';
COMMENT ON COLUMN applications.counts_late IS 'More than one supplement request: DVCQG counts the file late (vn-rules.md §1.4 B).';
COMMENT ON COLUMN applications.version IS 'Optimistic concurrency: two officers acting at once, one wins, the other gets 409.';
CREATE INDEX applications_receiving ON applications (province_code, receiving_unit_id, state);
CREATE INDEX applications_deciding ON applications (province_code, deciding_unit_id, state);
CREATE INDEX applications_due ON applications (province_code, due_at) WHERE finished_at IS NULL;
CREATE INDEX applications_applicant ON applications (province_code, applicant_id_number);

CREATE TABLE application_events (
  province_code text NOT NULL,
  application_id uuid NOT NULL,
  seq integer NOT NULL,
  at timestamptz NOT NULL,
  actor_id uuid,
  actor_unit_id uuid,
  action text NOT NULL,
  from_state text,
  to_state text NOT NULL,
  payload jsonb NOT NULL DEFAULT '{}'::jsonb,
  legal_basis text,
  PRIMARY KEY (province_code, application_id, seq),
  FOREIGN KEY (province_code, application_id) REFERENCES applications (province_code, id)
);
COMMENT ON TABLE application_events IS 'Every step of an application (who, unit, when, why, legal basis); the control sheet (Phiếu kiểm soát, Mẫu 05/06) is a view of these rows.';

CREATE TABLE idempotency_keys (
  province_code text NOT NULL,
  user_id uuid NOT NULL,
  key text NOT NULL,
  request_hash text NOT NULL,
  application_id uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (province_code, user_id, key)
);
COMMENT ON TABLE idempotency_keys IS 'Idempotency-Key of intake requests: a retried request returns the same application instead of a second one.';
