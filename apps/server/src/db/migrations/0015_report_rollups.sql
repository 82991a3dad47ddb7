-- Report rollups: the statistics of every (receiving unit, procedure, channel) per day and per month, kept up to
-- date by triggers in the same transaction as the change, so a report costs the same at 300 thousand and at 10
-- million files. They are derived, never entered: report_contrib() says what one file adds to them, the
-- triggers add the difference a change makes, report_rebuild() recomputes them from scratch, and the tests
-- check them against the raw count (apps/server/src/modules/reports/figures.sql.ts) on the same data.

-- Facts of other tables a file's figures depend on, copied onto the file by the triggers below, so a change
-- anywhere is one change of the file's row (whose trigger diffs old and new).
ALTER TABLE applications
  ADD COLUMN report_scans smallint[] NOT NULL DEFAULT '{}',
  ADD COLUMN report_reused boolean NOT NULL DEFAULT false,
  ADD COLUMN report_result_ok boolean NOT NULL DEFAULT false,
  ADD COLUMN report_disliked boolean NOT NULL DEFAULT false,
  ADD COLUMN rated_at timestamptz,
  ADD COLUMN rating_satisfied boolean;
COMMENT ON COLUMN applications.report_scans IS 'Positions of the submitted documents that have a scan (application_documents), kept by a trigger.';
COMMENT ON COLUMN applications.report_disliked IS 'Rated "Không hài lòng", or a feedback item not withdrawn (766 indicator 5.4), kept by triggers.';
COMMENT ON COLUMN applications.rated_at IS 'First rating time (application_ratings.first_rated_at), kept by a trigger.';

CREATE TABLE report_rollup (
  province_code text NOT NULL,
  unit_id uuid NOT NULL,
  grain char(1) NOT NULL CHECK (grain IN ('d', 'm', 'y')),
  day date NOT NULL,
  procedure_code text NOT NULL,
  channel smallint NOT NULL,
  new bigint NOT NULL DEFAULT 0,
  early bigint NOT NULL DEFAULT 0,
  on_time bigint NOT NULL DEFAULT 0,
  late bigint NOT NULL DEFAULT 0,
  refused bigint NOT NULL DEFAULT 0,
  stopped bigint NOT NULL DEFAULT 0,
  withdrawn bigint NOT NULL DEFAULT 0,
  postal_returned bigint NOT NULL DEFAULT 0,
  records_digitized bigint NOT NULL DEFAULT 0,
  records_reused bigint NOT NULL DEFAULT 0,
  result_ready bigint NOT NULL DEFAULT 0,
  result_digitized bigint NOT NULL DEFAULT 0,
  digitized bigint NOT NULL DEFAULT 0,
  disliked_new bigint NOT NULL DEFAULT 0,
  timed_files bigint NOT NULL DEFAULT 0,
  timed_seconds bigint NOT NULL DEFAULT 0,
  ratings bigint NOT NULL DEFAULT 0,
  ratings_satisfied bigint NOT NULL DEFAULT 0,
  supplement_requests bigint NOT NULL DEFAULT 0,
  apologies bigint NOT NULL DEFAULT 0,
  documents_issued bigint NOT NULL DEFAULT 0,
  documents_signed bigint NOT NULL DEFAULT 0,
  open_delta bigint NOT NULL DEFAULT 0,
  overdue_delta bigint NOT NULL DEFAULT 0,
  disliked_open_delta bigint NOT NULL DEFAULT 0,
  -- Procedure first: a report by unit reads the '*' rows of a few units, by ranges of days.
  PRIMARY KEY (province_code, procedure_code, unit_id, grain, day, channel)
);
COMMENT ON TABLE report_rollup IS 'Sums of the statistics per receiving unit, procedure (* = all procedures; empty = a document without a file), channel (0: none) and day (grain d), month (grain m, day = the 1st) or year (grain y, day = 1 January). Flows count on the day they happen; *_delta columns are +1 on the first day a file is open / overdue / open and disliked and −1 on the first day it no longer is, so a stock at a day is the sum of the deltas up to it.';

-- The Vietnam calendar day of an instant (UTC+7 all year).
CREATE FUNCTION report_day(t timestamptz) RETURNS date LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$ SELECT ((t AT TIME ZONE 'UTC') + interval '7 hours')::date $$;

