import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { RatingState } from '@motcua/contracts/ratings';
import { pickPortalLang, type Lang } from '../portal/portal.messages.ts';
import { formatMoment, portalHref } from '../portal/portal.format.ts';
import { MESSAGES } from '../portal/portal.messages.ts';
import { crossSite, useUrlEncoded } from '../portal/form-post.ts';
import type { UnitsService } from '../units/units.service.ts';
import {
  UUID,
  failureOf,
  fieldErrorOf,
  first,
  formOf,
  kioskKeyForm,
  savedValues,
  send,
  valuesOf,
  type Form,
} from './ratings.forms.ts';
import { RATING_MESSAGES } from './ratings.messages.ts';
import type { RatingSourceName, RatingsService } from './ratings.service.ts';
import { formPage, keyPage, messagePage, thanksPage, type KeyForm, type Place } from './ratings.views.ts';

/**
 * The citizen's rating pages, rendered on the server, working without JavaScript (vn-rules.md §6.1):
 * - GET /danh-gia/{code}?k={key} — the invitation link (e-mail, SMS): the file and the rating form;
 *   POST /danh-gia/{code} saves and thanks, with a link to change the rating while it may be changed.
 * - GET /quay/danh-gia[?unit={uuid}] — the counter kiosk: the citizen types the code and key from the slip
 *   (POSTed, so the shared screen's history keeps no key), rates (source kiosk), and the thank-you page shows
 *   nothing of the file, only a large, focused link back to an empty start page (no timed reload: WCAG 2.2.1).
 * The forms need no cookie and no CSRF token: posting needs the slip's key anyway (a capability), and a post
 * whose Origin (or, without it, Referer) is another site is refused (403). Outside /api: no access rule, not
 * in the OpenAPI document (schema.hide), like the portal's pages.
 */

