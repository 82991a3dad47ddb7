-- In-app notifications (hộp thông báo): deadline reminders to the assigned specialist and the daily overdue
-- digest to the unit's leaders, written by the job handlers (ADR 0004). Distributed by province_code (ADR 0005):
-- the province of the application or unit the notice is about.

CREATE TABLE notifications (
  province_code text NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  key text NOT NULL,
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  kind text NOT NULL,
  application_id uuid,
  title_vi text NOT NULL,
  title_en text NOT NULL,
  body jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  read_at timestamptz,
  PRIMARY KEY (province_code, id),
  UNIQUE (province_code, key)
);
COMMENT ON TABLE notifications IS 'Thông báo trong ứng dụng: one row per recipient, written by job handlers.';
COMMENT ON COLUMN notifications.key IS 'Derived from the job id (and the recipient): a job run twice inserts nothing twice (ON CONFLICT DO NOTHING).';
COMMENT ON COLUMN notifications.kind IS 'deadline.reminder or overdue.digest (the job kind that wrote it).';
COMMENT ON COLUMN notifications.body IS 'Structured details for the inbox (due time, the overdue files of a digest).';
CREATE INDEX notifications_user ON notifications (user_id, created_at DESC);
CREATE INDEX notifications_unread ON notifications (user_id) WHERE read_at IS NULL;
