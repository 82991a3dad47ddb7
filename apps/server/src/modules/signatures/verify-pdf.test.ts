import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { createDemoRootCa, issueSigningCertificate } from './demo-pki.ts';
import { signPdf } from './sign-pdf.ts';
import {
  countOf,
  der,
  LEADER,
  material,
  ORGANISATION,
  pdfsig,
  pdfsigMissing,
  samplePdf,
  signingTime,
} from './test-support.ts';
import { decodePdfText, NotAPdfError, verifyPdf } from './verify-pdf.ts';

describe('verifyPdf', async () => {
  const ca = await createDemoRootCa(undefined, signingTime);
  const otherCa = await createDemoRootCa('Tổ chức chứng thực khác', signingTime);
  const leaderIdentity = await issueSigningCertificate(
    ca,
    {
      commonName: LEADER,
      organisation: ORGANISATION,
      province: 'Lâm Đồng',
    },
    signingTime,
  );
  const leader = await material(leaderIdentity, ca);
  const organisation = await material(
    await issueSigningCertificate(ca, { commonName: ORGANISATION, organisation: ORGANISATION }, signingTime),
    ca,
  );
  const pdf = await samplePdf();
  const options = { reason: 'Phê duyệt kết quả', name: LEADER, location: 'Đinh Văn Lâm Hà', signingTime };
  const once = await signPdf(pdf, leader, options);
  const twice = await signPdf(once, organisation, { ...options, name: ORGANISATION, reason: 'Đóng dấu' });
  const roots = [der(ca)];

  test('one signature: intact, trusted, names and texts intact', async () => {
    const { signatures, tampered } = await verifyPdf(once, roots);
    assert.equal(tampered, false);
    assert.equal(signatures.length, 1);
    const [signature] = signatures;
    assert.ok(signature);
    assert.equal(signature.signerName, LEADER);
    assert.equal(signature.organisation, ORGANISATION);
    assert.equal(signature.reason, 'Phê duyệt kết quả');
    assert.equal(signature.location, 'Đinh Văn Lâm Hà');
    assert.equal(signature.subFilter, 'ETSI.CAdES.detached');
    assert.equal(signature.signingTime, signingTime.toISOString());
    assert.match(signature.fieldName ?? '', /^Signature/);
    assert.equal(signature.intact, true);
    assert.equal(signature.trusted, true, signature.chainError);
    assert.equal(signature.chainError, undefined);
    assert.equal(
      signature.rootSha256,
      createHash('sha256').update(der(ca)).digest('hex'),
      'names the root that vouches',
    );
    assert.equal(signature.coversWholeDocument, true);
    assert.equal(signature.modifiedAfterSigning, false);
    assert.equal(signature.certificate.serialNumber, leaderIdentity.certificate.serialNumber);
    assert.match(signature.certificate.subject, new RegExp(`CN=${LEADER}`));
    assert.match(signature.certificate.issuer, /CN=Tổ chức chứng thực chữ ký số demo motcua/);
  });

  test('leader then organisation: both intact and trusted, the second covers the whole file', async () => {
    const { signatures, tampered } = await verifyPdf(twice, roots);
    assert.equal(tampered, false);
    assert.deepEqual(
      signatures.map((s) => [
        s.signerName,
        s.intact,
        s.trusted,
        s.coversWholeDocument,
        s.modifiedAfterSigning,
      ]),
      [
        [LEADER, true, true, false, false],
        [ORGANISATION, true, true, true, false],
      ],
    );
    assert.equal(signatures[1]?.reason, 'Đóng dấu');
    assert.notEqual(signatures[0]?.fieldName, signatures[1]?.fieldName);
    if (!pdfsigMissing) {
      const report = pdfsig(twice);
      assert.equal(countOf(report, 'Signature is Valid.'), 2, report);
      assert.equal(countOf(report, 'Not total document signed'), 1, report);
    }
  });

  test('another root CA: intact but not trusted', async () => {
    const { signatures, tampered } = await verifyPdf(twice, [der(otherCa)]);
    assert.equal(tampered, false);
    for (const signature of signatures) {
      assert.equal(signature.intact, true);
      assert.equal(signature.trusted, false);
      assert.equal(signature.chainError, 'untrusted-root');
      assert.equal(signature.rootSha256, undefined);
    }
    const none = await verifyPdf(twice, []);
    assert.ok(none.signatures.every((s) => !s.trusted && s.chainError === 'untrusted-root'));
  });

  test('signing time outside the certificate validity: not trusted (expired)', async () => {
    const late = await signPdf(pdf, leader, { ...options, signingTime: new Date('2040-01-01T00:00:00Z') });
    const [signature] = (await verifyPdf(late, roots)).signatures;
    assert.equal(signature?.intact, true);
    assert.equal(signature?.trusted, false);
    assert.equal(signature?.chainError, 'expired');
  });

  test('one changed byte in the first signed range: not intact, tampered', async () => {
    const tamperedPdf = Buffer.from(twice);
    const at = tamperedPdf.indexOf('/Producer');
    assert.ok(at > 0 && at < once.length);
    tamperedPdf[at + 2] = tamperedPdf[at + 2]! ^ 0x20;
    const report = await verifyPdf(tamperedPdf, roots);
    assert.equal(report.tampered, true);
    assert.equal(report.signatures[0]?.intact, false);
    assert.equal(report.signatures[0]?.integrityError, 'digest-mismatch');
    // The organisation's signature covers that byte too.
    assert.equal(report.signatures[1]?.intact, false);
    assert.equal(report.signatures[0]?.signerName, LEADER, 'still says who signed');
    if (!pdfsigMissing) assert.equal(countOf(pdfsig(tamperedPdf), 'Signature is Valid.'), 0);
  });

  test('bytes appended after the last signature: modifiedAfterSigning', async () => {
    for (const extra of ['%garbage\n', '\n99 0 obj\n<< /Producer (changed) >>\nendobj\n']) {
      const appended = Buffer.concat([twice, Buffer.from(extra, 'latin1')]);
      const { signatures, tampered } = await verifyPdf(appended, roots);
      assert.equal(tampered, false, 'the signed bytes themselves are unchanged');
      assert.deepEqual(
        signatures.map((s) => [s.intact, s.coversWholeDocument, s.modifiedAfterSigning]),
        [
          [true, false, true],
          [true, false, true],
        ],
      );
    }
  });

  test('not a PDF: NotAPdfError', async () => {
    await assert.rejects(verifyPdf(randomBytes(4096), roots), NotAPdfError);
    await assert.rejects(verifyPdf(new Uint8Array(0), roots), NotAPdfError);
    await assert.rejects(verifyPdf(Buffer.from('%PDF-1.7\n'), roots), NotAPdfError);
  });

  test('unsigned PDF: no signatures', async () => {
    assert.deepEqual(await verifyPdf(pdf, roots), { signatures: [], tampered: false });
  });

  test('truncated files never crash; a cut signature is not intact', async () => {
    const contentsAt = twice.indexOf('/Contents <', once.length);
    for (const end of [100, once.length - 10, contentsAt + 200, twice.length - 1]) {
      const report = await verifyPdf(twice.subarray(0, end), roots);
      for (const signature of report.signatures) {
        if (signature.index === 1 || end < once.length) assert.equal(signature.intact, false);
      }
    }
    const cut = await verifyPdf(twice.subarray(0, twice.length - 1), roots);
    assert.deepEqual(
      cut.signatures.map((s) => [s.intact, s.integrityError]),
      [
        [true, undefined],
        [false, 'byte-range-invalid'],
      ],
    );
  });

  test('malformed ByteRange or Contents: reported not intact', async () => {
    const text = once.toString('latin1');
    for (const byteRange of ['[0 -5 99999999 3]', '[0 1000 500 10]', '[1 2 3]', '[0 x 1 2]', '[]']) {
      const broken = Buffer.from(
        text.replace(/\/ByteRange\s*\[[^\]]*\]/, `/ByteRange ${byteRange}`),
        'latin1',
      );
      const { signatures, tampered } = await verifyPdf(broken, roots);
      assert.equal(tampered, true, byteRange);
      assert.equal(signatures[0]?.intact, false);
      assert.equal(signatures[0]?.integrityError, 'byte-range-invalid');
      assert.equal(signatures[0]?.signerName, LEADER, 'the CMS is still read from /Contents');
    }
    const zeroed = Buffer.from(text.replace(/\/Contents\s*<30/, '/Contents <00'), 'latin1');
    const [signature] = (await verifyPdf(zeroed, roots)).signatures;
    assert.equal(signature?.integrityError, 'cms-malformed');
    assert.equal(signature?.signerName, '');
  });

  test('PDF text strings: UTF-16BE with BOM, PDFDocEncoding', () => {
    const utf16 = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(LEADER, 'utf16le').swap16()]);
    assert.equal(decodePdfText(utf16), LEADER);
    assert.equal(decodePdfText(Uint8Array.from([0x84, 0x20, 0xe9, 0x92])), '— é™');
    assert.equal(decodePdfText(Buffer.from([0xef, 0xbb, 0xbf, ...Buffer.from(ORGANISATION)])), ORGANISATION);
  });
});
