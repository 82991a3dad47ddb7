import type { FastifyPluginAsyncTypebox, TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { Problem } from '@motcua/contracts/common';
import {
  ProcedureImportProblem,
  ProcedureImportReport,
  ProcedureExportQuery,
  ProcedureImportQuery,
} from '@motcua/contracts/procedures';
import { requireActor } from '../../http/access.ts';
import { PROBLEM_TITLES, pickLang } from '../../http/messages.ts';
import { sendProblem } from '../../http/problem.ts';
import { MEDIA_TYPES } from './procedures.files.ts';
import type { ProceduresService } from './procedures.service.ts';

/** 5 MiB: the national catalogue (a few thousand rows) as XLSX is well under 1 MiB. */
export const IMPORT_LIMIT = 5 * 1024 * 1024;
const XLSX = MEDIA_TYPES.xlsx;
const TAGS = ['procedures'];
/** OpenAPI `security: []`: the operation needs no credentials (the catalogue is public information). */
export const NO_CREDENTIALS: never[] = [];

type Report = Awaited<ReturnType<ProceduresService['importCatalog']>>;

/** The import's 422: every row error with its row and column, the counts, and nothing written. */
function rowProblem(request: FastifyRequest, reply: FastifyReply, report: Report) {
  const lang = pickLang(request.headers['accept-language']);
  const errors = report.errors.map((e) => ({
    field: `/body/${e.row}/${e.column}`,
    row: e.row,
    column: e.column,
    message: e.message[lang],
  }));
  const first = errors[0]!;
  const detail =
    lang === 'vi'
      ? `${errors.length} lỗi, không ghi dòng nào. Dòng ${first.row}, cột “${first.column}”: ${first.message}`
      : `${errors.length} error(s), nothing written. Row ${first.row}, column "${first.column}": ${first.message}`;
  return sendProblem(reply, {
    type: '/problems/invalid',
    title: PROBLEM_TITLES.invalid[lang],
    status: 422,
    detail,
    field: first.field,
    errors,
    report: { ...report, errors: errors.map(({ row, column, message }) => ({ row, column, message })) },
    requestId: request.id,
  });
}

/** Export (public) and import (procedures.manage) of the whole catalogue as CSV or XLSX. */
export function transferRoutes(procedures: ProceduresService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/procedures/export',
      {
        config: { access: 'public' },
        schema: {
          tags: TAGS,
          security: NO_CREDENTIALS,
          summary: 'Xuất danh mục thủ tục (CSV UTF-8 có BOM, hoặc XLSX)',
          querystring: ProcedureExportQuery,
          response: {
            200: {
              description: 'One row per procedure; documents one per line in one cell',
              content: {
                'text/csv': { schema: Type.String() },
                [XLSX]: { schema: Type.String({ format: 'binary' }) },
              },
            },
            400: Problem,
          },
        },
      },
      async (request, reply) => {
        const file = await procedures.exportCatalog(request.query.format);
        return (
          reply
            .header('content-disposition', `attachment; filename="${file.filename}"`)
            .type(file.contentType)
            // A Buffer is sent as is; the typed reply only knows the schema's string.
            .send(file.body as unknown as string)
        );
      },
    );

    // The raw-body parsers live in their own scope: no other route accepts CSV or XLSX bodies.
    await app.register(async (plain) => {
      const scope = plain.withTypeProvider<TypeBoxTypeProvider>();
      scope.removeAllContentTypeParsers();
      scope.addContentTypeParser(
        ['text/csv', XLSX],
        { parseAs: 'buffer', bodyLimit: IMPORT_LIMIT },
        (_request, body, done) => done(null, body),
      );
      scope.post(
        '/api/procedures/import',
        {
          bodyLimit: IMPORT_LIMIT,
          config: { access: { permission: 'procedures.manage' } },
          schema: {
            tags: TAGS,
            summary: 'Nhập danh mục thủ tục từ CSV hoặc XLSX (tất cả hoặc không dòng nào)',
            description: `Body: the file itself, \`text/csv\` (UTF-8) or \`${XLSX}\`, at most 5 MiB, with the columns of the export. Each row creates the procedure, writes a new version, or changes nothing.`,
            querystring: ProcedureImportQuery,
            response: {
              200: ProcedureImportReport,
              400: Problem,
              401: Problem,
              403: Problem,
              413: Problem,
              415: Problem,
              422: ProcedureImportProblem,
            },
          },
        },
        async (request, reply) => {
          const { format, dryRun = false } = request.query;
          const mediaType = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
          const report = await procedures.importCatalog(requireActor(request), {
            format,
            dryRun,
            mediaType,
            body: request.body,
          });
          if (report.errors.length > 0) return rowProblem(request, reply, report);
          return { ...report, errors: [] };
        },
      );
    });
  };
}
