-- Staff e-mail addresses: deadline reminders and the overdue digest are also e-mailed to a staff user who has
-- one, when the server has an SMTP channel (the in-app notice stays the record either way).

ALTER TABLE users ADD COLUMN email text
  CHECK (email IS NULL OR (length(email) <= 200 AND email = lower(email)
    AND email ~ '^[^[:space:]@<>()",;]+@[^[:space:]@<>()",;]+\.[^[:space:]@<>()",;]+$'));
COMMENT ON COLUMN users.email IS 'Work e-mail for reminders (optional; lower-cased, set by an administrator). Logs and the delivery log only ever show it masked.';

COMMENT ON TABLE citizen_deliveries IS 'One row per message (id = the outbox job id): sent or refused for good. Citizens'' messages, and staff reminder e-mails (event staff.*). Recipients are masked; the full address stays on the application or the user.';
