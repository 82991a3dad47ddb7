-- Foundation: administrative units, staff, sessions, API tokens, login throttling, audit trail, jobs.
-- Distribution (docs/adr/0005-distribution-key.md): tables that grow with use carry province_code in their
-- primary key; small catalogues (units, unit_links, users, user_roles) are reference tables.

CREATE TABLE units (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code text,
  name text NOT NULL,
  name_en text,
  kind text NOT NULL CHECK (kind IN ('country','province','district','commune','ward','town','special_zone','pasc','department')),
  parent_id uuid REFERENCES units(id),
  province_code text NOT NULL CHECK (province_code ~ '^[0-9]{2}$'),
  valid_from date,
  valid_to date,
  source text,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_to >= valid_from)
);
COMMENT ON TABLE units IS 'Đơn vị hành chính (GSO codes) and organisations inside them (Trung tâm PVHCC, phòng ban); effective-dated.';
COMMENT ON COLUMN units.code IS 'Mã đơn vị hành chính of the General Statistics Office; reused across versions (e.g. 24868 before and after 1/7/2025).';
COMMENT ON COLUMN units.valid_to IS 'Last day the unit existed (inclusive), e.g. 2025-06-30 for district-level units (Resolution 60-NQ/TW).';
CREATE UNIQUE INDEX units_code_version ON units (code, valid_from) NULLS NOT DISTINCT WHERE code IS NOT NULL;
CREATE INDEX units_parent ON units (parent_id);

CREATE TABLE unit_links (
  predecessor_id uuid NOT NULL REFERENCES units(id),
  successor_id uuid NOT NULL REFERENCES units(id),
  effective_on date NOT NULL,
  basis text,
  PRIMARY KEY (predecessor_id, successor_id),
  CHECK (predecessor_id <> successor_id)
);
COMMENT ON TABLE unit_links IS 'Sáp nhập / chia tách: the predecessor became (part of) the successor on effective_on.';

CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  username text NOT NULL UNIQUE,
  full_name text NOT NULL,
  unit_id uuid NOT NULL REFERENCES units(id),
  password_hash text NOT NULL,
  is_demo boolean NOT NULL DEFAULT false,
  must_change_password boolean NOT NULL DEFAULT false,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  password_changed_at timestamptz
);
COMMENT ON COLUMN users.is_demo IS 'A demo account whose password was printed at seeding; a production start refuses while any is active.';

CREATE TABLE user_roles (
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('receptionist','specialist','leader','ioc_operator','admin')),
  unit_id uuid NOT NULL REFERENCES units(id),
  PRIMARY KEY (user_id, role, unit_id)
);

-- Sessions are looked up by token alone: distributed by their own id (see ADR 0005).
CREATE TABLE sessions (
  id_hash text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  ip text
);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX sessions_expiry ON sessions (expires_at);

CREATE TABLE api_tokens (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  name text NOT NULL,
  secret_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz,
  last_used_at timestamptz,
  revoked_at timestamptz
);

CREATE TABLE login_failures (
  key text NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE login_failures IS 'Failed logins per user name and per client address, for rate limiting shared by all server processes.';
CREATE INDEX login_failures_key_at ON login_failures (key, at);

CREATE TABLE audit_heads (
  province_code text PRIMARY KEY,
  seq bigint NOT NULL,
  hash text NOT NULL
);
COMMENT ON TABLE audit_heads IS 'Head of each province''s audit hash chain; locked FOR UPDATE to append, so the chain never forks.';

CREATE TABLE audit_log (
  province_code text NOT NULL,
  seq bigint NOT NULL,
  at timestamptz NOT NULL,
  actor_id uuid,
  actor_unit_id uuid,
  action text NOT NULL,
  target_type text NOT NULL,
  target_id text,
  request_id text,
  details jsonb NOT NULL DEFAULT '{}'::jsonb,
  prev_hash text NOT NULL,
  hash text NOT NULL,
  PRIMARY KEY (province_code, seq)
);
COMMENT ON TABLE audit_log IS 'Nhật ký: one record per state change, in the same transaction; hash-chained per province.';

CREATE TABLE jobs (
  province_code text NOT NULL,
  id text NOT NULL,
  kind text NOT NULL,
  payload jsonb NOT NULL DEFAULT '{}'::jsonb,
  run_at timestamptz NOT NULL DEFAULT now(),
  attempts integer NOT NULL DEFAULT 0,
  max_attempts integer NOT NULL DEFAULT 10,
  locked_until timestamptz,
  locked_by text,
  done_at timestamptz,
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (province_code, id)
);
COMMENT ON TABLE jobs IS 'Outbox: side effects inserted in the business transaction with deterministic ids, claimed FOR UPDATE SKIP LOCKED.';
CREATE INDEX jobs_due ON jobs (run_at) WHERE done_at IS NULL;
