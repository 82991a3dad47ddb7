import type { ProcedureSummary } from '@motcua/contracts/procedures';
import { ILLUSTRATIVE } from '../procedures/data/catalog.ts';
import type { VersionRow } from '../procedures/procedures.repository.ts';
import { html, type Html, type HtmlValue } from './html.ts';
import { layout } from './portal.layout.ts';
import { MESSAGES, type Lang, type Messages } from './portal.messages.ts';
import { feeLabel, formatDay, formatMoment, portalHref, timeLabel, vnIso } from './portal.format.ts';

export const PAGE_SIZE = 20;

/** Catalogue data is Vietnamese: on the English page it is marked so screen readers read it as such. */
const data = (lang: Lang, text: HtmlValue): Html =>
  lang === 'en' ? html`<span lang="vi">${text}</span>` : html`${text}`;

const canFileOnline = (p: Pick<ProcedureSummary, 'channels' | 'onlineLevel'>) =>
  p.channels.includes('online') && p.onlineLevel !== 'none';

function onlineTag(p: Pick<ProcedureSummary, 'channels' | 'onlineLevel'>, m: Messages): Html {
  const level = canFileOnline(p) ? p.onlineLevel : 'none';
  return html`<span class="tag${level === 'full' ? ' full' : ''}">${m.onlineLevel[level]}</span>`;
}

function timeHtml(p: ProcedureSummary | VersionRow, m: Messages, lang: Lang): Html {
  const time = timeLabel(p, m, lang);
  return html`${time.main}${time.published ? html`<span class="note">${m.publishedAs(time.published)}</span>` : ''}`;
}

function searchForm(m: Messages, lang: Lang, q: string): Html {
  return html`<form class="search panel" method="get" action="/thu-tuc" role="search">
    <div class="field">
      <label for="q">${m.searchLabel}</label>
      <span id="q-hint" class="hint muted">${m.searchHint}</span>
      <input
        type="search"
        id="q"
        name="q"
        value="${q}"
        maxlength="200"
        aria-describedby="q-hint"
        autocomplete="off"
        spellcheck="false"
      />
    </div>
    ${lang === 'en' ? html`<input type="hidden" name="lang" value="en" />` : ''}
    <button type="submit">${m.searchButton}</button>
  </form>`;
}

export interface SearchView {
  lang: Lang;
  q: string;
  page: number;
  total: number;
  items: ProcedureSummary[];
}

function resultItem(p: ProcedureSummary, m: Messages, lang: Lang): Html {
  const href = portalHref(`/thu-tuc/${encodeURIComponent(p.code)}`, lang);
  return html`<li>
    <h3><a href="${href}">${data(lang, p.name)}</a></h3>
    <dl class="facts">
      <dt>${m.code}</dt>
      <dd>${p.code}</dd>
      <dt>${m.level}</dt>
      <dd>${p.levels.map((l) => m.levels[l]).join(', ')}</dd>
      <dt>${m.field}</dt>
      <dd>${data(lang, p.field)}</dd>
      <dt>${m.time}</dt>
      <dd>${timeHtml(p, m, lang)}</dd>
      <dt>${m.onlineService}</dt>
      <dd>${onlineTag(p, m)}</dd>
    </dl>
  </li>`;
}

function pager(view: SearchView, pages: number, m: Messages): Html {
  if (pages <= 1 && view.page === 1) return html``;
  const link = (page: number) =>
    portalHref('/thu-tuc', view.lang, { q: view.q, page: page > 1 ? page : undefined });
  return html`<nav class="pager" aria-label="${m.pagination}">
    ${view.page > 1 ? html`<a href="${link(Math.min(view.page - 1, pages))}" rel="prev">‹ ${m.previous}</a>` : html`<span></span>`}
    <span>${m.pageOf(view.page, pages)}</span>
    ${view.page < pages ? html`<a href="${link(view.page + 1)}" rel="next">${m.next} ›</a>` : html`<span></span>`}
  </nav>`;
}

export function searchPage(view: SearchView): string {
  const m = MESSAGES[view.lang];
  const pages = Math.max(1, Math.ceil(view.total / PAGE_SIZE));
  const summary = view.q ? m.found(view.total, view.q) : m.allProcedures(view.total);
  const list =
    view.items.length > 0
      ? html`<ol class="results" start="${(view.page - 1) * PAGE_SIZE + 1}">
          ${view.items.map((p) => resultItem(p, m, view.lang))}
        </ol>`
      : view.total > 0
        ? html`<p class="panel">
            ${m.pastLastPage}
            <a href="${portalHref('/thu-tuc', view.lang, { q: view.q })}">${m.backToFirstPage}</a>
          </p>`
        : html`<p class="panel">${m.noResults}</p>`;
  return layout({
    lang: view.lang,
    title: view.q ? `${view.q} — ${m.searchTitle}` : m.searchTitle,
    description: m.searchIntro,
    path: '/thu-tuc',
    params: { q: view.q, page: view.page > 1 ? view.page : undefined },
    body: html`<h1>${m.searchTitle}</h1>
      <p>${m.searchIntro}</p>
      ${searchForm(m, view.lang, view.q)}
      <section aria-labelledby="results-title">
        <h2 id="results-title">
          ${summary}${pages > 1 ? html` <span class="muted">(${m.pageOf(view.page, pages)})</span>` : ''}
        </h2>
        ${list} ${pager(view, pages, m)}
      </section>`,
  });
}

