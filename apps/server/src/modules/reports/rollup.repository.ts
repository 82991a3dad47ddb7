import { sql, type Kysely, type RawBuilder } from 'kysely';
import { vnDateOf } from '@motcua/domain';
import type { Database } from '../../db/schema.ts';
import { figureConditions, filesCte } from './figures.sql.ts';
import type { CellRow, Scope } from './reports.repository.ts';

type Db = Kysely<Database>;

/** Figures that flow: summed over the rows of the period's days (whole months from the month rows). */
const FLOWS = [
  'new',
  'early',
  'on_time',
  'late',
  'refused',
  'stopped',
  'withdrawn',
  'postal_returned',
  'records_digitized',
  'records_reused',
  'result_ready',
  'result_digitized',
  'digitized',
  'disliked_new',
  'timed_files',
  'timed_seconds',
  'ratings',
  'ratings_satisfied',
  'supplement_requests',
  'apologies',
  'documents_issued',
  'documents_signed',
] as const;

interface RollupRow extends Record<(typeof FLOWS)[number], string | number | null> {
  unit_id: string;
  procedure_code: string;
  channel: number;
  carried: string | number | null;
  open_at_end: string | number | null;
  overdue_at_end: string | number | null;
  disliked_open: string | number | null;
}

const num = (v: string | number | null | undefined) => Number(v ?? 0);

/**
 * A rollup read touches a few hundred rows. PostgreSQL plans parallel workers for it once the table is large,
 * and starting them costs more than the read: 30 ms against 5.5 ms (median of 9, 1 M files, 2 busy cores).
 */
async function serial<R>(db: Db, query: RawBuilder<R>) {
  return db.transaction().execute(async (trx) => {
    await sql`SET LOCAL max_parallel_workers_per_gather = 0`.execute(trx);
    return query.execute(trx);
  });
}

/**
 * The statistics from the rollups (migration 0015): flows over the period's days, stocks (open, overdue, open
 * and disliked) as the sum of their deltas up to a day — month rows before its month, day rows within it — so
 * the rows read depend on the period and the units, not on how many files there are.
 */
export const rollupRepository = {
  /** `detail`: 'unit' reads the all-procedures rows (a few per unit and day), 'procedure' one row per procedure. */
  async cells(db: Db, s: Scope, detail: 'unit' | 'procedure' = 'unit'): Promise<CellRow[]> {
    if (s.unitIds.length === 0) return [];
    const flows = FLOWS.map((f) => sql`sum(r.${sql.ref(f)}) FILTER (WHERE c.flow) AS ${sql.ref(f)}`);
    const procedures = detail === 'unit' ? sql`x.procedure_code = '*'` : sql`x.procedure_code <> '*'`;
    const units = s.unitIds as string[];
    const d = bounds(s.period.from, s.period.to);
    const from = (grain: string) =>
      sql`SELECT x.* FROM report_rollup x WHERE x.province_code = ${s.provinceCode} AND ${procedures}
            AND x.unit_id = ANY(${units}::uuid[]) AND x.grain = ${grain}`;
    const dayRanges = d.dayRanges.map(
      ([first, last]) => sql`${from('d')} AND x.day >= ${first}::date AND x.day <= ${last}::date`,
    );
    const result = await serial(
      db,
      sql<RollupRow>`
      WITH r AS (
        -- Index ranges per unit: year rows before the last day's year, month rows from the first day's year
        -- to the last day's month, day rows of the partial months and of the two ends.
        ${from('y')} AND x.day < ${d.ys.td}::date
        UNION ALL ${from('m')} AND x.day >= ${d.ys.fd}::date AND x.day < ${d.m2}::date
        UNION ALL ${sql.join(dayRanges, sql` UNION ALL `)}
      )
      SELECT r.unit_id, r.procedure_code, r.channel, ${sql.join(flows)},
        sum(r.open_delta) FILTER (WHERE c.at_fd) AS carried,
        sum(r.open_delta) FILTER (WHERE c.at_td) AS open_at_end,
        sum(r.overdue_delta) FILTER (WHERE c.at_td) AS overdue_at_end,
        sum(r.disliked_open_delta) FILTER (WHERE c.at_fd) AS disliked_open
      FROM r CROSS JOIN LATERAL (SELECT
        ${
          d.m1 <= d.m2
            ? sql`(r.grain = 'm' AND r.day >= ${d.m1}::date AND r.day < ${d.m2}::date)
                 OR (r.grain = 'd' AND ((r.day >= ${d.fd}::date AND r.day < ${d.m1}::date)
                                        OR (r.day >= ${d.m2}::date AND r.day < ${d.td}::date)))`
            : sql`r.grain = 'd' AND r.day >= ${d.fd}::date AND r.day < ${d.td}::date`
        } AS flow,
        ${stockAt(d.ys.fd, d.mf, d.fd)} AS at_fd,
        ${stockAt(d.ys.td, d.m2, d.td)} AS at_td) c
      GROUP BY r.unit_id, r.procedure_code, r.channel`,
    );
    const current = s.period.reference < s.period.to;
    const open = current
      ? await this.openNow(db, s, detail)
      : new Map<string, { open: number; overdue: number }>();
    return result.rows
      .map((row) => {
        const key = `${row.unit_id}|${row.procedure_code}|${row.channel}`;
        const inProgress = current ? (open.get(key)?.open ?? 0) : num(row.open_at_end);
        const overdue = current ? (open.get(key)?.overdue ?? 0) : num(row.overdue_at_end);
        open.delete(key);
        return cellOf(row, inProgress, overdue);
      })
      .concat(
        // Open files of a key with no rollup row in the period (cannot happen: an open file has an open delta).
        [...open].map(([key, o]) => {
          const [unit_id, procedure_code, channel] = key.split('|') as [string, string, string];
          return cellOf(
            { unit_id, procedure_code, channel: Number(channel) } as RollupRow,
            o.open,
            o.overdue,
          );
        }),
      );
  },

  /**
   * Procedures (of `codes`) of each unit with at least one file filed online in the period (766 indicator 3.2).
   * Index periods are whole months, so the month rows of those procedures are enough.
   */
  async filedOnline(db: Db, s: Scope, codes: readonly string[]) {
    if (s.unitIds.length === 0 || codes.length === 0) return [];
    const d = bounds(s.period.from, s.period.to);
    const result = await serial(
      db,
      sql<{ unit_id: string; procedure_code: string }>`
      SELECT DISTINCT unit_id, procedure_code FROM report_rollup
      WHERE province_code = ${s.provinceCode} AND unit_id = ANY(${s.unitIds}::uuid[])
        AND day >= ${d.mf}::date AND day < ${d.m2}::date AND procedure_code = ANY(${codes}::text[])
        -- The predicate of the partial index report_rollup_online_months (migration 0016), spelt out so the
        -- planner can use it.
        AND grain = 'm' AND channel = 2 AND new > 0 AND procedure_code <> '*' AND procedure_code <> ''`,
    );
    return result.rows;
  },

  /**
   * After a bulk load (triggers off): the rollups recomputed from the raw rows, then fresh planner statistics —
   * without them PostgreSQL guesses one row per key and scans the whole province instead of a few units' rows.
   */
  async rebuild(db: Db) {
    await sql`SELECT report_rebuild()`.execute(db);
    await sql`ANALYZE applications, application_events, report_rollup`.execute(db);
  },

  /** Files open now, and overdue now, per key: the current period is reported as of now. */
  async openNow(db: Db, s: Scope, detail: 'unit' | 'procedure') {
    const conditions = figureConditions(s.period);
    const result = await sql<{
      unit_id: string;
      procedure_code: string;
      channel: number;
      open: number;
      overdue: number;
    }>`
      WITH files AS (${filesCte(s.provinceCode, s.unitIds, s.period, { openOnly: true })})
      SELECT unit_id, ${detail === 'unit' ? sql`'*'` : sql`procedure_code`} AS procedure_code, channel,
             count(*)::int AS open, count(*) FILTER (WHERE ${conditions.overdue})::int AS overdue
      FROM files GROUP BY 1, 2, 3`.execute(db);
    return new Map(result.rows.map((r) => [`${r.unit_id}|${r.procedure_code}|${r.channel}`, r]));
  },
};

