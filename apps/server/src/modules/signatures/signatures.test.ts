import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import {
  PDFArray,
  PDFDict,
  PDFDocument as PdfLibDocument,
  PDFName,
  PDFNumber,
  PDFString,
  PDFHexString,
} from '@cantoo/pdf-lib';
import { collect, fonts } from '../documents/pdf.ts';
import { createDemoRootCa, importPrivateKey, issueSigningCertificate, type Identity } from './demo-pki.ts';
import type { SigningMaterial } from './cms-signer.ts';
import { signPdf } from './sign-pdf.ts';
import {
  DEFAULT_SEAL_DIAMETER_PT,
  leaderAppearance,
  organisationAppearance,
  type Rect,
} from './appearance.ts';
import { demoHandwrittenSignature, demoSeal } from './demo-images.ts';
import { vietnamIso8601 } from './signing-time.ts';

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

/** A4 with a signature block on the right: "CHỦ TỊCH", then the leader's name 80 pt below it. */
const A4_HEIGHT = 841.89;
const BLOCK = { x: 330, width: 200, titleTop: 496, nameTop: 576 };
async function blockPdf(): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4' });
  const done = collect(doc);
  doc.registerFont('R', fonts().R).registerFont('B', fonts().B).font('R').fontSize(12);
  doc.text('Giấy chứng nhận — Quyết định số 12/QĐ-UBND', 72, 72);
  doc
    .font('B')
    .text('TM. ỦY BAN NHÂN DÂN', BLOCK.x, BLOCK.titleTop - 16, { width: BLOCK.width, align: 'center' });
  doc.text('CHỦ TỊCH', BLOCK.x, BLOCK.titleTop, { width: BLOCK.width, align: 'center' });
  doc.text(LEADER, BLOCK.x, BLOCK.nameTop, { width: BLOCK.width, align: 'center' });
  doc.end();
  return done;
}
/** The box between the title line and the name line, in PDF coordinates. */
const signatureBox: Rect = {
  x: BLOCK.x,
  y: A4_HEIGHT - BLOCK.nameTop + 2,
  width: BLOCK.width,
  height: BLOCK.nameTop - BLOCK.titleTop - 18,
};

/** The signature fields of a PDF: name, widget /Rect, whether /AP /N is there and the widget on page 1. */
async function signatureWidgets(pdf: Buffer) {
  const doc = await PdfLibDocument.load(pdf);
  const fields = doc.catalog.lookup(PDFName.of('AcroForm'), PDFDict).lookup(PDFName.of('Fields'), PDFArray);
  const annots = doc.getPage(0).node.Annots()?.asArray() ?? [];
  return fields.asArray().flatMap((ref) => {
    const field = doc.context.lookup(ref, PDFDict);
    if (field.lookup(PDFName.of('FT')) !== PDFName.of('Sig')) return [];
    const [x1, y1, x2, y2] = field
      .lookup(PDFName.of('Rect'), PDFArray)
      .asArray()
      .map((n) => (n as PDFNumber).asNumber());
    return [
      {
        name: field.lookup(PDFName.of('T'), PDFString, PDFHexString).decodeText(),
        rect: { x: x1!, y: y1!, width: x2! - x1!, height: y2! - y1! },
        normalAppearance: field.lookupMaybe(PDFName.of('AP'), PDFDict)?.has(PDFName.of('N')) ?? false,
        onPage: annots.includes(ref),
      },
    ];
  });
}

