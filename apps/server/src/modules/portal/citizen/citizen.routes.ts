import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { DomainFailure, text } from '@motcua/domain/errors';
import type { FieldError } from '@motcua/domain/online/fields';
import { CITIZEN_COOKIE, type CitizenCaller } from '../../../http/access.ts';
import type { CitizensService } from '../../citizens/citizens.service.ts';
import { setCitizenCookie } from '../../citizens/citizens.routes.ts';
import { safeReturnPath } from '../../citizens/return-path.ts';
import { readParts, useMultipart } from '../../files/multipart.ts';
import { FilingErrors, type OnlineService } from '../../online/online.service.ts';
import { SupplementErrors } from '../../online/online-supplement.ts';
import type { CitizenViews } from '../../online/online-views.ts';
import { MAX_UPLOADS, filesOf, filingOf } from '../../online/online.routes.ts';
import { vietnamDate } from '../../applications/applications.service.ts';
import { sendFile } from '../../records/records.routes.ts';
import { crossSite, useUrlEncoded } from '../form-post.ts';
import { pickPortalLang, type Lang } from '../portal.messages.ts';
import { portalHref } from '../portal.format.ts';
import { PORTAL_CSP } from '../portal.routes.ts';
import { CITIZEN_MESSAGES } from './citizen.messages.ts';
import { detailPage, listPage, signInPage } from './citizen.views.ts';
import { filingPage } from './filing.views.ts';

export type CitizenFileView = Awaited<ReturnType<CitizenViews['detail']>>;

export interface CitizenPagesDeps {
  citizens: CitizensService;
  online: OnlineService;
  views: CitizenViews;
  oidcConfigured: boolean;
  secureCookies: boolean;
  maxUploadBytes: number;
  publicUrl: string | undefined;
  clock?: () => Date;
}

const DOCS = Array.from({ length: MAX_UPLOADS }, (_, i) => `doc_${i + 1}`);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Private pages: never cached, and the same no-script policy as the public ones. */
function send(reply: FastifyReply, status: number, body: string) {
  return reply
    .code(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'private, no-store')
    .header('content-security-policy', PORTAL_CSP)
    .send(body);
}

const langOf = (request: FastifyRequest): Lang =>
  pickPortalLang((request.query as Record<string, unknown>).lang);