-- What one file adds to the rollups: (day, figure, amount) rows. The same rules as figures.ts / figures.sql.ts.
CREATE FUNCTION report_contrib(a applications) RETURNS TABLE (day date, m text, n bigint)
LANGUAGE sql STABLE AS $$
  WITH f AS (
    SELECT report_day(a.received_at) AS r,
           COALESCE(a.processed_at, a.finished_at) AS ended,
           report_day(COALESCE(a.processed_at, a.finished_at)) AS e,
           (a.counts_late OR a.supplement_requests > 1) AS always_late,
           jsonb_array_length(a.documents) AS docs,
           (SELECT count(*) FROM unnest(a.report_scans) s WHERE s <= jsonb_array_length(a.documents)) AS scanned
    WHERE a.received_at IS NOT NULL
  ), o AS (
    SELECT f.*,
      (docs > 0 AND scanned >= docs) AS records_ok,
      -- First day (at 00:00) the file counts as overdue while open; see the derivation in docs/REPORTS.md.
      CASE
        WHEN always_late THEN r + 1
        WHEN a.due_at IS NULL THEN NULL
        WHEN ended IS NULL AND a.state IN ('supplement_requested', 'pre_receipt_supplement')
             AND NOT (a.updated_at > a.due_at) THEN NULL
        ELSE greatest(r + 1, report_day(a.due_at) + 1)
      END AS od
    FROM f
  )
  SELECT x.day, x.m, x.n FROM o, LATERAL (VALUES
    (r, 'new', 1::bigint),
    (r, 'records_digitized', CASE WHEN records_ok THEN 1 END),
    (r, 'records_reused', CASE WHEN a.report_reused THEN 1 END),
    (r, 'result_ready', CASE WHEN a.processed_at IS NOT NULL THEN 1 END),
    (r, 'result_digitized', CASE WHEN a.processed_at IS NOT NULL AND a.report_result_ok THEN 1 END),
    (r, 'digitized', CASE WHEN records_ok AND (a.processed_at IS NULL OR a.report_result_ok) THEN 1 END),
    (r, 'disliked_new', CASE WHEN a.report_disliked THEN 1 END),
    (r, 'timed_files', CASE WHEN ended IS NOT NULL THEN 1 END),
    (r, 'timed_seconds', CASE WHEN ended IS NOT NULL THEN round(extract(epoch FROM ended - a.received_at))::bigint END),
    (e, CASE WHEN always_late OR (a.due_at IS NOT NULL AND ended > a.due_at) THEN 'late'
             WHEN a.due_at IS NOT NULL AND e < report_day(a.due_at) THEN 'early' ELSE 'on_time' END,
        CASE WHEN ended IS NOT NULL THEN 1 END),
    (e, a.state, CASE WHEN ended IS NOT NULL AND a.processed_at IS NULL
                       AND a.state IN ('refused', 'stopped', 'withdrawn') THEN 1 END),
    (report_day(a.returned_at), 'postal_returned',
        CASE WHEN a.return_channel = 'post' AND a.returned_at IS NOT NULL THEN 1 END),
    (r + 1, 'open_delta', 1),
    (e + 1, 'open_delta', CASE WHEN ended IS NOT NULL THEN -1 END),
    (od, 'overdue_delta', CASE WHEN od IS NOT NULL AND (ended IS NULL OR od < e + 1) THEN 1 END),
    (e + 1, 'overdue_delta', CASE WHEN od IS NOT NULL AND ended IS NOT NULL AND od < e + 1 THEN -1 END),
    (r + 1, 'disliked_open_delta', CASE WHEN a.report_disliked THEN 1 END),
    (e + 1, 'disliked_open_delta', CASE WHEN a.report_disliked AND ended IS NOT NULL THEN -1 END),
    (report_day(a.rated_at), 'ratings', CASE WHEN a.rated_at IS NOT NULL THEN 1 END),
    (report_day(a.rated_at), 'ratings_satisfied', CASE WHEN a.rated_at IS NOT NULL AND a.rating_satisfied THEN 1 END)
  ) AS x(day, m, n)
  WHERE x.n IS NOT NULL
$$;

