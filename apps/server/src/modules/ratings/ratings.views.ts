import type { RatingState } from '@motcua/contracts/ratings';
import {
  CRITERIA,
  CRITERION_NAMES,
  RATING_LEVELS,
  RATING_LEVEL_NAMES,
  type CriterionCode,
} from '@motcua/domain/ratings/criteria';
import { MAX_COMMENT_LENGTH } from '@motcua/domain/ratings/rating';
import { html, raw, type Html, type HtmlValue } from '../portal/html.ts';
import { layout } from '../portal/portal.layout.ts';
import { MESSAGES, type Lang } from '../portal/portal.messages.ts';
import { formatMoment, vnIso } from '../portal/portal.format.ts';
import { RATING_CSS } from '../portal/portal.styles.ts';
import { RATING_MESSAGES, type RatingMessages } from './ratings.messages.ts';

/**
 * The rating pages: plain HTML forms that work without any script (the portal's CSP allows none), each radio
 * group a fieldset with its legend, errors summarised at the top in a focused role="alert" box that links to
 * the field, the values kept.
 */

/** What the form shows: what the citizen chose (after an error) or the saved rating (when editing). */
export interface FormValues {
  level: string;
  criteria: Partial<Record<CriterionCode, string>>;
  comment: string;
}

/** A message for the top of the page; `anchor` is the id of the control it concerns. */
export interface PageError {
  message: string;
  anchor?: string;
}

/** Where a page lives (the language switch links there). */
export interface Place {
  lang: Lang;
  path: string;
  params?: Record<string, string | undefined>;
}

/** Where the form posts and what it carries besides the rating. */
export interface FormTarget {
  action: string;
  hidden: Record<string, string>;
}

const at = (iso: string, lang: Lang) =>
  html`<time datetime="${vnIso(new Date(iso))}">${formatMoment(new Date(iso), MESSAGES[lang])}</time>`;
/** Catalogue data is Vietnamese: on the English page it is marked so screen readers read it as such. */
const data = (lang: Lang, value: HtmlValue): Html =>
  lang === 'en' ? html`<span lang="vi">${value}</span>` : html`${value}`;

/** The portal layout with this module's styles, noindex (the pages carry a capability). */
function render(place: Place, title: string, body: Html): string {
  const page = layout({
    lang: place.lang,
    title,
    path: place.path,
    ...(place.params ? { params: place.params } : {}),
    body,
  });
  const head = html`<meta name="robots" content="noindex, nofollow" />
    <style>
      ${raw(RATING_CSS)}
    </style>`;
  return page.replace('</head>', `${head.value}</head>`);
}

function errorSummary(
  m: RatingMessages,
  error: PageError | undefined,
  heading = m.errorTitle,
): Html | string {
  if (!error) return '';
  // autofocus (on a focusable box) moves focus here when the page loads, with no script: a screen reader reads
  // the alert first, a keyboard user tabs on from it.
  return html`<div class="error-summary" role="alert" tabindex="-1" autofocus id="error-summary">
    <h2>${heading}</h2>
    <p>${error.anchor ? html`<a href="#${error.anchor}">${error.message}</a>` : error.message}</p>
  </div>`;
}

function fileFacts(state: RatingState, m: RatingMessages, lang: Lang): Html {
  return html`<section class="panel" aria-labelledby="file-title">
    <h2 id="file-title">${m.fileTitle}</h2>
    <dl class="facts">
      <dt>${m.code}</dt>
      <dd>${state.code}</dd>
      <dt>${m.procedure}</dt>
      <dd>${data(lang, state.procedureName)}</dd>
      ${
        state.unitName
          ? html`<dt>${m.unit}</dt>
              <dd>${data(lang, state.unitName)}</dd>`
          : ''
      }
      ${
        state.returnedAt
          ? html`<dt>${m.returnedAt}</dt>
              <dd>${at(state.returnedAt, lang)}</dd>`
          : ''
      }
    </dl>
  </section>`;
}

/** One radio group: a fieldset, its legend, optionally a "no answer" choice first. */
function radioGroup(opts: {
  name: string;
  idBase: string;
  legend: Html | string;
  value: string;
  lang: Lang;
  skip?: string;
  required?: boolean;
  errorId?: string | undefined;
  errorText?: string | undefined;
  m: RatingMessages;
}): Html {
  const described = opts.errorId ? opts.errorId : undefined;
  const choice = (value: string, label: string) => {
    const id = `${opts.idBase}-${value || 'skip'}`;
    return html`<label class="choice" for="${id}"
      ><input
        type="radio"
        id="${id}"
        name="${opts.name}"
        value="${value}"
        ${opts.value === value ? raw('checked') : ''}
        ${opts.required ? raw('required') : ''}
        ${described ? html`aria-describedby="${described}"` : ''}
      />
      <span>${label}</span></label
    >`;
  };
  return html`<fieldset class="group${opts.errorId ? ' invalid' : ''}">
    <legend>${opts.legend}</legend>
    ${
      opts.errorId
        ? html`<p class="field-error" id="${opts.errorId}">
            <span class="visually-hidden">${opts.m.errorPrefix} </span>${opts.errorText}
          </p>`
        : ''
    }
    <div class="choices">
      ${opts.skip !== undefined ? choice('', opts.skip) : ''}
      ${RATING_LEVELS.map((level) => choice(level, RATING_LEVEL_NAMES[level][opts.lang]))}
    </div>
  </fieldset>`;
}