const safeNext = safeReturnPath;
const asFieldErrors = (error: unknown): FieldError[] | undefined => {
  if (error instanceof FilingErrors || error instanceof SupplementErrors) return error.errors;
  if (error instanceof DomainFailure && error.error.kind === 'Invalid')
    return [{ field: error.error.field.replace(/^\/body\//, ''), detail: error.error.detail }];
  return undefined;
};
const tooLarge = (error: unknown) => (error as { statusCode?: number }).statusCode === 413;

/**
 * The citizen's pages, rendered on the server and usable without JavaScript: sign-in with a one-time code
 * (or OIDC), my files, filing online, supplementing. Forms post back here with the session's CSRF token in a
 * hidden field, and only from this site (Origin/Referer).
 */
export function citizenPages(deps: CitizenPagesDeps): FastifyPluginAsync {
  const now = deps.clock ?? (() => new Date());
  const maxMb = Math.round(deps.maxUploadBytes / 1024 / 1024);

  async function caller(request: FastifyRequest): Promise<CitizenCaller | undefined> {
    const token = request.cookies[CITIZEN_COOKIE];
    return token ? deps.citizens.authenticate(token) : undefined;
  }

  const toSignIn = (reply: FastifyReply, lang: Lang, next: string) =>
    reply.redirect(portalHref('/cong-dan/dang-nhap', lang, { next }), 303);

  /** A post from another site, or without this session's token: refused before anything is read or done. */
  function forged(request: FastifyRequest, who: CitizenCaller | undefined, token: string | undefined) {
    return crossSite(request, deps.publicUrl) || (who !== undefined && token !== who.csrfToken);
  }

  const forbidden = (reply: FastifyReply) =>
    reply
      .code(403)
      .header('content-type', 'text/plain; charset=utf-8')
      .send('403 — yêu cầu không hợp lệ / forged request');

  return async (app) => {
    await useMultipart(app, deps.maxUploadBytes, { files: MAX_UPLOADS, fields: 60 });
    useUrlEncoded(app);

    app.get('/cong-dan/dang-nhap', { schema: { hide: true } }, async (request, reply) => {
      const query = request.query as Record<string, unknown>;
      const page = { lang: langOf(request), step: 'destination' as const, destination: '', errors: [] };
      return send(reply, 200, signInPage({ ...page, next: safeNext(query.next), oidc: deps.oidcConfigured }));
    });

    app.post('/cong-dan/dang-nhap/ma', { schema: { hide: true } }, async (request, reply) => {
      if (crossSite(request, deps.publicUrl)) return forbidden(reply);
      const lang = langOf(request);
      const body = (request.body ?? {}) as Record<string, string>;
      const destination = (body.destination ?? '').trim().slice(0, 200);
      const base = { lang, destination, next: safeNext(body.next), oidc: deps.oidcConfigured };
      try {
        await deps.citizens.requestCode(destination, request.ip, lang);
        return send(reply, 200, signInPage({ ...base, step: 'code', errors: [] }));
      } catch (error) {
        const errors = asFieldErrors(error);
        if (errors)
          return send(
            reply,
            422,
            signInPage({
              ...base,
              step: 'destination',
              errors: errors.map((e) => ({ ...e, field: 'destination' })),
            }),
          );
        if (error instanceof DomainFailure && error.error.kind === 'TooManyAttempts')
          return send(
            reply,
            429,
            signInPage({
              ...base,
              step: 'destination',
              errors: [
                {
                  field: 'destination',
                  detail: text(
                    'Bạn đã yêu cầu quá nhiều mã; hãy thử lại sau ít phút',
                    'Too many codes asked for; try again in a few minutes',
                  ),
                },
              ],
            }),
          );
        throw error;
      }
    });

    app.post('/cong-dan/dang-nhap', { schema: { hide: true } }, async (request, reply) => {
      if (crossSite(request, deps.publicUrl)) return forbidden(reply);
      const lang = langOf(request);
      const body = (request.body ?? {}) as Record<string, string>;
      const destination = (body.destination ?? '').trim().slice(0, 200);
      const next = safeNext(body.next);
      try {
        const result = await deps.citizens.verifyCode({
          destination,
          code: (body.code ?? '').trim(),
          ...(body.fullName?.trim() ? { fullName: body.fullName.trim() } : {}),
        });
        setCitizenCookie(reply, result.token, result.maxAgeSeconds, deps.secureCookies);
        return reply.redirect(portalHref(next, lang), 303);
      } catch (error) {
        const errors =
          asFieldErrors(error) ??
          (error instanceof DomainFailure &&
          ['InvalidCredentials', 'TooManyAttempts'].includes(error.error.kind)
            ? [
                {
                  field: 'code',
                  detail: text('Mã không đúng hoặc đã hết hạn', 'The code is wrong or has expired'),
                },
              ]
            : undefined);
        if (!errors) throw error;
        const mapped = errors.map((e) => ({ ...e, field: e.field === 'fullName' ? 'fullName' : 'code' }));
        return send(
          reply,
          422,
          signInPage({ lang, step: 'code', destination, next, errors: mapped, oidc: deps.oidcConfigured }),
        );
      }
    });

    app.post('/cong-dan/dang-xuat', { schema: { hide: true } }, async (request, reply) => {
      const who = await caller(request);
      if (forged(request, who, (request.body as Record<string, string> | undefined)?.csrf))
        return forbidden(reply);
      if (who) await deps.citizens.logout(who.sessionHash);
      reply.clearCookie(CITIZEN_COOKIE, { path: '/' });
      return reply.redirect(portalHref('/thu-tuc', langOf(request)), 303);
    });

    app.get('/cong-dan', { schema: { hide: true } }, async (request, reply) => {
      const lang = langOf(request);
      const who = await caller(request);
      if (!who) return toSignIn(reply, lang, '/cong-dan');
      const { items } = await deps.views.list(who.citizen.id);
      return send(reply, 200, listPage({ lang, name: who.citizen.fullName, csrf: who.csrfToken, items }));
    });

    async function showFile(
      request: FastifyRequest,
      reply: FastifyReply,
      who: CitizenCaller,
      id: string,
      extra: { notice?: string; errors?: FieldError[]; status?: number } = {},
    ) {
      const lang = langOf(request);
      const file = await deps.views.detail(who.citizen.id, id);
      const page = detailPage({
        lang,
        name: who.citizen.fullName,
        csrf: who.csrfToken,
        file,
        errors: extra.errors ?? [],
        maxMb,
        ...(extra.notice ? { notice: extra.notice } : {}),
      });
      return send(reply, extra.status ?? 200, page);
    }

    const fileId = (request: FastifyRequest) => {
      const { id } = request.params as { id: string };
      return UUID.test(id) ? id : undefined;
    };

    app.get('/cong-dan/ho-so/:id', { schema: { hide: true } }, async (request, reply) => {
      const lang = langOf(request);
      const id = fileId(request);
      const who = await caller(request);
      if (!who) return toSignIn(reply, lang, `/cong-dan/ho-so/${id ?? ''}`);
      if (!id) return reply.callNotFound();
      const query = request.query as Record<string, unknown>;
      const m = CITIZEN_MESSAGES[lang];
      const notice = query.moi ? `${m.filedText}` : query.bo_sung ? m.supplemented : undefined;
      return showFile(request, reply, who, id, notice ? { notice } : {}).catch((error) =>
        notFoundOr(error, reply),
      );
    });

    app.post('/cong-dan/ho-so/:id/bo-sung', { schema: { hide: true } }, async (request, reply) => {
      const lang = langOf(request);
      const id = fileId(request);
      const who = await caller(request);
      if (!who || !id) return toSignIn(reply, lang, '/cong-dan');
      let parts;
      try {
        parts = await readParts(request, DOCS);
      } catch (error) {
        if (!tooLarge(error)) throw error;
        const detail = text(CITIZEN_MESSAGES.vi.tooLarge(maxMb), CITIZEN_MESSAGES.en.tooLarge(maxMb));
        return showFile(request, reply, who, id, { errors: [{ field: 'doc_1', detail }], status: 413 });
      }
      if (forged(request, who, parts.fields.csrf)) return forbidden(reply);
      try {
        await deps.online.supplement({ id: who.citizen.id, requestId: request.id }, id, {
          version: Number(parts.fields.version),
          files: filesOf(parts),
          ...(parts.fields.note ? { note: parts.fields.note } : {}),
        });
      } catch (error) {
        const errors = asFieldErrors(error);
        if (errors) return showFile(request, reply, who, id, { errors, status: 422 });
        return notFoundOr(error, reply);
      }
      return reply.redirect(portalHref(`/cong-dan/ho-so/${id}`, lang, { bo_sung: 1 }), 303);
    });

    // The citizen's own uploads and signed results; another's file, or none, is the same 404.
    const downloads = [
      { path: '/cong-dan/ho-so/:id/giay-to/:n', read: deps.views.document },
      { path: '/cong-dan/ho-so/:id/ket-qua/:n', read: deps.views.result },
    ];
    for (const { path, read } of downloads)
      app.get(path, { schema: { hide: true } }, async (request, reply) => {
        const who = await caller(request);
        const id = fileId(request);
        const n = Number((request.params as { n: string }).n);
        if (!who || !id || !Number.isInteger(n) || n < 1) return reply.callNotFound();
        return read(who.citizen.id, id, n).then(
          (f) => sendFile(reply, f),
          (e) => notFoundOr(e, reply),
        );
      });

    async function showForm(
      request: FastifyRequest,
      reply: FastifyReply,
      who: CitizenCaller,
      code: string,
      state: {
        values?: Record<string, string>;
        errors?: FieldError[];
        filesLost?: boolean;
        status?: number;
      } = {},
    ) {
      const lang = langOf(request);
      const form = await deps.online.form(code);
      const account = who.citizen;
      const values = state.values ?? {
        'applicant.kind': 'person',
        'applicant.full_name': account.fullName,
        ...(account.email ? { 'applicant.email': account.email } : {}),
        ...(account.phone ? { 'applicant.phone': `0${account.phone.slice(3)}` } : {}),
      };
      const page = filingPage({
        lang,
        form,
        csrf: who.csrfToken,
        values,
        errors: state.errors ?? [],
        filesLost: state.filesLost ?? false,
        today: vietnamDate(now()),
        maxMb,
      });
      return send(reply, state.status ?? 200, page);
    }

    const codeOf = (request: FastifyRequest) => {
      const { code } = request.params as { code: string };
      return /^[0-9]\.[0-9]{6}$/.test(code) ? code : undefined;
    };

    app.get('/nop-ho-so/:code', { schema: { hide: true } }, async (request, reply) => {
      const lang = langOf(request);
      const code = codeOf(request);
      if (!code) return reply.callNotFound();
      const who = await caller(request);
      if (!who) return toSignIn(reply, lang, `/nop-ho-so/${code}`);
      return showForm(request, reply, who, code).catch((error) => notFoundOr(error, reply));
    });

    app.post('/nop-ho-so/:code', { schema: { hide: true } }, async (request, reply) => {
      const lang = langOf(request);
      const code = codeOf(request);
      const who = await caller(request);
      if (!code) return reply.callNotFound();
      if (!who) return toSignIn(reply, lang, `/nop-ho-so/${code}`);
      let parts;
      try {
        parts = await readParts(request, DOCS);
      } catch (error) {
        if (!tooLarge(error)) throw error;
        const detail = text(CITIZEN_MESSAGES.vi.tooLarge(maxMb), CITIZEN_MESSAGES.en.tooLarge(maxMb));
        return showForm(request, reply, who, code, {
          errors: [{ field: 'doc_1', detail }],
          filesLost: true,
          status: 413,
        });
      }
      if (forged(request, who, parts.fields.csrf)) return forbidden(reply);
      const { csrf: _csrf, ...values } = parts.fields;
      try {
        const filed = await deps.online.submit(
          { id: who.citizen.id, requestId: request.id },
          { ...filingOf(parts), procedureCode: code },
        );
        return reply.redirect(portalHref(`/cong-dan/ho-so/${filed.id}`, lang, { moi: 1 }), 303);
      } catch (error) {
        const errors = asFieldErrors(error);
        if (!errors) return notFoundOr(error, reply);
        return showForm(request, reply, who, code, {
          values,
          errors,
          filesLost: Object.keys(parts.files).length > 0,
          status: 422,
        });
      }
    });
  };
}

/** Another citizen's file, or a missing one, is the same "not found" page. */
function notFoundOr(error: unknown, reply: FastifyReply) {
  if (error instanceof DomainFailure && error.error.kind === 'NotFound') return reply.callNotFound();
  throw error;
}
