import { createHash, webcrypto } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
// @peculiar/x509 registers its parsers with tsyringe, which needs the Reflect metadata API loaded first.
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';

/**
 * Verification of the signatures in a PDF, without a full PDF parser: like pdf.js and pdfsig for incremental
 * updates, every `/ByteRange [a b c d]` in the file is a signature dictionary and the gap between the two
 * ranges is its `/Contents <hex>`. The CMS is checked with PKI.js, the chain by hand with @peculiar/x509.
 */

x509.cryptoProvider.set(webcrypto as unknown as Crypto);
const engine = new pkijs.CryptoEngine({ name: 'node', crypto: webcrypto as unknown as Crypto });

export interface SignatureReport {
  index: number; // 0-based, in file order
  fieldName?: string; // /T of the signature field, if found
  /** CN of the signer certificate ('' when the CMS could not be read). */
  signerName: string;
  organisation?: string; // O of the signer certificate
  /** ISO 8601, from the signed signing-time attribute; else the /M entry of the dictionary. */
  signingTime?: string;
  reason?: string;
  location?: string;
  subFilter: string; // e.g. 'ETSI.CAdES.detached'
  /** The digest over the ByteRange matches the signed message-digest and the CMS signature verifies. */
  intact: boolean;
  /** Why not intact: 'byte-range-invalid', 'cms-malformed', 'no-signer-certificate', 'digest-mismatch', … */
  integrityError?: string;
  coversWholeDocument: boolean; // the ByteRange ends at the end of the file
  /** Bytes follow this signature's range that no later intact signature covers. */
  modifiedAfterSigning: boolean;
  /** The signer certificate chains to one of the trusted roots, signatures and validity checked at signingTime. */
  trusted: boolean;
  /** Why not trusted: 'unknown-issuer', 'untrusted-root', 'bad-signature', 'expired', 'not-yet-valid', … */
  chainError?: string;
  rootSha256?: string; // when trusted: SHA-256 (hex) of the root reached, to tell which root vouches
  certificate: { subject: string; issuer: string; serialNumber: string; notBefore: string; notAfter: string };
}

export interface VerificationReport {
  signatures: SignatureReport[];
  tampered: boolean; // some signature is not intact
}

/** The input is not a PDF, or has no parseable structure. */
export class NotAPdfError extends Error {
  constructor(message = 'not a PDF document') {
    super(message);
    this.name = 'NotAPdfError';
  }
}

const OID = {
  signedData: '1.2.840.113549.1.7.2',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
} as const;

/** PDFDocEncoding code points that differ from Latin-1 (0x18–0x1F, 0x80–0xA0). */
const PDF_DOC_ENCODING: Record<number, number> = {
  0x18: 0x02d8, 0x19: 0x02c7, 0x1a: 0x02c6, 0x1b: 0x02d9, 0x1c: 0x02dd, 0x1d: 0x02db, 0x1e: 0x02da,
  0x1f: 0x02dc, 0x80: 0x2022, 0x81: 0x2020, 0x82: 0x2021, 0x83: 0x2026, 0x84: 0x2014, 0x85: 0x2013,
  0x86: 0x0192, 0x87: 0x2044, 0x88: 0x2039, 0x89: 0x203a, 0x8a: 0x2212, 0x8b: 0x2030, 0x8c: 0x201e,
  0x8d: 0x201c, 0x8e: 0x201d, 0x8f: 0x2018, 0x90: 0x2019, 0x91: 0x201a, 0x92: 0x2122, 0x93: 0xfb01,
  0x94: 0xfb02, 0x95: 0x0141, 0x96: 0x0152, 0x97: 0x0160, 0x98: 0x0178, 0x99: 0x017d, 0x9a: 0x0131,
  0x9b: 0x0142, 0x9c: 0x0153, 0x9d: 0x0161, 0x9e: 0x017e, 0xa0: 0x20ac,
}; // prettier-ignore