export interface FormView {
  place: Place;
  state: RatingState;
  values: FormValues;
  target: FormTarget;
  error?: PageError & { field?: string };
  /** The kiosk shows where it stands. */
  kioskUnit?: string | undefined;
}

export function formPage(view: FormView): string {
  const { lang } = view.place;
  const m = RATING_MESSAGES[lang];
  const { state, values, error } = view;
  const fieldError = (field: string) => (error?.field === field ? `${field}-error` : undefined);
  const criteria = CRITERIA.map((code) =>
    radioGroup({
      name: `c_${code}`,
      idBase: `c-${code}`,
      legend: CRITERION_NAMES[code][lang],
      value: values.criteria[code] ?? '',
      lang,
      skip: m.skip,
      errorId: fieldError(`c-${code}`),
      errorText: error?.message,
      m,
    }),
  );
  const commentError = fieldError('comment');
  const editing = state.action === 'edit' && state.editableUntil;
  const body = html`${view.kioskUnit ? html`<p class="muted">${m.kioskAt(view.kioskUnit)}</p>` : ''}
    <h1>${m.title}</h1>
    ${errorSummary(m, error)}
    <p>${m.intro}</p>
    ${editing ? html`<p class="notice">${m.editing(formatMoment(new Date(state.editableUntil!), MESSAGES[lang]))}</p>` : ''}
    ${fileFacts(state, m, lang)}
    <form class="rating panel" method="post" action="${view.target.action}">
      ${Object.entries(view.target.hidden).map(
        ([name, value]) => html`<input type="hidden" name="${name}" value="${value}" />`,
      )}
      ${radioGroup({
        name: 'level',
        idBase: 'level',
        legend: html`${m.overallLegend} <span class="req">${m.required}</span>`,
        value: values.level,
        lang,
        required: true,
        errorId: fieldError('level'),
        errorText: error?.message,
        m,
      })}
      <fieldset class="criteria">
        <legend>${m.criteriaLegend}</legend>
        <p class="muted">${m.criteriaHint}</p>
        ${criteria}
      </fieldset>
      <div class="field${commentError ? ' invalid' : ''}">
        <label for="comment">${m.commentLabel}</label>
        <span class="hint muted" id="comment-hint">${m.commentHint}</span>
        ${
          commentError
            ? html`<p class="field-error" id="${commentError}">
                <span class="visually-hidden">${m.errorPrefix} </span>${error?.message}
              </p>`
            : ''
        }
        <textarea
          id="comment"
          name="comment"
          rows="5"
          maxlength="${MAX_COMMENT_LENGTH}"
          aria-describedby="comment-hint${commentError ? ` ${commentError}` : ''}"
          ${commentError ? raw(' aria-invalid="true"') : ''}
        >
${values.comment}</textarea>
      </div>
      <p class="actions"><button type="submit">${editing ? m.submitEdit : m.submit}</button></p>
    </form>`;
  return render(view.place, error ? `${m.errorPrefix} ${m.title}` : m.title, body);
}

function ratingSummary(state: RatingState, m: RatingMessages, lang: Lang): Html | string {
  const r = state.rating;
  if (!r) return '';
  const rated = CRITERIA.filter((code) => r.criteria[code] !== undefined);
  return html`<section class="panel" aria-labelledby="rating-title">
    <h2 id="rating-title">${m.yourRating}</h2>
    <dl class="facts">
      <dt>${m.overall}</dt>
      <dd>${RATING_LEVEL_NAMES[r.level][lang]}</dd>
      ${rated.map(
        (code) =>
          html`<dt>${CRITERION_NAMES[code][lang]}</dt>
            <dd>${RATING_LEVEL_NAMES[r.criteria[code]!][lang]}</dd>`,
      )}
      ${
        r.comment
          ? html`<dt>${m.comment}</dt>
              <dd class="comment">${r.comment}</dd>`
          : ''
      }
    </dl>
  </section>`;
}

export interface ThanksView {
  place: Place;
  state: RatingState;
  /** Where to change the rating while it is editable (never on the shared kiosk). */
  editHref?: string;
  /**
   * The counter kiosk's start page. The next person at the shared screen sees this page, so it then shows
   * nothing of the file or the rating, only the way back to the start — no timed reload (WCAG 2.2.1).
   */
  startHref?: string;
}

