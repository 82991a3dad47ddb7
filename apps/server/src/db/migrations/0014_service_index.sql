-- Decision 766/QĐ-TTg service-quality index: the values motcua cannot compute (publication on the national
-- procedure database, synchronisation, online payments, citizen reports before that feature exists…) are
-- entered or imported per unit and period, and shown as entered; the scoring settings (maxima, targets, the
-- online group's split, the rating bands) are data per province because the law's figures are uncertain
-- (vn-rules.md §5.2–5.3).

CREATE TABLE kpi_entries (
  province_code text NOT NULL,
  unit_id uuid NOT NULL,
  period_key text NOT NULL CHECK (period_key ~ '^[0-9]{4}(-(Q[1-4]|H[12]|9M|0[1-9]|1[0-2]))?$'),
  indicator_id text NOT NULL,
  percent numeric(5, 2) CHECK (percent BETWEEN 0 AND 100),
  points numeric(5, 2) CHECK (points >= 0),
  numerator bigint CHECK (numerator >= 0),
  denominator bigint CHECK (denominator >= 0),
  source text NOT NULL CHECK (source IS NFC NORMALIZED AND char_length(source) BETWEEN 1 AND 500),
  entered_by uuid,
  entered_at timestamptz NOT NULL,
  PRIMARY KEY (province_code, unit_id, period_key, indicator_id),
  -- Exactly one kind of value: a percent, points, or the counts.
  CHECK ((percent IS NOT NULL)::int + (points IS NOT NULL)::int + (numerator IS NOT NULL)::int = 1),
  CHECK ((numerator IS NULL) = (denominator IS NULL) AND (numerator IS NULL OR numerator <= denominator))
);
COMMENT ON TABLE kpi_entries IS 'Chỉ số 766 nhập tay hoặc nhập từ tệp: one value per unit, period (2024-Q4, 2024…) and indicator, with where it was taken from.';
COMMENT ON COLUMN kpi_entries.source IS 'Where the value comes from (e.g. "Cổng DVCQG, báo cáo 766 quý IV/2024"), shown beside the score.';

CREATE TABLE kpi_settings (
  province_code text PRIMARY KEY,
  overrides jsonb NOT NULL CHECK (jsonb_typeof(overrides) = 'object'),
  updated_by uuid,
  updated_at timestamptz NOT NULL
);
COMMENT ON TABLE kpi_settings IS 'Changes to the default 766 scoring (packages/domain/src/kpi/config.ts) for one province: maxima, targets, bands.';