/** A PDF text string: UTF-16BE with BOM, UTF-8 with BOM (PDF 2.0), else PDFDocEncoding. */
export function decodePdfText(bytes: Uint8Array): string {
  let text: string;
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    text = Buffer.from(bytes.subarray(2, bytes.length - (bytes.length % 2)))
      .swap16()
      .toString('utf16le');
  } else if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    text = new TextDecoder().decode(bytes.subarray(3));
  } else {
    text = String.fromCodePoint(...Array.from(bytes, (b) => PDF_DOC_ENCODING[b] ?? b));
  }
  return text.normalize('NFC');
}

const ESCAPES: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12 };

/** The bytes of the literal `( … )` or hex `< … >` string starting at `at` (whitespace skipped). */
function readPdfString(s: string, at: number): Uint8Array | undefined {
  while (at < s.length && /\s/.test(s[at]!)) at++;
  if (s[at] === '<' && s[at + 1] !== '<') {
    const end = s.indexOf('>', at);
    if (end < 0) return undefined;
    let hex = s.slice(at + 1, end).replace(/\s+/g, '');
    if (!/^[0-9a-fA-F]*$/.test(hex)) return undefined;
    if (hex.length % 2) hex += '0';
    return Buffer.from(hex, 'hex');
  }
  if (s[at] !== '(') return undefined;
  const out: number[] = [];
  let depth = 0;
  for (let i = at + 1; i < s.length; i++) {
    const c = s[i]!;
    if (c === '\\') {
      const next = s[++i] ?? '';
      const octal = /^[0-7]{1,3}/.exec(s.slice(i, i + 3));
      if (octal) {
        out.push(parseInt(octal[0], 8) & 0xff);
        i += octal[0].length - 1;
      } else if (next === '\r') {
        if (s[i + 1] === '\n') i++;
      } else if (next !== '\n') {
        out.push(ESCAPES[next] ?? next.charCodeAt(0));
      }
      continue;
    }
    if (c === '(') depth++;
    if (c === ')' && depth-- === 0) return Uint8Array.from(out);
    out.push(c.charCodeAt(0));
  }
  return undefined;
}

function textEntry(dict: string, key: string): string | undefined {
  const match = new RegExp(`/${key}(?![A-Za-z0-9])`).exec(dict);
  const bytes = match ? readPdfString(dict, match.index + match[0].length) : undefined;
  return bytes ? decodePdfText(bytes) : undefined;
}

