import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IdParams, NoContent, Problem } from '@motcua/contracts/common';
import { NotificationList, NotificationListQuery } from '@motcua/contracts/notifications';
import { requireActor } from '../../http/access.ts';
import type { NotificationsService } from './notifications.service.ts';

const problems = { 400: Problem, 401: Problem, 403: Problem };

export function notificationsRoutes(notifications: NotificationsService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/notifications',
      {
        config: { access: 'user' },
        schema: {
          tags: ['notifications'],
          summary: 'Thông báo của tôi (mới nhất trước) và số chưa đọc',
          querystring: NotificationListQuery,
          response: { 200: NotificationList, ...problems },
        },
      },
      async (request) => notifications.list(requireActor(request), request.query),
    );

    app.post(
      '/api/notifications/:id/read',
      {
        config: { access: 'user' },
        schema: {
          tags: ['notifications'],
          summary: 'Đánh dấu một thông báo của tôi là đã đọc',
          params: IdParams,
          response: { 204: NoContent, 404: Problem, ...problems },
        },
      },
      async (request, reply) => {
        await notifications.markRead(requireActor(request), request.params.id);
        return reply.code(204).send(null);
      },
    );
  };
}
