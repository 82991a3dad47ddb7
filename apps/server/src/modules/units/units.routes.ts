import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IdParams, Problem } from '@motcua/contracts/common';
import { Unit, UnitCreateBody, UnitList, UnitListQuery, UnitUpdateBody } from '@motcua/contracts/units';
import { requireActor } from '../../http/access.ts';
import type { UnitsService } from './units.service.ts';

const problems = { 400: Problem, 401: Problem, 403: Problem, 404: Problem };

export function unitsRoutes(units: UnitsService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/units',
      {
        config: { access: { permission: 'units.read' } },
        schema: {
          tags: ['units'],
          summary: 'Đơn vị trong phạm vi của tôi',
          querystring: UnitListQuery,
          response: { 200: UnitList, ...problems },
        },
      },
      async (request) => units.list(requireActor(request), request.query),
    );

    app.get(
      '/api/units/:id',
      {
        config: { access: { permission: 'units.read' } },
        schema: {
          tags: ['units'],
          summary: 'Một đơn vị',
          params: IdParams,
          response: { 200: Unit, ...problems },
        },
      },
      async (request) => units.get(requireActor(request), request.params.id),
    );

    app.post(
      '/api/units',
      {
        config: { access: { permission: 'units.manage' } },
        schema: {
          tags: ['units'],
          summary: 'Thêm đơn vị',
          body: UnitCreateBody,
          response: { 201: Unit, 409: Problem, 422: Problem, ...problems },
        },
      },
      async (request, reply) => reply.code(201).send(await units.create(requireActor(request), request.body)),
    );

    app.patch(
      '/api/units/:id',
      {
        config: { access: { permission: 'units.manage' } },
        schema: {
          tags: ['units'],
          summary: 'Sửa đơn vị',
          params: IdParams,
          body: UnitUpdateBody,
          response: { 200: Unit, 422: Problem, ...problems },
        },
      },
      async (request) => units.update(requireActor(request), request.params.id, request.body),
    );
  };
}
