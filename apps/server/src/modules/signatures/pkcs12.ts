import { webcrypto } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
// @peculiar/x509 registers its parsers with tsyringe, which needs the Reflect metadata API loaded first.
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';

/**
 * PKCS#12 (.p12/.pfx) key bundles, how administrators hand over signing keys. Reads the password-based
 * privacy/integrity mode (PBES2 and a PKCS#12 MAC, what OpenSSL 3 writes by default); writes the same:
 * PBKDF2-HMAC-SHA256 + AES-256-CBC for the key and the certificates, HMAC-SHA256 MAC, 2048 iterations.
 * The legacy PKCS#12 PBE algorithms (3DES, RC2: `openssl pkcs12 -legacy`) are reported as 'unsupported'.
 */

const engine = new pkijs.CryptoEngine({ name: 'node', crypto: webcrypto as unknown as Crypto });

const OID = {
  keyBag: '1.2.840.113549.1.12.10.1.1',
  shroudedKeyBag: '1.2.840.113549.1.12.10.1.2',
  certBag: '1.2.840.113549.1.12.10.1.3',
  x509Certificate: '1.2.840.113549.1.9.22.1',
  friendlyName: '1.2.840.113549.1.9.20',
  localKeyId: '1.2.840.113549.1.9.21',
  data: '1.2.840.113549.1.7.1',
  encryptedData: '1.2.840.113549.1.7.6',
  pbes2: '1.2.840.113549.1.5.13',
  rsaEncryption: '1.2.840.113549.1.1.1',
} as const;

const SIGNING = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } as const;
const ITERATIONS = 2048;

export interface KeyBundle {
  /** RSASSA-PKCS1-v1_5 with SHA-256, usable for 'sign' (not extractable). */
  key: CryptoKey;
  /** DER of the certificate whose public key matches `key`. */
  certificate: Uint8Array;
  /** DER of the other certificates in the file (issuers), signer's issuer first when it can be told. */
  chain: Uint8Array[];
}

export type Pkcs12ErrorCode =
  'bad-password' | 'malformed' | 'no-key' | 'no-certificate' | 'key-mismatch' | 'unsupported';

export class Pkcs12Error extends Error {
  constructor(
    public readonly code: Pkcs12ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'Pkcs12Error';
  }
}

const utf8 = (text: string): ArrayBuffer => new TextEncoder().encode(text).buffer;
const toBuffer = (bytes: Uint8Array | ArrayBuffer): ArrayBuffer =>
  bytes instanceof Uint8Array ? new Uint8Array(bytes).buffer : bytes;

