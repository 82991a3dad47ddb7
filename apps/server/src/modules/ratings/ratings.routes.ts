import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { TSchema } from 'typebox';
import { IdParams, Problem } from '@motcua/contracts/common';
import { PublicLookupParams, PublicLookupQuery } from '@motcua/contracts/applications';
import { PeriodQuery } from '@motcua/contracts/records';
import {
  FeedbackAnswerBody,
  FeedbackItem,
  FeedbackList,
  FeedbackQuery,
  Indicator54Report,
  RatingBody,
  RatingState,
  SatisfactionReport,
} from '@motcua/contracts/ratings';
import { requireActor } from '../../http/access.ts';
import type { UnitsService } from '../units/units.service.ts';
import { registerRatingPages } from './ratings.pages.ts';
import type { RatingsService } from './ratings.service.ts';

const problems = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem, 422: Problem };
const read = { access: { permission: 'applications.read' as const } };

/** A GET for the readers of a unit: the query names the unit, the service checks the reader's role there. */
const readerOptions = <Q extends TSchema, R extends TSchema>(
  tag: string,
  querystring: Q,
  response: R,
  text: { summary: string; description: string },
) => ({
  config: read,
  schema: { tags: [tag], ...text, querystring, response: { 200: response, ...problems } },
});

/**
 * Citizen ratings: the public JSON API (code + slip key, like the public lookup), the reports and the feedback
 * items for leaders, and the server-rendered rating pages (/danh-gia, /quay/danh-gia).
 */
export function ratingsRoutes(
  ratings: RatingsService,
  deps: { units: UnitsService; publicUrl?: string | undefined },
): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/ratings/:code',
      {
        config: { access: 'public' },
        schema: {
          tags: ['public'],
          summary: 'Tình trạng đánh giá mức độ hài lòng của hồ sơ (mã hồ sơ và mã tra cứu)',
          params: PublicLookupParams,
          querystring: PublicLookupQuery,
          response: { 200: RatingState, 400: Problem, 404: Problem, 429: Problem },
        },
      },
      async (request) => ratings.state(request.params.code, request.query.key, request.ip),
    );

    app.put(
      '/api/ratings/:code',
      {
        config: { access: 'public' },
        schema: {
          tags: ['public'],
          summary: 'Gửi hoặc sửa đánh giá mức độ hài lòng (một lần cho mỗi hồ sơ, sửa được trong 30 ngày)',
          description:
            'Only once the result was returned (else 409); edits within 30 days of the first rating (else 409). A wrong key is 404, as for an unknown code.',
          params: PublicLookupParams,
          body: RatingBody,
          response: { 200: RatingState, ...problems, 429: Problem },
        },
      },
      async (request) => ratings.save(request.params.code, request.body, request.ip),
    );

    app.get(
      '/api/reports/satisfaction',
      readerOptions('reports', PeriodQuery, SatisfactionReport, {
        summary: 'Tỷ lệ hài lòng của người dân theo đơn vị và kỳ (theo ngày đánh giá lần đầu)',
        description: 'For leaders and IOC operators of the unit or above.',
      }),
      async (request) => ratings.satisfaction(requireActor(request), request.query),
    );
    app.get(
      '/api/reports/indicator-5-4',
      readerOptions('reports', PeriodQuery, Indicator54Report, {
        summary: 'Chỉ số 5.4 (Quyết định 766/QĐ-TTg): hài lòng trong tiếp nhận, giải quyết TTHC',
        description: 'For leaders and IOC operators of the unit or above.',
      }),
      async (request) => ratings.indicator54(requireActor(request), request.query),
    );
    app.get(
      '/api/feedback',
      readerOptions('ratings', FeedbackQuery, FeedbackList, {
        summary: 'Ý kiến không hài lòng của người dân gửi lãnh đạo đơn vị',
        description: 'For leaders of the unit or above.',
      }),
      async (request) => ratings.feedback(requireActor(request), request.query),
    );

    app.post(
      '/api/feedback/:id/answer',
      {
        // Any signed-in user gets this far; the service lets only a leader of the item's unit (or above)
        // answer, others 403 — the body is checked first, so a bad request says what is wrong with it.
        config: { access: 'user' },
        schema: {
          tags: ['ratings'],
          summary: 'Lãnh đạo trả lời ý kiến của người dân',
          description: 'For leaders of the unit of the item or above (403 otherwise); once (409 after).',
          params: IdParams,
          body: FeedbackAnswerBody,
          response: { 200: FeedbackItem, ...problems },
        },
      },
      async (request) => ratings.answer(requireActor(request), request.params.id, request.body),
    );

    // A child context: the urlencoded form parser the pages add stays with them, away from the JSON API.
    await app.register(async (pages) => {
      registerRatingPages(pages, { ratings, units: deps.units, publicUrl: deps.publicUrl });
    });
  };
}
