import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { collect, fonts } from '../documents/pdf.ts';
import { importPrivateKey, type Identity } from './demo-pki.ts';
import type { SigningMaterial } from './cms-signer.ts';

/** Shared by verify-pdf.test.ts and pkcs12.test.ts (the same fixtures signatures.test.ts builds). */

export const LEADER = 'Lê Minh Đạo';
export const ORGANISATION = 'Ủy ban nhân dân xã Đinh Văn Lâm Hà';
export const signingTime = new Date('2026-11-27T03:00:00Z');

const missing = (tool: string, args: string[], hint: string): string | false =>
  spawnSync(tool, args).error === undefined ? false : hint;

export const pdfsigMissing = missing(
  'pdfsig',
  ['-v'],
  'pdfsig (Debian poppler-utils) is not installed: apt-get install -y poppler-utils',
);
export const opensslMissing = missing('openssl', ['version'], 'openssl is not on PATH');

/** A scratch directory for the duration of `use`. */
export function withTempDir<T>(use: (dir: string) => T): T {
  const dir = mkdtempSync(path.join(tmpdir(), 'motcua-sig-'));
  try {
    return use(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A scratch directory until the promise `use` returns settles. */
export async function inTempDir<T>(use: (dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(path.join(tmpdir(), 'motcua-sig-'));
  try {
    return await use(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** pdfsig's report; it exits non-zero for untrusted/invalid signatures, so only its text is judged. */
export function pdfsig(pdf: Uint8Array): string {
  return withTempDir((dir) => {
    const file = path.join(dir, 'signed.pdf');
    writeFileSync(file, pdf);
    const run = spawnSync('pdfsig', [file], { encoding: 'utf8' });
    return run.stdout + run.stderr;
  });
}

export const countOf = (text: string, needle: string) => text.split(needle).length - 1;

export async function samplePdf(): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', info: { Title: 'Giấy tiếp nhận hồ sơ' } });
  const done = collect(doc);
  doc.registerFont('R', fonts().R).font('R').fontSize(12);
  doc.text(`${ORGANISATION} — Quyết định số 12/QĐ-UBND`);
  doc.end();
  return done;
}

export async function material(identity: Identity, ca: Identity): Promise<SigningMaterial> {
  return {
    key: await importPrivateKey(identity.keyPem),
    certificate: new Uint8Array(identity.certificate.rawData),
    chain: [new Uint8Array(ca.certificate.rawData)],
  };
}

export const der = (identity: Identity) => new Uint8Array(identity.certificate.rawData);
