import { sql, type Kysely, type Transaction } from 'kysely';
import { buildCalendar } from '@motcua/domain/calendar/calendar';
import { SHIPPED_CALENDAR_YEARS } from '@motcua/domain/calendar/data/years';
import type { Database } from '../../db/schema.ts';
import { CATALOG } from '../procedures/data/catalog.ts';
import { seedProcedureCatalog } from '../procedures/procedures.seed.ts';
import { unitsRepository } from '../units/units.repository.ts';
import { planHistory, type HistoryProcedure, type HistoryUnit } from './plan.ts';
import { profileNamed, scaled, type HistoryProfile } from './profile.ts';
import { CODE_PREFIX, historyRows, SCAN_SHAS, type Batch } from './rows.ts';
import { rollupRepository } from '../reports/rollup.repository.ts';

/**
 * `motcua seed history`: writes a generated history (plan.ts, rows.ts) straight into the tables, in a few
 * large statements per batch with the rollup triggers off, then rebuilds the rollups once (0015).
 */
export interface HistoryOptions {
  profile: string;
  seed: number;
  scale: number;
  replace: boolean;
}

export interface HistoryProgress {
  phase: 'plan' | 'delete' | 'write' | 'rebuild';
  done: number;
  total: number;
}

export interface HistoryOutcome {
  profile: HistoryProfile;
  districtId: string;
  files: number;
  rows: { applications: number; events: number; documents: number; results: number; ratings: number };
  seconds: { plan: number; write: number; rebuild: number };
}

const APPLICANT = JSON.stringify({ kind: 'person', fullName: 'Người nộp (dữ liệu mô phỏng)' });
const GENERIC_DOCUMENTS = ['Tờ khai theo mẫu', 'Bản sao giấy tờ liên quan', 'Văn bản ủy quyền (nếu có)'];

/** Catalogue procedures of the district and commune levels with a time the deadline can be computed from. */
export function historyProcedures(): HistoryProcedure[] {
  return CATALOG.filter(
    (e) =>
      (e.levels.includes('commune') || e.levels.includes('district')) &&
      e.timeAmount !== null &&
      e.timeUnit !== 'none' &&
      e.timeUnit !== 'months',
  ).map((e, i) => ({
    code: e.code,
    // A bare number is read as working days (the usual unit); hours become one working day.
    amount: e.timeUnit === 'hours' || e.timeUnit === 'working_hours' ? 1 : e.timeAmount!,
    calendarDays: e.timeUnit === 'days',
    documents: e.documents?.map((d) => d.name) ?? GENERIC_DOCUMENTS.slice(0, 1 + (i % 3)),
  }));
}

/** The district's one-stop department and its communes and towns (those of before 1 July 2025). */
export async function historyUnits(db: Kysely<Database>, profile: HistoryProfile): Promise<HistoryUnit[]> {
  const units = await unitsRepository.listAll(db);
  const district = units.find((u) => u.code === profile.districtCode && u.kind === 'district');
  if (!district)
    throw new Error(
      `--profile ${profile.name}: unit ${profile.districtCode} is not in the database; run \`motcua seed\` first (chưa có đơn vị, hãy chạy motcua seed)`,
    );
  const out: HistoryUnit[] = [];
  for (const key of Object.keys(profile.unitWeights)) {
    const unit = key.endsWith('-motcua')
      ? units.find((u) => u.kind === 'department' && u.parentId === district.id)
      : units.find((u) => u.code === key && u.parentId === district.id);
    if (!unit) throw new Error(`--profile ${profile.name}: unit ${key} is not in the database`);
    out.push({ key, id: unit.id, code: unit.code ?? profile.districtCode });
  }
  return out;
}

const off = (trx: Transaction<Database>) =>
  sql`SELECT set_config('motcua.rollups', 'off', true)`.execute(trx);

/**
 * A superuser (PGlite always; PostgreSQL when the role is one) can skip the per-row triggers altogether for
 * the batch: the rollup triggers do nothing with rollups off, and the foreign keys hold by construction (every
 * row points at a file of the same batch). Half the write time on PGlite.
 */
