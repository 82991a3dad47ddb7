import { sql, type Selectable } from 'kysely';
import type {
  ProcedureChannel,
  OnlineLevel,
  ProcedureLevel,
  ProcedureSummary,
  ProcedureTimeUnit,
} from '@motcua/contracts/procedures';
import { tables, type Db, type ProceduresTables } from './procedures.repository.ts';
import { viCollator } from './procedures.rules.ts';

/**
 * Catalogue search for the counter and the public: without diacritics, tolerant of typos, or by code prefix.
 * Matching uses the trigram index on f_unaccent(name) (migrations 0002, 0003); ranking:
 *   similarity(name, q)               — the whole name is like the query: short exact names first
 * + 0.5 × word_similarity(q, name)    — the query is like a part of the name
 * + 0.3 if the name starts with the query, else 0.15 if a word of the name does (typing ahead)
 * Equal scores are ordered by the Vietnamese collation (PostgreSQL's may lack an ICU "vi" locale).
 */
export interface SearchQuery {
  q?: string | undefined;
  field?: string | undefined;
  level?: ProcedureLevel | undefined;
  limit: number;
  offset: number;
}

export interface SearchHit extends ProcedureSummary {
  score: number;
}

const CODE_PREFIX = /^[0-9][0-9.]{0,7}$/;
const WORD_PREFIX_BONUS = { name: 0.3, word: 0.15 };

type Version = Selectable<ProceduresTables['procedure_versions']>;

function toSummary(v: Version): ProcedureSummary {
  return {
    code: v.procedure_code,
    versionId: v.id,
    version: v.version,
    name: v.name,
    nameEn: v.name_en,
    field: v.field,
    levels: v.levels as ProcedureLevel[],
    timeAmount: v.time_amount === null ? null : Number(v.time_amount),
    timeUnit: v.time_unit as ProcedureTimeUnit | null,
    timeText: v.time_text,
    cutoffHour: v.cutoff_hour,
    feeAmount: v.fee_amount === null ? null : Number(v.fee_amount),
    feeText: v.fee_text,
    onlineLevel: v.online_level as OnlineLevel,
    channels: v.channels as ProcedureChannel[],
  };
}

/** The query as the user meant it: NFC, single spaces. */
export function cleanQuery(q: string): string {
  return q.normalize('NFC').replace(/\s+/g, ' ').trim();
}

export async function searchProcedures(
  db: Db,
  query: SearchQuery,
): Promise<{ items: SearchHit[]; total: number }> {
  const q = query.q === undefined ? '' : cleanQuery(query.q);
  let select = tables(db)
    .selectFrom('procedures as p')
    .innerJoin('procedure_versions as v', 'v.id', 'p.current_version_id')
    .selectAll('v');
  if (query.field !== undefined) {
    // "ho tich" finds "Hộ tịch": the field filter forgives diacritics and case too.
    select = select.where(sql<boolean>`f_unaccent(v.field) = f_unaccent(${cleanQuery(query.field)})`);
  }
  if (query.level !== undefined) select = select.where(sql<boolean>`${query.level} = ANY (v.levels)`);

  if (q === '' || CODE_PREFIX.test(q)) {
    if (q !== '') select = select.where('p.code', 'like', `${q}%`);
    const rows = await select.execute();
    const hits = rows.map((v) => ({ ...toSummary(v), score: 0 }));
    hits.sort((a, b) =>
      q === ''
        ? viCollator.compare(a.name, b.name) || a.code.localeCompare(b.code)
        : a.code.localeCompare(b.code),
    );
    return { items: hits.slice(query.offset, query.offset + query.limit), total: hits.length };
  }

  // LIKE wildcards typed by the user are matched literally; f_unaccent leaves \ % _ untouched.
  const term = sql`f_unaccent(${q})`;
  const likeTerm = sql`f_unaccent(${q.replace(/[\\%_]/g, '\\$&')})`;
  const name = sql`f_unaccent(v.name)`;
  const rows = await select
    .select([
      sql<number>`similarity(${name}, ${term})`.as('sim'),
      sql<number>`word_similarity(${term}, ${name})`.as('wsim'),
      sql<boolean>`${name} LIKE ${likeTerm} || '%'`.as('starts'),
      sql<boolean>`(' ' || ${name}) LIKE '% ' || ${likeTerm} || '%'`.as('word_start'),
    ])
    // <% is word_similarity ≥ pg_trgm.word_similarity_threshold (0.6) and uses the trigram index.
    .where(sql<boolean>`(${term} <% ${name} OR ${name} LIKE '%' || ${likeTerm} || '%')`)
    .execute();
  const hits = rows.map(({ sim, wsim, starts, word_start, ...v }) => ({
    ...toSummary(v),
    score:
      Number(sim) +
      0.5 * Number(wsim) +
      (starts ? WORD_PREFIX_BONUS.name : word_start ? WORD_PREFIX_BONUS.word : 0),
  }));
  hits.sort(
    (a, b) =>
      Math.round((b.score - a.score) * 1e6) ||
      viCollator.compare(a.name, b.name) ||
      a.code.localeCompare(b.code),
  );
  return { items: hits.slice(query.offset, query.offset + query.limit), total: hits.length };
}

export async function countByField(db: Db) {
  const rows = await tables(db)
    .selectFrom('procedures as p')
    .innerJoin('procedure_versions as v', 'v.id', 'p.current_version_id')
    .select((eb) => ['v.field', eb.fn.countAll<string>().as('count')])
    .groupBy('v.field')
    .execute();
  return rows
    .map((r) => ({ field: r.field, count: Number(r.count) }))
    .sort((a, b) => viCollator.compare(a.field, b.field));
}