function fromBer<T>(parse: (buffer: ArrayBuffer) => T, bytes: ArrayBuffer, what: string): T {
  try {
    return parse(bytes);
  } catch (error) {
    throw new Pkcs12Error('malformed', `${what}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** PBES2 content decryption; anything else is a legacy PKCS#12 PBE we do not implement. */
async function decrypt(algorithm: pkijs.AlgorithmIdentifier, content: asn1js.OctetString, password: string) {
  if (algorithm.algorithmId !== OID.pbes2) {
    throw new Pkcs12Error('unsupported', `encryption ${algorithm.algorithmId} (legacy PKCS#12 PBE?)`);
  }
  const encrypted = new pkijs.EncryptedData({
    encryptedContentInfo: new pkijs.EncryptedContentInfo({
      contentType: OID.data,
      contentEncryptionAlgorithm: algorithm,
      encryptedContent: content,
    }),
  });
  try {
    return await encrypted.decrypt({ password: utf8(password) }, engine);
  } catch (error) {
    // Without a MAC a wrong password shows up here first (bad padding).
    throw new Pkcs12Error('bad-password', `decryption failed: ${(error as Error).message}`);
  }
}

async function checkMac(pfx: pkijs.PFX, content: ArrayBuffer, password: string): Promise<void> {
  if (!pfx.macData) return;
  const hash = engine.getAlgorithmByOID(pfx.macData.mac.digestAlgorithm.algorithmId);
  if (!('name' in hash)) throw new Pkcs12Error('unsupported', 'MAC digest algorithm');
  const ok = await engine
    .verifyDataStampedWithPassword({
      password: utf8(password),
      hashAlgorithm: hash.name,
      salt: toBuffer(pfx.macData.macSalt.valueBlock.valueHexView),
      iterationCount: pfx.macData.iterations ?? 1,
      contentToVerify: content,
      signatureToVerify: toBuffer(pfx.macData.mac.digest.valueBlock.valueHexView),
    })
    .catch((error: unknown) => {
      throw new Pkcs12Error('unsupported', `MAC: ${(error as Error).message}`);
    });
  if (!ok) throw new Pkcs12Error('bad-password', 'the PKCS#12 MAC does not match: wrong password');
}

async function safeBags(bytes: Uint8Array, password: string): Promise<pkijs.SafeBag[]> {
  const pfx = fromBer((b) => pkijs.PFX.fromBER(b), toBuffer(bytes), 'PFX');
  if (pfx.authSafe.contentType !== OID.data || !(pfx.authSafe.content instanceof asn1js.OctetString)) {
    throw new Pkcs12Error('unsupported', 'only password integrity mode is supported');
  }
  const content = toBuffer(pfx.authSafe.content.getValue());
  await checkMac(pfx, content, password);
  const authenticatedSafe = fromBer((b) => pkijs.AuthenticatedSafe.fromBER(b), content, 'AuthenticatedSafe');
  const bags: pkijs.SafeBag[] = [];
  for (const info of authenticatedSafe.safeContents) {
    let plain: ArrayBuffer;
    if (info.contentType === OID.data && info.content instanceof asn1js.OctetString) {
      plain = toBuffer(info.content.getValue());
    } else if (info.contentType === OID.encryptedData) {
      const encrypted = fromBer(
        () => new pkijs.EncryptedData({ schema: info.content }),
        content,
        'EncryptedData',
      );
      const { contentEncryptionAlgorithm, encryptedContent } = encrypted.encryptedContentInfo;
      if (!encryptedContent) throw new Pkcs12Error('malformed', 'EncryptedData without content');
      plain = await decrypt(contentEncryptionAlgorithm, encryptedContent, password);
    } else {
      throw new Pkcs12Error('unsupported', `safe contents of type ${info.contentType}`);
    }
    bags.push(...fromBer((b) => pkijs.SafeContents.fromBER(b), plain, 'SafeContents').safeBags);
  }
  return bags;
}

async function privateKeyInfo(bag: pkijs.SafeBag, password: string): Promise<ArrayBuffer> {
  if (bag.bagValue instanceof pkijs.PrivateKeyInfo) return bag.bagValue.toSchema().toBER(false);
  const shrouded = bag.bagValue as pkijs.PKCS8ShroudedKeyBag;
  return decrypt(shrouded.encryptionAlgorithm, shrouded.encryptedData, password);
}

const jwkOf = async (key: CryptoKey) => webcrypto.subtle.exportKey('jwk', key);

/** The key, its certificate and the other certificates from a password-protected PKCS#12 file. */
export async function readPkcs12(bytes: Uint8Array, password: string): Promise<KeyBundle> {
  const bags = await safeBags(bytes, password);
  const keyBag = bags.find((bag) => bag.bagId === OID.shroudedKeyBag || bag.bagId === OID.keyBag);
  if (!keyBag) throw new Pkcs12Error('no-key', 'the file holds no private key');
  const certificates = bags
    .filter((bag) => bag.bagId === OID.certBag)
    .map((bag) => bag.bagValue as pkijs.CertBag)
    .flatMap((bag) =>
      bag.certId === OID.x509Certificate && bag.certValue instanceof asn1js.OctetString
        ? [new Uint8Array(bag.certValue.getValue())]
        : [],
    );
  if (certificates.length === 0) throw new Pkcs12Error('no-certificate', 'the file holds no certificate');

  const pkcs8 = await privateKeyInfo(keyBag, password);
  const info = fromBer((b) => pkijs.PrivateKeyInfo.fromBER(b), pkcs8, 'PrivateKeyInfo');
  if (info.privateKeyAlgorithm.algorithmId !== OID.rsaEncryption) {
    throw new Pkcs12Error('unsupported', `key algorithm ${info.privateKeyAlgorithm.algorithmId} (RSA only)`);
  }
  const importKey = (extractable: boolean) =>
    webcrypto.subtle.importKey('pkcs8', pkcs8, SIGNING, extractable, ['sign']).catch((error: Error) => {
      throw new Pkcs12Error('malformed', `private key: ${error.message}`);
    });
  const { n } = await jwkOf(await importKey(true));

  const parsed = certificates.map((der) =>
    fromBer((b) => new x509.X509Certificate(b), toBuffer(der), 'certificate'),
  );
  let match = -1;
  for (const [index, certificate] of parsed.entries()) {
    const publicKey = await webcrypto.subtle
      .importKey('spki', certificate.publicKey.rawData, SIGNING, true, ['verify'])
      .catch(() => undefined);
    if (publicKey && (await jwkOf(publicKey)).n === n) {
      match = index;
      break;
    }
  }
  if (match < 0) throw new Pkcs12Error('key-mismatch', 'no certificate matches the private key');

  // Issuer first: follow issuer names from the signer; whatever is left keeps its file order.
  const rest = parsed.map((certificate, index) => ({ certificate, der: certificates[index]! }));
  const chain: Uint8Array[] = [];
  let current = rest.splice(match, 1)[0]!;
  for (;;) {
    const at = rest.findIndex((c) => c.certificate.subject === current.certificate.issuer);
    if (at < 0 || current.certificate.subject === current.certificate.issuer) break;
    current = rest.splice(at, 1)[0]!;
    chain.push(current.der);
  }
  chain.push(...rest.map((c) => c.der));
  return { key: await importKey(false), certificate: certificates[match]!, chain };
}

function bagAttributes(localKeyId: ArrayBuffer | undefined, friendlyName: string | undefined) {
  const attributes: pkijs.Attribute[] = [];
  if (friendlyName) {
    const value = new asn1js.BmpString({ value: friendlyName.normalize('NFC') });
    attributes.push(new pkijs.Attribute({ type: OID.friendlyName, values: [value] }));
  }
  if (localKeyId) {
    const value = new asn1js.OctetString({ valueHex: localKeyId });
    attributes.push(new pkijs.Attribute({ type: OID.localKeyId, values: [value] }));
  }
  return attributes.length ? attributes : undefined;
}

const pemToDer = (pem: string, label: string): ArrayBuffer => {
  try {
    const [der] = x509.PemConverter.decode(pem);
    if (der) return der;
  } catch {
    // fall through
  }
  throw new Pkcs12Error('malformed', `not a PEM ${label}`);
};

/**
 * A PKCS#12 file as OpenSSL 3 writes it by default: certificates in a PBES2 (PBKDF2-HMAC-SHA256,
 * AES-256-CBC) EncryptedData, the key in a PBES2 shrouded key bag, an HMAC-SHA256 MAC over everything.
 * The certificate and key carry the same localKeyId (SHA-1 of the certificate) and the CN as friendlyName.
 */
export async function writePkcs12(
  identity: { keyPem: string; certificatePem: string },
  chainPem: string[],
  password: string,
): Promise<Uint8Array> {
  const keyDer = pemToDer(identity.keyPem, 'private key');
  const certificateDer = pemToDer(identity.certificatePem, 'certificate');
  const certificate = fromBer((b) => new x509.X509Certificate(b), certificateDer, 'certificate');
  const chain = chainPem.map((pem) => pemToDer(pem, 'certificate'));
  const localKeyId = await webcrypto.subtle.digest('SHA-1', certificateDer);
  const friendlyName = certificate.subjectName.getField('CN')[0];
  const encryption = {
    password: utf8(password),
    // PKI.js draws a fresh random IV and salt for every encryption; no `iv` is passed.
    contentEncryptionAlgorithm: { name: 'AES-CBC', length: 256 } as pkijs.ContentEncryptionAesCbcParams,
    hmacHashAlgorithm: 'SHA-256',
    iterationCount: ITERATIONS,
  };

  const certBag = (der: ArrayBuffer, attributes?: pkijs.Attribute[]) =>
    new pkijs.SafeBag({
      bagId: OID.certBag,
      bagValue: new pkijs.CertBag({ parsedValue: pkijs.Certificate.fromBER(der) }),
      bagAttributes: attributes,
    });
  const keyBag = new pkijs.PKCS8ShroudedKeyBag({
    parsedValue: fromBer((b) => pkijs.PrivateKeyInfo.fromBER(b), keyDer, 'private key'),
  });
  await keyBag.makeInternalValues(encryption, engine);

  const certificates = new pkijs.SafeContents({
    safeBags: [
      certBag(certificateDer, bagAttributes(localKeyId, friendlyName)),
      ...chain.map((der) => certBag(der)),
    ],
  });
  const keys = new pkijs.SafeContents({
    safeBags: [
      new pkijs.SafeBag({
        bagId: OID.shroudedKeyBag,
        bagValue: keyBag,
        bagAttributes: bagAttributes(localKeyId, friendlyName),
      }),
    ],
  });
  const authenticatedSafe = new pkijs.AuthenticatedSafe({
    parsedValue: {
      safeContents: [
        { privacyMode: 1, value: certificates },
        { privacyMode: 0, value: keys },
      ],
    },
  });
  await authenticatedSafe.makeInternalValues({ safeContents: [{ ...encryption }, {}] }, engine);

  const pfx = new pkijs.PFX({ parsedValue: { integrityMode: 0, authenticatedSafe } });
  await pfx.makeInternalValues(
    {
      password: utf8(password),
      iterations: ITERATIONS,
      pbkdf2HashAlgorithm: { name: 'SHA-256' },
      hmacHashAlgorithm: 'SHA-256',
    },
    engine,
  );
  return new Uint8Array(pfx.toSchema().toBER(false));
}
