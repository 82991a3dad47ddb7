import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** What indicators 1.3, 3.1 and 3.2 need of each procedure's current version. */
export interface CatalogFacts {
  code: string;
  levels: string[];
  online_level: 'none' | 'partial' | 'full';
  effective_from: string | null;
  effective_to: string | null;
  /** Published with every component motcua keeps (name, documents, time, agency, channels, result). */
  complete: boolean;
}

export interface EntryRow {
  unit_id: string;
  indicator_id: string;
  percent: string | number | null;
  points: string | number | null;
  numerator: string | number | null;
  denominator: string | number | null;
  source: string;
}

export interface NewEntry {
  provinceCode: string;
  unitId: string;
  periodKey: string;
  indicatorId: string;
  percent: number | null;
  points: number | null;
  numerator: number | null;
  denominator: number | null;
  source: string;
  by: string | null;
  at: Date;
}

/** SQL of the 766 index: the catalogue facts, the entered values and the province's scoring settings. */
export const indexRepository = {
  async catalogFacts(db: Db): Promise<CatalogFacts[]> {
    const result = await sql<CatalogFacts>`
      SELECT p.code, v.levels, v.online_level,
             to_char(v.effective_from, 'YYYY-MM-DD') AS effective_from,
             to_char(v.effective_to, 'YYYY-MM-DD') AS effective_to,
             (v.name <> '' AND v.time_text <> '' AND COALESCE(v.deciding_agency, '') <> ''
              AND COALESCE(v.result_type, '') <> '' AND cardinality(v.channels) > 0
              AND EXISTS (SELECT 1 FROM procedure_version_documents d WHERE d.version_id = v.id)) AS complete
      FROM procedures p JOIN procedure_versions v ON v.id = p.current_version_id`.execute(db);
    return result.rows;
  },

  async entries(db: Db, provinceCode: string, unitIds: readonly string[], periodKey: string) {
    if (unitIds.length === 0) return [];
    const result = await sql<EntryRow>`
      SELECT unit_id, indicator_id, percent, points, numerator, denominator, source FROM kpi_entries
      WHERE province_code = ${provinceCode} AND unit_id = ANY(${unitIds}::uuid[])
        AND period_key = ${periodKey}`.execute(db);
    return result.rows;
  },

  async saveEntry(db: Db, e: NewEntry): Promise<void> {
    await sql`
      INSERT INTO kpi_entries (province_code, unit_id, period_key, indicator_id, percent, points, numerator,
                               denominator, source, entered_by, entered_at)
      VALUES (${e.provinceCode}, ${e.unitId}, ${e.periodKey}, ${e.indicatorId}, ${e.percent}, ${e.points},
              ${e.numerator}, ${e.denominator}, ${e.source}, ${e.by}, ${e.at})
      ON CONFLICT (province_code, unit_id, period_key, indicator_id) DO UPDATE SET
        percent = EXCLUDED.percent, points = EXCLUDED.points, numerator = EXCLUDED.numerator,
        denominator = EXCLUDED.denominator, source = EXCLUDED.source, entered_by = EXCLUDED.entered_by,
        entered_at = EXCLUDED.entered_at`.execute(db);
  },

  async settings(db: Db, provinceCode: string): Promise<Record<string, unknown> | undefined> {
    const result = await sql<{ overrides: Record<string, unknown> }>`
      SELECT overrides FROM kpi_settings WHERE province_code = ${provinceCode}`.execute(db);
    return result.rows[0]?.overrides;
  },

  async saveSettings(db: Db, provinceCode: string, overrides: object, by: string | null, at: Date) {
    await sql`
      INSERT INTO kpi_settings (province_code, overrides, updated_by, updated_at)
      VALUES (${provinceCode}, ${JSON.stringify(overrides)}::jsonb, ${by}, ${at})
      ON CONFLICT (province_code) DO UPDATE SET overrides = EXCLUDED.overrides,
        updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at`.execute(db);
  },
};
