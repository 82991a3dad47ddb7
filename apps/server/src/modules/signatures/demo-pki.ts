import { webcrypto } from 'node:crypto';
// @peculiar/x509 registers its parsers with tsyringe, which needs the Reflect metadata API loaded first.
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';

/**
 * A throw-away PKI for development and tests: one root CA and end-entity certificates with Vietnamese names.
 * Real deployments sign with certificates from a licensed CA (or a remote-signing service); nothing here is
 * trusted by pdfsig or Acrobat. PKCS#12 import/export is left for later: keys travel as PKCS#8 PEM.
 */

/** RSA-2048 with SHA-256: what pdfsig (NSS) and every reader validates without question. */
export const SIGNING_ALGORITHM = {
  name: 'RSASSA-PKCS1-v1_5',
  hash: 'SHA-256',
  publicExponent: new Uint8Array([1, 0, 1]),
  modulusLength: 2048,
} as const;

x509.cryptoProvider.set(webcrypto as unknown as Crypto);

export interface Identity {
  keys: CryptoKeyPair;
  certificate: x509.X509Certificate;
  /** PKCS#8, PEM armoured. */
  keyPem: string;
  certificatePem: string;
}

export interface Subject {
  /** The person or the organisation, as it should read in a signature panel. */
  commonName: string;
  organisation?: string;
  /** Province or city (ST), e.g. "Lâm Đồng". */
  province?: string;
}

const DAY = 24 * 60 * 60 * 1000;

/**
 * x509's string form escapes ",+=" etc. but keeps other characters; values that are not PrintableString are
 * encoded as UTF8String, which is what keeps "Đạo" intact in pdfsig's output.
 */
function distinguishedName(subject: Subject): x509.JsonName {
  return [
    { C: ['VN'] },
    ...(subject.province ? [{ ST: [subject.province] }] : []),
    ...(subject.organisation ? [{ O: [subject.organisation] }] : []),
    { CN: [subject.commonName] },
  ];
}

async function toIdentity(keys: CryptoKeyPair, certificate: x509.X509Certificate): Promise<Identity> {
  const pkcs8 = await webcrypto.subtle.exportKey('pkcs8', keys.privateKey);
  return {
    keys,
    certificate,
    keyPem: x509.PemConverter.encode(pkcs8, 'PRIVATE KEY'),
    certificatePem: certificate.toString('pem'),
  };
}

function newKeys(): Promise<CryptoKeyPair> {
  return webcrypto.subtle.generateKey(SIGNING_ALGORITHM, true, ['sign', 'verify']);
}

function serialNumber(): string {
  // Positive, non-zero, 16 random bytes: RFC 5280 §4.1.2.2.
  const bytes = webcrypto.getRandomValues(new Uint8Array(16));
  bytes[0] = (bytes[0]! & 0x7f) | 0x01;
  return Buffer.from(bytes).toString('hex');
}

/** The demo root CA, valid for ten years from `now`. */
export async function createDemoRootCa(
  commonName = 'Tổ chức chứng thực chữ ký số demo motcua',
  now = new Date(),
): Promise<Identity> {
  const keys = await newKeys();
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serialNumber(),
    name: distinguishedName({ commonName, organisation: 'motcua (demo)' }),
    notBefore: new Date(now.getTime() - DAY),
    notAfter: new Date(now.getTime() + 3650 * DAY),
    signingAlgorithm: SIGNING_ALGORITHM,
    keys,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return toIdentity(keys, certificate);
}

/** An end-entity signing certificate issued by `ca`, valid for two years from `now`. */
export async function issueSigningCertificate(
  ca: Identity,
  subject: Subject,
  now = new Date(),
): Promise<Identity> {
  const keys = await newKeys();
  const certificate = await x509.X509CertificateGenerator.create({
    serialNumber: serialNumber(),
    subject: distinguishedName(subject),
    issuer: ca.certificate.subjectName,
    notBefore: new Date(now.getTime() - DAY),
    notAfter: new Date(now.getTime() + 730 * DAY),
    signingAlgorithm: SIGNING_ALGORITHM,
    publicKey: keys.publicKey,
    signingKey: ca.keys.privateKey,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      // nonRepudiation (contentCommitment) as well: a document signature is a commitment, not just an auth.
      new x509.KeyUsagesExtension(
        x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation,
        true,
      ),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
      await x509.AuthorityKeyIdentifierExtension.create(ca.certificate),
    ],
  });
  return toIdentity(keys, certificate);
}

/** A private key back from PKCS#8 PEM, usable for signing only. */
export function importPrivateKey(pem: string): Promise<CryptoKey> {
  return webcrypto.subtle.importKey('pkcs8', x509.PemConverter.decode(pem)[0]!, SIGNING_ALGORITHM, false, [
    'sign',
  ]);
}
