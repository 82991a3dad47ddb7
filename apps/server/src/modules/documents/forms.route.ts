import type { Kysely } from 'kysely';
import { IdParams } from '@motcua/contracts/common';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../actor.ts';
import type { ApplicationsService } from '../applications/applications.service.ts';
import { renderApologyForm } from './apology-form.ts';
import { renderControlSheet } from './control-sheet.ts';
import { documentsRepository } from './documents.repository.ts';
import {
  toApologyData,
  toControlSheetData,
  toRefusalData,
  toSupplementData,
  userIdsOf,
  type Names,
} from './forms-source.ts';
import { renderRefusalForm, renderSupplementForm } from './intake-forms.ts';
import type { ReceiptSlipSource } from './receipt-data.ts';
import { pdfResponses } from './receipt-slip.route.ts';

/** The printable forms after the receipt slip (vn-rules.md §1.5), as they appear in the address. */
export const FORMS = ['supplement', 'refusal', 'apology', 'control-sheet'] as const;
export type FormName = (typeof FORMS)[number];

function schemaOf(summary: string, description: string) {
  return {
    tags: ['applications'],
    summary,
    description,
    params: IdParams,
    response: pdfResponses('The form as PDF'),
  };
}

/** GET /api/applications/:id/forms/supplement.pdf */
export const supplementFormSchema = schemaOf(
  'In phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu 02, PDF)',
  'A5, from the latest request for documents (before receipt or during processing). 409 when there is none.',
);
/** GET /api/applications/:id/forms/refusal.pdf */
export const refusalFormSchema = schemaOf(
  'In phiếu từ chối tiếp nhận giải quyết hồ sơ (Mẫu 03, PDF)',
  'A5, from the refusal at intake. 409 when the application was not refused at intake.',
);
/** GET /api/applications/:id/forms/apology.pdf */
export const apologyFormSchema = schemaOf(
  'In phiếu xin lỗi và hẹn lại ngày trả kết quả / văn bản xin lỗi và đề nghị gia hạn (Mẫu 04, PDF)',
  'A5, from the latest apology; the title follows the legal regime of the file (TT 01/2018 or TT 03/2025). 409 when no apology was issued.',
);
/** GET /api/applications/:id/forms/control-sheet.pdf */
export const controlSheetSchema = schemaOf(
  'In phiếu kiểm soát quá trình giải quyết hồ sơ (Mẫu 05 TT 01/2018, Mẫu 06 TT 03/2025, PDF)',
  'A4, one row per step of the file: unit, time, who handed over and who received, result, note.',
);

export const formSchemas: Record<FormName, ReturnType<typeof schemaOf>> = {
  supplement: supplementFormSchema,
  refusal: refusalFormSchema,
  apology: apologyFormSchema,
  'control-sheet': controlSheetSchema,
};

const RENDER: Record<
  FormName,
  { file: string; render: (source: ReceiptSlipSource, names: Names) => Promise<Buffer> }
> = {
  supplement: { file: 'mau-02', render: (s, n) => renderSupplementForm(toSupplementData(s, n)) },
  refusal: { file: 'mau-03', render: (s, n) => renderRefusalForm(toRefusalData(s, n)) },
  apology: { file: 'mau-04', render: (s, n) => renderApologyForm(toApologyData(s, n)) },
  'control-sheet': {
    file: 'phieu-kiem-soat',
    render: (s, n) => renderControlSheet(toControlSheetData(s, n)),
  },
};

/**
 * One form of one application, as the officer may read it (the service checks access). Throws Conflict (409)
 * when the event the form records has not happened.
 */
export async function formPdf(
  applications: ApplicationsService,
  db: Kysely<Database>,
  actor: Actor,
  id: string,
  form: FormName,
): Promise<{ filename: string; body: Buffer }> {
  const source = await applications.receiptSlip(actor, id);
  const names = await documentsRepository.userFullNames(db, userIdsOf(source));
  const { file, render } = RENDER[form];
  const body = await render(source, names);
  const code = source.application.code.replace(/[^0-9A-Za-z._-]/g, '_');
  return { filename: `${code}-${file}.pdf`, body };
}
