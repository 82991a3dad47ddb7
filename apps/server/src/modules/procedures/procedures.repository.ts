import type { ColumnType, Kysely, Selectable, Transaction } from 'kysely';
import type {
  ProcedureChannel,
  DocumentCopyType,
  OnlineLevel,
  ProcedureLevel,
  ProcedureTimeUnit,
} from '@motcua/contracts/procedures';
import type { UnitKind } from '@motcua/domain/units/units';
import type { Database } from '../../db/schema.ts';
import type { ProcedureContent } from './procedures.rules.ts';

/**
 * Tables of migration 0003. Declared here, beside their only reader, and joined onto the shared Database type
 * with `withTables` (they can move into db/schema.ts without changing a query).
 */
type ReadOnly<T> = ColumnType<T, never, never>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export type ProceduresTables = {
  procedures: { code: string; current_version_id: string; created_at: CreatedAt };
  procedure_versions: {
    id: string;
    procedure_code: string;
    version: number;
    valid_from: CreatedAt;
    changed_by: string | null;
    change_note: string | null;
    name: string;
    name_en: string | null;
    field: string;
    levels: string[];
    deciding_agency: string | null;
    // numeric and bigint arrive as text from node-postgres.
    time_amount: ColumnType<string | null, number | null, never>;
    time_unit: string | null;
    time_unit_unstated: ReadOnly<boolean>;
    time_text: string;
    cutoff_hour: number | null;
    fee_amount: ColumnType<string | null, number | null, never>;
    fee_text: string;
    documents_source: string | null;
    result_type: string | null;
    online_level: string;
    channels: string[];
    service_source: string | null;
    legal_basis: string;
    effective_from: string | null;
    effective_to: string | null;
    source: string;
  };
  procedure_version_documents: {
    version_id: string;
    position: number;
    name: string;
    copy_type: string;
    quantity: number;
    note: string | null;
  };
};

export type Db = Kysely<Database> | Transaction<Database>;
export const tables = (db: Db) => db.withTables<ProceduresTables>();

type VersionSelected = Selectable<ProceduresTables['procedure_versions']>;

export interface VersionRow extends ProcedureContent {
  versionId: string;
  code: string;
  version: number;
  validFrom: string;
  changedBy: string | null;
  changeNote: string | null;
  timeUnitUnstated: boolean;
}

const number = (value: string | null) => (value === null ? null : Number(value));

function toRow(v: VersionSelected, documents: ProcedureContent['documents']): VersionRow {
  return {
    versionId: v.id,
    code: v.procedure_code,
    version: v.version,
    validFrom: v.valid_from.toISOString(),
    changedBy: v.changed_by,
    changeNote: v.change_note,
    name: v.name,
    nameEn: v.name_en,
    field: v.field,
    levels: v.levels as ProcedureLevel[],
    decidingAgency: v.deciding_agency,
    timeAmount: number(v.time_amount),
    timeUnit: v.time_unit as ProcedureTimeUnit | null,
    timeUnitUnstated: v.time_unit_unstated,
    timeText: v.time_text,
    cutoffHour: v.cutoff_hour,
    feeAmount: number(v.fee_amount),
    feeText: v.fee_text,
    documents,
    documentsSource: v.documents_source,
    resultType: v.result_type,
    onlineLevel: v.online_level as OnlineLevel,
    channels: v.channels as ProcedureChannel[],
    serviceSource: v.service_source,
    legalBasis: v.legal_basis,
    effectiveFrom: v.effective_from,
    effectiveTo: v.effective_to,
    source: v.source,
  };
}

/** Versions with their documents, in one query for the documents of all of them. */
async function withDocuments(db: Db, versions: VersionSelected[]): Promise<VersionRow[]> {
  if (versions.length === 0) return [];
  const documents = await tables(db)
    .selectFrom('procedure_version_documents')
    .selectAll()
    .where(
      'version_id',
      'in',
      versions.map((v) => v.id),
    )
    .orderBy('version_id')
    .orderBy('position')
    .execute();
  const byVersion = new Map<string, typeof documents>();
  for (const d of documents) byVersion.set(d.version_id, [...(byVersion.get(d.version_id) ?? []), d]);
  return versions.map((v) =>
    toRow(
      v,
      (byVersion.get(v.id) ?? []).map((d) => ({
        name: d.name,
        copyType: d.copy_type as DocumentCopyType,
        quantity: d.quantity,
        note: d.note,
      })),
    ),
  );
}

