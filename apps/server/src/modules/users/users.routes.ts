import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Problem } from '@motcua/contracts/common';
import { User, UserCreateBody, UserList, UserListQuery } from '@motcua/contracts/users';
import { requireActor } from '../../http/access.ts';
import type { UsersService } from './users.service.ts';

const problems = { 400: Problem, 401: Problem, 403: Problem, 404: Problem };

export function usersRoutes(users: UsersService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/users',
      {
        config: { access: { permission: 'users.read' } },
        schema: {
          tags: ['users'],
          summary: 'Cán bộ trong phạm vi của tôi',
          querystring: UserListQuery,
          response: { 200: UserList, ...problems },
        },
      },
      async (request) => users.list(requireActor(request), request.query),
    );

    app.post(
      '/api/users',
      {
        config: { access: { permission: 'users.manage' } },
        schema: {
          tags: ['users'],
          summary: 'Thêm cán bộ',
          body: UserCreateBody,
          response: { 201: User, 409: Problem, ...problems },
        },
      },
      async (request, reply) => reply.code(201).send(await users.create(requireActor(request), request.body)),
    );
  };
}
