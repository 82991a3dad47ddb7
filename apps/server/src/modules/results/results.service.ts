import type { Kysely } from 'kysely';
import type { ResultSummary } from '@motcua/contracts/records';
import type { ResultDraftBody } from '@motcua/contracts/signing';
import { fail, text } from '@motcua/domain/errors';
import type { Role } from '@motcua/domain/permissions/roles';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../actor.ts';
import { applicationsRepository, type ApplicationRow } from '../applications/applications.repository.ts';
import type { ApplicationsService } from '../applications/applications.service.ts';
import type { ProcedureLookup } from '../applications/ports.ts';
import { acceptUpload } from '../files/accept-upload.ts';
import type { FileStore } from '../files/file-store.ts';
import { filesRepository } from '../files/files.repository.ts';
import type { UploadInput } from '../files/upload-check.ts';
import type { UnitsService } from '../units/units.service.ts';
import { resultsRepository as repo, type ResultRow } from './results.repository.ts';
import { createResultSigning, type SignRequest } from './result-signing.ts';
import type { KeysService } from '../signing/keys.service.ts';

/** While the department works on the file, a result can be drafted; the leader signs once it is submitted. */
const DRAFT_STATES = ['processing', 'inter_agency', 'awaiting_approval', 'result_ready'];
const SIGN_STATES = ['awaiting_approval', 'result_ready'];
const DRAFTERS: readonly Role[] = ['specialist', 'leader'];

export interface ResultContent extends ResultDraftBody {
  issuerUnitId?: string;
  numberSymbol?: string;
  issuedAt?: string;
  signerName?: string;
  position?: 'chairman' | 'vice_chairman';
  signatureBox?: { page: number; x: number; y: number; width: number; height: number };
}

/** What the public side knows of a file after its code and key matched. */
export type PublicRow = Pick<ApplicationRow, 'province_code' | 'id' | 'code' | 'state'>;

export const contentOf = (row: ResultRow) => row.content as ResultContent;

export function toSummary(row: ResultRow): ResultSummary {
  const content = contentOf(row);
  return {
    n: row.n,
    resultCode: row.result_code,
    status: row.status,
    kind: content.kind,
    title: content.title,
    numberSymbol: content.numberSymbol ?? null,
    pages: row.pages,
    signedAt: row.signed_at?.toISOString() ?? null,
    sealedAt: row.sealed_at?.toISOString() ?? null,
  };
}

