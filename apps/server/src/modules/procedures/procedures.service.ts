import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type {
  ProcedureImportReport,
  ProcedureCreateBody,
  ProcedureListQuery,
  ProcedureUpdateBody,
  ProcedureTimeUnit,
} from '@motcua/contracts/procedures';
import { fail, text } from '@motcua/domain/errors';
import { can } from '@motcua/domain/permissions/access';
import { ttlCache } from '../../cache.ts';
import type { Database } from '../../db/schema.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { byActor, type Actor } from '../actor.ts';
import { MEDIA_TYPES, readSheet, writeCsv, writeXlsx, type SheetFormat } from './procedures.files.ts';
import { checkRows, type RowError } from './procedures.import.ts';
import { proceduresRepository as repo, type VersionRow } from './procedures.repository.ts';
import {
  contentKey,
  contentProblems,
  normalizeContent,
  viCollator,
  type ProcedureContent,
} from './procedures.rules.ts';
import { countByField, searchProcedures } from './procedures.search.ts';
import { toCells } from './procedures.sheet.ts';

/** The catalogue is national: its audit records go to the chain of the root ('00', ADR 0005). */
export const CATALOG_PROVINCE = '00';

type Change = 'created' | 'updated' | 'unchanged';

/**
 * Writes `content` as the next version of `code` unless it equals the current one. Must run in a transaction;
 * the procedure row is locked so concurrent changes get consecutive numbers.
 */
export async function saveVersion(
  trx: Transaction<Database>,
  entry: { code: string; content: ProcedureContent; changedBy: string | null; changeNote: string | null },
): Promise<{ change: Change; row: VersionRow }> {
  const locked = await repo.lockForChange(trx, entry.code);
  const current = locked ? await repo.findCurrent(trx, entry.code) : undefined;
  if (current && contentKey(current) === contentKey(entry.content))
    return { change: 'unchanged', row: current };
  const versionId = randomUUID();
  await repo.insertVersion(
    trx,
    { ...entry, versionId, version: (locked?.lastVersion ?? 0) + 1 },
    entry.content,
  );
  return { change: current ? 'updated' : 'created', row: (await repo.findVersion(trx, versionId))! };
}

/** The raw body of an import: a non-empty file whose media type is the one of the requested format. */
function checkUpload(input: { format: SheetFormat; mediaType: string; body: unknown }): Buffer {
  if (!Buffer.isBuffer(input.body) || input.body.length === 0) {
    fail({
      kind: 'Invalid',
      field: '/body',
      detail: text('Cần gửi kèm tệp CSV hoặc XLSX', 'Send the CSV or XLSX file as the body'),
    });
  }
  const expected = MEDIA_TYPES[input.format].split(';')[0]!;
  if (input.mediaType !== expected) {
    fail({
      kind: 'Invalid',
      field: '/headers/content-type',
      detail: text(
        `Định dạng ${input.format} cần Content-Type ${expected}`,
        `format=${input.format} needs Content-Type ${expected}`,
      ),
    });
  }
  return input.body;
}

const isUniqueViolation = (error: unknown) => (error as { code?: string } | null)?.code === '23505';

/** The desk reads the procedure of every intake; see cache.ts for what another process's edit waits for. */
export const CATALOG_TTL_MS = 30_000;