async function isSuperuser(db: Kysely<Database>): Promise<boolean> {
  const r = await sql<{
    s: boolean;
  }>`SELECT rolsuper AS s FROM pg_roles WHERE rolname = current_user`.execute(db);
  return r.rows[0]?.s === true;
}

export async function generatedCount(db: Kysely<Database>): Promise<number> {
  const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM applications
    WHERE province_code = '68' AND code LIKE ${`${CODE_PREFIX}%`}`.execute(db);
  return r.rows[0]!.n;
}

async function deleteGenerated(db: Kysely<Database>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await off(trx);
    const ids = sql`(SELECT id FROM applications WHERE province_code = '68' AND code LIKE ${`${CODE_PREFIX}%`})`;
    for (const table of [
      'rating_feedback',
      'application_ratings',
      'application_results',
      'application_documents',
      'application_events',
    ])
      await sql`DELETE FROM ${sql.table(table)} WHERE province_code = '68' AND application_id IN ${ids}`.execute(
        trx,
      );
    await sql`DELETE FROM applications WHERE province_code = '68' AND code LIKE ${`${CODE_PREFIX}%`}`.execute(
      trx,
    );
  });
}

const json = (rows: readonly unknown[]) => JSON.stringify(rows);

/** Files list their procedure's documents: sent once per procedure, not once per file (parsing is the cost). */
function documentsOf(b: Batch): { byCode: string; files: string } {
  const byCode: Record<string, unknown> = {};
  const files = b.applications.map(({ documents, ...file }) => {
    byCode[file.procedure_code] ??= documents;
    return file;
  });
  return { byCode: JSON.stringify(byCode), files: json(files) };
}

async function writeBatch(trx: Transaction<Database>, b: Batch, replica: boolean): Promise<void> {
  await off(trx);
  if (replica) await sql`SELECT set_config('session_replication_role', 'replica', true)`.execute(trx);
  const documents = documentsOf(b);
  await sql`INSERT INTO applications (province_code, id, code, lookup_key, procedure_code, legal_regime,
      receiving_unit_id, deciding_unit_id, channel, state, portal_status, applicant, documents, return_channel,
      postal, received_at, due_at, original_due_at, supplement_requests, apologies, counts_late, processed_at,
      returned_at, finished_at, version, created_at, updated_at, report_scans, report_reused, report_result_ok,
      rated_at, rating_satisfied, report_disliked)
    SELECT '68', x.id, x.code, x.lookup_key, x.procedure_code, 'decree_61_2018', x.receiving_unit_id,
      x.receiving_unit_id, x.channel, x.state, x.portal_status, ${APPLICANT}::jsonb, ${documents.byCode}::jsonb -> x.procedure_code, x.return_channel,
      x.postal, x.received_at, x.due_at, x.original_due_at, x.supplement_requests, x.apologies, x.counts_late,
      x.processed_at, x.returned_at, x.finished_at, x.version, x.received_at, x.updated_at,
      x.report_scans::smallint[], x.report_reused, x.report_result_ok, x.rated_at, x.rating_satisfied,
      x.report_disliked
    FROM json_to_recordset(${documents.files}::json) AS x(id uuid, code text, lookup_key text,
      procedure_code text, receiving_unit_id uuid, channel smallint, state text, portal_status smallint,
      return_channel text, postal jsonb, received_at timestamptz, due_at timestamptz,
      original_due_at timestamptz, supplement_requests int, apologies int, counts_late boolean,
      processed_at timestamptz, returned_at timestamptz, finished_at timestamptz, version int,
      updated_at timestamptz, report_scans text, report_reused boolean, report_result_ok boolean,
      rated_at timestamptz, rating_satisfied boolean, report_disliked boolean)`.execute(trx);
  for (let i = 0; i < b.events.length; i += 25_000)
    await sql`INSERT INTO application_events (province_code, application_id, seq, at, action, from_state, to_state,
        payload)
      SELECT '68', x.a, x.s, x.t, x.x, x.f, x.o, COALESCE(x.p, '{}'::jsonb)
      FROM json_to_recordset(${json(b.events.slice(i, i + 25_000))}::json)
        AS x(a uuid, s int, t timestamptz, x text, f text, o text, p jsonb)`.execute(trx);
  if (b.documents.length > 0)
    await sql`INSERT INTO application_documents (province_code, application_id, position, sha256, file_name, pages,
        digitized_at, reuse_source, reused_from_code)
      SELECT '68', x.a, x.n, x.h, 'scan-' || x.n || '.pdf', 1, x.t,
        CASE WHEN x.r IS NOT NULL THEN 'prior_application' END, x.r
      FROM json_to_recordset(${json(b.documents)}::json) AS x(a uuid, n smallint, h text, t timestamptz, r text)`.execute(
      trx,
    );
  if (b.results.length > 0)
    await sql`INSERT INTO application_results (province_code, application_id, n, result_code, status, content, sha256,
        pages, signed_at, created_at)
      SELECT '68', x.a, 1, x.c, x.st, '{}'::jsonb, x.h, 1, CASE WHEN x.st = 'signed' THEN x.t END, x.t
      FROM json_to_recordset(${json(b.results)}::json) AS x(a uuid, c text, st text, h text, t timestamptz)`.execute(
      trx,
    );
  if (b.ratings.length > 0)
    await sql`INSERT INTO application_ratings (province_code, application_id, receiving_unit_id, source, level,
        first_rated_at, updated_at)
      SELECT '68', x.a, x.u, x.src, x.lv, x.t, x.t
      FROM json_to_recordset(${json(b.ratings)}::json) AS x(a uuid, u uuid, src text, lv text, t timestamptz)`.execute(
      trx,
    );
}

export async function seedHistory(
  db: Kysely<Database>,
  options: HistoryOptions,
  hooks: { onProgress?: (p: HistoryProgress) => void } = {},
): Promise<HistoryOutcome> {
  const profile = scaled(profileNamed(options.profile), options.scale);
  if (!Number.isInteger(options.seed))
    throw new Error(`--seed: a whole number (số nguyên), got ${options.seed}`);
  const units = await historyUnits(db, profile);
  const existing = await generatedCount(db);
  if (existing > 0 && !options.replace)
    throw new Error(
      `history already generated (${existing} files); add --replace to delete it and generate again (đã có lịch sử mô phỏng, dùng --replace để tạo lại)`,
    );
  await seedProcedureCatalog(db);
  if (existing > 0) {
    hooks.onProgress?.({ phase: 'delete', done: 0, total: existing });
    await deleteGenerated(db);
  }
  const started = performance.now();
  hooks.onProgress?.({ phase: 'plan', done: 0, total: 1 });
  const procedures = historyProcedures();
  const plan = planHistory(profile, options.seed, units, procedures, buildCalendar(SHIPPED_CALENDAR_YEARS));
  const planned = performance.now();
  await sql`INSERT INTO stored_files (province_code, sha256, media_type, size, pages)
    VALUES ${sql.join(SCAN_SHAS.map((s) => sql`('68', ${s}, 'application/pdf', 1000, 1)`))}
    ON CONFLICT DO NOTHING`.execute(db);
  const rows = { applications: 0, events: 0, documents: 0, results: 0, ratings: 0 };
  const total = plan.files.length;
  const replica = await isSuperuser(db);
  for (const batch of historyRows(plan, options.seed, units, procedures, 10_000)) {
    await db.transaction().execute((trx) => writeBatch(trx, batch, replica));
    for (const key of Object.keys(rows) as (keyof typeof rows)[]) rows[key] += batch[key].length;
    hooks.onProgress?.({ phase: 'write', done: rows.applications, total });
  }
  const written = performance.now();
  hooks.onProgress?.({ phase: 'rebuild', done: 0, total: 1 });
  await rollupRepository.rebuild(db);
  const rebuilt = performance.now();
  return {
    profile,
    districtId: (await unitsRepository.listAll(db)).find((u) => u.code === profile.districtCode)!.id,
    files: total,
    rows,
    seconds: {
      plan: (planned - started) / 1000,
      write: (written - planned) / 1000,
      rebuild: (rebuilt - written) / 1000,
    },
  };
}
