import type { Kysely } from 'kysely';
import type { ProcedureCreateBody } from '@motcua/contracts/procedures';
import type { Database } from '../../db/schema.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { CATALOG, CATALOG_SOURCE, ILLUSTRATIVE, type CatalogEntry } from './data/catalog.ts';
import { proceduresRepository as repo } from './procedures.repository.ts';
import { contentProblems, normalizeContent } from './procedures.rules.ts';
import { CATALOG_PROVINCE, saveVersion } from './procedures.service.ts';

/** A catalogue entry as the API would receive it; what vn-data does not give is marked illustrative. */
export function catalogBody(entry: CatalogEntry): ProcedureCreateBody {
  return {
    code: entry.code,
    name: entry.name,
    field: entry.field,
    levels: entry.levels,
    timeAmount: entry.timeAmount,
    timeUnit: entry.timeUnit,
    timeText: entry.timeText,
    cutoffHour: entry.cutoffHour ?? null,
    feeAmount: entry.feeAmount,
    feeText: entry.feeText,
    documents: entry.documents ?? [],
    documentsSource: entry.documents ? ILLUSTRATIVE : null,
    resultType: entry.resultType ?? null,
    // Decree 42/2022 level and channels are not in vn-data.md: a default to verify, said so in the row.
    onlineLevel: 'partial',
    channels: ['counter', 'online', 'postal'],
    serviceSource: ILLUSTRATIVE,
    legalBasis: entry.legalBasis,
    source: `${CATALOG_SOURCE} (raw/${entry.folder}/${entry.code}.json)`,
  };
}

/**
 * Adds the sourced catalogue (data/catalog.ts) entries whose code is not there yet, as version 1; never
 * overwrites a procedure an administrator has changed. One audit record when anything was added.
 */
export async function seedProcedureCatalog(
  db: Kysely<Database>,
  onProgress?: (done: number, total: number) => void,
): Promise<{ added: number; total: number }> {
  return db.transaction().execute(async (trx) => {
    const existing = await repo.existingCodes(trx);
    let added = 0;
    for (const [index, entry] of CATALOG.entries()) {
      if (!existing.has(entry.code)) {
        const content = normalizeContent(catalogBody(entry));
        const [problem] = contentProblems(content);
        if (problem) throw new Error(`seed: ${entry.code} ${problem.field}: ${problem.detail.en}`);
        await saveVersion(trx, {
          code: entry.code,
          content,
          changedBy: null,
          changeNote: 'seed: ../shared/docs/vn-data.md §3',
        });
        added += 1;
      }
      onProgress?.(index + 1, CATALOG.length);
    }
    if (added > 0) {
      await appendAudit(trx, {
        provinceCode: CATALOG_PROVINCE,
        actorId: null,
        actorUnitId: null,
        action: 'seed.procedures',
        targetType: 'procedure',
        targetId: null,
        requestId: null,
        details: { added, source: 'apps/server/src/modules/procedures/data/catalog.ts' },
      });
    }
    return { added, total: CATALOG.length };
  });
}