-- Adds (day, figure, amount) rows of one key to the three grains, under its procedure and under '*' (all procedures:
-- what the reports by unit, level and channel and the index read, a few rows per unit and day).
CREATE FUNCTION report_add(p text, u uuid, pc text, ch smallint, days date[], ms text[], ns bigint[])
RETURNS void LANGUAGE sql AS $$
  INSERT INTO report_rollup AS t (province_code, unit_id, grain, day, procedure_code, channel,
    new, early, on_time, late, refused, stopped, withdrawn, postal_returned, records_digitized, records_reused, result_ready, result_digitized, digitized, disliked_new, timed_files, timed_seconds, ratings, ratings_satisfied, supplement_requests, apologies, documents_issued, documents_signed, open_delta, overdue_delta, disliked_open_delta)
  SELECT p, u, g.grain, CASE g.grain WHEN 'd' THEN x.day WHEN 'm' THEN date_trunc('month', x.day)::date
    ELSE date_trunc('year', x.day)::date END, k.code, ch,
    COALESCE(sum(x.n) FILTER (WHERE x.m = 'new'), 0),
    COALESCE(sum(x.n) FILTER (WHERE x.m = 'early'), 0),
    COALESCE(sum(x.n) FILTER (WHERE x.m = 'on_time'), 0),
    COALESCE(sum(x.n) FILTER (WHERE x.m = 'late'), 0),
    COALESCE(sum(x.n) FILTER (WHERE x.m = 'refused'), 0),
    COALESCE(sum(x.n) FILTER (WHERE x.m = 'stopped'), 0),
    COALESCE(sum(x.n) FILTER (WHERE x.m = 'withdrawn'), 0),
    COALESCE(sum(x.n) FILTER (WHERE x.m = 'postal_returned'), 0),
    COALESCE(sum(x.n) FILTER (WHERE x.m = 'records_digitized'), 0),
    COALESCE(sum(x.n) FILTER (WHERE x.m = 'records_reused'), 0),
    COALESCE(sum(x.n) FILTER (WHERE x.m = 'result_ready'), 0),
    COALESCE(sum(x.n) FILTER (WHERE x.m = 'result_digitized'), 0),
    COALESCE(sum(x.n) FILTER (WHERE x.m = 'digitized'), 0),
    COALESCE(sum(x.n) FILTER (WHERE x.m = 'disliked_new'), 0),
    COALESCE(sum(x.n) FILTER (WHERE x.m = 'timed_files'), 0),
    COALESCE(sum(x.n) FILTER (WHERE x.m = 'timed_seconds'), 0),
    COALESCE(sum(x.n) FILTER (WHERE x.m = 'ratings'), 0),
    COALESCE(sum(x.n) FILTER (WHERE x.m = 'ratings_satisfied'), 0),
    COALESCE(sum(x.n) FILTER (WHERE x.m = 'supplement_requests'), 0),
    COALESCE(sum(x.n) FILTER (WHERE x.m = 'apologies'), 0),
    COALESCE(sum(x.n) FILTER (WHERE x.m = 'documents_issued'), 0),
    COALESCE(sum(x.n) FILTER (WHERE x.m = 'documents_signed'), 0),
    COALESCE(sum(x.n) FILTER (WHERE x.m = 'open_delta'), 0),
    COALESCE(sum(x.n) FILTER (WHERE x.m = 'overdue_delta'), 0),
    COALESCE(sum(x.n) FILTER (WHERE x.m = 'disliked_open_delta'), 0)
  FROM unnest(days, ms, ns) AS x(day, m, n)
  CROSS JOIN (VALUES ('d'), ('m'), ('y')) AS g(grain)
  CROSS JOIN (VALUES (pc), ('*')) AS k(code)
  GROUP BY 3, 4, 5
  ON CONFLICT (province_code, procedure_code, unit_id, grain, day, channel) DO UPDATE SET
    new = t.new + EXCLUDED.new,
    early = t.early + EXCLUDED.early,
    on_time = t.on_time + EXCLUDED.on_time,
    late = t.late + EXCLUDED.late,
    refused = t.refused + EXCLUDED.refused,
    stopped = t.stopped + EXCLUDED.stopped,
    withdrawn = t.withdrawn + EXCLUDED.withdrawn,
    postal_returned = t.postal_returned + EXCLUDED.postal_returned,
    records_digitized = t.records_digitized + EXCLUDED.records_digitized,
    records_reused = t.records_reused + EXCLUDED.records_reused,
    result_ready = t.result_ready + EXCLUDED.result_ready,
    result_digitized = t.result_digitized + EXCLUDED.result_digitized,
    digitized = t.digitized + EXCLUDED.digitized,
    disliked_new = t.disliked_new + EXCLUDED.disliked_new,
    timed_files = t.timed_files + EXCLUDED.timed_files,
    timed_seconds = t.timed_seconds + EXCLUDED.timed_seconds,
    ratings = t.ratings + EXCLUDED.ratings,
    ratings_satisfied = t.ratings_satisfied + EXCLUDED.ratings_satisfied,
    supplement_requests = t.supplement_requests + EXCLUDED.supplement_requests,
    apologies = t.apologies + EXCLUDED.apologies,
    documents_issued = t.documents_issued + EXCLUDED.documents_issued,
    documents_signed = t.documents_signed + EXCLUDED.documents_signed,
    open_delta = t.open_delta + EXCLUDED.open_delta,
    overdue_delta = t.overdue_delta + EXCLUDED.overdue_delta,
    disliked_open_delta = t.disliked_open_delta + EXCLUDED.disliked_open_delta
