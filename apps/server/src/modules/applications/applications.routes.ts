import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  ActionBody,
  ApplicationList,
  AssigneeList,
  ApplicationWithEvents,
  IntakeBody,
  PublicApplication,
  PublicLookupParams,
  PublicLookupQuery,
  QueueQuery,
} from '@motcua/contracts/applications';
import { IdParams, Problem } from '@motcua/contracts/common';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { requireActor } from '../../http/access.ts';
import { FORMS, formPdf, formSchemas } from '../documents/forms.route.ts';
import { registerPdf, registerSchema } from '../documents/register.route.ts';
import type { UnitsService } from '../units/units.service.ts';
import type { ProcedureLookup } from './ports.ts';
import { publicBaseUrlOf, receiptSlipPdf, receiptSlipSchema } from '../documents/receipt-slip.route.ts';
import type { ApplicationsService } from './applications.service.ts';
import type { createPublicLookup } from './public-lookup.ts';

type PublicLookup = ReturnType<typeof createPublicLookup>;

const problems = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem, 422: Problem };
const IntakeHeaders = Type.Object({
  'idempotency-key': Type.Optional(Type.String({ minLength: 8, maxLength: 100 })),
});

export function applicationsRoutes(
  applications: ApplicationsService,
  lookup: PublicLookup,
  db: Kysely<Database>,
  options: {
    publicUrl?: string | undefined;
    register?: { units: UnitsService; procedures: ProcedureLookup };
  } = {},
): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/public/applications/:code',
      {
        config: { access: 'public' },
        schema: {
          tags: ['public'],
          summary: 'Tra cứu tình trạng hồ sơ bằng mã hồ sơ và mã tra cứu in trên giấy hẹn',
          params: PublicLookupParams,
          querystring: PublicLookupQuery,
          response: { 200: PublicApplication, 400: Problem, 404: Problem, 429: Problem },
        },
      },
      async (request) => lookup(request.params.code, request.query.key, request.ip),
    );

    app.post(
      '/api/applications',
      {
        config: { access: { permission: 'applications.receive' } },
        schema: {
          tags: ['applications'],
          summary: 'Tiếp nhận hồ sơ tại quầy hoặc qua bưu chính',
          description: 'Send an Idempotency-Key header: a retried request returns the same application.',
          headers: IntakeHeaders,
          body: IntakeBody,
          response: { 201: ApplicationWithEvents, ...problems },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(
            await applications.intake(
              requireActor(request),
              request.body,
              request.headers['idempotency-key'],
            ),
          ),
    );

    app.get(
      '/api/applications',
      {
        config: { access: { permission: 'applications.read' } },
        schema: {
          tags: ['applications'],
          summary: 'Danh sách hồ sơ của đơn vị, sắp theo hạn',
          querystring: QueueQuery,
          response: { 200: ApplicationList, ...problems },
        },
      },
      async (request) => applications.queue(requireActor(request), request.query),
    );

    app.get(
      '/api/applications/:id',
      {
        config: { access: { permission: 'applications.read' } },
        schema: {
          tags: ['applications'],
          summary: 'Hồ sơ và quá trình xử lý',
          params: IdParams,
          response: { 200: ApplicationWithEvents, ...problems },
        },
      },
      async (request) => applications.get(requireActor(request), request.params.id),
    );

    app.get(
      '/api/applications/:id/assignees',
      {
        config: { access: { permission: 'applications.read' } },
        schema: {
          tags: ['applications'],
          summary: 'Cán bộ có thể được giao xử lý hoặc phê duyệt hồ sơ',
          params: IdParams,
          response: { 200: AssigneeList, ...problems },
        },
      },
      async (request) => applications.assignees(requireActor(request), request.params.id),
    );

    app.post(
      '/api/applications/:id/actions',
      {
        config: { access: { permission: 'applications.read' } },
        schema: {
          tags: ['applications'],
          summary: 'Thực hiện một bước xử lý hồ sơ',
          description:
            'The role and unit allowed depend on the action; an action not allowed in the current state is a 409 listing the allowed ones.',
          params: IdParams,
          body: ActionBody,
          response: { 200: ApplicationWithEvents, ...problems },
        },
      },
      async (request) => applications.act(requireActor(request), request.params.id, request.body),
    );

    app.get(
      '/api/applications/:id/receipt.pdf',
      { config: { access: { permission: 'applications.read' } }, schema: receiptSlipSchema },
      async (request, reply) => {
        const slip = await receiptSlipPdf(applications, requireActor(request), request.params.id, {
          size: request.query.size,
          publicBaseUrl: publicBaseUrlOf(request, options.publicUrl),
        });
        return (
          reply
            .type('application/pdf')
            .header('content-disposition', `inline; filename="${slip.filename}"`)
            .header('cache-control', 'private, no-store')
            // A Buffer is sent as is; the typed reply only knows the schema's string.
            .send(slip.body as unknown as string)
        );
      },
    );

    for (const form of FORMS)
      app.get(
        `/api/applications/:id/forms/${form}.pdf`,
        { config: { access: { permission: 'applications.read' } }, schema: formSchemas[form] },
        async (request, reply) => {
          const pdf = await formPdf(applications, db, requireActor(request), request.params.id, form);
          return (
            reply
              .type('application/pdf')
              .header('content-disposition', `inline; filename="${pdf.filename}"`)
              .header('cache-control', 'private, no-store')
              // A Buffer is sent as is; the typed reply only knows the schema's string.
              .send(pdf.body as unknown as string)
          );
        },
      );

    const register = options.register;
    if (register)
      app.get(
        '/api/applications/register.pdf',
        { config: { access: { permission: 'applications.read' } }, schema: registerSchema },
        async (request, reply) => {
          const pdf = await registerPdf({ db, ...register }, requireActor(request), request.query);
          return reply
            .type('application/pdf')
            .header('content-disposition', `inline; filename="${pdf.filename}"`)
            .header('cache-control', 'private, no-store')
            .send(pdf.body as unknown as string);
        },
      );
  };
}