export function thanksPage(view: ThanksView): string {
  const { lang } = view.place;
  const m = RATING_MESSAGES[lang];
  const r = view.state.rating;
  const feedback = r?.level === 'khong_hai_long' && r.comment;
  const until = view.state.editableUntil;
  const thanks = html`<div class="thanks panel" role="status">
    <h1>${m.thanksTitle}</h1>
    <p id="thanks-text">${m.thanksText}</p>
    ${feedback ? html`<p>${m.thanksFeedback}</p>` : ''}
  </div>`;
  if (view.startHref) {
    // Focused on load and first in the page's content: one tap or Enter clears the screen for the next person;
    // a screen reader hears the confirmation with it.
    const body = html`${thanks}
      <p class="actions">
        <a class="button large" href="${view.startHref}" autofocus aria-describedby="thanks-text"
          >${m.kioskNext}</a
        >
      </p>`;
    return render(view.place, m.thanksTitle, body);
  }
  const body = html`${thanks} ${fileFacts(view.state, m, lang)} ${ratingSummary(view.state, m, lang)}
  ${
    view.editHref && view.state.canRate && until
      ? html`<p class="actions">
          <a class="button" href="${view.editHref}">${m.edit}</a>
          <span class="muted">${m.editUntil(formatMoment(new Date(until), MESSAGES[lang]))}</span>
        </p>`
      : ''
  }`;
  return render(view.place, m.thanksTitle, body);
}

export interface MessageView {
  place: Place;
  title: string;
  text: string;
  state?: RatingState;
  /** A form to try another code and key (not found, too many attempts). */
  keyForm?: KeyForm;
  back?: { href: string; label: string };
}

export function messagePage(view: MessageView): string {
  const { lang } = view.place;
  const m = RATING_MESSAGES[lang];
  const body = html`<h1>${view.title}</h1>
    <div class="panel notice-box" role="status"><p>${view.text}</p></div>
    ${view.state ? html`${fileFacts(view.state, m, lang)} ${ratingSummary(view.state, m, lang)}` : ''}
    ${view.keyForm ? keyFormHtml(view.keyForm, m) : ''}
    ${
      view.back
        ? html`<p class="actions"><a class="button" href="${view.back.href}">${view.back.label}</a></p>`
        : ''
    }`;
  return render(view.place, view.title, body);
}

/** The code and key from the slip: GET on the public page (a link), POST on the kiosk (nothing in its history). */
export interface KeyForm {
  method: 'get' | 'post';
  action: string;
  hidden: Record<string, string>;
  code: string;
  /** Which field the error is about ("code" or "key"). */
  invalid?: 'code' | 'key';
  message?: string;
}

function keyFormHtml(form: KeyForm, m: RatingMessages): Html {
  const input = (name: string, id: 'code' | 'key', label: string, hint: string, value: string) => {
    const bad = form.invalid === id;
    return html`<div class="field${bad ? ' invalid' : ''}">
      <label for="${id}">${label}</label>
      <span class="hint muted" id="${id}-hint">${hint}</span>
      ${bad ? html`<p class="field-error" id="${id}-error">${form.message}</p>` : ''}
      <input
        type="text"
        id="${id}"
        name="${name}"
        value="${value}"
        maxlength="${id === 'code' ? 60 : 12}"
        autocomplete="off"
        autocapitalize="characters"
        spellcheck="false"
        required
        aria-describedby="${id}-hint${bad ? ` ${id}-error` : ''}"
        ${bad ? raw('aria-invalid="true"') : ''}
      />
    </div>`;
  };
  return html`<form class="key panel" method="${form.method}" action="${form.action}">
    <h2>${m.keyTitle}</h2>
    <p class="muted">${m.keyIntro}</p>
    ${Object.entries(form.hidden).map(
      ([name, value]) => html`<input type="hidden" name="${name}" value="${value}" />`,
    )}
    ${input('ma', 'code', m.codeLabel, m.codeHint, form.code)} ${input('k', 'key', m.keyLabel, m.keyHint, '')}
    <p class="actions"><button type="submit">${m.continue}</button></p>
  </form>`;
}

export interface KeyView {
  place: Place;
  title: string;
  intro: string;
  form: KeyForm;
  kioskUnit?: string | undefined;
}

/** The start page: the kiosk's, or the public one when the link came without its key. */
export function keyPage(view: KeyView): string {
  const m = RATING_MESSAGES[view.place.lang];
  const anchor = view.form.invalid;
  const body = html`${view.kioskUnit ? html`<p class="muted">${m.kioskAt(view.kioskUnit)}</p>` : ''}
    <h1>${view.title}</h1>
    ${errorSummary(
      m,
      view.form.message ? { message: view.form.message, ...(anchor ? { anchor } : {}) } : undefined,
      m.keyErrorTitle,
    )}
    <p>${view.intro}</p>
    ${keyFormHtml(view.form, m)}`;
  return render(view.place, view.form.message ? `${m.errorPrefix} ${view.title}` : view.title, body);
}
