-- Years of the working calendar edited by an administrator; they replace the years shipped in
-- packages/domain/src/calendar/data (Labor Code 2019 art. 112 cl. 3: the schedule is set every year).
CREATE TABLE calendar_years (
  year integer PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
  data jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid
);
COMMENT ON TABLE calendar_years IS 'Lịch làm việc: days off and make-up working days of a year, as an administrator entered them (reference table).';
