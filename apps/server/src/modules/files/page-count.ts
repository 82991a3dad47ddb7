import { PDFDocument } from '@cantoo/pdf-lib';

/**
 * Pages of an accepted upload, for the digitization record: a PDF's page tree, one for an image; `undefined`
 * for a PDF whose structure cannot be read (a broken scan is no digitized copy, so the caller refuses it).
 * A multi-page TIFF counts as one: scanners here produce PDF.
 */
export async function pageCount(bytes: Uint8Array, mediaType: string): Promise<number | undefined> {
  if (mediaType !== 'application/pdf') return 1;
  try {
    const pdf = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false });
    return pdf.getPageCount() || undefined;
  } catch {
    return undefined;
  }
}
