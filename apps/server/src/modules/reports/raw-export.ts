import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Scope } from './reports.repository.ts';

/**
 * The raw files and events behind a period's statistics, for anyone to recompute the figures on their own
 * (docs/REPORTS.md, "Recomputing"): every file a figure of the period can count — received before its end and
 * not ended before its start, or returned in it, or rated in it — with the facts the rules read, and all their
 * events. No personal data: no applicant, no document names, no comments.
 */
export interface RawFile {
  id: string;
  code: string;
  receiving_unit_id: string;
  procedure_code: string;
  channel: number;
  state: string;
  received_at: Date;
  due_at: Date | null;
  processed_at: Date | null;
  finished_at: Date | null;
  returned_at: Date | null;
  return_channel: string | null;
  updated_at: Date;
  supplement_requests: number;
  apologies: number;
  counts_late: boolean;
  documents: number;
  documents_scanned: number;
  documents_reused: number;
  result_digitized: boolean;
  rating_level: string | null;
  rated_at: Date | null;
  feedback: boolean;
}

export interface RawEvent {
  code: string;
  seq: number;
  at: Date;
  action: string;
  from_state: string | null;
  to_state: string;
}

const PAGE = 5_000;

/** The period's files in pages of 5,000, oldest receipt first (constant memory at any size). */
export async function* rawFiles(db: Kysely<Database>, s: Scope): AsyncGenerator<RawFile[]> {
  const { from, to } = s.period;
  let after: { at: Date; id: string } | undefined;
  for (;;) {
    const result = await sql<RawFile>`
      SELECT a.id, a.code, a.receiving_unit_id, a.procedure_code, a.channel, a.state, a.received_at, a.due_at,
             a.processed_at, a.finished_at, a.returned_at, a.return_channel, a.updated_at,
             a.supplement_requests, a.apologies, a.counts_late,
             jsonb_array_length(a.documents) AS documents,
             (SELECT count(*)::int FROM application_documents d
               WHERE d.province_code = a.province_code AND d.application_id = a.id
                 AND d.position <= jsonb_array_length(a.documents)) AS documents_scanned,
             (SELECT count(*)::int FROM application_documents d
               WHERE d.province_code = a.province_code AND d.application_id = a.id
                 AND d.reuse_source IS NOT NULL) AS documents_reused,
             EXISTS (SELECT 1 FROM application_results x
                      WHERE x.province_code = a.province_code AND x.application_id = a.id
                        AND x.sha256 IS NOT NULL AND x.status <> 'draft') AS result_digitized,
             r.level AS rating_level, r.first_rated_at AS rated_at,
             EXISTS (SELECT 1 FROM rating_feedback b
                      WHERE b.province_code = a.province_code AND b.application_id = a.id
                        AND b.status <> 'withdrawn') AS feedback
      FROM applications a
      LEFT JOIN application_ratings r ON r.province_code = a.province_code AND r.application_id = a.id
      WHERE a.province_code = ${s.provinceCode} AND a.receiving_unit_id = ANY(${s.unitIds}::uuid[])
        AND a.received_at IS NOT NULL
        AND ((a.received_at < ${to} AND (COALESCE(a.processed_at, a.finished_at) IS NULL
               OR a.processed_at >= ${from} OR a.finished_at >= ${from} OR a.returned_at >= ${from}))
             OR (r.first_rated_at >= ${from} AND r.first_rated_at < ${to}))
        ${after ? sql`AND (a.received_at, a.id) > (${after.at}, ${after.id}::uuid)` : sql``}
      ORDER BY a.received_at, a.id
      LIMIT ${PAGE}`.execute(db);
    if (result.rows.length === 0) return;
    yield result.rows;
    const last = result.rows.at(-1)!;
    after = { at: last.received_at, id: last.id };
    if (result.rows.length < PAGE) return;
  }
}

/** The events of some files, in order. */
export async function rawEvents(db: Kysely<Database>, provinceCode: string, files: readonly RawFile[]) {
  if (files.length === 0) return [];
  const result = await sql<RawEvent>`
    SELECT a.code, e.seq, e.at, e.action, e.from_state, e.to_state
    FROM application_events e JOIN applications a ON a.province_code = e.province_code AND a.id = e.application_id
    WHERE e.province_code = ${provinceCode} AND e.application_id = ANY(${files.map((f) => f.id)}::uuid[])
    ORDER BY a.received_at, a.id, e.seq`.execute(db);
  return result.rows;
}
