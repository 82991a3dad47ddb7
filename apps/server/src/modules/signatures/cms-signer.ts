import { webcrypto } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { Signer } from '@signpdf/utils';

/**
 * A detached CMS SignedData (CAdES, for PDF SubFilter ETSI.CAdES.detached) built with PKI.js.
 * Not `@signpdf/signer-p12`: its node-forge path re-encodes non-ASCII issuer names, so any Vietnamese
 * certificate fails verification (architecture.md §2). PKI.js keeps the certificate's own name bytes.
 */

pkijs.setEngine('node', new pkijs.CryptoEngine({ name: 'node', crypto: webcrypto as unknown as Crypto }));

const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
} as const;

export interface SigningMaterial {
  /** PKCS#8 RSA key imported for RSASSA-PKCS1-v1_5 / SHA-256 (see demo-pki.ts importPrivateKey). */
  key: CryptoKey;
  /** DER of the signer's certificate. */
  certificate: ArrayBuffer | Uint8Array;
  /** DER of the issuing chain, signer's issuer first; the root may be included. */
  chain: readonly (ArrayBuffer | Uint8Array)[];
}

const toArrayBuffer = (bytes: ArrayBuffer | Uint8Array): ArrayBuffer =>
  bytes instanceof Uint8Array ? new Uint8Array(bytes).buffer : bytes;

const sha256 = (bytes: ArrayBuffer | Uint8Array) =>
  webcrypto.subtle.digest('SHA-256', bytes instanceof Uint8Array ? new Uint8Array(bytes) : bytes);

const attribute = (type: string, value: asn1js.AsnType) => new pkijs.Attribute({ type, values: [value] });

/**
 * signing-certificate-v2 (RFC 5035): binds the signature to this exact certificate, which CAdES/PAdES
 * baseline requires. ESSCertIDv2 with SHA-256 leaves hashAlgorithm out (it is the DER DEFAULT).
 */
function signingCertificateV2(certificate: pkijs.Certificate, certificateHash: ArrayBuffer) {
  const issuerSerial = new asn1js.Sequence({
    value: [
      new pkijs.GeneralNames({
        names: [new pkijs.GeneralName({ type: 4, value: certificate.issuer })],
      }).toSchema(),
      certificate.serialNumber,
    ],
  });
  const essCertIdV2 = new asn1js.Sequence({
    value: [new asn1js.OctetString({ valueHex: certificateHash }), issuerSerial],
  });
  return new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertIdV2] })] });
}

/** DER of a detached CMS SignedData over `content`. */
export async function createCadesDetached(
  content: Uint8Array,
  material: SigningMaterial,
  signingTime: Date,
): Promise<Buffer> {
  const certificateDer = toArrayBuffer(material.certificate);
  const certificate = pkijs.Certificate.fromBER(certificateDer);
  const chain = material.chain.map((der) => pkijs.Certificate.fromBER(toArrayBuffer(der)));
  const signedAttrs = new pkijs.SignedAndUnsignedAttributes({
    type: 0,
    attributes: [
      attribute(OID.contentType, new asn1js.ObjectIdentifier({ value: OID.data })),
      attribute(OID.messageDigest, new asn1js.OctetString({ valueHex: await sha256(content) })),
      // PAdES baseline prefers the /M entry of the signature dictionary; kept because verifiers
      // without a timestamp show this time, and it equals /M (sign-pdf.ts passes the same Date).
      attribute(OID.signingTime, new asn1js.UTCTime({ valueDate: signingTime })),
      attribute(OID.signingCertificateV2, signingCertificateV2(certificate, await sha256(certificateDer))),
    ],
  });
  const signedData = new pkijs.SignedData({
    version: 1,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
    signerInfos: [
      new pkijs.SignerInfo({
        version: 1,
        sid: new pkijs.IssuerAndSerialNumber({
          issuer: certificate.issuer,
          serialNumber: certificate.serialNumber,
        }),
        signedAttrs,
      }),
    ],
    certificates: [certificate, ...chain],
  });
  // With signed attributes present PKI.js signs their DER (SET OF), not `content`; the digest is ours above.
  await signedData.sign(material.key, 0, 'SHA-256');
  const contentInfo = new pkijs.ContentInfo({
    contentType: OID.signedData,
    content: signedData.toSchema(true),
  });
  return Buffer.from(contentInfo.toSchema().toBER(false));
}

/** The @signpdf Signer that sign-pdf.ts hands to SignPdf: it receives the PDF minus the /Contents hole. */
export class CadesSigner extends Signer {
  constructor(
    private readonly material: SigningMaterial,
    private readonly signingTime: Date,
  ) {
    super();
  }

  override sign(pdfWithoutContents: Buffer): Promise<Buffer> {
    return createCadesDetached(pdfWithoutContents, this.material, this.signingTime);
  }
}
