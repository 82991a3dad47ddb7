import { sql, type Kysely } from 'kysely';
import { FILE_FIGURES, type FileFigure } from '@motcua/domain/reports/figures';
import type { SummaryCounts } from '@motcua/domain/reports/summary';
import type { Database } from '../../db/schema.ts';
import { figureConditions, filesCte, type SqlPeriod } from './figures.sql.ts';

type Db = Kysely<Database>;

/** Counts of one (receiving unit, procedure, channel) cell; the finest grain every report is built from. */
export interface CellRow extends Partial<SummaryCounts> {
  unit_id: string;
  procedure_code: string | null;
  channel: number | null;
}

export interface Scope {
  provinceCode: string;
  unitIds: readonly string[];
  period: SqlPeriod;
}

/** The files behind a figure, as the drill-down lists them. */
export interface FileRow {
  id: string;
  code: string;
  unit_id: string;
  procedure_code: string;
  channel: number;
  state: string;
  received_at: Date;
  due_at: Date | null;
  ended_at: Date | null;
  returned_at: Date | null;
}

const ids = (s: Scope) => s.unitIds as string[];

/** SQL of the statistics: counts straight from the applications, their events, ratings and documents. */
export const reportsRepository = {
  /** The per-file figures (figures.ts), per unit, procedure and channel. */
  async figureCells(db: Db, s: Scope): Promise<CellRow[]> {
    if (s.unitIds.length === 0) return [];
    const conditions = figureConditions(s.period);
    const counts = FILE_FIGURES.map(
      (figure) => sql`count(*) FILTER (WHERE ${conditions[figure]})::int AS ${sql.ref(figure)}`,
    );
    const result = await sql<CellRow>`
      WITH files AS (${filesCte(s.provinceCode, s.unitIds, s.period)})
      SELECT unit_id, procedure_code, channel, ${sql.join(counts)}
      FROM files GROUP BY unit_id, procedure_code, channel`.execute(db);
    return result.rows;
  },

  /** Supplement requests and apology letters made in the period. */
  async eventCells(db: Db, s: Scope): Promise<CellRow[]> {
    if (s.unitIds.length === 0) return [];
    const { from, to } = s.period;
    const result = await sql<CellRow>`
      SELECT a.receiving_unit_id AS unit_id, a.procedure_code, a.channel,
        count(*) FILTER (WHERE e.action = 'request_supplement')::int AS supplement_requests,
        count(*) FILTER (WHERE e.action = 'issue_apology')::int AS apologies
      FROM application_events e
      JOIN applications a ON a.province_code = e.province_code AND a.id = e.application_id
      WHERE e.province_code = ${s.provinceCode} AND a.receiving_unit_id = ANY(${ids(s)}::uuid[])
        AND e.action IN ('request_supplement', 'issue_apology') AND e.at >= ${from} AND e.at < ${to}
      GROUP BY 1, 2, 3`.execute(db);
    return result.rows;
  },

  /** Ratings first sent in the period, and files received in it whose processing has ended, timed. */
  async ratingAndTimeCells(db: Db, s: Scope): Promise<CellRow[]> {
    if (s.unitIds.length === 0) return [];
    const { from, to } = s.period;
    const result = await sql<CellRow>`
      SELECT a.receiving_unit_id AS unit_id, a.procedure_code, a.channel,
        count(*)::int AS ratings,
        count(*) FILTER (WHERE r.level IN ('rat_hai_long', 'hai_long'))::int AS ratings_satisfied,
        0 AS timed_files, 0 AS timed_seconds
      FROM application_ratings r
      JOIN applications a ON a.province_code = r.province_code AND a.id = r.application_id
      WHERE r.province_code = ${s.provinceCode} AND r.receiving_unit_id = ANY(${ids(s)}::uuid[])
        AND r.first_rated_at >= ${from} AND r.first_rated_at < ${to}
      GROUP BY 1, 2, 3
      UNION ALL
      SELECT a.receiving_unit_id, a.procedure_code, a.channel, 0, 0,
        count(*)::int,
        coalesce(sum(extract(epoch FROM COALESCE(a.processed_at, a.finished_at) - a.received_at)), 0)::float8
      FROM applications a
      WHERE a.province_code = ${s.provinceCode} AND a.receiving_unit_id = ANY(${ids(s)}::uuid[])
        AND a.received_at >= ${from} AND a.received_at < ${to}
        AND COALESCE(a.processed_at, a.finished_at) IS NOT NULL
      GROUP BY 1, 2, 3`.execute(db);
    return result.rows;
  },

  /** Outgoing documents issued in the period by the units, and how many are digitally signed. */
  async documentCells(db: Db, s: Scope): Promise<CellRow[]> {
    if (s.unitIds.length === 0) return [];
    const { from, to } = s.period;
    const result = await sql<CellRow>`
      SELECT o.unit_id, a.procedure_code, a.channel,
        count(*)::int AS documents_issued,
        count(*) FILTER (WHERE o.signed_digitally)::int AS documents_signed
      FROM outgoing_documents o
      LEFT JOIN applications a ON a.province_code = o.province_code AND a.id = o.application_id
      WHERE o.province_code = ${s.provinceCode} AND o.unit_id = ANY(${ids(s)}::uuid[])
        AND o.issued_at >= ${from} AND o.issued_at < ${to}
      GROUP BY 1, 2, 3`.execute(db);
    return result.rows;
  },

  /** Every procedure's current name and field (the catalogue is small: hundreds of rows). */
  async catalog(db: Db) {
    const result = await sql<{ code: string; name: string; field: string }>`
      SELECT p.code, v.name, v.field FROM procedures p
      JOIN procedure_versions v ON v.id = p.current_version_id`.execute(db);
    return result.rows;
  },

  /** The files behind one figure, oldest receipt first, optionally of one procedure / channel / unit set. */
  async filesOf(
    db: Db,
    s: Scope,
    figure: FileFigure,
    filter: { procedureCodes?: readonly string[]; channel?: number },
    page: { limit: number; offset: number },
  ): Promise<{ rows: FileRow[]; total: number }> {
    if (s.unitIds.length === 0) return { rows: [], total: 0 };
    const condition = figureConditions(s.period)[figure];
    const procedures = filter.procedureCodes
      ? sql`AND procedure_code = ANY(${filter.procedureCodes}::text[])`
      : sql``;
    const channel = filter.channel !== undefined ? sql`AND channel = ${filter.channel}` : sql``;
    const result = await sql<FileRow & { total: number }>`
      WITH files AS (${filesCte(s.provinceCode, s.unitIds, s.period)})
      SELECT id, code, unit_id, procedure_code, channel, state, received_at, due_at, ended_at, returned_at,
             count(*) OVER ()::int AS total
      FROM files WHERE ${condition} ${procedures} ${channel}
      ORDER BY received_at, code LIMIT ${page.limit} OFFSET ${page.offset}`.execute(db);
    return { rows: result.rows, total: result.rows[0]?.total ?? 0 };
  },
};
