import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { IdParams, Problem } from '@motcua/contracts/common';
import { PublicLookupQuery } from '@motcua/contracts/applications';
import { PublicResultParams, ResultDraftBody, ResultParams, SignBody } from '@motcua/contracts/signing';
import { requireActor } from '../../http/access.ts';
import type { Actor } from '../actor.ts';
import { publicBaseUrlOf } from '../documents/receipt-slip.route.ts';
import { readParts, requiredFile, textField, useMultipart } from '../files/multipart.ts';
import { binaryResponse, sendFile } from '../records/records.routes.ts';
import type { PublicRow, ResultsService } from './results.service.ts';

const problems = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem, 422: Problem };
const read = { access: { permission: 'applications.read' as const } };
const Done = Type.Object({ ok: Type.Literal(true) });
const SignRequestBody = Type.Object(
  {
    ...SignBody.properties,
    /** Signing for the chair (TM.) or as a vice-chair (KT.); chair by default. */
    position: Type.Optional(Type.Enum(['chairman', 'vice_chairman'])),
  },
  { additionalProperties: false },
);

/** The public side needs the file behind a code + key, found the way the status page finds it. */
export type PublicFinder = (code: string, key: string, ip: string) => Promise<PublicRow>;

export function resultsRoutes(
  results: ResultsService,
  findPublic: PublicFinder,
  options: { publicUrl?: string | undefined; maxUploadBytes: number },
): FastifyPluginAsyncTypebox {
  return async (app) => {
    await useMultipart(app, options.maxUploadBytes);
    const ok = { ok: true as const };
    app.post(
      '/api/applications/:id/results',
      {
        config: read,
        schema: {
          tags: ['results'],
          summary: 'Soạn dự thảo kết quả giải quyết (mã kết quả <mã hồ sơ>-KQ<n>)',
          params: IdParams,
          body: ResultDraftBody,
          response: { 201: Done, ...problems },
        },
      },
      async (request, reply) => {
        await results.draft(requireActor(request), request.params.id, request.body);
        return reply.code(201).send(ok);
      },
    );

    app.put(
      '/api/applications/:id/results/:n',
      {
        config: read,
        schema: {
          tags: ['results'],
          summary: 'Sửa dự thảo kết quả (trước khi lãnh đạo ký)',
          params: ResultParams,
          body: ResultDraftBody,
          response: { 200: Done, ...problems },
        },
      },
      async (request) => {
        await results.redraft(requireActor(request), request.params.id, request.params.n, request.body);
        return ok;
      },
    );

    app.post(
      '/api/applications/:id/results/scan',
      {
        config: read,
        schema: {
          tags: ['results'],
          summary: 'Số hóa kết quả giấy (bản quét)',
          consumes: ['multipart/form-data'],
          description: 'Parts: `file` (PDF or image), `kind`, `title`.',
          params: IdParams,
          response: { 201: Done, 413: Problem, 415: Problem, ...problems },
        },
      },
      async (request, reply) => {
        const parts = await readParts(request, ['file']);
        await results.scanned(requireActor(request), request.params.id, requiredFile(parts), {
          kind: textField(parts, 'kind', 2, 60),
          title: textField(parts, 'title', 5, 300),
        });
        return reply.code(201).send(ok);
      },
    );

    app.get(
      '/api/applications/:id/results/:n/file',
      {
        config: read,
        schema: {
          tags: ['results'],
          summary: 'Tải kết quả (dự thảo: bản xem trước chưa có số)',
          params: ResultParams,
          response: binaryResponse('The result PDF'),
        },
      },
      async (request, reply) => {
        const actor: Actor = requireActor(request);
        const base = publicBaseUrlOf(request, options.publicUrl);
        return sendFile(
          reply,
          await results.file(actor, request.params.id, request.params.n, base),
          'inline',
        );
      },
    );

    for (const step of ['sign', 'seal'] as const)
      app.post(
        `/api/applications/:id/results/:n/${step}`,
        {
          config: { access: { permission: step === 'sign' ? 'documents.sign' : 'documents.seal' } },
          schema: {
            tags: ['results'],
            summary:
              step === 'sign'
                ? 'Lãnh đạo ký số kết quả (cấp số văn bản, chữ ký hiển thị màu xanh)'
                : 'Ký số của cơ quan, tổ chức (con dấu đỏ chồng 1/3 chữ ký bên trái)',
            description:
              'The password (PIN) of the PKCS#12 key, typed for this signature only; never stored.',
            params: ResultParams,
            body: step === 'sign' ? SignRequestBody : SignBody,
            response: { 200: Done, ...problems },
          },
        },
        async (request) => {
          const actor = requireActor(request);
          const { id, n } = request.params;
          const body = request.body as { password: string; position?: 'chairman' | 'vice_chairman' };
          if (step === 'sign')
            await results.sign(actor, id, n, body, publicBaseUrlOf(request, options.publicUrl));
          else await results.seal(actor, id, n, body.password);
          return ok;
        },
      );

    app.get(
      '/api/public/applications/:code/results/:n',
      {
        config: { access: 'public' },
        schema: {
          tags: ['public'],
          summary: 'Tải kết quả điện tử có chữ ký số (mã hồ sơ và mã tra cứu)',
          params: PublicResultParams,
          querystring: PublicLookupQuery,
          response: { ...binaryResponse('The signed result PDF'), 429: Problem },
        },
      },
      async (request, reply) => {
        const row = await findPublic(request.params.code, request.query.key, request.ip);
        return sendFile(reply, await results.publicFile(row, request.params.n));
      },
    );
  };
}
