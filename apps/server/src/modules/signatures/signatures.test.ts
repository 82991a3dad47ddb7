import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { collect, fonts } from '../documents/pdf.ts';
import { createDemoRootCa, importPrivateKey, issueSigningCertificate, type Identity } from './demo-pki.ts';
import type { SigningMaterial } from './cms-signer.ts';
import { signPdf } from './sign-pdf.ts';

const pdfsigMissing: string | false =
  spawnSync('pdfsig', ['-v']).error === undefined
    ? false
    : 'pdfsig (Debian poppler-utils) is not installed: apt-get install -y poppler-utils';

/** pdfsig's report; it exits non-zero for untrusted/invalid signatures, so only its text is judged. */
function pdfsig(pdf: Buffer): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'motcua-sig-'));
  try {
    const file = path.join(dir, 'signed.pdf');
    writeFileSync(file, pdf);
    const run = spawnSync('pdfsig', [file], { encoding: 'utf8' });
    return run.stdout + run.stderr;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const countOf = (text: string, needle: string) => text.split(needle).length - 1;

async function samplePdf(): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', info: { Title: 'Giấy tiếp nhận hồ sơ' } });
  const done = collect(doc);
  doc.registerFont('R', fonts().R).font('R').fontSize(12);
  doc.text('Ủy ban nhân dân xã Đinh Văn Lâm Hà — Quyết định số 12/QĐ-UBND');
  doc.end();
  return done;
}

async function material(identity: Identity, ca: Identity): Promise<SigningMaterial> {
  return {
    // Round-trip through PKCS#8 PEM: that is how keys are stored.
    key: await importPrivateKey(identity.keyPem),
    certificate: new Uint8Array(identity.certificate.rawData),
    chain: [new Uint8Array(ca.certificate.rawData)],
  };
}

const signingTime = new Date('2026-11-27T03:00:00Z');
const LEADER = 'Lê Minh Đạo';
const ORGANISATION = 'Ủy ban nhân dân xã Đinh Văn Lâm Hà';

describe('PAdES signatures with Vietnamese certificates', { skip: pdfsigMissing }, async () => {
  const ca = await createDemoRootCa();
  const leader = await material(
    await issueSigningCertificate(ca, {
      commonName: LEADER,
      organisation: ORGANISATION,
      province: 'Lâm Đồng',
    }),
    ca,
  );
  const organisation = await material(
    await issueSigningCertificate(ca, { commonName: ORGANISATION, organisation: ORGANISATION }),
    ca,
  );
  const pdf = await samplePdf();
  const options = { reason: 'Phê duyệt kết quả', name: LEADER, location: 'Đinh Văn Lâm Hà', signingTime };

  test('one signature is valid and keeps the signer name', async () => {
    const signed = await signPdf(pdf, leader, options);
    const report = pdfsig(signed);
    assert.equal(countOf(report, 'Signature Validation: Signature is Valid.'), 1, report);
    assert.match(report, new RegExp(`Signer Certificate Common Name: ${LEADER}`), report);
    assert.match(report, /Signature Type: ETSI.CAdES.detached/, report);
  });

  test('leader then organisation: both signatures valid', async () => {
    const once = await signPdf(pdf, leader, options);
    const twice = await signPdf(once, organisation, { ...options, name: ORGANISATION, reason: 'Đóng dấu' });
    const report = pdfsig(twice);
    assert.equal(countOf(report, 'Signature Validation: Signature is Valid.'), 2, report);
    assert.match(report, new RegExp(`Signer Certificate Common Name: ${LEADER}`), report);
    assert.match(report, new RegExp(`Signer Certificate Common Name: ${ORGANISATION}`), report);
    // The first signature covers only the first revision; the second one the whole file.
    assert.ok(twice.subarray(0, once.length).equals(once), 'the first revision is kept byte for byte');
  });

  test('one changed byte in the signed range breaks the signature', async () => {
    const signed = await signPdf(pdf, leader, options);
    const tampered = Buffer.from(signed);
    // Inside the Info dictionary: covered by the ByteRange, harmless to the PDF structure.
    const at = tampered.indexOf('/Producer');
    assert.ok(at > 0);
    tampered[at + 2] = tampered[at + 2]! ^ 0x20;
    const report = pdfsig(tampered);
    assert.equal(countOf(report, 'Signature is Valid.'), 0, report);
    assert.match(report, /Signature Validation: Digest Mismatch\.|Signature is Invalid\./, report);
  });
});
