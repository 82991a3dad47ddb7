import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Problem } from '@motcua/contracts/common';
import { AuditList, AuditListQuery, AuditVerification } from '@motcua/contracts/audit';
import { requireActor } from '../../http/access.ts';
import type { AuditService } from './audit.service.ts';

const problems = { 400: Problem, 401: Problem, 403: Problem, 404: Problem };

export function auditRoutes(audit: AuditService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/audit',
      {
        config: { access: { permission: 'audit.read' } },
        schema: {
          tags: ['audit'],
          summary: 'Nhật ký thao tác',
          querystring: AuditListQuery,
          response: { 200: AuditList, ...problems },
        },
      },
      async (request) => audit.list(requireActor(request), request.query),
    );

    app.get(
      '/api/audit/verify',
      {
        config: { access: { permission: 'audit.read' } },
        schema: {
          tags: ['audit'],
          summary: 'Kiểm tra chuỗi băm của nhật ký',
          querystring: Type.Object({}, { additionalProperties: false }),
          response: { 200: AuditVerification, ...problems },
        },
      },
      async (request) => audit.verify(requireActor(request)),
    );
  };
}
