import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  CalendarYearBody,
  CalendarYearResponse,
  DueDate,
  DueDateQuery,
  YearParams,
} from '@motcua/contracts/calendar';
import { Problem } from '@motcua/contracts/common';
import { requireActor } from '../../http/access.ts';
import type { CalendarService } from './calendar.service.ts';

const problems = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 422: Problem };

export function calendarRoutes(calendar: CalendarService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/calendar/due-date',
      {
        config: { access: 'public' },
        schema: {
          tags: ['calendar'],
          summary: 'Ngày hẹn trả nếu nộp hồ sơ vào thời điểm này',
          description:
            'The day of receipt is day 0; 5 working days from a Monday with no holiday after it is the next Monday.',
          querystring: DueDateQuery,
          response: { 200: DueDate, ...problems },
        },
      },
      async (request) => calendar.dueDate(request.query),
    );

    app.get(
      '/api/calendar/years/:year',
      {
        config: { access: 'public' },
        schema: {
          tags: ['calendar'],
          summary: 'Lịch nghỉ lễ, làm bù của một năm',
          params: YearParams,
          response: { 200: CalendarYearResponse, ...problems },
        },
      },
      async (request) => calendar.year(request.params.year),
    );

    app.put(
      '/api/calendar/years/:year',
      {
        config: { access: { permission: 'calendar.manage' } },
        schema: {
          tags: ['calendar'],
          summary: 'Cập nhật lịch của một năm',
          params: YearParams,
          body: CalendarYearBody,
          response: { 200: CalendarYearResponse, ...problems },
        },
      },
      async (request) => calendar.saveYear(requireActor(request), request.params.year, request.body),
    );
  };
}