export function registerRatingPages(
  app: FastifyInstance,
  deps: { ratings: RatingsService; units: UnitsService; publicUrl?: string | undefined },
): void {
  const { ratings } = deps;

  useUrlEncoded(app);

  function refused(reply: FastifyReply, lang: Lang, place: Place) {
    const m = RATING_MESSAGES[lang];
    return send(reply, 403, messagePage({ place, title: m.forbiddenTitle, text: m.forbiddenText }));
  }

  /** A known unit's name for the kiosk's heading; anything else is ignored. */
  async function kioskUnit(value: string | undefined) {
    if (!value || !UUID.test(value)) return undefined;
    const { units } = await deps.units.loadTree();
    const unit = units.find((u) => u.id === value.toLowerCase());
    return unit ? { id: unit.id, name: unit.name } : undefined;
  }

  /** The answer to a failed look-up or save that is not about the form's content. */
  function lookupFailure(
    reply: FastifyReply,
    error: unknown,
    lang: Lang,
    place: Place,
    keyForm: KeyForm,
    intro: string,
  ) {
    const m = RATING_MESSAGES[lang];
    const failure = failureOf(error);
    if (failure?.kind === 'NotFound')
      return send(
        reply,
        404,
        keyPage({ place, title: m.notFoundTitle, intro, form: { ...keyForm, message: m.notFoundText } }),
      );
    if (failure?.kind === 'TooManyAttempts') {
      reply.header('retry-after', String(failure.retryAfterSeconds));
      const minutes = Math.max(1, Math.ceil(failure.retryAfterSeconds / 60));
      return send(reply, 429, messagePage({ place, title: m.tooManyTitle, text: m.tooManyText(minutes) }));
    }
    throw error;
  }

  /** Why the file cannot be rated (now): not returned yet, or the edit window closed. */
  function notRateable(reply: FastifyReply, status: number, state: RatingState, place: Place, back?: string) {
    const m = RATING_MESSAGES[place.lang];
    const closed = state.reason === 'edit_window_closed' && state.editableUntil;
    return send(
      reply,
      status,
      messagePage({
        place,
        title: closed ? m.closedTitle : m.notReturnedTitle,
        text: closed
          ? m.closedText(formatMoment(new Date(state.editableUntil!), MESSAGES[place.lang]))
          : m.notReturnedText,
        state,
        ...(back ? { back: { href: back, label: m.kioskStart } } : {}),
      }),
    );
  }

  /** Saves a posted rating; answers with the thank-you page, the form again (422) or why not. */
  async function saveAndAnswer(
    request: FastifyRequest,
    reply: FastifyReply,
    opts: {
      code: string;
      form: Form;
      source: RatingSourceName;
      place: Place;
      target: { action: string; hidden: Record<string, string> };
      keyForm: KeyForm;
      keyIntro: string;
      thanks: (state: RatingState) => string;
      kioskUnit?: string | undefined;
      back?: string;
    },
  ) {
    const { code, form, place } = opts;
    const key = form.k ?? '';
    const values = valuesOf(form);
    try {
      const state = await ratings.save(
        code,
        {
          key,
          level: values.level || undefined,
          criteria: values.criteria,
          comment: form.comment,
          source: opts.source,
        },
        request.ip,
      );
      return send(reply, 200, opts.thanks(state));
    } catch (error) {
      const failure = failureOf(error);
      if (failure?.kind === 'Invalid' || failure?.kind === 'Conflict') {
        const state = await ratings.state(code, key, request.ip);
        if (failure.kind === 'Conflict') return notRateable(reply, 409, state, place, opts.back);
        return send(
          reply,
          422,
          formPage({
            place,
            state,
            values,
            target: opts.target,
            error: fieldErrorOf(failure.field, failure.detail[place.lang]),
            kioskUnit: opts.kioskUnit,
          }),
        );
      }
      return lookupFailure(reply, error, place.lang, place, opts.keyForm, opts.keyIntro);
    }
  }

  const hide = { schema: { hide: true } };

  /** A link without its key, or a typed code and key: on to the file's own page. */
  app.get('/danh-gia', hide, async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    const lang = pickPortalLang(query.lang);
    const m = RATING_MESSAGES[lang];
    const code = (first(query.ma) ?? '').trim().slice(0, 60);
    const key = (first(query.k) ?? '').trim().slice(0, 12);
    if (code && key)
      return reply.redirect(portalHref(`/danh-gia/${encodeURIComponent(code)}`, lang, { k: key }), 303);
    const form: KeyForm = {
      method: 'get',
      action: '/danh-gia',
      hidden: lang === 'en' ? { lang: 'en' } : {},
      code,
      ...(query.ma !== undefined || query.k !== undefined
        ? {
            invalid: code ? ('key' as const) : ('code' as const),
            message: code ? m.missingKey : m.missingCode,
          }
        : {}),
    };
    return send(
      reply,
      form.message ? 422 : 200,
      keyPage({ place: { lang, path: '/danh-gia' }, title: m.title, intro: m.keyIntro, form }),
    );
  });

  app.get('/danh-gia/:code', hide, async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    const lang = pickPortalLang(query.lang);
    const m = RATING_MESSAGES[lang];
    const code = (request.params as { code: string }).code.slice(0, 60);
    const key = first(query.k) ?? '';
    const source = first(query.src) === 'portal' ? 'portal' : 'link';
    const params = { k: key || undefined, src: source === 'portal' ? source : undefined };
    const place: Place = { lang, path: `/danh-gia/${encodeURIComponent(code)}`, params };
    const keyForm: KeyForm = {
      method: 'get',
      action: '/danh-gia',
      hidden: lang === 'en' ? { lang: 'en' } : {},
      code,
    };
    if (!key) return send(reply, 200, keyPage({ place, title: m.title, intro: m.keyIntro, form: keyForm }));
    let state: RatingState;
    try {
      state = await ratings.state(code, key, request.ip);
    } catch (error) {
      return lookupFailure(reply, error, lang, place, keyForm, m.keyIntro);
    }
    if (!state.canRate) return notRateable(reply, 200, state, place);
    return send(
      reply,
      200,
      formPage({
        place,
        state,
        values: savedValues(state),
        target: {
          action: portalHref(`/danh-gia/${encodeURIComponent(code)}`, lang),
          hidden: { k: key, source },
        },
      }),
    );
  });

  app.post('/danh-gia/:code', hide, async (request, reply) => {
    const lang = pickPortalLang((request.query as Record<string, unknown>).lang);
    const m = RATING_MESSAGES[lang];
    const code = (request.params as { code: string }).code.slice(0, 60);
    const form = formOf(request);
    const source: RatingSourceName = form.source === 'portal' ? 'portal' : 'link';
    const key = form.k ?? '';
    const path = `/danh-gia/${encodeURIComponent(code)}`;
    const place: Place = { lang, path, params: { k: key || undefined } };
    if (crossSite(request, deps.publicUrl)) return refused(reply, lang, place);
    return saveAndAnswer(request, reply, {
      code,
      form,
      source,
      place,
      target: { action: portalHref(path, lang), hidden: { k: key, source } },
      keyForm: { method: 'get', action: '/danh-gia', hidden: lang === 'en' ? { lang: 'en' } : {}, code },
      keyIntro: m.keyIntro,
      thanks: (state) =>
        thanksPage({
          place,
          state,
          editHref: portalHref(path, lang, { k: key, src: source === 'portal' ? source : undefined }),
        }),
    });
  });

  app.get('/quay/danh-gia', hide, async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    const lang = pickPortalLang(query.lang);
    const m = RATING_MESSAGES[lang];
    const unit = await kioskUnit(first(query.unit));
    const place: Place = { lang, path: '/quay/danh-gia', params: { unit: unit?.id } };
    return send(
      reply,
      200,
      keyPage({
        place,
        title: m.kioskTitle,
        intro: m.kioskIntro,
        kioskUnit: unit?.name,
        form: kioskKeyForm(lang, unit?.id, ''),
      }),
    );
  });

  app.post('/quay/danh-gia', hide, async (request, reply) => {
    const lang = pickPortalLang((request.query as Record<string, unknown>).lang);
    const m = RATING_MESSAGES[lang];
    const form = formOf(request);
    const unit = await kioskUnit(form.unit);
    const start = portalHref('/quay/danh-gia', lang, { unit: unit?.id });
    const place: Place = { lang, path: '/quay/danh-gia', params: { unit: unit?.id } };
    if (crossSite(request, deps.publicUrl)) return refused(reply, lang, place);
    const code = (form.ma ?? '').trim().slice(0, 60);
    const key = (form.k ?? '').trim().slice(0, 12);
    const keyForm = kioskKeyForm(lang, unit?.id, code);
    const keyView = { place, title: m.kioskTitle, intro: m.kioskIntro, kioskUnit: unit?.name };
    if (!code || !key) {
      const missing = !code ? ('code' as const) : ('key' as const);
      const message = !code ? m.missingCode : m.missingKey;
      return send(reply, 422, keyPage({ ...keyView, form: { ...keyForm, invalid: missing, message } }));
    }
    const target = {
      action: portalHref('/quay/danh-gia', lang),
      hidden: { step: 'rate', ma: code, k: key, ...(unit ? { unit: unit.id } : {}) },
    };
    if (form.step !== 'rate') {
      let state: RatingState;
      try {
        state = await ratings.state(code, key, request.ip);
      } catch (error) {
        return lookupFailure(reply, error, lang, place, keyForm, m.kioskIntro);
      }
      if (!state.canRate) return notRateable(reply, 200, state, place, start);
      return send(
        reply,
        200,
        formPage({ place, state, values: savedValues(state), target, kioskUnit: unit?.name }),
      );
    }
    return saveAndAnswer(request, reply, {
      code,
      form,
      source: 'kiosk',
      place,
      target,
      keyForm,
      keyIntro: m.kioskIntro,
      kioskUnit: unit?.name,
      back: start,
      // No link to change the rating on a shared screen: the next person must not reach this file.
      thanks: (state) =>
        thanksPage({
          place,
          state,
          startHref: start,
        }),
    });
  });
}