function pdftotext(pdf: Buffer): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'motcua-sig-'));
  try {
    const file = path.join(dir, 'signed.pdf');
    writeFileSync(file, pdf);
    return spawnSync('pdftotext', [file, '-'], { encoding: 'utf8' }).stdout;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
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
  const ca = await createDemoRootCa(undefined, signingTime);
  const leader = await material(
    await issueSigningCertificate(
      ca,
      {
        commonName: LEADER,
        organisation: ORGANISATION,
        province: 'Lâm Đồng',
      },
      signingTime,
    ),
    ca,
  );
  const organisation = await material(
    await issueSigningCertificate(ca, { commonName: ORGANISATION, organisation: ORGANISATION }, signingTime),
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

  test('visible: the leader signs in the block, then the organisation seal covers its left third', async () => {
    const signature = demoHandwrittenSignature(LEADER);
    const leaderLook = leaderAppearance(signatureBox, 0, signature);
    const once = await signPdf(await blockPdf(), leader, { ...options, appearance: leaderLook });
    const sealLook = organisationAppearance(leaderLook.rect, 0, demoSeal(), ORGANISATION, signingTime);
    const twice = await signPdf(once, organisation, {
      ...options,
      name: ORGANISATION,
      reason: 'Đóng dấu',
      appearance: sealLook,
    });
    const report = pdfsig(twice);
    assert.equal(countOf(report, 'Signature Validation: Signature is Valid.'), 2, report);
    assert.ok(twice.subarray(0, once.length).equals(once), 'the first revision is kept byte for byte');

    const widgets = await signatureWidgets(twice);
    assert.deepEqual(
      widgets.map(({ name, normalAppearance, onPage }) => ({ name, normalAppearance, onPage })),
      [
        { name: 'Signature1', normalAppearance: true, onPage: true },
        { name: 'Signature2', normalAppearance: true, onPage: true },
      ],
    );
    const [leaderRect, sealRect] = widgets.map((widget) => widget.rect);
    for (const [actual, expected] of [
      [leaderRect!, leaderLook.rect],
      [sealRect!, sealLook.rect],
    ] as const) {
      for (const key of ['x', 'y', 'width', 'height'] as const)
        assert.ok(Math.abs(actual[key] - expected[key]) < 0.01);
    }
    // The seal (actual size, centred at the top of its widget) against the leader's image (= its widget).
    const sealLeft = sealRect!.x + (sealRect!.width - DEFAULT_SEAL_DIAMETER_PT) / 2;
    const overlap =
      Math.min(sealLeft + DEFAULT_SEAL_DIAMETER_PT, leaderRect!.x + leaderRect!.width) - leaderRect!.x;
    assert.ok(sealLeft < leaderRect!.x, 'the seal sticks out on the left');
    const share = overlap / leaderRect!.width;
    assert.ok(share > 0.25 && share < 0.4, `the seal covers ${(share * 100).toFixed(0)} % of the signature`);

    const text = pdftotext(twice);
    assert.ok(text.includes(ORGANISATION), text);
    assert.ok(text.includes(vietnamIso8601(signingTime)), text);
    assert.ok(text.includes('2026-11-27T10:00:00+07:00'), text);

    const tampered = Buffer.from(twice);
    const at = tampered.indexOf('/Producer');
    tampered[at + 2] = tampered[at + 2]! ^ 0x20;
    const broken = pdfsig(tampered);
    assert.equal(countOf(broken, 'Signature is Valid.'), 0, broken);
    assert.match(broken, /Signature Validation: Digest Mismatch\./, broken);
  });

  test('visible and invisible signatures mix, with unique or given field names', async () => {
    const visible = await signPdf(pdf, leader, {
      ...options,
      fieldName: 'Chữ ký lãnh đạo',
      appearance: leaderAppearance(signatureBox, 0, demoHandwrittenSignature(LEADER)),
    });
    const invisible = await signPdf(visible, organisation, { ...options, name: ORGANISATION });
    const third = await signPdf(invisible, organisation, {
      ...options,
      name: ORGANISATION,
      fieldName: 'Văn thư',
    });
    const fourth = await signPdf(third, organisation, {
      ...options,
      name: ORGANISATION,
      appearance: {
        page: 0,
        rect: { x: 40, y: 40, width: 120, height: 30 },
        lines: ['Bản sao điện tử'],
      },
    });
    const report = pdfsig(fourth);
    assert.equal(countOf(report, 'Signature Validation: Signature is Valid.'), 4, report);
    assert.deepEqual(
      (await signatureWidgets(fourth)).map(({ name }) => name),
      ['Chữ ký lãnh đạo', 'Signature2', 'Văn thư', 'Signature4'],
    );
    assert.ok(pdftotext(fourth).includes('Bản sao điện tử'));
  });
});
