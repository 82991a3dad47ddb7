import type { Kysely, Transaction } from 'kysely';
import { fail, text } from '@motcua/domain/errors';
import { isAdministrativeKind } from '@motcua/domain/units/units';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../actor.ts';
import type { ApplicationRow } from '../applications/applications.repository.ts';
import type { ProcedureLookup } from '../applications/ports.ts';
import { lookupUrl } from '../documents/receipt-slip.ts';
import { applicantOf, headerOf } from '../documents/receipt-data.ts';
import { renderResultDocument } from '../documents/result-document.ts';
import type { FileStore } from '../files/file-store.ts';
import { filesRepository } from '../files/files.repository.ts';
import { pageCount } from '../files/page-count.ts';
import { leaderAppearance, organisationAppearance } from '../signatures/appearance.ts';
import { demoHandwrittenSignature, demoSeal } from '../signatures/demo-images.ts';
import { signPdf } from '../signatures/sign-pdf.ts';
import { keysRepository } from '../signing/keys.repository.ts';
import { openKey, type KeysService } from '../signing/keys.service.ts';
import type { UnitsService } from '../units/units.service.ts';
import { vnYear } from '../records/digitization-report.ts';
import { numberSymbolOf, resultsRepository as repo, type ResultRow } from './results.repository.ts';
import type { ResultContent } from './results.service.ts';

export interface SignRequest {
  password: string;
  /** Who signs for the people's committee: its chair (TM.) or a vice-chair (KT.) — Decree 30/2020 Annex I. */
  position?: 'chairman' | 'vice_chairman' | undefined;
}

type AppendEvent = (
  trx: Transaction<Database>,
  payload: Record<string, unknown>,
  at: Date,
) => Promise<unknown>;

const SIGNERS = {
  chairman: { authorityLine: 'TM. ỦY BAN NHÂN DÂN', position: 'CHỦ TỊCH' },
  vice_chairman: { authorityLine: 'KT. CHỦ TỊCH', position: 'PHÓ CHỦ TỊCH' },
} as const;

