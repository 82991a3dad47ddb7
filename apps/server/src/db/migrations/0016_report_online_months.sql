-- 766 indicator 3.2 asks, per unit, which online procedures had a file filed online in the period. Through the
-- primary key (procedure first) that is one index search per procedure and unit (74 × 18 = 1,265 for Lâm Hà
-- in a quarter); this partial index holds only the month rows with online filings, unit first, so it is one
-- range per unit whatever the catalogue's size.
CREATE INDEX report_rollup_online_months ON report_rollup (province_code, unit_id, day) INCLUDE (procedure_code)
  WHERE grain = 'm' AND channel = 2 AND new > 0 AND procedure_code <> '*' AND procedure_code <> '';
