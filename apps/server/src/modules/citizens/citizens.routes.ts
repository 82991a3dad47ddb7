import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import type { Kysely } from 'kysely';
import { Type } from 'typebox';
import {
  CitizenApplicationList,
  CitizenSession,
  CodeRequestBody,
  CodeSent,
  CodeSignInBody,
} from '@motcua/contracts/citizens';
import { Problem } from '@motcua/contracts/common';
import { PORTAL_STATUS, PORTAL_STATUS_NAMES, type State } from '@motcua/domain/workflow/states';
import type { Database } from '../../db/schema.ts';
import { CITIZEN_COOKIE, requireCitizen } from '../../http/access.ts';
import type { ProcedureLookup } from '../applications/ports.ts';
import { citizensRepository } from './citizens.repository.ts';
import type { CitizensService } from './citizens.service.ts';

const problems = { 400: Problem, 401: Problem, 403: Problem, 422: Problem, 429: Problem };

/** The portal's own cookie, never the staff one: a citizen session grants nothing on staff routes. */
export function setCitizenCookie(reply: FastifyReply, token: string, maxAgeSeconds: number, secure: boolean) {
  // Lax, not strict: the OIDC provider sends the browser back here by a cross-site redirect.
  reply.setCookie(CITIZEN_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: '/',
    maxAge: maxAgeSeconds,
  });
}

export function citizensRoutes(
  citizens: CitizensService,
  deps: { db: Kysely<Database>; procedures: ProcedureLookup; secureCookies: boolean },
): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/api/citizen/codes',
      {
        config: { access: 'public' },
        schema: {
          tags: ['citizen'],
          summary: 'Gửi mã đăng nhập một lần qua e-mail hoặc SMS (đăng ký và đăng nhập)',
          body: CodeRequestBody,
          response: { 202: CodeSent, ...problems },
        },
      },
      async (request, reply) =>
        reply
          .code(202)
          .send(await citizens.requestCode(request.body.destination, request.ip, request.body.lang)),
    );

    app.post(
      '/api/citizen/sessions',
      {
        config: { access: 'public' },
        schema: {
          tags: ['citizen'],
          summary: 'Đăng nhập bằng mã một lần (lần đầu: tạo tài khoản với họ và tên)',
          body: CodeSignInBody,
          response: { 200: CitizenSession, ...problems },
        },
      },
      async (request, reply) => {
        const result = await citizens.verifyCode(request.body);
        setCitizenCookie(reply, result.token, result.maxAgeSeconds, deps.secureCookies);
        return { citizen: result.citizen, csrfToken: result.csrfToken };
      },
    );

    app.get(
      '/api/citizen/me',
      {
        config: { access: 'citizen' },
        schema: {
          tags: ['citizen'],
          summary: 'Tài khoản công dân đang đăng nhập',
          response: { 200: CitizenSession, ...problems },
        },
      },
      async (request) => {
        const caller = requireCitizen(request);
        return { citizen: caller.citizen, csrfToken: caller.csrfToken };
      },
    );

    app.post(
      '/api/citizen/logout',
      {
        config: { access: 'citizen' },
        schema: { tags: ['citizen'], summary: 'Đăng xuất', response: { 204: Type.Null(), ...problems } },
      },
      async (request, reply) => {
        await citizens.logout(requireCitizen(request).sessionHash);
        reply.clearCookie(CITIZEN_COOKIE, { path: '/' });
        return reply.code(204).send(null);
      },
    );

    app.get(
      '/api/citizen/applications',
      {
        config: { access: 'citizen' },
        schema: {
          tags: ['citizen'],
          summary: 'Hồ sơ của tôi: chỉ các hồ sơ do tài khoản này nộp',
          response: { 200: CitizenApplicationList, ...problems },
        },
      },
      async (request) => {
        const { citizen } = requireCitizen(request);
        const rows = await citizensRepository.applicationsOf(deps.db, citizen.id);
        const items = [];
        for (const row of rows)
          items.push({
            id: row.id,
            code: row.code,
            lookupKey: row.lookup_key,
            procedureCode: row.procedure_code,
            procedureName: (await deps.procedures.find(row.procedure_code))?.name ?? row.procedure_code,
            portalStatus: row.portal_status,
            status: PORTAL_STATUS_NAMES[PORTAL_STATUS[row.state as State]],
            receivedAt: row.received_at?.toISOString() ?? null,
            dueAt: row.due_at?.toISOString() ?? null,
            finishedAt: row.finished_at?.toISOString() ?? null,
          });
        return { items };
      },
    );
  };
}
