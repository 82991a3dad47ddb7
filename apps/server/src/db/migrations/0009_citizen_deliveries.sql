-- Messages to citizens by e-mail and SMS (issue 5): what was sent, so a job that runs again sends nothing twice.

CREATE TABLE citizen_deliveries (
  province_code text NOT NULL,
  id text NOT NULL,
  channel text NOT NULL CHECK (channel IN ('email', 'sms')),
  event text NOT NULL,
  application_id uuid,
  recipient_masked text NOT NULL,
  status text NOT NULL CHECK (status IN ('sent', 'failed')),
  provider_id text,
  last_error text,
  sent_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (province_code, id)
);
COMMENT ON TABLE citizen_deliveries IS 'One row per message (id = the outbox job id): sent or refused for good. Recipients are masked; the full address stays on the application.';
CREATE INDEX citizen_deliveries_application ON citizen_deliveries (province_code, application_id);