$$;

-- A file changed (or was written): add what its new row contributes and take back what its old row did.
CREATE FUNCTION report_file_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  days date[];
  ms text[];
  ns bigint[];
BEGIN
  IF current_setting('motcua.rollups', true) = 'off' THEN RETURN NULL; END IF;
  IF TG_OP = 'UPDATE' AND (OLD.province_code, OLD.receiving_unit_id, OLD.procedure_code, OLD.channel)
                       IS NOT DISTINCT FROM (NEW.province_code, NEW.receiving_unit_id, NEW.procedure_code, NEW.channel) THEN
    SELECT array_agg(c.day), array_agg(c.m), array_agg(c.n) INTO days, ms, ns FROM (
      SELECT x.day, x.m, sum(x.n)::bigint AS n FROM (
        SELECT o.day, o.m, -o.n AS n FROM report_contrib(OLD) o
        UNION ALL SELECT w.day, w.m, w.n FROM report_contrib(NEW) w) x
      GROUP BY x.day, x.m HAVING sum(x.n) <> 0) c;
    IF days IS NOT NULL THEN
      PERFORM report_add(NEW.province_code, NEW.receiving_unit_id, NEW.procedure_code, NEW.channel, days, ms, ns);
    END IF;
    RETURN NULL;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    SELECT array_agg(o.day), array_agg(o.m), array_agg(-o.n) INTO days, ms, ns FROM report_contrib(OLD) o;
    IF days IS NOT NULL THEN
      PERFORM report_add(OLD.province_code, OLD.receiving_unit_id, OLD.procedure_code, OLD.channel, days, ms, ns);
    END IF;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    SELECT array_agg(w.day), array_agg(w.m), array_agg(w.n) INTO days, ms, ns FROM report_contrib(NEW) w;
    IF days IS NOT NULL THEN
      PERFORM report_add(NEW.province_code, NEW.receiving_unit_id, NEW.procedure_code, NEW.channel, days, ms, ns);
    END IF;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER report_file_changed AFTER INSERT OR UPDATE OR DELETE ON applications
  FOR EACH ROW EXECUTE FUNCTION report_file_changed();

