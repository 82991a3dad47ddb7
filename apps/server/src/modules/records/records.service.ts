import type { Kysely } from 'kysely';
import type { DocumentComponent, ReuseBody } from '@motcua/contracts/records';
import { fail, text } from '@motcua/domain/errors';
import type { Role } from '@motcua/domain/permissions/roles';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../actor.ts';
import { applicationsRepository } from '../applications/applications.repository.ts';
import type { ApplicationRow } from '../applications/applications.repository.ts';
import type { ApplicationsService } from '../applications/applications.service.ts';
import { acceptUpload } from '../files/accept-upload.ts';
import type { FileStore } from '../files/file-store.ts';
import { filesRepository } from '../files/files.repository.ts';
import type { UploadInput } from '../files/upload-check.ts';
import { recordsRepository as repo, type DocumentRow } from './records.repository.ts';

interface Submitted {
  name: string;
  copyType: DocumentComponent['copyType'];
  quantity: number;
}

/** Who scans: the desk that received the file, or the department deciding it. */
const DIGITIZERS: readonly Role[] = ['receptionist', 'specialist', 'leader'];
/** Names compared without case, accents or spacing, to suggest which earlier document stands for which. */
const fold = (s: string) =>
  s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/gi, 'd').toLowerCase().replace(/\s+/g, ' ').trim();

export const submittedOf = (row: ApplicationRow): Submitted[] =>
  Array.isArray(row.documents) ? (row.documents as Submitted[]) : [];