/** The expected return date if filed at `receivedAt`, or why there is none. */
export type DueView =
  { kind: 'due'; receivedAt: Date; dueAt: Date } | { kind: 'noTime' | 'noCalendar'; receivedAt: Date };

export interface DetailView {
  lang: Lang;
  procedure: VersionRow;
  due: DueView;
}

function duePanel(view: DetailView, m: Messages): Html {
  const { procedure: p, due, lang } = view;
  const at = (d: Date) => html`<time datetime="${vnIso(d)}">${formatMoment(d, m)}</time>`;
  const body =
    due.kind === 'due'
      ? html`<p>${m.dueIfFiledNow} <strong class="date">${at(due.dueAt)}</strong></p>
          <p class="muted">
            ${m.dueComputedAt} ${at(due.receivedAt)}.
            ${p.cutoffHour !== null ? m.dueCutoff(p.cutoffHour) : ''}
            ${p.timeUnitUnstated ? m.dueAssumesWorkingDays : ''} ${m.dueRules}
          </p>`
      : html`<p>${due.kind === 'noTime' ? m.dueNoTime : m.dueNoCalendar}</p>`;
  const file = canFileOnline(p)
    ? html`<p class="actions">
        <a class="button" href="${portalHref(`/nop-ho-so/${encodeURIComponent(p.code)}`, lang)}"
          >${m.fileOnline}</a
        >
      </p>`
    : '';
  return html`<section class="panel due" aria-labelledby="due-title">
    <h2 id="due-title">${m.dueTitle}</h2>
    ${body} ${file}
  </section>`;
}

function documentsPanel(p: VersionRow, m: Messages, lang: Lang): Html {
  const rows = p.documents.map(
    (d) =>
      html`<tr>
        <td>${data(lang, d.name)}${d.note ? html`<span class="note">${data(lang, d.note)}</span>` : ''}</td>
        <td class="c">${m.copyTypes[d.copyType]}</td>
        <td class="n">${d.quantity}</td>
      </tr>`,
  );
  const table = html`<table>
    <thead>
      <tr>
        <th scope="col">${m.documentName}</th>
        <th scope="col" class="c">${m.copyType}</th>
        <th scope="col" class="n">${m.quantity}</th>
      </tr>
    </thead>
    <tbody>
      ${rows}
    </tbody>
  </table>`;
  return html`<section class="panel" aria-labelledby="documents-title">
    <h2 id="documents-title">${m.documentsTitle}</h2>
    ${p.documents.length > 0 ? table : html`<p>${m.noDocuments}</p>`}
    ${p.documents.length > 0 && p.documentsSource === ILLUSTRATIVE ? html`<p class="muted">${m.illustrativeDocuments}</p>` : ''}
  </section>`;
}

export function detailPage(view: DetailView): string {
  const { procedure: p, lang } = view;
  const m = MESSAGES[lang];
  const fact = (label: string, value: HtmlValue) =>
    html`<dt>${label}</dt>
      <dd>${value}</dd>`;
  return layout({
    lang,
    title: p.name,
    description: `${m.code} ${p.code}: ${p.name}`,
    path: `/thu-tuc/${encodeURIComponent(p.code)}`,
    body: html`<nav class="crumbs" aria-label="${m.breadcrumb}">
        <ol>
          <li><a href="${portalHref('/thu-tuc', lang)}">${m.home}</a></li>
          <li aria-current="page">${p.code}</li>
        </ol>
      </nav>
      <h1>${data(lang, p.name)}</h1>
      ${lang === 'en' && p.nameEn ? html`<p class="muted">${p.nameEn}</p>` : ''}
      <section class="panel" aria-labelledby="about-title">
        <h2 id="about-title">${m.about}</h2>
        <dl class="facts">
          ${fact(m.code, p.code)} ${fact(m.field, data(lang, p.field))}
          ${fact(m.level, p.levels.map((l) => m.levels[l]).join(', '))}
          ${p.decidingAgency ? fact(m.agency, data(lang, p.decidingAgency)) : ''}
          ${p.resultType ? fact(m.result, data(lang, p.resultType)) : ''}
          ${fact(m.time, timeHtml(p, m, lang))} ${fact(m.fee, feeLabel(p, m, lang))}
        </dl>
      </section>
      ${duePanel(view, m)} ${documentsPanel(p, m, lang)}
      <section class="panel" aria-labelledby="channels-title">
        <h2 id="channels-title">${m.channels}</h2>
        <ul class="plain">
          ${p.channels.map((c) => html`<li>${m.channel[c]}</li>`)}
        </ul>
        <p>${m.onlineService}: ${onlineTag(p, m)}</p>
        ${p.serviceSource === ILLUSTRATIVE ? html`<p class="muted">${m.illustrativeService}</p>` : ''}
      </section>
      <section class="panel" aria-labelledby="legal-title">
        <h2 id="legal-title">${m.legalBasis}</h2>
        <p>${m.legalBasisDecision(p.legalBasis)}</p>
        <p class="muted">${m.updated(p.version, formatDay(new Date(p.validFrom)))}</p>
      </section>`,
  });
}

export function notFoundPage(lang: Lang, code: string): string {
  const m = MESSAGES[lang];
  return layout({
    lang,
    title: m.notFoundTitle,
    path: '/thu-tuc',
    body: html`<h1>${m.notFoundTitle}</h1>
      <p>${m.notFoundText(code)}</p>
      <p><a href="${portalHref('/thu-tuc', lang)}">${m.backToSearch}</a></p>
      ${searchForm(m, lang, '')}`,
  });
}
