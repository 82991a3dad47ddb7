import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes, webcrypto } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createDemoRootCa, issueSigningCertificate, SIGNING_ALGORITHM } from './demo-pki.ts';
import { readPkcs12, writePkcs12, Pkcs12Error } from './pkcs12.ts';
import { signPdf } from './sign-pdf.ts';
import {
  countOf,
  der,
  LEADER,
  ORGANISATION,
  opensslMissing,
  pdfsig,
  pdfsigMissing,
  samplePdf,
  signingTime,
  inTempDir,
} from './test-support.ts';
import { verifyPdf } from './verify-pdf.ts';

const PASSWORD = 'mật-khẩu Đạo 2026';

function openssl(args: string[], cwd: string) {
  // latin1: OpenSSL's output is not always UTF-8 (see friendlyName below).
  const run = spawnSync('openssl', args, { cwd, encoding: 'latin1' });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

const isCode = (code: string) => (error: unknown) => error instanceof Pkcs12Error && error.code === code;

describe('PKCS#12', async () => {
  const ca = await createDemoRootCa(undefined, signingTime);
  const leader = await issueSigningCertificate(
    ca,
    {
      commonName: LEADER,
      organisation: ORGANISATION,
      province: 'Lâm Đồng',
    },
    signingTime,
  );
  const stranger = await issueSigningCertificate(ca, { commonName: ORGANISATION }, signingTime);
  const p12 = await writePkcs12(leader, [ca.certificatePem], PASSWORD);

  test('write then read: same certificate and chain, the key signs for the certificate', async () => {
    const bundle = await readPkcs12(p12, PASSWORD);
    assert.deepEqual(bundle.certificate, der(leader));
    assert.deepEqual(bundle.chain, [der(ca)]);
    assert.equal(bundle.key.type, 'private');
    assert.deepEqual(bundle.key.usages, ['sign']);
    const data = new TextEncoder().encode(`${ORGANISATION}: hồ sơ 12/QĐ-UBND`);
    const signature = await webcrypto.subtle.sign(SIGNING_ALGORITHM, bundle.key, data);
    const spki = leader.certificate.publicKey.rawData;
    const publicKey = await webcrypto.subtle.importKey('spki', spki, SIGNING_ALGORITHM, false, ['verify']);
    assert.ok(await webcrypto.subtle.verify(SIGNING_ALGORITHM, publicKey, signature, data));
  });

  test('wrong password: bad-password', async () => {
    await assert.rejects(readPkcs12(p12, 'mat-khau Dao 2026'), isCode('bad-password'));
    await assert.rejects(readPkcs12(p12, ''), isCode('bad-password'));
  });

  test('garbage: malformed', async () => {
    await assert.rejects(readPkcs12(randomBytes(2048), PASSWORD), isCode('malformed'));
    await assert.rejects(readPkcs12(new Uint8Array(0), PASSWORD), isCode('malformed'));
    await assert.rejects(readPkcs12(der(leader), PASSWORD), isCode('malformed'));
    await assert.rejects(readPkcs12(p12.subarray(0, p12.length / 2), PASSWORD), isCode('malformed'));
  });

  test('a key without its certificate: key-mismatch', async () => {
    const mixed = await writePkcs12(
      { keyPem: stranger.keyPem, certificatePem: leader.certificatePem },
      [ca.certificatePem],
      PASSWORD,
    );
    await assert.rejects(readPkcs12(mixed, PASSWORD), isCode('key-mismatch'));
  });

  test('OpenSSL interoperability', { skip: opensslMissing }, () =>
    inTempDir(async (dir) => {
      writeFileSync(path.join(dir, 'key.pem'), leader.keyPem);
      writeFileSync(path.join(dir, 'cert.pem'), leader.certificatePem);
      writeFileSync(path.join(dir, 'ca.pem'), ca.certificatePem);
      writeFileSync(path.join(dir, 'ours.p12'), p12);
      const pass = `pass:${PASSWORD}`;

      // OpenSSL 3 defaults: PBES2/PBKDF2/AES-256-CBC, SHA-256 MAC.
      const made = openssl(
        ['pkcs12', '-export', '-in', 'cert.pem', '-inkey', 'key.pem', '-certfile', 'ca.pem'].concat([
          '-name',
          LEADER,
          '-out',
          'openssl.p12',
          '-passout',
          pass,
        ]),
        dir,
      );
      assert.equal(made.status, 0, made.output);
      const fromOpenssl = await readPkcs12(readFileSync(path.join(dir, 'openssl.p12')), PASSWORD);
      assert.deepEqual(fromOpenssl.certificate, der(leader));
      assert.deepEqual(fromOpenssl.chain, [der(ca)]);
      await assert.rejects(
        readPkcs12(readFileSync(path.join(dir, 'openssl.p12')), 'sai'),
        isCode('bad-password'),
      );

      // Certificates only: no key.
      const certsOnly = openssl(
        ['pkcs12', '-export', '-nokeys', '-in', 'cert.pem', '-out', 'nokey.p12', '-passout', pass],
        dir,
      );
      assert.equal(certsOnly.status, 0, certsOnly.output);
      await assert.rejects(readPkcs12(readFileSync(path.join(dir, 'nokey.p12')), PASSWORD), isCode('no-key'));

      // `-legacy` (3DES/RC2 PKCS#12 PBE): refused clearly, when this OpenSSL still has the legacy provider.
      const legacy = openssl(
        ['pkcs12', '-export', '-legacy', '-in', 'cert.pem', '-inkey', 'key.pem', '-out', 'legacy.p12'].concat(
          ['-passout', pass],
        ),
        dir,
      );
      if (legacy.status === 0) {
        const legacyP12 = readFileSync(path.join(dir, 'legacy.p12'));
        await assert.rejects(readPkcs12(legacyP12, PASSWORD), isCode('unsupported'));
      }

      // Ours, read by OpenSSL: MAC and both PBES2 layers accepted, names intact.
      const info = openssl(['pkcs12', '-in', 'ours.p12', '-info', '-nokeys', '-passin', pass], dir);
      assert.equal(info.status, 0, info.output);
      assert.match(info.output, /MAC: sha256/, info.output);
      assert.match(info.output, /PBES2, PBKDF2, AES-256-CBC/, info.output);
      // OpenSSL 3.0 prints a BMPString friendlyName byte-truncated: compare with its own encoding of the name.
      const friendlyName = (text: string) => /friendlyName: .*/.exec(text)?.[0];
      const theirs = openssl(['pkcs12', '-in', 'openssl.p12', '-info', '-nokeys', '-passin', pass], dir);
      assert.ok(friendlyName(info.output));
      assert.equal(friendlyName(info.output), friendlyName(theirs.output));
      const certs = openssl(
        ['pkcs12', '-in', 'ours.p12', '-nokeys', '-out', 'certs.pem', '-passin', pass],
        dir,
      );
      assert.equal(certs.status, 0, certs.output);
      const subject = openssl(['x509', '-in', 'certs.pem', '-noout', '-subject', '-nameopt', 'utf8'], dir);
      const utf8Subject = Buffer.from(subject.output, 'latin1').toString('utf8').replace(/ = /g, '=').trim();
      assert.equal(utf8Subject, `subject=C=VN, ST=Lâm Đồng, O=${ORGANISATION}, CN=${LEADER}`);
      const key = openssl(['pkcs12', '-in', 'ours.p12', '-nocerts', '-nodes', '-passin', pass], dir);
      assert.equal(key.status, 0, key.output);
      const original = openssl(['pkey', '-in', 'key.pem'], dir);
      assert.ok(key.output.includes(original.output.trim()), 'OpenSSL decrypts the same key');
      const wrong = openssl(['pkcs12', '-in', 'ours.p12', '-noout', '-passin', 'pass:sai'], dir);
      assert.notEqual(wrong.status, 0, 'OpenSSL checks our MAC');
    }),
  );

  test('a key read from PKCS#12 signs a PDF that pdfsig validates', { skip: pdfsigMissing }, async () => {
    const bundle = await readPkcs12(p12, PASSWORD);
    const signed = await signPdf(await samplePdf(), bundle, {
      reason: 'Phê duyệt kết quả',
      name: LEADER,
      location: 'Đinh Văn Lâm Hà',
      signingTime,
    });
    const report = pdfsig(signed);
    assert.equal(countOf(report, 'Signature Validation: Signature is Valid.'), 1, report);
    assert.match(report, new RegExp(`Signer Certificate Common Name: ${LEADER}`), report);
    const [signature] = (await verifyPdf(signed, [der(ca)])).signatures;
    assert.equal(signature?.intact, true);
    assert.equal(signature?.trusted, true);
  });
});
