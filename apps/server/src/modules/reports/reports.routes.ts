import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { Problem } from '@motcua/contracts/common';
import { DrillList, DrillQuery, ReportQuery, SummaryReport } from '@motcua/contracts/reports';
import {
  IndexEntriesBody,
  IndexEntriesResult,
  IndexQuery,
  IndexReport,
  IndexSettings,
} from '@motcua/contracts/kpi';
import type { KpiConfigOverrides } from '@motcua/domain/kpi/index';
import type { IndexService } from './index.service.ts';
import { fileResponses, type ReportFile, type ReportFiles } from './report-files.ts';
import { requireActor } from '../../http/access.ts';
import type { ReportsService } from './reports.service.ts';

const problems = { 400: Problem, 401: Problem, 403: Problem, 404: Problem };
const read = { access: { permission: 'applications.read' as const } };

/** Statistics of files per unit and period, and the files behind each figure (leaders and IOC operators). */
export function reportsRoutes(
  reports: ReportsService,
  index: IndexService,
  files: ReportFiles,
): FastifyPluginAsyncTypebox {
  return async (app) => {
    const send = (reply: FastifyReply, file: ReportFile) =>
      reply
        .type(file.type)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('cache-control', 'private, no-store')
        .send(file.body);
    for (const format of ['xlsx', 'csv'] as const) {
      app.get(
        `/api/reports/summary.${format}`,
        {
          config: read,
          schema: {
            tags: ['reports'],
            summary: `Tải báo cáo thống kê hồ sơ (${format.toUpperCase()})`,
            description:
              format === 'xlsx'
                ? 'The statistics as Vietnamese agencies file them: agency and national motto, title, period, grouped headers, total, notes, signature block.'
                : 'The statistics table alone (UTF-8 with BOM, percentages as fractions).',
            querystring: ReportQuery,
            response: fileResponses(format, `Báo cáo thống kê hồ sơ (${format})`),
          },
        },
        async (request, reply) =>
          send(reply, await files.summary(requireActor(request), request.query, format)),
      );
      app.get(
        `/api/reports/index.${format}`,
        {
          config: read,
          schema: {
            tags: ['reports'],
            summary: `Tải kết quả chỉ số 766 và xếp hạng các đơn vị (${format.toUpperCase()})`,
            querystring: IndexQuery,
            response: fileResponses(format, `Chỉ số 766 (${format})`),
          },
        },
        async (request, reply) =>
          send(reply, await files.index(requireActor(request), request.query, format)),
      );
    }

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

    app.get(
      '/api/reports/index',
      {
        config: read,
        schema: {
          tags: ['reports'],
          summary: 'Chỉ số đánh giá chất lượng phục vụ (Quyết định 766/QĐ-TTg) theo đơn vị và kỳ, xếp hạng',
          description:
            'Each indicator with its formula, counts, percent and points (computed from the files, or entered), the groups, the total out of 100, the band, and the units below ranked.',
          querystring: IndexQuery,
          response: { 200: IndexReport, ...problems },
        },
      },
      async (request) => index.index(requireActor(request), request.query),
    );

    app.put(
      '/api/reports/index/entries',
      {
        // Any signed-in user gets this far; the service lets only leaders and IOC operators of each entry's
        // unit write, others 403 — the body is checked first, so a bad request says what is wrong with it.
        config: { access: 'user' as const },
        schema: {
          tags: ['reports'],
          summary: 'Nhập (hoặc nhập từ tệp) giá trị các chỉ số 766 mà motcua không tự tính được',
          description:
            'Leaders and IOC operators of each unit. All entries are saved, or none (the first bad one is named).',
          body: IndexEntriesBody,
          response: { 200: IndexEntriesResult, ...problems, 422: Problem },
        },
      },
      async (request) => index.enter(requireActor(request), request.body.entries),
    );

    app.put(
      '/api/reports/index/settings',
      {
        config: { access: { permission: 'units.manage' as const } },
        schema: {
          tags: ['reports'],
          summary: 'Cài đặt cách chấm chỉ số 766 của tỉnh: điểm tối đa, chỉ tiêu, ngưỡng xếp loại',
          body: IndexSettings,
          response: {
            200: Type.Object({ overrides: Type.Object({}, { additionalProperties: true }) }),
            ...problems,
            422: Problem,
          },
        },
      },
      async (request) =>
        index.saveSettings(
          requireActor(request),
          request.body.unitId,
          request.body.overrides as KpiConfigOverrides,
        ),
    );
  };
}