export function createRecordsService(deps: {
  db: Kysely<Database>;
  files: FileStore;
  applications: ApplicationsService;
  maxUploadBytes: number;
  clock?: () => Date;
}) {
  const { db, files, applications } = deps;
  const now = deps.clock ?? (() => new Date());

  async function canDigitize(actor: Actor, row: ApplicationRow): Promise<boolean> {
    if (await applications.holds(actor, DIGITIZERS, row.receiving_unit_id)) return true;
    return row.deciding_unit_id !== null && applications.holds(actor, DIGITIZERS, row.deciding_unit_id);
  }

  /** The file, readable by this officer and writable by them; else 403. */
  async function writable(actor: Actor, id: string): Promise<ApplicationRow> {
    const row = await applications.load(actor, id);
    if (!(await canDigitize(actor, row))) fail({ kind: 'Forbidden', permission: 'records.digitize' });
    return row;
  }

  function component(row: ApplicationRow, position: number): Submitted {
    const doc = submittedOf(row)[position - 1];
    if (!doc)
      fail({
        kind: 'Invalid',
        field: '/params/position',
        detail: text(
          `Hồ sơ không có thành phần thứ ${position}`,
          `The application has no document number ${position}`,
        ),
      });
    return doc;
  }

  async function save(actor: Actor, row: ApplicationRow, doc: DocumentRow, action: string, payload: object) {
    await db.transaction().execute(async (trx) => {
      await repo.upsert(trx, doc);
      await applicationsRepository.appendEvent(trx, {
        provinceCode: row.province_code,
        applicationId: row.id,
        at: doc.digitized_at,
        actorId: actor.userId,
        actorUnitId: actor.unitId,
        action,
        fromState: row.state,
        toState: row.state,
        payload: { position: doc.position, sha256: doc.sha256, pages: doc.pages, ...payload },
        legalBasis: 'Nghị định 45/2020/NĐ-CP; Thông tư 01/2023/TT-VPCP',
      });
    });
  }

  /** A scan of the n-th submitted document, checked (size, type from the bytes) before anything is kept. */
  async function upload(actor: Actor, id: string, position: number, input: UploadInput) {
    const row = await writable(actor, id);
    component(row, position);
    const accepted = await acceptUpload(files, input, deps.maxUploadBytes);
    if (!accepted.ok) fail({ kind: 'Invalid', field: accepted.field, detail: accepted.detail });
    const { pages } = accepted;
    await filesRepository.record(db, row.province_code, {
      sha256: accepted.sha256,
      mediaType: accepted.mediaType,
      size: accepted.size,
      pages,
    });
    const doc: DocumentRow = {
      province_code: row.province_code,
      application_id: row.id,
      position,
      sha256: accepted.sha256,
      file_name: accepted.displayName,
      pages,
      digitized_at: now(),
      digitized_by: actor.userId,
      reused_from_application_id: null,
      reused_from_code: null,
      reuse_source: null,
    };
    await save(actor, row, doc, 'digitize_document', { fileName: accepted.displayName });
  }

  /** Earlier documents and results of the same citizen (by ID number), with the position each may fill. */
  async function reusable(actor: Actor, id: string) {
    const row = await writable(actor, id);
    if (!row.applicant_id_number) return { items: [] };
    const names = submittedOf(row).map((d) => fold(d.name));
    const rows = await repo.reusable(db, row.province_code, row.applicant_id_number, row.id);
    return {
      items: rows.map((r) => {
        const match = names.indexOf(fold(r.name));
        return {
          source: r.source,
          code: r.code,
          position: r.position,
          name: r.name,
          fileName: r.file_name,
          pages: r.pages,
          at: new Date(r.at).toISOString(),
          suggestedPosition: match >= 0 ? match + 1 : null,
        };
      }),
    };
  }

  /** Fills the n-th document with one the citizen gave before: no new upload, recorded as reused and from where. */
  async function reuse(actor: Actor, id: string, position: number, body: ReuseBody) {
    const row = await writable(actor, id);
    component(row, position);
    const notFound = () =>
      fail({
        kind: 'Invalid',
        field: '/body/code',
        detail: text(
          'Không có tài liệu đã số hóa nào của công dân này với mã đó',
          'This citizen has no digitized document under that code',
        ),
      });
    if (!row.applicant_id_number) notFound();
    const candidates = await repo.reusable(db, row.province_code, row.applicant_id_number!, row.id);
    const source = candidates.find(
      (c) =>
        c.source === body.source &&
        c.code === body.code &&
        (body.source === 'prior_result' || c.position === (body.position ?? 1)),
    );
    if (!source) return notFound();
    const doc: DocumentRow = {
      province_code: row.province_code,
      application_id: row.id,
      position,
      sha256: source.sha256,
      file_name: source.file_name,
      pages: source.pages,
      digitized_at: now(),
      digitized_by: actor.userId,
      reused_from_application_id: source.application_id,
      reused_from_code: source.code,
      reuse_source: source.source,
    };
    await save(actor, row, doc, 'reuse_document', { source: source.source, code: source.code });
  }

  async function list(actor: Actor, id: string) {
    const row = await applications.load(actor, id);
    const scans = await repo.ofApplication(db, row.province_code, row.id);
    const components: DocumentComponent[] = [];
    for (const [i, doc] of submittedOf(row).entries()) {
      const scan = scans.find((s) => s.position === i + 1);
      components.push({
        position: i + 1,
        name: doc.name,
        copyType: doc.copyType,
        quantity: doc.quantity,
        digitized: scan !== undefined,
        file:
          scan?.media_type && scan.size !== null
            ? {
                fileName: scan.file_name,
                mediaType: scan.media_type,
                size: Number(scan.size),
                pages: scan.pages,
                sha256: scan.sha256,
                digitizedAt: scan.digitized_at.toISOString(),
              }
            : null,
        reused:
          scan?.reuse_source && scan.reused_from_code
            ? { source: scan.reuse_source, code: scan.reused_from_code }
            : null,
      });
    }
    return { row, components, canDigitize: await canDigitize(actor, row) };
  }

  /** The bytes of a scan, for an officer who may read the file. */
  async function scan(actor: Actor, id: string, position: number) {
    const row = await applications.load(actor, id);
    const doc = await repo.one(db, row.province_code, row.id, position);
    const stored = doc ? await filesRepository.find(db, row.province_code, doc.sha256) : undefined;
    const bytes = doc ? await files.get(doc.sha256) : undefined;
    if (!doc || !stored || !bytes) fail({ kind: 'NotFound', entity: 'document', id: `${id}/${position}` });
    return { bytes, mediaType: stored.mediaType, fileName: doc.file_name };
  }

  return { upload, reuse, reusable, list, scan, canDigitize };
}

export type RecordsService = ReturnType<typeof createRecordsService>;
