import type { Kysely } from 'kysely';
import { fail, text } from '@motcua/domain/errors';
import type { FieldError } from '@motcua/domain/online/fields';
import type { State } from '@motcua/domain/workflow/states';
import type { Action } from '@motcua/domain/workflow/transitions';
import type { Database } from '../../db/schema.ts';
import { applicationsRepository, type ApplicationRow } from '../applications/applications.repository.ts';
import type { ApplicationsService } from '../applications/applications.service.ts';
import type { createChanges } from '../applications/changes.ts';
import { writeStep } from '../applications/write-step.ts';
import type { FileStore } from '../files/file-store.ts';
import { filesRepository } from '../files/files.repository.ts';
import type { UploadInput } from '../files/upload-check.ts';
import { submittedOf } from '../records/records.service.ts';
import { checkFiles, documentRows, keepFiles } from './online-files.ts';
import { onlineRepository as repo } from './online.repository.ts';

/** The step a citizen's supplement takes: before receipt the file goes back to the desk's check (1). */
const SUPPLEMENT_STEP: Partial<Record<State, Action>> = {
  pre_receipt_supplement: 'pre_receipt_supplement_received',
  supplement_requested: 'supplement_received',
};
const GENERIC = 'Giấy tờ bổ sung theo yêu cầu';

class SupplementErrors extends Error {
  constructor(readonly errors: FieldError[]) {
    super('invalid supplement');
  }
}
export { SupplementErrors };

/** What the last request asked for: its named documents, or one slot when it named none. */
export async function requestedDocuments(db: Kysely<Database>, row: ApplicationRow): Promise<string[]> {
  const events = await applicationsRepository.events(db, row.province_code, row.id);
  const last = [...events]
    .reverse()
    .find((e) => e.action === 'request_pre_receipt_supplement' || e.action === 'request_supplement');
  const payload = (last?.payload ?? {}) as {
    documents?: { name?: string }[];
    missingDocuments?: { name?: string }[];
  };
  const names = (payload.documents ?? payload.missingDocuments ?? []).flatMap((d) =>
    d.name ? [d.name] : [],
  );
  return names.length ? names : [GENERIC];
}

/** A citizen completes their own file online; it keeps its code (Decree 45/2020 art. 12). */
export function createCitizenSupplements(deps: {
  db: Kysely<Database>;
  files: FileStore;
  applications: ApplicationsService;
  changes: ReturnType<typeof createChanges>;
  maxUploadBytes: number;
  now: () => Date;
}) {
  const { db, applications } = deps;

  async function own(citizenId: string, id: string): Promise<ApplicationRow> {
    return (await repo.ownFile(db, citizenId, id)) ?? fail({ kind: 'NotFound', entity: 'application', id });
  }

  async function supplement(
    citizen: { id: string; requestId: string | null },
    id: string,
    input: { version: number; files: (UploadInput | undefined)[]; note?: string },
  ) {
    const row = await own(citizen.id, id);
    const action = SUPPLEMENT_STEP[row.state as State];
    if (!action)
      fail({
        kind: 'Conflict',
        entity: 'application',
        field: '/body',
        detail: text('Hồ sơ không ở trạng thái chờ bổ sung', 'The file is not waiting for documents'),
      });
    if (input.version !== row.version)
      fail({ kind: 'StaleVersion', entity: 'application', expected: input.version, actual: row.version });
    const asked = await requestedDocuments(db, row);
    const errors: FieldError[] = [];
    if (!input.files.some(Boolean))
      errors.push({
        field: 'doc_1',
        detail: text('Chọn ít nhất một tệp để bổ sung', 'Choose at least one file'),
      });
    const slots = asked.map((name) => ({ name }));
    const checked = await checkFiles(input.files.slice(0, asked.length), slots, deps.maxUploadBytes, errors);
    if (errors.length) throw new SupplementErrors(errors);
    const kept = await keepFiles(deps.files, checked);
    const at = deps.now();
    const added = kept.map((k) => ({
      name: asked[k.slot - 1] ?? GENERIC,
      copyType: 'photocopy' as const,
      quantity: 1,
    }));
    const before = submittedOf(row);
    const change = await deps.changes.actionChange(row, { action, version: row.version }, action, at);
    change.patch.documents = [...before, ...added];
    const note = input.note?.normalize('NFC').trim().slice(0, 2000);
    await db.transaction().execute(async (trx) => {
      for (const k of kept)
        await filesRepository.record(trx, row.province_code, {
          sha256: k.sha256,
          mediaType: k.mediaType,
          size: k.size,
          pages: k.pages,
        });
      const changed = await writeStep(trx, applications.hooks, {
        row,
        version: row.version,
        action,
        change,
        details: { documents: added, ...(note ? { note } : {}) },
        author: { userId: null, unitId: null, requestId: citizen.requestId, citizenId: citizen.id },
        at,
      });
      if (!changed)
        fail({ kind: 'StaleVersion', entity: 'application', expected: row.version, actual: row.version + 1 });
      await repo.insertDocuments(trx, documentRows(row, kept, before.length + 1, at));
    });
    return { id: row.id, code: row.code };
  }

  return { own, supplement, requestedDocuments: (row: ApplicationRow) => requestedDocuments(db, row) };
}
