import PDFDocument from 'pdfkit';
import { collect, fonts } from '../src/modules/documents/pdf.ts';
import type { Session } from './app.ts';
import { multipart } from './multipart.ts';

/** A scanned paper: a real PDF with `pages` pages. */
export async function scan(title: string, pages = 1): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4' });
  const done = collect(doc);
  doc.registerFont('R', fonts().R).font('R').fontSize(14);
  for (let i = 0; i < pages; i += 1) {
    if (i > 0) doc.addPage();
    doc.text(`${title} — trang ${i + 1}`);
  }
  doc.end();
  return done;
}

/** One file posted as the `file` part, as the browser's upload control does. */
export const upload = (
  s: Session,
  url: string,
  bytes: Uint8Array,
  fileName: string,
  type = 'application/pdf',
) => {
  const { body, headers } = multipart([{ name: 'file', file: { bytes, fileName, type } }]);
  return s.request('POST', url, body, headers);
};
