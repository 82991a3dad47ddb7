import { randomBytes } from 'node:crypto';
import { plainAddPlaceholder } from '@signpdf/placeholder-plain';
import { SignPdf } from '@signpdf/signpdf';
import {
  ANNOTATION_FLAGS,
  DEFAULT_BYTE_RANGE_PLACEHOLDER,
  SIG_FLAGS,
  SUBFILTER_ETSI_CADES_DETACHED,
} from '@signpdf/utils';
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFString,
  type PDFRef,
} from '@cantoo/pdf-lib';
import { appearanceStream, type Appearance } from './appearance.ts';
import { CadesSigner, type SigningMaterial } from './cms-signer.ts';

export interface SignOptions {
  reason: string;
  /** Shown by readers as the signer's name (/Name); the certificate's CN is what verifiers trust. */
  name: string;
  location: string;
  signingTime: Date;
  contactInfo?: string;
  /** Makes the signature visible: a widget with this rect on this page, drawing the image and the lines. */
  appearance?: Appearance;
  /** /T of the signature field; default `Signature<n>`, the first n not taken yet. */
  fieldName?: string;
}

/**
 * Room reserved for the CMS blob, in bytes: an RSA-2048 signature with a two-certificate chain is about
 * 2.5 kB; the rest leaves space for longer chains (and a timestamp token, later).
 */
const SIGNATURE_LENGTH = 8192;

/** Annotation flag 8 (Locked, PDF 1.4): readers do not let the widget be moved or resized. */
const LOCKED = 128;

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
  const withPlaceholder =
    options.appearance || options.fieldName !== undefined
      ? await pdfLibPlaceholder(pdf, options)
      : plainPlaceholder(pdf, options);
  return new SignPdf().sign(withPlaceholder, new CadesSigner(signer, options.signingTime));
}

/** The invisible signature, as before: placeholder-plain appends the field, widget and signature dictionary. */
function plainPlaceholder(pdf: Buffer, options: SignOptions): Buffer {
  const { tokens, restore } = withTextTokens(options);
  return restore(
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
}

/** Field names (/T) already used by the form's fields. */
function fieldNames(fields: PDFArray): Set<string> {
  const names = new Set<string>();
  for (let i = 0; i < fields.size(); i++) {
    const name = fields.lookupMaybe(i, PDFDict)?.lookupMaybe(PDFName.of('T'), PDFString, PDFHexString);
    if (name) names.add(name.decodeText());
  }
  return names;
}

/**
 * The signature field with pdf-lib, as an incremental update (`forIncrementalUpdate`: the original bytes
 * are kept and only new or changed objects are appended, with a classic xref table — no object streams, so
 * the placeholders stay in clear text and placeholder-plain can still append after it). The signature
 * dictionary holds the placeholders SignPdf fills: /ByteRange [0 /********** ×3], then /Contents <00…>.
 */
async function pdfLibPlaceholder(pdf: Buffer, options: SignOptions): Promise<Buffer> {
  const doc = await PDFDocument.load(pdf, { forIncrementalUpdate: true, updateMetadata: false });
  const { context, catalog } = doc;
  const { appearance } = options;
  const page = doc.getPage(appearance?.page ?? 0);

  let acroForm = catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict);
  if (!acroForm) {
    // /Type /AcroForm (not required) first, then /Fields: placeholder-plain finds a form by that text.
    acroForm = context.obj({ Type: 'AcroForm', Fields: [] });
    catalog.set(PDFName.of('AcroForm'), context.register(acroForm));
  }
  let fields = acroForm.lookupMaybe(PDFName.of('Fields'), PDFArray);
  if (!fields) {
    fields = context.obj([]);
    acroForm.set(PDFName.of('Fields'), fields);
  }
  acroForm.set(PDFName.of('SigFlags'), context.obj(SIG_FLAGS.SIGNATURES_EXIST | SIG_FLAGS.APPEND_ONLY));
  const taken = fieldNames(fields);
  let fieldName = options.fieldName;
  for (let n = fields.size() + 1; fieldName === undefined || taken.has(fieldName); n++)
    fieldName = `Signature${n}`;

  const byteRange = PDFName.of(DEFAULT_BYTE_RANGE_PLACEHOLDER);
  const signature = context.register(
    context.obj({
      Type: 'Sig',
      Filter: 'Adobe.PPKLite',
      SubFilter: SUBFILTER_ETSI_CADES_DETACHED,
      // Order matters: SignPdf looks for the first "/Contents " after the ByteRange placeholder.
      ByteRange: [0, byteRange, byteRange, byteRange],
      Contents: PDFHexString.of('0'.repeat(SIGNATURE_LENGTH * 2)),
      Reason: PDFHexString.fromText(options.reason),
      M: PDFString.fromDate(options.signingTime),
      ContactInfo: PDFHexString.fromText(options.contactInfo ?? ''),
      Name: PDFHexString.fromText(options.name),
      Location: PDFHexString.fromText(options.location),
      Prop_Build: { App: { Name: 'motcua' } },
    }),
  );
  const rect = appearance?.rect ?? { x: 0, y: 0, width: 0, height: 0 };
  const widget: Record<string, unknown> = {
    Type: 'Annot',
    Subtype: 'Widget',
    FT: 'Sig',
    Rect: [rect.x, rect.y, rect.x + rect.width, rect.y + rect.height],
    V: signature,
    T: PDFHexString.fromText(fieldName),
    F: ANNOTATION_FLAGS.PRINT | LOCKED,
    P: page.ref,
  };
  if (appearance) widget.AP = { N: await appearanceStream(doc, appearance) };
  const widgetRef: PDFRef = context.register(context.obj(widget as Parameters<typeof context.obj>[0]));
  page.node.addAnnot(widgetRef);
  fields.push(widgetRef);
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}