/** Results of a file: drafted, signed by the leader, sealed by the organisation, or scanned from paper. */
export function createResultsService(deps: {
  db: Kysely<Database>;
  files: FileStore;
  applications: ApplicationsService;
  units: UnitsService;
  procedures: ProcedureLookup;
  keys: KeysService;
  maxUploadBytes: number;
  clock?: () => Date;
}) {
  const { db, applications } = deps;
  const now = deps.clock ?? (() => new Date());
  const deciding = (row: ApplicationRow) => row.deciding_unit_id ?? row.receiving_unit_id;
  const signing = createResultSigning({ ...deps, now });

  const mayDraft = (actor: Actor, row: ApplicationRow) => applications.holds(actor, DRAFTERS, deciding(row));
  const maySign = (actor: Actor, row: ApplicationRow) => applications.holds(actor, ['leader'], deciding(row));
  const maySeal = async (actor: Actor, row: ApplicationRow) =>
    (await applications.holds(actor, ['receptionist'], row.receiving_unit_id)) ||
    applications.holds(actor, ['receptionist'], await signing.issuerOf(row));

  /** For a file the caller has already loaded through applications.load (so read access is checked there). */
  async function summaries(actor: Actor, row: ApplicationRow) {
    const rows = await repo.list(db, row.province_code, row.id);
    return {
      results: rows.map(toSummary),
      draft: DRAFT_STATES.includes(row.state) && (await mayDraft(actor, row)),
      sign:
        SIGN_STATES.includes(row.state) &&
        rows.some((r) => r.status === 'draft') &&
        (await maySign(actor, row)),
      seal: rows.some((r) => r.status === 'signed') && (await maySeal(actor, row)),
    };
  }

  function event(row: ApplicationRow, actor: Actor, action: string, payload: object, at: Date) {
    return {
      provinceCode: row.province_code,
      applicationId: row.id,
      at,
      actorId: actor.userId,
      actorUnitId: actor.unitId,
      action,
      fromState: row.state,
      toState: row.state,
      payload: payload as Record<string, unknown>,
      legalBasis: 'Nghị định 45/2020/NĐ-CP điều 14; Nghị định 30/2020/NĐ-CP',
    };
  }

  async function draftable(actor: Actor, id: string) {
    const row = await applications.load(actor, id);
    if (!(await mayDraft(actor, row))) fail({ kind: 'Forbidden', permission: 'results.draft' });
    if (!DRAFT_STATES.includes(row.state))
      fail({
        kind: 'Conflict',
        entity: 'application',
        detail: text(
          'Chỉ soạn kết quả khi hồ sơ đang được giải quyết',
          'A result is drafted only while the file is being processed',
        ),
      });
    return row;
  }

  async function draft(actor: Actor, id: string, body: ResultDraftBody) {
    const row = await draftable(actor, id);
    const at = now();
    await db.transaction().execute(async (trx) => {
      const created = await repo.insert(
        trx,
        {
          provinceCode: row.province_code,
          applicationId: row.id,
          code: row.code,
          status: 'draft',
          content: body,
        },
        { draftedBy: actor.userId },
      );
      await applicationsRepository.appendEvent(
        trx,
        event(row, actor, 'draft_result', { n: created.n, resultCode: created.result_code }, at),
      );
    });
  }

  async function editable(actor: Actor, id: string, n: number) {
    const row = await draftable(actor, id);
    const result = await repo.find(db, row.province_code, row.id, n);
    if (!result) fail({ kind: 'NotFound', entity: 'result', id: `${id}/${n}` });
    return { row, result };
  }

  async function redraft(actor: Actor, id: string, n: number, body: ResultDraftBody) {
    const { row, result } = await editable(actor, id, n);
    await db.transaction().execute(async (trx) => {
      const locked = await repo.find(trx, row.province_code, row.id, n, true);
      if (locked?.status !== 'draft') signing.notDraft(result);
      await repo.update(
        trx,
        { provinceCode: row.province_code, applicationId: row.id, n },
        {
          content: JSON.stringify(body),
        },
      );
    });
  }

  /** A paper result scanned: the file's result digitized (TT 01/2023), no signature to add. */
  async function scanned(
    actor: Actor,
    id: string,
    input: UploadInput,
    body: { kind: string; title: string },
  ) {
    const row = await applications.load(actor, id);
    if (!(await mayDraft(actor, row)) && !(await maySeal(actor, row)))
      fail({ kind: 'Forbidden', permission: 'records.digitize' });
    const accepted = await acceptUpload(deps.files, input, deps.maxUploadBytes);
    if (!accepted.ok) fail({ kind: 'Invalid', field: accepted.field, detail: accepted.detail });
    await filesRepository.record(db, row.province_code, accepted);
    await db.transaction().execute(async (trx) => {
      const created = await repo.insert(
        trx,
        {
          provinceCode: row.province_code,
          applicationId: row.id,
          code: row.code,
          status: 'scanned',
          content: body,
        },
        { sha256: accepted.sha256, pages: accepted.pages, draftedBy: actor.userId },
      );
      await applicationsRepository.appendEvent(
        trx,
        event(row, actor, 'digitize_result', { n: created.n, sha256: accepted.sha256 }, now()),
      );
    });
  }

  async function sign(actor: Actor, id: string, n: number, request: SignRequest, lookupBase = '') {
    const row = await applications.load(actor, id);
    if (!(await maySign(actor, row))) fail({ kind: 'Forbidden', permission: 'documents.sign' });
    if (!SIGN_STATES.includes(row.state))
      fail({
        kind: 'Conflict',
        entity: 'application',
        detail: text(
          'Lãnh đạo ký kết quả sau khi hồ sơ được trình duyệt',
          'The leader signs once the file is submitted for approval',
        ),
      });
    await signing.sign(
      actor,
      row,
      n,
      request,
      (trx, payload, at) =>
        applicationsRepository.appendEvent(trx, event(row, actor, 'sign_result', payload, at)),
      lookupBase,
    );
  }

  async function seal(actor: Actor, id: string, n: number, password: string) {
    const row = await applications.load(actor, id);
    if (!(await maySeal(actor, row))) fail({ kind: 'Forbidden', permission: 'documents.seal' });
    await signing.seal(actor, row, n, password, (trx, payload, at) =>
      applicationsRepository.appendEvent(trx, event(row, actor, 'seal_result', payload, at)),
    );
  }

  /** The PDF of a result: a draft is rendered on the fly (unnumbered preview), the others are stored. */
  async function file(actor: Actor, id: string, n: number, lookupBase: string) {
    const row = await applications.load(actor, id);
    const result = await repo.find(db, row.province_code, row.id, n);
    if (!result) fail({ kind: 'NotFound', entity: 'result', id: `${id}/${n}` });
    return signing.pdfOf(row, result, lookupBase);
  }

  /** For the public page, once the file is decided: only sealed or scanned results, never drafts. */
  async function publicFile(row: PublicRow, n: number) {
    const result = await repo.find(db, row.province_code, row.id, n);
    const bytes = result?.sha256 ? await deps.files.get(result.sha256) : undefined;
    if (!result || !['sealed', 'scanned'].includes(result.status) || !bytes)
      fail({ kind: 'NotFound', entity: 'result', id: `${row.code}-KQ${n}` });
    const stored = await filesRepository.find(db, row.province_code, result.sha256!);
    return {
      bytes,
      mediaType: stored?.mediaType ?? 'application/pdf',
      fileName: `${result.result_code}.pdf`,
    };
  }

  async function publicList(row: PublicRow) {
    if (!['result_ready', 'returned'].includes(row.state)) return [];
    return (await repo.list(db, row.province_code, row.id))
      .filter((r) => r.status === 'sealed' || r.status === 'scanned')
      .map((r) => ({
        n: r.n,
        resultCode: r.result_code,
        kind: contentOf(r).kind,
        title: contentOf(r).title,
        sealedAt: (r.sealed_at ?? r.created_at).toISOString(),
      }));
  }

  return { summaries, draft, redraft, scanned, sign, seal, file, publicFile, publicList };
}

export type ResultsService = ReturnType<typeof createResultsService>;
