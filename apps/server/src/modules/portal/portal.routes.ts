import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { DomainFailure } from '@motcua/domain/errors';
import type { CalendarService } from '../calendar/calendar.service.ts';
import type { ProceduresService } from '../procedures/procedures.service.ts';
import { pickPortalLang } from './portal.messages.ts';
import { EMBLEM_SVG } from './portal.layout.ts';
import { PAGE_SIZE, detailPage, notFoundPage, searchPage, type DueView } from './portal.views.ts';

/**
 * Public pages for citizens, rendered on the server: readable with no JavaScript at all. Outside /api, so
 * no access rule applies (access.ts) and they take precedence over the web app's index.html fallback,
 * which only answers paths no route matches (http/server.ts). Hidden from the OpenAPI document.
 */
export interface PortalDeps {
  procedures: Pick<ProceduresService, 'search' | 'get'>;
  calendar: Pick<CalendarService, 'dueDate'>;
  /** "Now" for the expected return date; tests fix it. */
  clock?: () => Date;
}

/** The inline style sheet is the only resource: no script, no frame, forms post back here only. */
export const PORTAL_CSP =
  "default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self'; form-action 'self'; connect-src 'self'";
const MAX_PAGE = 5000;
const MAX_QUERY = 200;

function send(reply: FastifyReply, status: number, body: string) {
  return reply
    .code(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'public, max-age=300')
    .header('content-security-policy', PORTAL_CSP)
    .send(body);
}

const first = (value: unknown): string | undefined => {
  const v = Array.isArray(value) ? (value as unknown[])[0] : value;
  return typeof v === 'string' ? v : undefined;
};

function pageOf(value: unknown): number {
  const page = Number.parseInt(first(value) ?? '1', 10);
  return Number.isFinite(page) && page >= 1 ? Math.min(page, MAX_PAGE) : 1;
}

const isNotFound = (error: unknown) => error instanceof DomainFailure && error.error.kind === 'NotFound';

export function portalRoutes(deps: PortalDeps): FastifyPluginAsync {
  const now = deps.clock ?? (() => new Date());

  /** The same computation as GET /api/calendar/due-date?receivedAt=<now>&procedure=<code>. */
  async function dueView(code: string): Promise<DueView> {
    const receivedAt = now();
    try {
      const due = await deps.calendar.dueDate({ receivedAt: receivedAt.toISOString(), procedure: code });
      return { kind: 'due', receivedAt, dueAt: new Date(due.dueAt) };
    } catch (error) {
      if (!(error instanceof DomainFailure) || error.error.kind !== 'Invalid') throw error;
      return { kind: error.error.field === '/calendar' ? 'noCalendar' : 'noTime', receivedAt };
    }
  }

  return async (app) => {
    // The emblem as the site icon (no 404 in every browser's console), and what crawlers may read.
    app.get('/favicon.svg', { schema: { hide: true } }, async (_request, reply) =>
      reply.type('image/svg+xml').header('cache-control', 'public, max-age=86400').send(EMBLEM_SVG),
    );
    app.get('/robots.txt', { schema: { hide: true } }, async (_request, reply) =>
      reply
        .type('text/plain; charset=utf-8')
        .send('User-agent: *\nAllow: /thu-tuc\nDisallow: /api/\nDisallow: /cong-dan\nDisallow: /nop-ho-so\n'),
    );

    app.get('/thu-tuc', { schema: { hide: true } }, async (request, reply) => {
      const query = request.query as Record<string, unknown>;
      const lang = pickPortalLang(query.lang);
      const q = (first(query.q) ?? '').normalize('NFC').replace(/\s+/g, ' ').trim().slice(0, MAX_QUERY);
      const page = pageOf(query.page);
      const { items, total } = await deps.procedures.search({
        ...(q ? { q } : {}),
        limit: PAGE_SIZE,
        offset: (page - 1) * PAGE_SIZE,
      });
      return send(reply, 200, searchPage({ lang, q, page, total, items }));
    });

    app.get('/thu-tuc/:code', { schema: { hide: true } }, async (request, reply) => {
      const lang = pickPortalLang((request.query as Record<string, unknown>).lang);
      const { code } = request.params as { code: string };
      if (code === '') {
        const search = request.url.indexOf('?');
        return reply.redirect(`/thu-tuc${search >= 0 ? request.url.slice(search) : ''}`, 301);
      }
      if (!/^[0-9]\.[0-9]{6}$/.test(code)) return send(reply, 404, notFoundPage(lang, code.slice(0, 40)));
      let procedure;
      try {
        procedure = await deps.procedures.get(code);
      } catch (error) {
        if (isNotFound(error)) return send(reply, 404, notFoundPage(lang, code));
        throw error;
      }
      return send(reply, 200, detailPage({ lang, procedure, due: await dueView(code) }));
    });
  };
}