const currentVersions = (db: Db) =>
  tables(db)
    .selectFrom('procedures as p')
    .innerJoin('procedure_versions as v', 'v.id', 'p.current_version_id')
    .selectAll('v');

export const proceduresRepository = {
  /** Every current version with its documents: the catalogue is a reference table of a few thousand rows. */
  async listCurrent(db: Db): Promise<VersionRow[]> {
    return withDocuments(db, await currentVersions(db).orderBy('p.code').execute());
  },

  async findCurrent(db: Db, code: string): Promise<VersionRow | undefined> {
    const version = await currentVersions(db).where('p.code', '=', code).executeTakeFirst();
    return version ? (await withDocuments(db, [version]))[0] : undefined;
  },

  async listVersions(db: Db, code: string): Promise<VersionRow[]> {
    const versions = await tables(db)
      .selectFrom('procedure_versions')
      .selectAll()
      .where('procedure_code', '=', code)
      .orderBy('version')
      .execute();
    return withDocuments(db, versions);
  },

  async findVersion(db: Db, versionId: string): Promise<VersionRow | undefined> {
    const version = await tables(db)
      .selectFrom('procedure_versions')
      .selectAll()
      .where('id', '=', versionId)
      .executeTakeFirst();
    return version ? (await withDocuments(db, [version]))[0] : undefined;
  },

  /** Locks the procedure row, so two concurrent changes get consecutive version numbers. */
  async lockForChange(db: Transaction<Database>, code: string): Promise<{ lastVersion: number } | undefined> {
    const locked = await tables(db)
      .selectFrom('procedures')
      .select('code')
      .where('code', '=', code)
      .forUpdate()
      .executeTakeFirst();
    if (!locked) return undefined;
    const last = await tables(db)
      .selectFrom('procedure_versions')
      .select((eb) => eb.fn.max('version').as('last'))
      .where('procedure_code', '=', code)
      .executeTakeFirstOrThrow();
    return { lastVersion: Number(last.last ?? 0) };
  },

  /** Writes version `version` of `code` and makes it current (creating the procedure row for version 1). */
  async insertVersion(
    db: Transaction<Database>,
    entry: {
      versionId: string;
      code: string;
      version: number;
      changedBy: string | null;
      changeNote: string | null;
    },
    content: ProcedureContent,
  ): Promise<void> {
    const t = tables(db);
    if (entry.version === 1) {
      await t
        .insertInto('procedures')
        .values({ code: entry.code, current_version_id: entry.versionId })
        .execute();
    }
    await t
      .insertInto('procedure_versions')
      .values({
        id: entry.versionId,
        procedure_code: entry.code,
        version: entry.version,
        changed_by: entry.changedBy,
        change_note: entry.changeNote,
        name: content.name,
        name_en: content.nameEn,
        field: content.field,
        levels: content.levels,
        deciding_agency: content.decidingAgency,
        time_amount: content.timeAmount,
        time_unit: content.timeUnit,
        time_text: content.timeText,
        cutoff_hour: content.cutoffHour,
        fee_amount: content.feeAmount,
        fee_text: content.feeText,
        documents_source: content.documentsSource,
        result_type: content.resultType,
        online_level: content.onlineLevel,
        channels: content.channels,
        service_source: content.serviceSource,
        legal_basis: content.legalBasis,
        effective_from: content.effectiveFrom,
        effective_to: content.effectiveTo,
        source: content.source,
      })
      .execute();
    if (content.documents.length > 0) {
      await t
        .insertInto('procedure_version_documents')
        .values(
          content.documents.map((d, index) => ({
            version_id: entry.versionId,
            position: index + 1,
            name: d.name,
            copy_type: d.copyType,
            quantity: d.quantity,
            note: d.note,
          })),
        )
        .execute();
    }
    if (entry.version > 1) {
      await t
        .updateTable('procedures')
        .set({ current_version_id: entry.versionId })
        .where('code', '=', entry.code)
        .execute();
    }
  },

  async existingCodes(db: Db): Promise<Set<string>> {
    const rows = await tables(db).selectFrom('procedures').select('code').execute();
    return new Set(rows.map((r) => r.code));
  },

  /** Roots of the unit tree (the country): the national catalogue is managed from there. */
  async rootUnits(db: Db): Promise<{ id: string; kind: UnitKind }[]> {
    const rows = await db.selectFrom('units').select(['id', 'kind']).where('parent_id', 'is', null).execute();
    return rows.map((r) => ({ id: r.id, kind: r.kind as UnitKind }));
  },
};