-- The facts of other tables, copied onto the file (only when they change, so the file's trigger runs once).
-- A bulk load sets motcua.rollups = 'off' for its transaction and calls report_rebuild() at the end.
CREATE FUNCTION report_scans_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v_province text := COALESCE(NEW.province_code, OLD.province_code);
  v_id uuid := COALESCE(NEW.application_id, OLD.application_id);
BEGIN
  IF current_setting('motcua.rollups', true) = 'off' THEN RETURN NULL; END IF;
  UPDATE applications a SET
    report_scans = COALESCE((SELECT array_agg(d.position ORDER BY d.position) FROM application_documents d
                              WHERE d.province_code = v_province AND d.application_id = v_id), '{}'),
    report_reused = EXISTS (SELECT 1 FROM application_documents d
                             WHERE d.province_code = v_province AND d.application_id = v_id AND d.reuse_source IS NOT NULL)
  WHERE a.province_code = v_province AND a.id = v_id;
  RETURN NULL;
END $$;
CREATE TRIGGER report_scans_changed AFTER INSERT OR UPDATE OR DELETE ON application_documents
  FOR EACH ROW EXECUTE FUNCTION report_scans_changed();

CREATE FUNCTION report_results_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v_province text := COALESCE(NEW.province_code, OLD.province_code);
  v_id uuid := COALESCE(NEW.application_id, OLD.application_id);
  v_ok boolean;
BEGIN
  IF current_setting('motcua.rollups', true) = 'off' THEN RETURN NULL; END IF;
  v_ok := EXISTS (SELECT 1 FROM application_results r WHERE r.province_code = v_province AND r.application_id = v_id
                  AND r.sha256 IS NOT NULL AND r.status <> 'draft');
  UPDATE applications a SET report_result_ok = v_ok
  WHERE a.province_code = v_province AND a.id = v_id AND a.report_result_ok IS DISTINCT FROM v_ok;
  RETURN NULL;
END $$;
CREATE TRIGGER report_results_changed AFTER INSERT OR UPDATE OR DELETE ON application_results
  FOR EACH ROW EXECUTE FUNCTION report_results_changed();

CREATE FUNCTION report_rating_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v_province text := COALESCE(NEW.province_code, OLD.province_code);
  v_id uuid := COALESCE(NEW.application_id, OLD.application_id);
  r application_ratings;
  v_disliked boolean;
BEGIN
  IF current_setting('motcua.rollups', true) = 'off' THEN RETURN NULL; END IF;
  SELECT * INTO r FROM application_ratings x WHERE x.province_code = v_province AND x.application_id = v_id;
  v_disliked := COALESCE(r.level = 'khong_hai_long', false)
    OR EXISTS (SELECT 1 FROM rating_feedback b WHERE b.province_code = v_province AND b.application_id = v_id
                 AND b.status <> 'withdrawn');
  UPDATE applications a SET rated_at = r.first_rated_at,
    rating_satisfied = r.level IN ('rat_hai_long', 'hai_long'), report_disliked = v_disliked
  WHERE a.province_code = v_province AND a.id = v_id
    AND (a.rated_at, a.rating_satisfied, a.report_disliked)
        IS DISTINCT FROM (r.first_rated_at, r.level IN ('rat_hai_long', 'hai_long'), v_disliked);
  RETURN NULL;
END $$;
CREATE TRIGGER report_rating_changed AFTER INSERT OR UPDATE OR DELETE ON application_ratings
  FOR EACH ROW EXECUTE FUNCTION report_rating_changed();
CREATE TRIGGER report_feedback_changed AFTER INSERT OR UPDATE OR DELETE ON rating_feedback
  FOR EACH ROW EXECUTE FUNCTION report_rating_changed();

-- Supplement requests and apology letters count on the day of their event.
CREATE FUNCTION report_event_added() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  a applications;
BEGIN
  IF current_setting('motcua.rollups', true) = 'off' THEN RETURN NULL; END IF;
  IF NEW.action NOT IN ('request_supplement', 'issue_apology') THEN RETURN NULL; END IF;
  SELECT * INTO a FROM applications x WHERE x.province_code = NEW.province_code AND x.id = NEW.application_id;
  PERFORM report_add(a.province_code, a.receiving_unit_id, a.procedure_code, a.channel,
    ARRAY[report_day(NEW.at)],
    ARRAY[CASE WHEN NEW.action = 'request_supplement' THEN 'supplement_requests' ELSE 'apologies' END],
    ARRAY[1::bigint]);
  RETURN NULL;
END $$;
CREATE TRIGGER report_event_added AFTER INSERT ON application_events
  FOR EACH ROW EXECUTE FUNCTION report_event_added();

-- Outgoing documents count on the day they were issued, under the issuing unit.
CREATE FUNCTION report_document_contrib(o outgoing_documents) RETURNS TABLE (p text, u uuid, pc text, ch smallint,
  day date, m text, n bigint) LANGUAGE sql STABLE AS $$
  SELECT o.province_code, o.unit_id, COALESCE(a.procedure_code, ''), COALESCE(a.channel, 0)::smallint,
         report_day(o.issued_at), x.m, x.n
  FROM (VALUES ('documents_issued', 1::bigint),
               ('documents_signed', CASE WHEN o.signed_digitally THEN 1 END)) AS x(m, n)
  LEFT JOIN applications a ON a.province_code = o.province_code AND a.id = o.application_id
  WHERE o.province_code IS NOT NULL AND x.n IS NOT NULL
$$;
CREATE FUNCTION report_document_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  k record;
BEGIN
  IF current_setting('motcua.rollups', true) = 'off' THEN RETURN NULL; END IF;
  FOR k IN
    SELECT c.p, c.u, c.pc, c.ch, array_agg(c.day) AS days, array_agg(c.m) AS ms, array_agg(c.n) AS ns FROM (
      SELECT o.p, o.u, o.pc, o.ch, o.day, o.m, -o.n AS n FROM report_document_contrib(OLD) o WHERE TG_OP <> 'INSERT'
      UNION ALL SELECT w.p, w.u, w.pc, w.ch, w.day, w.m, w.n FROM report_document_contrib(NEW) w WHERE TG_OP <> 'DELETE'
    ) c GROUP BY c.p, c.u, c.pc, c.ch
  LOOP
    PERFORM report_add(k.p, k.u, k.pc, k.ch, k.days, k.ms, k.ns);
  END LOOP;
  RETURN NULL;
END $$;
CREATE TRIGGER report_document_changed AFTER INSERT OR UPDATE OR DELETE ON outgoing_documents
  FOR EACH ROW EXECUTE FUNCTION report_document_changed();

-- Everything again from the facts, set-based (after a bulk load with motcua.rollups = 'off', or to check).
CREATE FUNCTION report_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM set_config('motcua.rollups', 'off', true);
  UPDATE applications a SET
    report_scans = COALESCE(s.positions, '{}'), report_reused = COALESCE(s.reused, false)
  FROM (SELECT a2.province_code, a2.id,
               (SELECT array_agg(d.position ORDER BY d.position) FROM application_documents d
                 WHERE d.province_code = a2.province_code AND d.application_id = a2.id) AS positions,
               EXISTS (SELECT 1 FROM application_documents d WHERE d.province_code = a2.province_code
                         AND d.application_id = a2.id AND d.reuse_source IS NOT NULL) AS reused
        FROM applications a2) s
  WHERE s.province_code = a.province_code AND s.id = a.id
    AND (a.report_scans, a.report_reused) IS DISTINCT FROM (COALESCE(s.positions, '{}'), COALESCE(s.reused, false));
  UPDATE applications a SET report_result_ok = true
  WHERE NOT a.report_result_ok AND EXISTS (SELECT 1 FROM application_results r WHERE r.province_code = a.province_code
          AND r.application_id = a.id AND r.sha256 IS NOT NULL AND r.status <> 'draft');
  UPDATE applications a SET rated_at = r.first_rated_at, rating_satisfied = r.level IN ('rat_hai_long', 'hai_long')
  FROM application_ratings r WHERE r.province_code = a.province_code AND r.application_id = a.id
    AND (a.rated_at, a.rating_satisfied) IS DISTINCT FROM (r.first_rated_at, r.level IN ('rat_hai_long', 'hai_long'));
  UPDATE applications a SET report_disliked = true
  WHERE NOT a.report_disliked AND (
    EXISTS (SELECT 1 FROM application_ratings r WHERE r.province_code = a.province_code AND r.application_id = a.id
              AND r.level = 'khong_hai_long')
    OR EXISTS (SELECT 1 FROM rating_feedback b WHERE b.province_code = a.province_code AND b.application_id = a.id
                 AND b.status <> 'withdrawn'));
  DELETE FROM report_rollup;
  INSERT INTO report_rollup (province_code, unit_id, grain, day, procedure_code, channel, new, early, on_time, late, refused, stopped, withdrawn, postal_returned, records_digitized, records_reused, result_ready, result_digitized, digitized, disliked_new, timed_files, timed_seconds, ratings, ratings_satisfied, supplement_requests, apologies, documents_issued, documents_signed, open_delta, overdue_delta, disliked_open_delta)
  SELECT x.p, x.u, g.grain, CASE g.grain WHEN 'd' THEN x.day WHEN 'm' THEN date_trunc('month', x.day)::date
    ELSE date_trunc('year', x.day)::date END, k.code, x.ch,
    COALESCE(sum(x.n) FILTER (WHERE x.m = 'new'), 0),
    COALESCE(sum(x.n) FILTER (WHERE x.m = 'early'), 0),
    COALESCE(sum(x.n) FILTER (WHERE x.m = 'on_time'), 0),
    COALESCE(sum(x.n) FILTER (WHERE x.m = 'late'), 0),
    COALESCE(sum(x.n) FILTER (WHERE x.m = 'refused'), 0),
    COALESCE(sum(x.n) FILTER (WHERE x.m = 'stopped'), 0),
    COALESCE(sum(x.n) FILTER (WHERE x.m = 'withdrawn'), 0),
    COALESCE(sum(x.n) FILTER (WHERE x.m = 'postal_returned'), 0),
    COALESCE(sum(x.n) FILTER (WHERE x.m = 'records_digitized'), 0),
    COALESCE(sum(x.n) FILTER (WHERE x.m = 'records_reused'), 0),
    COALESCE(sum(x.n) FILTER (WHERE x.m = 'result_ready'), 0),
    COALESCE(sum(x.n) FILTER (WHERE x.m = 'result_digitized'), 0),
    COALESCE(sum(x.n) FILTER (WHERE x.m = 'digitized'), 0),
    COALESCE(sum(x.n) FILTER (WHERE x.m = 'disliked_new'), 0),
    COALESCE(sum(x.n) FILTER (WHERE x.m = 'timed_files'), 0),
    COALESCE(sum(x.n) FILTER (WHERE x.m = 'timed_seconds'), 0),
    COALESCE(sum(x.n) FILTER (WHERE x.m = 'ratings'), 0),
    COALESCE(sum(x.n) FILTER (WHERE x.m = 'ratings_satisfied'), 0),
    COALESCE(sum(x.n) FILTER (WHERE x.m = 'supplement_requests'), 0),
    COALESCE(sum(x.n) FILTER (WHERE x.m = 'apologies'), 0),
    COALESCE(sum(x.n) FILTER (WHERE x.m = 'documents_issued'), 0),
    COALESCE(sum(x.n) FILTER (WHERE x.m = 'documents_signed'), 0),
    COALESCE(sum(x.n) FILTER (WHERE x.m = 'open_delta'), 0),
    COALESCE(sum(x.n) FILTER (WHERE x.m = 'overdue_delta'), 0),
    COALESCE(sum(x.n) FILTER (WHERE x.m = 'disliked_open_delta'), 0)
  FROM (
    SELECT a.province_code AS p, a.receiving_unit_id AS u, a.procedure_code AS pc, a.channel AS ch, c.day, c.m, c.n
    FROM applications a CROSS JOIN LATERAL report_contrib(a) c
    UNION ALL
    SELECT a.province_code, a.receiving_unit_id, a.procedure_code, a.channel, report_day(e.at),
           CASE WHEN e.action = 'request_supplement' THEN 'supplement_requests' ELSE 'apologies' END, 1
    FROM application_events e JOIN applications a ON a.province_code = e.province_code AND a.id = e.application_id
    WHERE e.action IN ('request_supplement', 'issue_apology')
    UNION ALL
    SELECT d.p, d.u, d.pc, d.ch, d.day, d.m, d.n FROM outgoing_documents o CROSS JOIN LATERAL report_document_contrib(o) d
  ) x CROSS JOIN (VALUES ('d'), ('m'), ('y')) AS g(grain) CROSS JOIN LATERAL (VALUES (x.pc), ('*')) AS k(code)
  GROUP BY x.p, x.u, 3, 4, 5, x.ch;
  PERFORM set_config('motcua.rollups', 'on', true);
END $$;

-- Open files of a unit, for "now" in the current period.
CREATE INDEX applications_open ON applications (province_code, receiving_unit_id)
  WHERE received_at IS NOT NULL AND processed_at IS NULL AND finished_at IS NULL;

SELECT report_rebuild();
