import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  LoginBody,
  PasswordChangeBody,
  SessionResponse,
  TokenCreateBody,
  TokenCreated,
  TokenList,
} from '@motcua/contracts/auth';
import { IdParams, Problem } from '@motcua/contracts/common';
import { requireActor, SESSION_COOKIE } from '../../http/access.ts';
import type { AuthService } from './auth.service.ts';

const problems = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 429: Problem };

export function authRoutes(
  auth: AuthService,
  options: { secureCookies: boolean },
): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/api/auth/login',
      {
        config: { access: 'public' },
        schema: {
          tags: ['auth'],
          summary: 'Đăng nhập',
          body: LoginBody,
          response: { 200: SessionResponse, ...problems },
        },
      },
      async (request, reply) => {
        const result = await auth.login({ ...request.body, ip: request.ip, requestId: request.id });
        reply.setCookie(SESSION_COOKIE, result.sessionToken, {
          httpOnly: true,
          sameSite: 'strict',
          secure: options.secureCookies,
          path: '/',
          maxAge: result.maxAgeSeconds,
        });
        return { user: result.user, csrfToken: result.csrfToken };
      },
    );

    app.get(
      '/api/auth/me',
      {
        config: { access: 'user' },
        schema: {
          tags: ['auth'],
          summary: 'Người dùng hiện tại',
          response: { 200: SessionResponse, ...problems },
        },
      },
      async (request) => auth.me(requireActor(request), request.csrfToken ?? ''),
    );

    app.post(
      '/api/auth/logout',
      {
        config: { access: 'user' },
        schema: { tags: ['auth'], summary: 'Đăng xuất', response: { 204: Type.Null(), ...problems } },
      },
      async (request, reply) => {
        await auth.logout(requireActor(request));
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return reply.code(204).send(null);
      },
    );

    app.post(
      '/api/auth/password',
      {
        config: { access: 'user' },
        schema: {
          tags: ['auth'],
          summary: 'Đổi mật khẩu',
          body: PasswordChangeBody,
          response: { 204: Type.Null(), 422: Problem, ...problems },
        },
      },
      async (request, reply) => {
        await auth.changePassword(requireActor(request), request.body);
        return reply.code(204).send(null);
      },
    );

    app.get(
      '/api/tokens',
      {
        config: { access: 'user' },
        schema: {
          tags: ['auth'],
          summary: 'Mã truy cập API của tôi',
          response: { 200: TokenList, ...problems },
        },
      },
      async (request) => auth.listTokens(requireActor(request)),
    );

    app.post(
      '/api/tokens',
      {
        config: { access: 'user' },
        schema: {
          tags: ['auth'],
          summary: 'Tạo mã truy cập API (hiện một lần)',
          body: TokenCreateBody,
          response: { 201: TokenCreated, ...problems },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await auth.createToken(requireActor(request), request.body)),
    );

    app.delete(
      '/api/tokens/:id',
      {
        config: { access: 'user' },
        schema: {
          tags: ['auth'],
          summary: 'Thu hồi mã truy cập API',
          params: IdParams,
          response: { 204: Type.Null(), ...problems },
        },
      },
      async (request, reply) => {
        await auth.revokeToken(requireActor(request), request.params.id);
        return reply.code(204).send(null);
      },
    );
  };
}
