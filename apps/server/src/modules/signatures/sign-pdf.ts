import { randomBytes } from 'node:crypto';
import { plainAddPlaceholder } from '@signpdf/placeholder-plain';
import { SignPdf } from '@signpdf/signpdf';
import { SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
import { CadesSigner, type SigningMaterial } from './cms-signer.ts';

export interface SignOptions {
  reason: string;
  /** Shown by readers as the signer's name (/Name); the certificate's CN is what verifiers trust. */
  name: string;
  location: string;
  signingTime: Date;
  contactInfo?: string;
}

/**
 * Room reserved for the CMS blob, in bytes: an RSA-2048 signature with a two-certificate chain is about
 * 2.5 kB; the rest leaves space for longer chains (and a timestamp token, later).
 */
const SIGNATURE_LENGTH = 8192;

/** A text string as a PDF hex string: UTF-16BE with BOM, pure ASCII on the wire. */
const pdfHexString = (text: string) =>
  `<${Buffer.from(`\ufeff${text}`, 'utf16le').swap16().toString('hex')}>`;

/**
 * placeholder-plain writes its UTF-16 strings through `Buffer.from(string)` (UTF-8), mangling every
 * non-ASCII Reason/Name/Location. So it gets a random ASCII token of exactly the right length, which is then
 * overwritten in place by the hex string: same byte count, so the xref offsets it wrote stay correct.
 */
function withTextTokens(options: SignOptions) {
  const texts = { reason: options.reason, name: options.name, location: options.location };
  const replacements: [token: string, hex: string][] = [];
  const tokens = Object.fromEntries(
    Object.entries(texts).map(([key, text]) => {
      const hex = pdfHexString(text);
      // "(token)" must be as long as "<hex>"; hex is ≥ 10 characters, randomness makes the token unique.
      const token = randomBytes(hex.length)
        .toString('hex')
        .slice(0, hex.length - 2);
      replacements.push([`(${token})`, hex]);
      return [key, token];
    }),
  ) as typeof texts;
  const restore = (pdf: Buffer): Buffer => {
    for (const [token, hex] of replacements) {
      const at = pdf.lastIndexOf(token, undefined, 'latin1');
      if (at < 0) throw new Error('signature placeholder text not found');
      pdf.write(hex, at, 'latin1');
    }
    return pdf;
  };
  return { tokens, restore };
}

/**
 * Adds one PAdES signature (SubFilter ETSI.CAdES.detached) as an incremental update: the bytes of `pdf`,
 * including any earlier signature, are kept as they are, so signing twice (leader, then organisation)
 * leaves both signatures valid.
 */
export async function signPdf(pdf: Buffer, signer: SigningMaterial, options: SignOptions): Promise<Buffer> {
  const { tokens, restore } = withTextTokens(options);
  const withPlaceholder = restore(
    plainAddPlaceholder({
      pdfBuffer: pdf,
      ...tokens,
      contactInfo: options.contactInfo ?? '',
      signingTime: options.signingTime,
      signatureLength: SIGNATURE_LENGTH,
      subFilter: SUBFILTER_ETSI_CADES_DETACHED,
      appName: 'motcua',
    }),
  );
  return new SignPdf().sign(withPlaceholder, new CadesSigner(signer, options.signingTime));
}