/** Rendering, numbering and the two signatures of a result; the service decides who may. */
export function createResultSigning(deps: {
  db: Kysely<Database>;
  files: FileStore;
  units: UnitsService;
  procedures: ProcedureLookup;
  keys: KeysService;
  now: () => Date;
}) {
  const { db, files, units } = deps;

  /** The organisation that issues (and numbers) the result: the administrative unit the department sits in. */
  async function issuerOf(row: ApplicationRow): Promise<string> {
    const { tree } = await units.loadTree();
    const path = tree.pathTo(row.deciding_unit_id ?? row.receiving_unit_id) ?? [];
    const admin = [...path].reverse().find((s) => isAdministrativeKind(s.kind));
    return (admin ?? path.at(-1))!.id;
  }

  async function headerFor(unitId: string) {
    const { units: all, tree } = await units.loadTree();
    const path = (tree.pathTo(unitId) ?? []).flatMap((s) => all.filter((u) => u.id === s.id));
    return { ...headerOf(path), name: path.at(-1)?.name ?? '' };
  }

  function notDraft(result: ResultRow): never {
    fail({
      kind: 'Conflict',
      entity: 'result',
      detail: text(
        `Kết quả ${result.result_code} không còn ở dạng dự thảo`,
        `Result ${result.result_code} is no longer a draft`,
      ),
    });
  }

  /** Everything a rendering needs from the database, read before any transaction (PGlite has one connection). */
  async function contextOf(row: ApplicationRow, issuerId: string) {
    const procedure = await deps.procedures.find(row.procedure_code);
    return { header: await headerFor(issuerId), procedureName: procedure?.name ?? row.procedure_code };
  }
  type Context = Awaited<ReturnType<typeof contextOf>>;

  function render(
    row: ApplicationRow,
    content: ResultContent,
    resultCode: string,
    context: Context,
    lookupBase = '',
  ) {
    const { header } = context;
    const applicant = applicantOf(row.applicant);
    const applicantName = applicant.organisationName ?? applicant.name;
    return renderResultDocument({
      authority: header.authority,
      unitName: header.unitName,
      numberAndSymbol: content.numberSymbol ?? `…/${content.symbol}`,
      place: header.place,
      issuedAt: content.issuedAt ? new Date(content.issuedAt) : deps.now(),
      kind: content.kind,
      title: content.title,
      resultCode,
      applicationCode: row.code,
      procedureName: context.procedureName,
      applicant: { name: applicantName, address: applicant.address },
      body: content.body,
      recipients: content.recipients ?? [`- ${applicantName};`, '- Lưu: VT.'],
      signer: { ...SIGNERS[content.position ?? 'chairman'], name: content.signerName ?? '' },
      lookupUrl: lookupBase ? lookupUrl(lookupBase, row.code, row.lookup_key) : null,
    });
  }

  async function pdfOf(row: ApplicationRow, result: ResultRow, lookupBase: string) {
    const content = result.content as ResultContent;
    if (result.status === 'draft') {
      const context = await contextOf(row, content.issuerUnitId ?? (await issuerOf(row)));
      const { pdf } = await render(row, content, result.result_code, context, lookupBase);
      return { bytes: pdf, mediaType: 'application/pdf', fileName: `${result.result_code}-du-thao.pdf` };
    }
    const bytes = result.sha256 ? await files.get(result.sha256) : undefined;
    if (!bytes) fail({ kind: 'NotFound', entity: 'result file', id: result.result_code });
    const stored = await filesRepository.find(db, row.province_code, result.sha256!);
    return {
      bytes,
      mediaType: stored?.mediaType ?? 'application/pdf',
      fileName: `${result.result_code}.pdf`,
    };
  }

  async function imageOf(sha256: string | null, fallback: () => Buffer): Promise<Buffer> {
    return (sha256 ? await files.get(sha256) : undefined) ?? fallback();
  }

  async function storePdf(trx: Transaction<Database>, provinceCode: string, pdf: Buffer) {
    const put = await files.put(pdf);
    const pages = (await pageCount(pdf, 'application/pdf')) ?? 1;
    await filesRepository.record(trx, provinceCode, {
      sha256: put.sha256,
      mediaType: 'application/pdf',
      size: put.size,
      pages,
    });
    return { ...put, pages };
  }

  /**
   * The leader's signature: the number of the organisation's year is taken, the final text rendered with it and
   * the date, and signed — in one transaction, so a failed signature leaves no gap in the numbering.
   */
  async function sign(
    actor: Actor,
    row: ApplicationRow,
    n: number,
    request: SignRequest,
    append: AppendEvent,
    lookupBase = '',
  ) {
    const key = await keysRepository.active(db, row.province_code, { userId: actor.userId });
    if (!key)
      fail({
        kind: 'Invalid',
        field: '/body/password',
        detail: text(
          'Chưa có chứng thư số cá nhân: quản trị viên cần cấu hình tệp PKCS#12 cho tài khoản này',
          'No personal certificate: an administrator must configure a PKCS#12 file for this account',
        ),
      });
    const material = await openKey(key.pkcs12, request.password);
    const image = await imageOf(key.image_sha256, () => demoHandwrittenSignature(actor.userId));
    const issuerId = await issuerOf(row);
    const signerName =
      (await db.selectFrom('users').select('full_name').where('id', '=', actor.userId).executeTakeFirst())
        ?.full_name ?? actor.username;
    const context = await contextOf(row, issuerId);
    await db.transaction().execute(async (trx) => {
      const result = await repo.find(trx, row.province_code, row.id, n, true);
      if (!result) fail({ kind: 'NotFound', entity: 'result', id: `${row.id}/${n}` });
      if (result.status !== 'draft') notDraft(result);
      const at = deps.now();
      const draft = result.content as ResultContent;
      const number = await repo.nextNumber(trx, row.province_code, issuerId, vnYear(at));
      const numberSymbol = numberSymbolOf(number, draft.symbol);
      const content: ResultContent = {
        ...draft,
        issuerUnitId: issuerId,
        numberSymbol,
        issuedAt: at.toISOString(),
        signerName,
        position: request.position ?? 'chairman',
      };
      const rendered = await render(row, content, result.result_code, context, lookupBase);
      const appearance = leaderAppearance(rendered.signatureBox, rendered.signatureBox.page, image);
      const signed = await signPdf(rendered.pdf, material, {
        reason: `Ký ban hành ${draft.kind.toLocaleLowerCase('vi')} ${numberSymbol}`,
        name: signerName,
        location: context.header.place,
        signingTime: at,
        appearance,
        fieldName: 'Chữ ký lãnh đạo',
      });
      const stored = await storePdf(trx, row.province_code, signed);
      const outgoing = await repo.insertOutgoing(trx, {
        province_code: row.province_code,
        unit_id: issuerId,
        year: vnYear(at),
        number,
        symbol: draft.symbol,
        number_symbol: numberSymbol,
        kind: draft.kind,
        title: draft.title,
        issued_at: at,
        signer_id: actor.userId,
        signed_digitally: true,
        sha256: stored.sha256,
        application_id: row.id,
        result_code: result.result_code,
        registered_by: actor.userId,
      });
      await repo.update(
        trx,
        { provinceCode: row.province_code, applicationId: row.id, n },
        {
          status: 'signed',
          content: JSON.stringify({ ...content, signatureBox: appearance.rect }),
          sha256: stored.sha256,
          pages: stored.pages,
          outgoing_document_id: outgoing.id,
          signed_by: actor.userId,
          signed_at: at,
        },
      );
      await append(trx, { n, resultCode: result.result_code, numberSymbol, sha256: stored.sha256 }, at);
    });
  }

  /** The organisation's signature over the leader's: its seal overlapping the left third of their signature. */
  async function seal(actor: Actor, row: ApplicationRow, n: number, password: string, append: AppendEvent) {
    const current = await repo.find(db, row.province_code, row.id, n);
    if (!current) fail({ kind: 'NotFound', entity: 'result', id: `${row.id}/${n}` });
    if (current.status !== 'signed')
      fail({
        kind: 'Conflict',
        entity: 'result',
        detail: text('Chỉ đóng dấu số sau khi lãnh đạo đã ký', 'The seal follows the leader’s signature'),
      });
    const content = current.content as ResultContent;
    const issuerId = content.issuerUnitId ?? (await issuerOf(row));
    const key = await keysRepository.active(db, row.province_code, { unitId: issuerId });
    if (!key)
      fail({
        kind: 'Invalid',
        field: '/body/password',
        detail: text(
          'Đơn vị chưa có chứng thư số tổ chức: quản trị viên cần cấu hình tệp PKCS#12 của đơn vị',
          'The unit has no organisation certificate: an administrator must configure its PKCS#12 file',
        ),
      });
    const material = await openKey(key.pkcs12, password);
    const sealImage = await imageOf(key.image_sha256, demoSeal);
    const signedPdf = await files.get(current.sha256!);
    if (!signedPdf || !content.signatureBox)
      fail({ kind: 'NotFound', entity: 'result file', id: current.result_code });
    const header = await headerFor(issuerId);
    await db.transaction().execute(async (trx) => {
      const result = await repo.find(trx, row.province_code, row.id, n, true);
      if (result?.status !== 'signed' || result.sha256 !== current.sha256) notDraft(current);
      const at = deps.now();
      const sealed = await signPdf(signedPdf, material, {
        reason: `Ký số của cơ quan ban hành ${content.numberSymbol ?? ''}`.trim(),
        name: header.name,
        location: header.place,
        signingTime: at,
        appearance: organisationAppearance(
          content.signatureBox!,
          content.signatureBox!.page,
          sealImage,
          header.unitName,
          at,
        ),
        fieldName: 'Chữ ký cơ quan',
      });
      const stored = await storePdf(trx, row.province_code, sealed);
      if (result.outgoing_document_id)
        await repo.setOutgoingFile(trx, row.province_code, result.outgoing_document_id, stored.sha256);
      await repo.update(
        trx,
        { provinceCode: row.province_code, applicationId: row.id, n },
        {
          status: 'sealed',
          sha256: stored.sha256,
          pages: stored.pages,
          sealed_by: actor.userId,
          sealed_at: at,
        },
      );
      await append(trx, { n, resultCode: result.result_code, sha256: stored.sha256 }, at);
    });
  }

  return { issuerOf, notDraft, pdfOf, sign, seal };
}
