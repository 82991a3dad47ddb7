import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Problem } from '@motcua/contracts/common';
import {
  ProcedureCodeParams,
  ProcedureCreateBody,
  ProcedureFieldList,
  ProcedureList,
  ProcedureListQuery,
  ProcedureUpdateBody,
  ProcedureVersion,
  ProcedureVersionList,
} from '@motcua/contracts/procedures';
import { requireActor } from '../../http/access.ts';
import type { ProceduresService } from './procedures.service.ts';
import { NO_CREDENTIALS, transferRoutes } from './procedures.transfer.routes.ts';

const problems = { 400: Problem, 401: Problem, 403: Problem, 404: Problem };
const TAGS = ['procedures'];

/** The catalogue is public information (reading needs no account); changing it needs procedures.manage. */
export function proceduresRoutes(procedures: ProceduresService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/procedures',
      {
        config: { access: 'public' },
        schema: {
          tags: TAGS,
          security: NO_CREDENTIALS,
          summary: 'Tra cứu thủ tục hành chính (không dấu, sai chính tả, mã)',
          querystring: ProcedureListQuery,
          response: { 200: ProcedureList, 400: Problem },
        },
      },
      async (request) => procedures.search(request.query),
    );

    app.get(
      '/api/procedures/fields',
      {
        config: { access: 'public' },
        schema: {
          tags: TAGS,
          security: NO_CREDENTIALS,
          summary: 'Lĩnh vực và số thủ tục',
          response: { 200: ProcedureFieldList },
        },
      },
      async () => procedures.fields(),
    );

    app.get(
      '/api/procedures/:code',
      {
        config: { access: 'public' },
        schema: {
          tags: TAGS,
          security: NO_CREDENTIALS,
          summary: 'Một thủ tục: phiên bản hiện hành và thành phần hồ sơ',
          params: ProcedureCodeParams,
          response: { 200: ProcedureVersion, 400: Problem, 404: Problem },
        },
      },
      async (request) => procedures.get(request.params.code),
    );

    app.get(
      '/api/procedures/:code/versions',
      {
        config: { access: 'public' },
        schema: {
          tags: TAGS,
          security: NO_CREDENTIALS,
          summary: 'Các phiên bản của một thủ tục',
          params: ProcedureCodeParams,
          response: { 200: ProcedureVersionList, 400: Problem, 404: Problem },
        },
      },
      async (request) => procedures.versions(request.params.code),
    );

    app.post(
      '/api/procedures',
      {
        config: { access: { permission: 'procedures.manage' } },
        schema: {
          tags: TAGS,
          summary: 'Thêm thủ tục vào danh mục (phiên bản 1)',
          body: ProcedureCreateBody,
          response: { 201: ProcedureVersion, 409: Problem, 422: Problem, ...problems },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await procedures.create(requireActor(request), request.body)),
    );

    app.put(
      '/api/procedures/:code',
      {
        config: { access: { permission: 'procedures.manage' } },
        schema: {
          tags: TAGS,
          summary: 'Sửa thủ tục: ghi phiên bản mới (phiên bản cũ giữ nguyên)',
          params: ProcedureCodeParams,
          body: ProcedureUpdateBody,
          response: { 200: ProcedureVersion, 422: Problem, ...problems },
        },
      },
      async (request) => procedures.update(requireActor(request), request.params.code, request.body),
    );

    await app.register(transferRoutes(procedures));
  };
}