export function createProceduresService(deps: { db: Kysely<Database> }) {
  const { db } = deps;
  const catalogCache = ttlCache(
    (code: string) => repo.findCurrent(db, code),
    CATALOG_TTL_MS,
    Date.now,
    (row) => row !== undefined,
  );
  /** Every catalog write: this process reads the new version at once. */
  const write = <T>(work: (trx: Transaction<Database>) => Promise<T>): Promise<T> =>
    db
      .transaction()
      .execute(work)
      .finally(() => catalogCache.invalidate());

  /** National catalogue: changed only by a holder of procedures.manage at the root of the unit tree. */
  async function authorizeManage(actor: Actor) {
    const roots = await repo.rootUnits(db);
    if (!roots.some((root) => can(actor.grants, 'procedures.manage', [root])))
      fail({ kind: 'Forbidden', permission: 'procedures.manage' });
  }

  function checked(body: ProcedureUpdateBody): ProcedureContent {
    const content = normalizeContent(body);
    const [problem] = contentProblems(content);
    if (problem) fail({ kind: 'Invalid', field: `/body/${problem.field}`, detail: problem.detail });
    return content;
  }

  async function audit(
    trx: Transaction<Database>,
    actor: Actor,
    change: Change,
    row: VersionRow,
    via: string,
  ) {
    await appendAudit(trx, {
      ...byActor(actor),
      provinceCode: CATALOG_PROVINCE,
      action: change === 'created' ? 'procedure.created' : 'procedure.version_created',
      targetType: 'procedure',
      targetId: row.code,
      details: { code: row.code, version: row.version, versionId: row.versionId, name: row.name, via },
    });
  }

  async function search(query: ProcedureListQuery) {
    const { items, total } = await searchProcedures(db, {
      ...query,
      limit: query.limit ?? 20,
      offset: query.offset ?? 0,
    });
    return { items: items.map(({ score: _score, ...item }) => item), total };
  }

  async function get(code: string): Promise<VersionRow> {
    return (await repo.findCurrent(db, code)) ?? fail({ kind: 'NotFound', entity: 'procedure', id: code });
  }

  async function versions(code: string) {
    const items = await repo.listVersions(db, code);
    if (items.length === 0) fail({ kind: 'NotFound', entity: 'procedure', id: code });
    return { items };
  }

  async function create(actor: Actor, body: ProcedureCreateBody) {
    await authorizeManage(actor);
    const content = checked(body);
    const conflict = () =>
      fail({
        kind: 'Conflict',
        entity: 'procedure',
        field: '/body/code',
        detail: text(`Mã ${body.code} đã có trong danh mục`, `Code ${body.code} is already in the catalogue`),
      });
    try {
      return await write(async (trx) => {
        if ((await repo.existingCodes(trx)).has(body.code)) conflict();
        const { row } = await saveVersion(trx, {
          code: body.code,
          content,
          changedBy: actor.userId,
          changeNote: body.changeNote ?? null,
        });
        await audit(trx, actor, 'created', row, 'api');
        return row;
      });
    } catch (error) {
      if (isUniqueViolation(error)) conflict();
      throw error;
    }
  }

  /** A new version with the full content given; the same content again changes nothing. */
  async function update(actor: Actor, code: string, body: ProcedureUpdateBody) {
    await authorizeManage(actor);
    const content = checked(body);
    return write(async (trx) => {
      if (!(await repo.findCurrent(trx, code))) fail({ kind: 'NotFound', entity: 'procedure', id: code });
      const saved = await saveVersion(trx, {
        code,
        content,
        changedBy: actor.userId,
        changeNote: body.changeNote ?? null,
      });
      if (saved.change !== 'unchanged') await audit(trx, actor, saved.change, saved.row, 'api');
      return saved.row;
    });
  }

  async function exportCatalog(format: SheetFormat, now = new Date()) {
    const rows = (await repo.listCurrent(db)).sort(
      (a, b) => viCollator.compare(a.field, b.field) || a.code.localeCompare(b.code),
    );
    const cells = rows.map((row) => toCells(row));
    const day = now.toISOString().slice(0, 10);
    return {
      body: format === 'csv' ? writeCsv(cells) : await writeXlsx(cells, now),
      contentType: MEDIA_TYPES[format],
      filename: `danh-muc-thu-tuc-${day}.${format}`,
    };
  }

  /** All rows or none: any row error, and nothing is written (the report lists every error). */
  async function importCatalog(
    actor: Actor,
    input: { format: SheetFormat; dryRun: boolean; mediaType: string; body: unknown },
  ): Promise<Omit<ProcedureImportReport, 'errors'> & { errors: RowError[] }> {
    await authorizeManage(actor);
    const body = checkUpload(input);
    const { entries, errors } = checkRows(await readSheet(input.format, body));
    const report = { created: 0, updated: 0, unchanged: 0, dryRun: input.dryRun, errors };
    if (errors.length > 0) return report;
    if (input.dryRun) {
      const current = new Map((await repo.listCurrent(db)).map((row) => [row.code, contentKey(row)]));
      for (const entry of entries) {
        const key = current.get(entry.code);
        report[key === undefined ? 'created' : key === contentKey(entry.content) ? 'unchanged' : 'updated'] +=
          1;
      }
      return report;
    }
    return write(async (trx) => {
      for (const entry of entries) {
        const saved = await saveVersion(trx, {
          code: entry.code,
          content: entry.content,
          changedBy: actor.userId,
          changeNote: `import ${input.format}`,
        });
        report[saved.change] += 1;
        if (saved.change !== 'unchanged')
          await audit(trx, actor, saved.change, saved.row, `import:${input.format}`);
      }
      return report;
    });
  }

  /**
   * What the application desk needs at receipt: the current version (its id is kept by the application) and
   * its time. `time` is null when the portal states none or printed no unit (verify before computing).
   */
  async function find(code: string) {
    const row = await catalogCache.get(code);
    if (!row) return undefined;
    const unit = row.timeUnit;
    return {
      code: row.code,
      versionId: row.versionId,
      version: row.version,
      name: row.name,
      time:
        unit === null || unit === 'none' || row.timeAmount === null
          ? null
          : { amount: row.timeAmount, unit: unit satisfies Exclude<ProcedureTimeUnit, 'none'> },
      timeAmount: row.timeAmount,
      timeUnit: row.timeUnit,
      timeUnitUnstated: row.timeUnitUnstated,
      timeText: row.timeText,
      cutoffHour: row.cutoffHour,
    };
  }

  return {
    search,
    get,
    invalidate: () => catalogCache.invalidate(),
    versions,
    fields: async () => ({ items: await countByField(db) }),
    findVersion: (versionId: string) => repo.findVersion(db, versionId),
    find,
    create,
    update,
    exportCatalog,
    importCatalog,
  };
}

export type ProceduresService = ReturnType<typeof createProceduresService>;
