import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { fail } from '@motcua/domain/errors';
import { canAnywhere } from '@motcua/domain/permissions/access';
import type { Permission } from '@motcua/domain/permissions/roles';
import type { Actor } from '../modules/actor.ts';
import type { AuthService } from '../modules/auth/auth.service.ts';

/**
 * Every route declares who may call it in `config.access`; a route without it fails at start-up, so no route
 * can be added without a permission check. `public`: anyone; `user`: any signed-in user; a permission: a user
 * holding it somewhere (the unit-level check follows in the service, against the target unit).
 */
export type Access = 'public' | 'user' | 'citizen' | { permission: Permission };

/** What a citizen route knows of its caller (the citizen portal; staff never get here). */
export interface CitizenCaller {
  citizen: { id: string; fullName: string; email: string | null; phone: string | null; viaOidc: boolean };
  csrfToken: string;
  sessionHash: string;
}
export type CitizenAuthenticator = (token: string) => Promise<CitizenCaller | undefined>;
export const CITIZEN_COOKIE = 'motcua_citizen';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    actor?: Actor;
    csrfToken?: string;
    citizen?: CitizenCaller;
  }
}

export const SESSION_COOKIE = 'motcua_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) fail({ kind: 'Unauthenticated' });
  return request.actor;
}

export function requireCitizen(request: FastifyRequest): CitizenCaller {
  if (!request.citizen) fail({ kind: 'Unauthenticated' });
  return request.citizen;
}

export function registerAccessControl(
  app: FastifyInstance,
  auth: AuthService,
  citizens?: CitizenAuthenticator,
): void {
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return;
    if (route.config?.access === undefined) {
      throw new Error(`Route ${String(route.method)} ${route.url} declares no access rule (config.access)`);
    }
    // OpenAPI: a public route needs no credentials (the document's default lists session and token).
    if (route.config.access === 'public' && route.schema) route.schema.security ??= [];
  });

  // onRequest, before body validation: an anonymous caller learns nothing about a route's input rules.
  app.addHook('onRequest', async (request: FastifyRequest, _reply: FastifyReply) => {
    const access = request.routeOptions.config?.access;
    if (access === undefined || access === 'public') return;
    if (access === 'citizen') {
      const cookie = request.cookies[CITIZEN_COOKIE];
      const caller = cookie && citizens ? await citizens(cookie) : undefined;
      if (!caller) fail({ kind: 'Unauthenticated' });
      if (!SAFE_METHODS.has(request.method) && request.headers['x-csrf-token'] !== caller.csrfToken)
        fail({ kind: 'CsrfMismatch' });
      request.citizen = caller;
      return;
    }
    const header = request.headers.authorization;
    if (header?.startsWith('Bearer ')) {
      request.actor = await auth.authenticateToken(header.slice('Bearer '.length).trim(), request.id);
    } else {
      const cookie = request.cookies[SESSION_COOKIE];
      const session = cookie ? await auth.authenticateSession(cookie, request.id) : undefined;
      if (session) {
        // Cookie-authenticated writes need the session's CSRF token in a header (synchroniser token).
        if (!SAFE_METHODS.has(request.method) && request.headers['x-csrf-token'] !== session.csrfToken) {
          fail({ kind: 'CsrfMismatch' });
        }
        request.actor = session.actor;
        request.csrfToken = session.csrfToken;
      }
    }
    const actor = requireActor(request);
    if (access !== 'user' && !canAnywhere(actor.grants, access.permission)) {
      fail({ kind: 'Forbidden', permission: access.permission });
    }
  });
}