/** `D:YYYYMMDDHHmmSSOHH'mm'` (ISO 32000 §7.9.4) to ISO 8601. */
function pdfDate(value: string | undefined): string | undefined {
  const m = /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?([Zz+-])?(\d{2})?'?(\d{2})?/.exec(value ?? '');
  if (!m) return undefined;
  const [, y, mo = '01', d = '01', h = '00', mi = '00', sec = '00', sign, oh = '00', om = '00'] = m;
  const zone = !sign || sign.toUpperCase() === 'Z' ? 'Z' : `${sign}${oh}:${om}`;
  const date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${sec}${zone}`);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** An indirect object "12 0 obj … endobj" by offsets; id is "12 0". */
interface ObjectSpan { id: string; start: number; end: number } // prettier-ignore

function objectSpans(s: string): ObjectSpan[] {
  const spans: ObjectSpan[] = [];
  for (const m of s.matchAll(/(\d+)\s+(\d+)\s+obj\b/g)) {
    const end = s.indexOf('endobj', m.index);
    spans.push({ id: `${m[1]} ${m[2]}`, start: m.index, end: end < 0 ? s.length : end });
  }
  return spans;
}

const enclosing = (spans: ObjectSpan[], at: number): ObjectSpan | undefined =>
  spans.filter((span) => span.start <= at && at < span.end).at(-1);

type Range = [number, number, number, number];
interface Candidate { dict: string; byteRange?: Range; contents?: Uint8Array; fieldName?: string } // prettier-ignore

/** Every signature dictionary: a /ByteRange with (ideally) its /Contents in the hole between the ranges. */
function findSignatures(s: string, length: number): Candidate[] {
  const spans = objectSpans(s);
  const found: Candidate[] = [];
  for (const m of s.matchAll(/\/ByteRange\s*\[([^\]]{0,200})\]/g)) {
    const span = enclosing(spans, m.index);
    const base = span ? span.start : m.index;
    const dict = s.slice(base, span ? span.end : m.index + 20000);
    const key = /\/Contents\s*(?=<[^<])/.exec(dict);
    const contentsAt = key ? base + key.index + key[0].length : -1;
    const numbers = m[1]!.trim().split(/\s+/).map(Number);
    const [a, b, c, d] = numbers as [number, number, number, number];
    // The hole must be exactly this dictionary's /Contents string, and the ranges in order inside the file.
    const sane =
      numbers.length === 4 &&
      numbers.every((n) => Number.isSafeInteger(n) && n >= 0) &&
      a === 0 &&
      a + b === contentsAt &&
      c > a + b + 1 &&
      c + d <= length &&
      s.indexOf('>', contentsAt) === c - 1;
    const candidate: Candidate = { dict };
    if (contentsAt >= 0) candidate.contents = readPdfString(s, contentsAt);
    if (sane && candidate.contents) candidate.byteRange = [a, b, c, d];
    if (span) {
      const [num, gen] = span.id.split(' ');
      const ref = [...s.matchAll(new RegExp(`/V\\s+${num}\\s+${gen}\\s+R\\b`, 'g'))].at(-1);
      const field = ref ? enclosing(spans, ref.index) : undefined;
      if (field) candidate.fieldName = textEntry(s.slice(field.start, field.end), 'T');
    }
    found.push(candidate);
  }
  return found;
}

const toBuffer = (bytes: Uint8Array): ArrayBuffer => new Uint8Array(bytes).buffer;

function parseSignedData(der: Uint8Array): pkijs.SignedData {
  const asn1 = asn1js.fromBER(toBuffer(der));
  if (asn1.offset === -1) throw new Error('not BER');
  const contentInfo = new pkijs.ContentInfo({ schema: asn1.result });
  if (contentInfo.contentType !== OID.signedData) throw new Error('not SignedData');
  return new pkijs.SignedData({ schema: contentInfo.content });
}

async function signerCertificate(signed: pkijs.SignedData, signer: pkijs.SignerInfo) {
  const certificates = (signed.certificates ?? []).filter((c) => c instanceof pkijs.Certificate);
  const sid: unknown = signer.sid;
  for (const certificate of certificates) {
    if (sid instanceof pkijs.IssuerAndSerialNumber) {
      if (certificate.issuer.isEqual(sid.issuer) && certificate.serialNumber.isEqual(sid.serialNumber)) {
        return certificate;
      }
    } else if (sid instanceof asn1js.OctetString || sid instanceof asn1js.Constructed) {
      const keyId = sid instanceof asn1js.OctetString ? sid.valueBlock.valueHexView : undefined;
      const spki = certificate.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView;
      const digest = new Uint8Array(await webcrypto.subtle.digest('SHA-1', new Uint8Array(spki)));
      if (keyId && Buffer.from(digest).equals(Buffer.from(keyId))) return certificate;
    }
  }
  return undefined;
}

function signedAttribute(signer: pkijs.SignerInfo, type: string): unknown {
  return signer.signedAttrs?.attributes.find((attribute) => attribute.type === type)?.values[0];
}

interface CmsCheck {
  intact: boolean;
  error?: string;
  signer?: x509.X509Certificate;
  pool: x509.X509Certificate[];
  signingTime?: string;
}

async function checkCms(contents: Uint8Array, signedBytes: Uint8Array | undefined): Promise<CmsCheck> {
  let signed: pkijs.SignedData;
  try {
    signed = parseSignedData(contents);
  } catch {
    return { intact: false, error: 'cms-malformed', pool: [] };
  }
  const pool = (signed.certificates ?? [])
    .filter((c) => c instanceof pkijs.Certificate)
    .map((c) => new x509.X509Certificate(c.toSchema().toBER(false)));
  const signerInfo = signed.signerInfos[0];
  if (!signerInfo) return { intact: false, error: 'cms-malformed', pool };
  const time = signedAttribute(signerInfo, OID.signingTime);
  const signingTime =
    time instanceof asn1js.UTCTime || time instanceof asn1js.GeneralizedTime
      ? time.toDate().toISOString()
      : undefined;
  const certificate = await signerCertificate(signed, signerInfo);
  if (!certificate) return { intact: false, error: 'no-signer-certificate', pool, signingTime };
  const signer = new x509.X509Certificate(certificate.toSchema().toBER(false));
  const base = { pool, signer, signingTime };
  if (!signedBytes) return { ...base, intact: false, error: 'byte-range-invalid' };
  const digestAlgorithm = engine.getAlgorithmByOID(signerInfo.digestAlgorithm.algorithmId);
  const declared = signedAttribute(signerInfo, OID.messageDigest);
  if (!('name' in digestAlgorithm) || !(declared instanceof asn1js.OctetString)) {
    return { ...base, intact: false, error: 'unsupported-cms' };
  }
  const digest = await webcrypto.subtle.digest(digestAlgorithm.name, signedBytes);
  if (!Buffer.from(digest).equals(Buffer.from(declared.valueBlock.valueHexView))) {
    return { ...base, intact: false, error: 'digest-mismatch' };
  }
  const verified = await signed
    .verify({ signer: 0, data: toBuffer(signedBytes), checkChain: false }, engine)
    .catch(() => false);
  return verified ? { ...base, intact: true } : { ...base, intact: false, error: 'signature-invalid' };
}

const sameCertificate = (a: x509.X509Certificate, b: x509.X509Certificate) =>
  Buffer.from(a.rawData).equals(Buffer.from(b.rawData));

const isCa = (certificate: x509.X509Certificate) =>
  certificate.getExtension(x509.BasicConstraintsExtension)?.ca === true;

/** The SHA-256 (hex) of the root `leaf` chains to among `roots`, else a short code saying why not. */
async function chainOf(
  leaf: x509.X509Certificate,
  pool: x509.X509Certificate[],
  roots: x509.X509Certificate[],
  at: Date,
): Promise<{ rootSha256: string } | { chainError: string }> {
  let current = leaf;
  for (let depth = 0; depth < 10; depth++) {
    if (at < current.notBefore) return { chainError: 'not-yet-valid' };
    if (at > current.notAfter) return { chainError: 'expired' };
    const root = roots.find((r) => sameCertificate(r, current));
    if (root) return { rootSha256: createHash('sha256').update(Buffer.from(root.rawData)).digest('hex') };
    const candidates = [...roots, ...pool].filter(
      (c) => c.subject === current.issuer && !sameCertificate(c, current),
    );
    if (candidates.length === 0)
      return { chainError: current.subject === current.issuer ? 'untrusted-root' : 'unknown-issuer' };
    let issuer: x509.X509Certificate | undefined;
    for (const candidate of candidates) {
      const ok = await current
        .verify({ publicKey: candidate.publicKey, signatureOnly: true })
        .catch(() => false);
      if (ok) {
        issuer = candidate;
        break;
      }
    }
    if (!issuer) return { chainError: 'bad-signature' };
    if (!isCa(issuer)) return { chainError: 'issuer-not-ca' };
    current = issuer;
  }
  return { chainError: 'chain-too-long' };
}

function nameField(certificate: x509.X509Certificate | undefined, field: string): string | undefined {
  return certificate?.subjectName.getField(field)[0]?.normalize('NFC');
}

function describe(certificate: x509.X509Certificate | undefined): SignatureReport['certificate'] {
  if (!certificate) return { subject: '', issuer: '', serialNumber: '', notBefore: '', notAfter: '' };
  return {
    subject: certificate.subject.normalize('NFC'),
    issuer: certificate.issuer.normalize('NFC'),
    serialNumber: certificate.serialNumber,
    notBefore: certificate.notBefore.toISOString(),
    notAfter: certificate.notAfter.toISOString(),
  };
}

function parseCertificate(der: Uint8Array): x509.X509Certificate | undefined {
  try {
    return new x509.X509Certificate(toBuffer(der));
  } catch {
    return undefined;
  }
}

function looksLikePdf(bytes: Uint8Array, s: string): boolean {
  const header = s.slice(0, 1024).indexOf('%PDF-');
  return bytes.length > 8 && header >= 0 && /\d+\s+\d+\s+obj\b/.test(s);
}

/**
 * Checks every signature of `pdf`. `trustedRoots` are DER certificates; a signer is trusted when its
 * certificate chains to one of them through the certificates embedded in the CMS.
 */
export async function verifyPdf(pdf: Uint8Array, trustedRoots: Uint8Array[]): Promise<VerificationReport> {
  const s = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  if (!looksLikePdf(pdf, s)) throw new NotAPdfError();
  const roots = trustedRoots.flatMap((der) => parseCertificate(der) ?? []);
  const candidates = findSignatures(s, pdf.length);
  const reports: SignatureReport[] = [];
  for (const [index, candidate] of candidates.entries()) {
    const range = candidate.byteRange;
    const signedBytes = range
      ? Buffer.concat([
          pdf.subarray(range[0], range[0] + range[1]),
          pdf.subarray(range[2], range[2] + range[3]),
        ])
      : undefined;
    const cms = candidate.contents
      ? await checkCms(candidate.contents, signedBytes)
      : { intact: false, error: 'contents-missing', pool: [] };
    const signingTime = cms.signingTime ?? pdfDate(textEntry(candidate.dict, 'M'));
    const chain = cms.signer
      ? await chainOf(cms.signer, cms.pool, roots, signingTime ? new Date(signingTime) : new Date())
      : { chainError: 'no-signer-certificate' };
    const report: SignatureReport = {
      index,
      signerName: nameField(cms.signer, 'CN') ?? '',
      subFilter: /\/SubFilter\s*\/([^\s/<>[\]()]+)/.exec(candidate.dict)?.[1] ?? '',
      intact: cms.intact,
      coversWholeDocument: range ? range[2] + range[3] === pdf.length : false,
      modifiedAfterSigning: false,
      trusted: 'rootSha256' in chain,
      certificate: describe(cms.signer),
    };
    const optional = {
      fieldName: candidate.fieldName,
      organisation: nameField(cms.signer, 'O'),
      signingTime,
      reason: textEntry(candidate.dict, 'Reason'),
      location: textEntry(candidate.dict, 'Location'),
      integrityError: cms.error,
      ...chain,
    };
    for (const [key, value] of Object.entries(optional)) {
      if (value !== undefined) Object.assign(report, { [key]: value });
    }
    reports.push(report);
  }
  // A signature's range is vouched for up to the furthest end of any intact signature that contains it.
  const ends = candidates.map((c) => (c.byteRange ? c.byteRange[2] + c.byteRange[3] : 0));
  for (const report of reports) {
    const own = ends[report.index]!;
    const covered = Math.max(
      own,
      ...reports.filter((r) => r.intact && ends[r.index]! >= own).map((r) => ends[r.index]!),
    );
    report.modifiedAfterSigning = covered < pdf.length;
  }
  return { signatures: reports, tampered: reports.some((r) => !r.intact) };
}
