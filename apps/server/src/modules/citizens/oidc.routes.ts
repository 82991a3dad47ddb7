import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Problem } from '@motcua/contracts/common';
import { fail, text } from '@motcua/domain/errors';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { citizensRepository } from './citizens.repository.ts';
import { setCitizenCookie } from './citizens.routes.ts';
import { safeReturnPath } from './return-path.ts';
import type { CitizensService } from './citizens.service.ts';
import { createOidcClient, OidcError, type OidcSettings } from './oidc/oidc-client.ts';

const STATE_COOKIE = 'motcua_oidc';
const NEXT_COOKIE = 'motcua_oidc_next';
const STATE_TTL_S = 600;
const Redirect = Type.Null({ description: 'Redirect (Location header)' });

/**
 * Sign-in through an OpenID Connect provider (VNeID is one): /start sends the browser there with PKCE, state
 * and nonce (kept server side; the browser holds only the state, in a cookie that binds the callback to it),
 * /callback exchanges the code and opens the citizen's session.
 */
export function oidcRoutes(
  citizens: CitizensService,
  deps: {
    db: Kysely<Database>;
    settings: OidcSettings | undefined;
    secureCookies: boolean;
    clock?: () => Date;
  },
): FastifyPluginAsyncTypebox {
  const client = deps.settings ? createOidcClient(deps.settings) : undefined;
  const now = deps.clock ?? (() => new Date());
  const notConfigured = () =>
    fail({
      kind: 'NotFound',
      entity: 'OpenID Connect sign-in (MOTCUA_OIDC_ISSUER is not set)',
    });
  return async (app) => {
    app.get(
      '/api/citizen/oidc/start',
      {
        config: { access: 'public' },
        schema: {
          tags: ['citizen'],
          summary: 'Đăng nhập qua nhà cung cấp định danh (OpenID Connect, ví dụ VNeID)',
          querystring: Type.Object({ next: Type.Optional(Type.String({ maxLength: 300 })) }),
          response: { 302: Redirect, 404: Problem, 502: Problem },
        },
      },
      async (request, reply) => {
        if (!client) return notConfigured();
        const next = safeReturnPath((request.query as Record<string, unknown>).next);
        const started = await client.start().catch((error: unknown) => {
          throw Object.assign(new Error(error instanceof Error ? error.message : 'OIDC'), {
            statusCode: 502,
          });
        });
        await citizensRepository.saveOidcState(deps.db, {
          state: started.state,
          nonce: started.nonce,
          code_verifier: started.codeVerifier,
          expires_at: new Date(now().getTime() + STATE_TTL_S * 1000),
        });
        reply.setCookie(STATE_COOKIE, started.state, {
          httpOnly: true,
          sameSite: 'lax',
          secure: deps.secureCookies,
          path: '/api/citizen/oidc',
          maxAge: STATE_TTL_S,
        });
        // Where the portal sends the citizen back (the filing form they came from), bound to this browser.
        reply.setCookie(NEXT_COOKIE, next, {
          httpOnly: true,
          sameSite: 'lax',
          secure: deps.secureCookies,
          path: '/api/citizen/oidc',
          maxAge: STATE_TTL_S,
        });
        return reply.redirect(started.url, 302);
      },
    );

    app.get(
      '/api/citizen/oidc/callback',
      {
        config: { access: 'public' },
        schema: {
          tags: ['citizen'],
          summary: 'Nhà cung cấp định danh trả về: mở phiên đăng nhập của công dân',
          querystring: Type.Object({}, { additionalProperties: Type.String({ maxLength: 4000 }) }),
          response: { 302: Redirect, 400: Problem, 404: Problem },
        },
      },
      async (request, reply) => {
        if (!client) return notConfigured();
        const url = new URL(request.url, 'http://callback.invalid');
        const state = url.searchParams.get('state') ?? '';
        const bound = request.cookies[STATE_COOKIE];
        const refused = (detail: ReturnType<typeof text>) =>
          fail({ kind: 'Invalid', field: '/querystring/state', detail });
        // Only the browser that started the sign-in may finish it (no one can log a victim into their account).
        if (!state || bound !== state)
          refused(
            text('Phiên đăng nhập không khớp; hãy đăng nhập lại', 'The sign-in does not match; start again'),
          );
        const saved = await citizensRepository.takeOidcState(deps.db, state, now());
        if (!saved)
          refused(text('Phiên đăng nhập đã hết hạn; hãy đăng nhập lại', 'The sign-in expired; start again'));
        try {
          const identity = await client.finish(url, {
            state: saved!.state,
            nonce: saved!.nonce,
            codeVerifier: saved!.code_verifier,
          });
          const session = await citizens.signInWithOidc(identity);
          setCitizenCookie(reply, session.token, session.maxAgeSeconds, deps.secureCookies);
          reply.clearCookie(STATE_COOKIE, { path: '/api/citizen/oidc' });
          reply.clearCookie(NEXT_COOKIE, { path: '/api/citizen/oidc' });
          return reply.redirect(safeReturnPath(request.cookies[NEXT_COOKIE]), 302);
        } catch (error) {
          if (error instanceof OidcError)
            return fail({
              kind: 'Invalid',
              field: '/querystring/code',
              detail: text(
                `Nhà cung cấp định danh từ chối: ${error.message}`,
                `The identity provider refused: ${error.message}`,
              ),
            });
          throw error;
        }
      },
    );
  };
}
