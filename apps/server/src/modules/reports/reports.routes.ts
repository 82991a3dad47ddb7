import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Problem } from '@motcua/contracts/common';
import { DrillList, DrillQuery, ReportQuery, SummaryReport } from '@motcua/contracts/reports';
import { requireActor } from '../../http/access.ts';
import type { ReportsService } from './reports.service.ts';

const problems = { 400: Problem, 401: Problem, 403: Problem, 404: Problem };
const read = { access: { permission: 'applications.read' as const } };

/** Statistics of files per unit and period, and the files behind each figure (leaders and IOC operators). */
export function reportsRoutes(reports: ReportsService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/reports/summary',
      {
        config: read,
        schema: {
          tags: ['reports'],
          summary: 'Thống kê tình hình, kết quả giải quyết TTHC theo đơn vị và kỳ',
          description:
            'Received (carried over + new by channel), resolved (early / on time / late; refused, stopped, withdrawn), in progress (within time / overdue), supplements, apologies, postal, digitization, online share, signed share, satisfaction, average time — per unit, procedure, field, level or channel. Computed from the files and their events at the time of the request.',
          querystring: ReportQuery,
          response: { 200: SummaryReport, ...problems },
        },
      },
      async (request) => reports.summary(requireActor(request), request.query),
    );

    app.get(
      '/api/reports/summary/applications',
      {
        config: read,
        schema: {
          tags: ['reports'],
          summary: 'Danh sách hồ sơ sau một số liệu của báo cáo',
          description:
            'The files a figure counts, for the line (unit, procedure, field, level, channel) clicked.',
          querystring: DrillQuery,
          response: { 200: DrillList, ...problems },
        },
      },
      async (request) => reports.files(requireActor(request), request.query),
    );
  };
}
