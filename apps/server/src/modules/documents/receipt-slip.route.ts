import { Type } from 'typebox';
import { IdParams, Problem } from '@motcua/contracts/common';
import type { Actor } from '../actor.ts';
import type { ApplicationsService } from '../applications/applications.service.ts';
import { toReceiptSlipData } from './receipt-data.ts';
import { renderReceiptSlip, type SlipSize } from './receipt-slip.ts';

export const ReceiptSlipQuery = Type.Object(
  {
    size: Type.Optional(
      Type.Enum(['A5', 'A4'], { default: 'A5', description: 'A5 is the size of the circular’s form' }),
    ),
  },
  { additionalProperties: false },
);

/** The responses of a route that prints a document: the PDF, or a problem (409: not printable yet). */
export const pdfResponses = (description: string) => ({
  200: { description, content: { 'application/pdf': { schema: Type.String({ format: 'binary' }) } } },
  400: Problem,
  401: Problem,
  403: Problem,
  404: Problem,
  409: Problem,
});

/** The schema of GET /api/applications/:id/receipt.pdf (the route itself is in applications.routes.ts). */
export const receiptSlipSchema = {
  tags: ['applications'],
  summary: 'In giấy tiếp nhận hồ sơ và hẹn trả kết quả (Mẫu 01, PDF)',
  description:
    'The slip handed to the applicant at receipt, with a QR code to the public status page. 409 while the file has not been received.',
  params: IdParams,
  querystring: ReceiptSlipQuery,
  response: pdfResponses('Mẫu 01 as PDF (A5 unless size=A4)'),
};

/**
 * Where the QR code points: MOTCUA_PUBLIC_URL when set (behind a reverse proxy the host seen here may be an
 * internal one, or one the client chose), else the address of the request.
 */
export const publicBaseUrlOf = (request: { protocol: string; host: string }, configured?: string) =>
  configured ?? `${request.protocol}://${request.host}`;

/** The slip of one application, as the officer may read it (the service checks the unit). */
export async function receiptSlipPdf(
  applications: ApplicationsService,
  actor: Actor,
  id: string,
  options: { size?: SlipSize | undefined; publicBaseUrl: string },
) {
  const data = toReceiptSlipData(await applications.receiptSlip(actor, id));
  const body = await renderReceiptSlip(data, {
    size: options.size ?? 'A5',
    publicBaseUrl: options.publicBaseUrl,
  });
  return { filename: `${data.code.replace(/[^0-9A-Za-z._-]/g, '_')}.pdf`, body };
}
