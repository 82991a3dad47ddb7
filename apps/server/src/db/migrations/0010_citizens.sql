-- Citizen accounts for the online portal (issue 5): sign-in with a one-time code by e-mail or SMS, or through
-- an OpenID Connect provider (VNeID). Citizens are national, not per province: one person files anywhere.

CREATE TABLE citizens (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  full_name text NOT NULL CHECK (full_name IS NFC NORMALIZED AND char_length(full_name) BETWEEN 2 AND 200),
  email text UNIQUE CHECK (email = lower(email)),
  phone text UNIQUE CHECK (phone ~ '^\+84[0-9]{9}$'),
  oidc_issuer text,
  oidc_subject text,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_sign_in_at timestamptz,
  UNIQUE (oidc_issuer, oidc_subject),
  CHECK ((oidc_issuer IS NULL) = (oidc_subject IS NULL)),
  CHECK (email IS NOT NULL OR phone IS NOT NULL OR oidc_subject IS NOT NULL)
);
COMMENT ON TABLE citizens IS 'People (and representatives of organisations) who file online; an organisation files through its representative''s account.';

CREATE TABLE citizen_sessions (
  id_hash text PRIMARY KEY,
  citizen_id uuid NOT NULL REFERENCES citizens(id) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX citizen_sessions_expiry ON citizen_sessions (expires_at);

CREATE TABLE citizen_codes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  destination text NOT NULL,
  code_hash text NOT NULL,
  attempts integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);
COMMENT ON TABLE citizen_codes IS 'One-time sign-in codes (hashed), per e-mail address or +84 phone number; 10 minutes, 5 tries.';
CREATE INDEX citizen_codes_destination ON citizen_codes (destination, created_at);

CREATE TABLE citizen_oidc_states (
  state text PRIMARY KEY,
  nonce text NOT NULL,
  code_verifier text NOT NULL,
  expires_at timestamptz NOT NULL
);
COMMENT ON TABLE citizen_oidc_states IS 'An OpenID Connect sign-in in progress: the browser holds only the state.';

ALTER TABLE applications ADD COLUMN citizen_id uuid;
COMMENT ON COLUMN applications.citizen_id IS 'The citizen account that filed online (or that the file is linked to); a citizen sees only these.';
CREATE INDEX applications_citizen ON applications (citizen_id) WHERE citizen_id IS NOT NULL;
