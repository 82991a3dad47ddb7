import { sql, type RawBuilder } from 'kysely';
import type { FileFigure } from '@motcua/domain/reports/figures';

/**
 * The figures of packages/domain/src/reports/figures.ts as SQL conditions over one row of the `files` CTE
 * below, so a count and the list of files behind it use the very same condition. The domain function is
 * the definition; reports.db.test.ts checks that both give the same counts on varied files.
 */
export interface SqlPeriod {
  from: Date;
  to: Date;
  /** Reference time of the open files: the end of the period, or now within the current one. */
  reference: Date;
}

/**
 * The files a period can count (received before its end, not ended before its start, or returned in it),
 * with what the figures need. `documents`/`scanned`/`result_ok` are only looked up for files received in
 * the period (digitization counts those).
 */
export function filesCte(
  provinceCode: string,
  unitIds: readonly string[],
  p: SqlPeriod,
  options: { openOnly?: boolean } = {},
) {
  return sql`
    SELECT a.id, a.code, a.receiving_unit_id AS unit_id, a.procedure_code, a.channel, a.state,
           a.received_at, a.due_at, a.processed_at, a.finished_at, a.returned_at, a.return_channel,
           a.updated_at, a.supplement_requests, a.counts_late,
           COALESCE(a.processed_at, a.finished_at) AS ended_at,
           CASE WHEN a.received_at >= ${p.from} THEN jsonb_array_length(a.documents) END AS documents,
           CASE WHEN a.received_at >= ${p.from} THEN
             (SELECT count(*) FROM application_documents d
               WHERE d.province_code = a.province_code AND d.application_id = a.id
                 AND d.position <= jsonb_array_length(a.documents)) END AS scanned,
           CASE WHEN a.received_at >= ${p.from} THEN
             EXISTS (SELECT 1 FROM application_documents d
                      WHERE d.province_code = a.province_code AND d.application_id = a.id
                        AND d.reuse_source IS NOT NULL) END AS reused,
           EXISTS (SELECT 1 FROM application_ratings r
                    WHERE r.province_code = a.province_code AND r.application_id = a.id
                      AND r.level = 'khong_hai_long')
             OR EXISTS (SELECT 1 FROM rating_feedback b
                         WHERE b.province_code = a.province_code AND b.application_id = a.id
                           AND b.status <> 'withdrawn') AS disliked,
           CASE WHEN a.received_at >= ${p.from} AND a.processed_at IS NOT NULL THEN
             EXISTS (SELECT 1 FROM application_results r
                      WHERE r.province_code = a.province_code AND r.application_id = a.id
                        AND r.sha256 IS NOT NULL AND r.status <> 'draft') END AS result_ok
    FROM applications a
    WHERE a.province_code = ${provinceCode} AND a.receiving_unit_id = ANY(${unitIds}::uuid[])
      AND a.received_at IS NOT NULL AND a.received_at < ${p.to}
      AND ${
        options.openOnly
          ? sql`a.processed_at IS NULL AND a.finished_at IS NULL`
          : sql`(a.processed_at >= ${p.from} OR a.finished_at >= ${p.from} OR a.returned_at >= ${p.from}
                 OR COALESCE(a.processed_at, a.finished_at) IS NULL)`
      }`;
}

/** The Vietnam calendar day of a timestamptz column (UTC+7 all year, no zone database needed). */
const vnDay = (column: string) => sql`((${sql.ref(column)} AT TIME ZONE 'UTC') + interval '7 hours')::date`;

/** Every figure as a condition on a row of `filesCte`. */
export function figureConditions(p: SqlPeriod): Record<FileFigure, RawBuilder<unknown>> {
  const lateAt = (end: RawBuilder<unknown>) =>
    sql`(counts_late OR supplement_requests > 1 OR (due_at IS NOT NULL AND ${end} > due_at))`;
  const inScope = sql`(ended_at IS NULL OR ended_at >= ${p.from})`;
  const isNew = sql`(${inScope} AND received_at >= ${p.from})`;
  const resolved = sql`(${inScope} AND ended_at < ${p.to})`;
  const inProgress = sql`(${inScope} AND (ended_at IS NULL OR ended_at >= ${p.to}))`;
  // A file waiting for the applicant now stands still at the request (deadlines/status.ts).
  const reference = sql`(CASE WHEN ended_at IS NULL
      AND state IN ('supplement_requested', 'pre_receipt_supplement')
      AND updated_at < ${p.reference} THEN updated_at ELSE ${p.reference}::timestamptz END)`;
  const late = sql`(${resolved} AND ${lateAt(sql`ended_at`)})`;
  const recordsOk = sql`(documents > 0 AND scanned >= documents)`;
  const endedAs = (state: string) => sql`(${resolved} AND processed_at IS NULL AND state = ${state})`;
  return {
    received: inScope,
    carried: sql`(${inScope} AND received_at < ${p.from})`,
    new: isNew,
    new_counter: sql`(${isNew} AND channel = 1)`,
    new_online: sql`(${isNew} AND channel = 2)`,
    new_postal: sql`(${isNew} AND channel = 3)`,
    resolved,
    late,
    early: sql`(${resolved} AND NOT ${lateAt(sql`ended_at`)} AND due_at IS NOT NULL
                AND ${vnDay('ended_at')} < ${vnDay('due_at')})`,
    on_time: sql`(${resolved} AND NOT ${lateAt(sql`ended_at`)} AND (due_at IS NULL
                OR ${vnDay('ended_at')} >= ${vnDay('due_at')}))`,
    refused: endedAs('refused'),
    stopped: endedAs('stopped'),
    withdrawn: endedAs('withdrawn'),
    in_progress: inProgress,
    overdue: sql`(${inProgress} AND ${lateAt(reference)})`,
    within_time: sql`(${inProgress} AND NOT ${lateAt(reference)})`,
    records_digitized: sql`(${isNew} AND ${recordsOk})`,
    records_reused: sql`(${isNew} AND reused)`,
    result_ready: sql`(${isNew} AND processed_at IS NOT NULL)`,
    result_digitized: sql`(${isNew} AND processed_at IS NOT NULL AND result_ok)`,
    digitized: sql`(${isNew} AND ${recordsOk} AND (processed_at IS NULL OR result_ok))`,
    postal_returned: sql`(return_channel = 'post' AND returned_at >= ${p.from} AND returned_at < ${p.to})`,
    disliked: sql`(${inScope} AND disliked)`,
  };
}
