import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import fc from 'fast-check';
import type { FileFacts } from '@motcua/domain/reports/figures';
import { PORTAL_STATUS } from '@motcua/domain/workflow/states';
import { fileFactsArbitrary } from '@motcua/domain/reports/figures.test-support';
import type { Database } from '../../db/schema.ts';

/** A file as the equivalence test writes it straight into the tables, and as the domain function reads it. */
export interface SyntheticFile extends FileFacts {
  unitId: string;
  procedureCode: string;
}

const SCAN_SHA = 'a'.repeat(64);

/**
 * Varied files around Q4 2024 (fast-check with a fixed seed, so a failure is reproducible): every state,
 * channel, missing dates, supplements, late flags, scans and results.
 */
export function syntheticFiles(unitIds: readonly string[], count: number, seed: number): SyntheticFile[] {
  const instant = fc
    .integer({ min: Date.parse('2024-08-01T00:00:00Z'), max: Date.parse('2025-02-28T00:00:00Z') })
    .map((n) => new Date(Math.floor(n / 60_000) * 60_000));
  const file = fc
    .tuple(
      fc.constantFrom(...unitIds),
      fc.constantFrom('1.001193', '1.001022', '2.000908'),
      fileFactsArbitrary(instant),
    )
    .map(([unitId, procedureCode, facts]) => ({ ...facts, unitId, procedureCode }));
  return fc.sample(file, { numRuns: count, seed }).map(inOrder);
}

/** Times as a file lives them: nothing ends, is returned or changes before it was received. */
function inOrder(f: SyntheticFile): SyntheticFile {
  const received = f.receivedAt === null ? null : (f.receivedAt as Date).getTime();
  const after = (at: Date | string | null) => {
    if (at === null || received === null) return at;
    const t = (at as Date).getTime();
    return t >= received ? at : new Date(received + (received - t));
  };
  return {
    ...f,
    processedAt: after(f.processedAt),
    finishedAt: after(f.finishedAt),
    returnedAt: after(f.returnedAt),
    updatedAt: after(f.updatedAt) ?? f.updatedAt,
  };
}

/** Writes the files (and one stored scan they all point at) in a few statements. */
export async function insertSynthetic(db: Kysely<Database>, files: readonly SyntheticFile[]): Promise<void> {
  await sql`INSERT INTO stored_files (province_code, sha256, media_type, size, pages)
            VALUES ('68', ${SCAN_SHA}, 'application/pdf', 100, 1) ON CONFLICT DO NOTHING`.execute(db);
  for (const [i, f] of files.entries()) {
    const id = randomUUID();
    await db
      .insertInto('applications')
      .values({
        province_code: '68',
        id,
        code: `SYN-${String(i).padStart(6, '0')}-${id.slice(0, 8)}`,
        lookup_key: 'ABCD1234',
        procedure_code: f.procedureCode,
        legal_regime: 'decree_61_2018',
        receiving_unit_id: f.unitId,
        channel: f.channel,
        state: f.state,
        portal_status: PORTAL_STATUS[f.state],
        applicant: JSON.stringify({ kind: 'person', fullName: 'Người Thử' }),
        documents: JSON.stringify(
          Array.from({ length: f.documents }, (_, n) => ({
            name: `Giấy tờ ${n + 1}`,
            copyType: 'copy',
            quantity: 1,
          })),
        ),
        received_at: f.receivedAt as Date | null,
        due_at: f.dueAt as Date | null,
        processed_at: f.processedAt as Date | null,
        finished_at: f.finishedAt as Date | null,
        returned_at: f.returnedAt as Date | null,
        return_channel: f.returnChannel,
        supplement_requests: f.supplementRequests,
        counts_late: f.countsLate,
        updated_at: f.updatedAt as Date,
      })
      .execute();
    for (let position = 1; position <= f.documentsScanned; position += 1) {
      const reused = position <= f.documentsReused;
      await sql`INSERT INTO application_documents (province_code, application_id, position, sha256, file_name,
                  pages, digitized_at, reuse_source, reused_from_code)
                VALUES ('68', ${id}, ${position}, ${SCAN_SHA}, 'scan.pdf', 1, now(),
                  ${reused ? 'prior_application' : null}, ${reused ? 'SYN-EARLIER' : null})`.execute(db);
    }
    if (f.disliked && f.receivedAt !== null)
      await sql`INSERT INTO application_ratings (province_code, application_id, receiving_unit_id, source, level,
                  first_rated_at, updated_at)
                VALUES ('68', ${id}, ${f.unitId}, 'kiosk', 'khong_hai_long', now(), now())`.execute(db);
    if (f.resultDigitized)
      await sql`INSERT INTO application_results (province_code, application_id, n, result_code, status, content, sha256)
                VALUES ('68', ${id}, 1, ${`${id}-KQ1`}, 'scanned', '{}'::jsonb, ${SCAN_SHA})`.execute(db);
  }
}
