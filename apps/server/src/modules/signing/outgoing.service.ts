import type { Kysely } from 'kysely';
import type { OutgoingDocument } from '@motcua/contracts/signing';
import { fail, text } from '@motcua/domain/errors';
import { isAdministrativeKind } from '@motcua/domain/units/units';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../actor.ts';
import { acceptUpload } from '../files/accept-upload.ts';
import type { FileStore } from '../files/file-store.ts';
import { filesRepository } from '../files/files.repository.ts';
import type { UploadInput } from '../files/upload-check.ts';
import { periodOf, rate, vnYear } from '../records/digitization-report.ts';
import {
  numberSymbolOf,
  resultsRepository as repo,
  type OutgoingRow,
} from '../results/results.repository.ts';
import { verifyPdf } from '../signatures/verify-pdf.ts';
import type { UnitsService } from '../units/units.service.ts';

const SYMBOL = /^[A-ZĐ0-9][A-ZĐ0-9.-]{0,29}$/u;

export const toOutgoing = (r: OutgoingRow): OutgoingDocument => ({
  id: r.id,
  unitId: r.unit_id,
  year: r.year,
  number: r.number,
  numberSymbol: r.number_symbol,
  kind: r.kind,
  title: r.title,
  issuedAt: r.issued_at.toISOString(),
  signedDigitally: r.signed_digitally,
  resultCode: r.result_code,
  hasFile: r.sha256 !== null,
});

/** The outgoing-documents register (sổ văn bản đi, Decree 30/2020) and the share signed digitally. */
export function createOutgoingService(deps: {
  db: Kysely<Database>;
  units: UnitsService;
  files: FileStore;
  maxUploadBytes: number;
  clock?: () => Date;
}) {
  const { db, units, files } = deps;
  const now = deps.clock ?? (() => new Date());

  async function scope(actor: Actor, unitId: string) {
    const unit = await units.authorize(actor.grants, 'applications.read', unitId);
    const { units: all, tree } = await units.loadTree();
    return { unit, inside: all.filter((u) => tree.isAncestorOrSelf(unit.id, u.id)) };
  }

  async function list(actor: Actor, query: { unitId: string; from: string; to: string }) {
    const { from, to } = periodOf(query);
    const { unit, inside } = await scope(actor, query.unitId);
    const rows = await repo.outgoing(
      db,
      unit.provinceCode,
      inside.map((u) => u.id),
      from,
      to,
    );
    return { items: rows.map(toOutgoing) };
  }

  async function file(actor: Actor, id: string) {
    const row = await repo.outgoingById(db, actor.provinceCode, id);
    if (!row) fail({ kind: 'NotFound', entity: 'outgoing document', id });
    await units.authorize(actor.grants, 'applications.read', row.unit_id);
    const bytes = row.sha256 ? await files.get(row.sha256) : undefined;
    if (!bytes) fail({ kind: 'NotFound', entity: 'outgoing document file', id });
    return { bytes, mediaType: 'application/pdf', fileName: `${row.number_symbol.replace(/\//g, '-')}.pdf` };
  }

  /** Per issuing unit and per level (commune, district…): issued, signed digitally, share. */
  async function signedShare(actor: Actor, query: { unitId: string; from: string; to: string }) {
    const { from, to } = periodOf(query);
    const { unit, inside } = await scope(actor, query.unitId);
    const rows = await repo.signedShare(
      db,
      unit.provinceCode,
      inside.map((u) => u.id),
      from,
      to,
    );
    const items = rows.map((r) => {
      const u = inside.find((x) => x.id === r.unit_id);
      return {
        unitId: r.unit_id,
        unitName: u?.name ?? r.unit_id,
        level: u?.kind ?? 'unknown',
        issued: Number(r.issued),
        signedDigitally: Number(r.signed),
        share: rate(Number(r.signed), Number(r.issued)),
      };
    });
    const levels = new Map<string, { issued: number; signed: number }>();
    for (const i of items) {
      const l = levels.get(i.level) ?? { issued: 0, signed: 0 };
      levels.set(i.level, { issued: l.issued + i.issued, signed: l.signed + i.signedDigitally });
    }
    const byLevel = [...levels].map(([level, l]) => ({
      unitId: unit.id,
      unitName: level,
      level,
      issued: l.issued,
      signedDigitally: l.signed,
      share: rate(l.signed, l.issued),
    }));
    return { from: query.from, to: query.to, items, byLevel };
  }

  /**
   * Registers a document the unit issued outside the result workflow (a letter, a report): numbered in the
   * organisation's year; counted as digitally signed only if its PDF carries an intact signature.
   */
  async function register(
    actor: Actor,
    body: { unitId: string; kind: string; title: string; symbol: string },
    input: UploadInput,
  ) {
    const unit = await units.authorize(actor.grants, 'documents.seal', body.unitId);
    if (!isAdministrativeKind(unit.kind))
      fail({
        kind: 'Invalid',
        field: '/body/unitId',
        detail: text('Văn bản được đánh số theo cơ quan ban hành (UBND)', 'Numbered per issuing body (UBND)'),
      });
    if (!SYMBOL.test(body.symbol))
      fail({
        kind: 'Invalid',
        field: '/body/symbol',
        detail: text('Ký hiệu như QĐ-UBND', 'A symbol like QĐ-UBND'),
      });
    const accepted = await acceptUpload(files, input, deps.maxUploadBytes);
    if (!accepted.ok) fail({ kind: 'Invalid', field: accepted.field, detail: accepted.detail });
    if (accepted.mediaType !== 'application/pdf')
      fail({ kind: 'Invalid', field: '/body/file', detail: text('Văn bản đi phải là PDF', 'Must be a PDF') });
    const report = await verifyPdf(input.bytes, []);
    const signed = report.signatures.some((s) => s.intact);
    const at = now();
    return db.transaction().execute(async (trx) => {
      await filesRepository.record(trx, unit.provinceCode, accepted);
      const number = await repo.nextNumber(trx, unit.provinceCode, unit.id, vnYear(at));
      const row = await repo.insertOutgoing(trx, {
        province_code: unit.provinceCode,
        unit_id: unit.id,
        year: vnYear(at),
        number,
        symbol: body.symbol,
        number_symbol: numberSymbolOf(number, body.symbol),
        kind: body.kind,
        title: body.title.normalize('NFC'),
        issued_at: at,
        signer_id: null,
        signed_digitally: signed,
        sha256: accepted.sha256,
        application_id: null,
        result_code: null,
        registered_by: actor.userId,
      });
      return toOutgoing(row);
    });
  }

  return { list, file, signedShare, register };
}

export type OutgoingService = ReturnType<typeof createOutgoingService>;