/** The rows whose deltas add up to a stock at the start of `day`: earlier years, months, days. */
const stockAt = (yearStart: string, monthStart: string, day: string) =>
  sql`((r.grain = 'y' AND r.day < ${yearStart}::date)
      OR (r.grain = 'm' AND r.day >= ${yearStart}::date AND r.day < ${monthStart}::date)
      OR (r.grain = 'd' AND r.day >= ${monthStart}::date AND r.day <= ${day}::date))`;

/**
 * The period's days: fd its first, td the day after its last; m1…m2 its whole months (m1 the first month
 * start on or after fd, m2 the start of td's month); mf the start of fd's month; ys the years' starts; and the
 * ranges of day rows to read (inclusive).
 */
function bounds(from: Date, to: Date) {
  const fd = vnDateOf(from.getTime());
  const td = vnDateOf(to.getTime());
  const monthStart = (date: string) => `${date.slice(0, 8)}01`;
  const nextMonth = (date: string) => {
    const [y, m] = [Number(date.slice(0, 4)), Number(date.slice(5, 7))];
    return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  };
  const m1 = fd.endsWith('-01') ? fd : nextMonth(fd);
  const m2 = monthStart(td);
  const mf = monthStart(fd);
  const before = (date: string) => vnDateOf(Date.parse(`${date}T00:00:00+07:00`) - 86_400_000);
  const ranges: [string, string][] =
    m1 <= m2
      ? [
          [mf, m1 > fd ? before(m1) : fd],
          [m2, td],
        ]
      : [[mf, td]];
  // Two ranges that touch (a period of whole days inside one month starting on the 1st) are read once.
  const dayRanges = ranges.reduce<[string, string][]>((out, range) => {
    const last = out.at(-1);
    if (last && range[0] <= last[1]) last[1] = range[1] > last[1] ? range[1] : last[1];
    else out.push([...range]);
    return out;
  }, []);
  return {
    fd,
    td,
    m1,
    m2,
    mf,
    ys: { fd: `${fd.slice(0, 4)}-01-01`, td: `${td.slice(0, 4)}-01-01` },
    dayRanges,
  };
}

function cellOf(row: RollupRow, inProgress: number, overdue: number): CellRow {
  const { disliked_new: dislikedNew, ...f } = Object.fromEntries(
    FLOWS.map((k) => [k, num(row[k])]),
  ) as Record<(typeof FLOWS)[number], number>;
  const carried = num(row.carried);
  const resolved = f.early + f.on_time + f.late;
  const noProcedure = row.procedure_code === '' || row.procedure_code === '*';
  return {
    unit_id: row.unit_id,
    procedure_code: noProcedure ? null : row.procedure_code,
    channel: row.channel === 0 ? null : row.channel,
    ...f,
    received: carried + f.new,
    carried,
    new_counter: row.channel === 1 ? f.new : 0,
    new_online: row.channel === 2 ? f.new : 0,
    new_postal: row.channel === 3 ? f.new : 0,
    resolved,
    in_progress: inProgress,
    overdue,
    within_time: inProgress - overdue,
    disliked: dislikedNew + num(row.disliked_open),
  };
}
