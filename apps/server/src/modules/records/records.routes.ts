import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { IdParams, Problem } from '@motcua/contracts/common';
import {
  ApplicationRecords,
  DigitizationReport,
  PeriodQuery,
  PositionParams,
  ReusableList,
  ReuseBody,
  type ResultSummary,
} from '@motcua/contracts/records';
import { requireActor } from '../../http/access.ts';
import type { Actor } from '../actor.ts';
import type { ApplicationRow } from '../applications/applications.repository.ts';
import { readParts, requiredFile, useMultipart } from '../files/multipart.ts';
import type { RecordsService } from './records.service.ts';
import type { DigitizationReports } from './digitization-report.ts';

const problems = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem, 422: Problem };
const read = { access: { permission: 'applications.read' as const } };

/** A stored file as a download: its sniffed type, never rendered by the browser as something else. */
export function sendFile(
  reply: FastifyReply,
  file: { bytes: Buffer; mediaType: string; fileName: string },
  disposition: 'inline' | 'attachment' = 'attachment',
) {
  const ascii = file.fileName.normalize('NFD').replace(/[^\x20-\x7e]|["\\]/g, '');
  return reply
    .type(file.mediaType)
    .header(
      'content-disposition',
      `${disposition}; filename="${ascii || 'tep'}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    )
    .header('cache-control', 'private, no-store')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .send(file.bytes);
}

export const binaryResponse = (description: string) => ({
  200: { description, content: { '*/*': { schema: Type.String({ format: 'binary' }) } } },
  ...problems,
});

const multipartBody = (description: string) => ({
  consumes: ['multipart/form-data'],
  description: `${description} multipart/form-data with one part \`file\` (PDF, JPEG, PNG or TIFF; type judged from the bytes).`,
});

export function recordsRoutes(
  records: RecordsService,
  reports: DigitizationReports,
  /** Summaries of the results of a file `records.list` has already loaded and authorised. */
  results: (
    actor: Actor,
    row: ApplicationRow,
  ) => Promise<{ results: ResultSummary[]; draft: boolean; sign: boolean; seal: boolean }>,
  maxUploadBytes: number,
): FastifyPluginAsyncTypebox {
  async function view(actor: Actor, id: string) {
    const { row, components, canDigitize } = await records.list(actor, id);
    const r = await results(actor, row);
    return {
      applicationId: row.id,
      components,
      results: r.results,
      can: { digitize: canDigitize, draft: r.draft, sign: r.sign, seal: r.seal },
    };
  }

  return async (app) => {
    await useMultipart(app, maxUploadBytes);

    app.get(
      '/api/applications/:id/records',
      {
        config: read,
        schema: {
          tags: ['records'],
          summary: 'Thành phần hồ sơ đã số hóa và kết quả điện tử của hồ sơ',
          params: IdParams,
          response: { 200: ApplicationRecords, ...problems },
        },
      },
      async (request) => view(requireActor(request), request.params.id),
    );

    app.post(
      '/api/applications/:id/documents/:position/file',
      {
        config: read,
        schema: {
          tags: ['records'],
          summary: 'Tải lên bản số hóa của một thành phần hồ sơ',
          ...multipartBody('Replaces an earlier scan of the same document (history stays in the events).'),
          params: PositionParams,
          response: { 200: ApplicationRecords, 413: Problem, 415: Problem, ...problems },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const parts = await readParts(request, ['file']);
        const { id, position } = request.params;
        await records.upload(actor, id, position, requiredFile(parts));
        return view(actor, id);
      },
    );

    app.get(
      '/api/applications/:id/documents/:position/file',
      {
        config: read,
        schema: {
          tags: ['records'],
          summary: 'Tải về bản số hóa của một thành phần hồ sơ',
          params: PositionParams,
          response: binaryResponse('The scan, as uploaded'),
        },
      },
      async (request, reply) => {
        const { id, position } = request.params;
        return sendFile(reply, await records.scan(requireActor(request), id, position));
      },
    );

    app.get(
      '/api/applications/:id/reusable',
      {
        config: read,
        schema: {
          tags: ['records'],
          summary: 'Giấy tờ, kết quả đã số hóa của công dân (theo số định danh) có thể dùng lại',
          params: IdParams,
          response: { 200: ReusableList, ...problems },
        },
      },
      async (request) => records.reusable(requireActor(request), request.params.id),
    );

    app.post(
      '/api/applications/:id/documents/:position/reuse',
      {
        config: read,
        schema: {
          tags: ['records'],
          summary: 'Dùng lại giấy tờ đã số hóa thay vì yêu cầu công dân nộp lại',
          params: PositionParams,
          body: ReuseBody,
          response: { 200: ApplicationRecords, ...problems },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        await records.reuse(actor, request.params.id, request.params.position, request.body);
        return view(actor, request.params.id);
      },
    );

    app.get(
      '/api/reports/digitization',
      {
        config: read,
        schema: {
          tags: ['reports'],
          summary: 'Tỷ lệ số hóa hồ sơ và kết quả theo đơn vị và kỳ',
          querystring: PeriodQuery,
          response: { 200: DigitizationReport, ...problems },
        },
      },
      async (request) => reports.digitization(requireActor(request), request.query),
    );
  };
}
