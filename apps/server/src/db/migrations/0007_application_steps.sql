-- Liên thông: while another agency or level does its part, that step has its own share of the legal time.
ALTER TABLE applications ADD COLUMN step_due_at timestamptz;
COMMENT ON COLUMN applications.step_due_at IS 'End of the current inter-agency step''s time budget (working days given when sent), inside due_at.';

-- The public lookup finds a file by its code alone (the citizen does not know the province key).
CREATE INDEX applications_code ON applications (code);
