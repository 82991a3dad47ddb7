import type { FieldError } from '@motcua/domain/online/fields';
import type { CitizenFileView } from './citizen.routes.ts';
import { html, type Html } from '../html.ts';
import { layout } from '../portal.layout.ts';
import { formatDay, formatMoment, portalHref, vnIso } from '../portal.format.ts';
import { MESSAGES, type Lang } from '../portal.messages.ts';
import { CITIZEN_MESSAGES } from './citizen.messages.ts';
import { errorSummary, idOf } from './form-controls.ts';
import { supplementForm } from './filing.views.ts';

const time = (iso: string, lang: Lang, withHour = false) =>
  html`<time datetime="${vnIso(new Date(iso))}"
    >${withHour ? formatMoment(new Date(iso), MESSAGES[lang]) : formatDay(new Date(iso))}</time
  >`;

/** The signed-in bar: who, and a sign-out button (a POST: a link could be triggered by anyone). */
function account(lang: Lang, name: string, csrf: string): Html {
  const m = CITIZEN_MESSAGES[lang];
  return html`<form class="account" method="post" action="${portalHref('/cong-dan/dang-xuat', lang)}">
    <span>${m.signedInAs(name)}</span>
    <input type="hidden" name="csrf" value="${csrf}" />
    <button type="submit" class="link">${m.signOut}</button>
  </form>`;
}

export interface SignInPage {
  lang: Lang;
  step: 'destination' | 'code';
  destination: string;
  next: string;
  errors: FieldError[];
  sentTo?: string;
  oidc: boolean;
}

export function signInPage(p: SignInPage): string {
  const m = CITIZEN_MESSAGES[p.lang];
  const field = (name: string, label: string, hint: string, input: Html) => {
    const error = p.errors.find((e) => e.field === name);
    return html`<div class="field${error ? ' invalid' : ''}">
      <label for="${idOf(name)}">${label}</label><span class="hint" id="${idOf(name)}-hint">${hint}</span>
      ${error ? html`<span class="error" id="${idOf(name)}-error">${error.detail[p.lang]}</span>` : ''}
      ${input}
    </div>`;
  };
  const stepOne = html`<form method="post" action="${portalHref('/cong-dan/dang-nhap/ma', p.lang)}">
    <input type="hidden" name="next" value="${p.next}" />
    ${field(
      'destination',
      m.destinationLabel,
      m.destinationHint,
      html`<input
        id="${idOf('destination')}"
        name="destination"
        type="text"
        required
        maxlength="200"
        autocomplete="email"
        aria-describedby="${idOf('destination')}-hint"
        value="${p.destination}"
      />`,
    )}
    <p class="actions"><button type="submit">${m.sendCode}</button></p>
  </form>`;
  const stepTwo = html`<p class="ok" role="status">${m.codeSent(p.sentTo ?? p.destination)}</p>
    <form method="post" action="${portalHref('/cong-dan/dang-nhap', p.lang)}">
      <input type="hidden" name="next" value="${p.next}" />
      <input type="hidden" name="destination" value="${p.destination}" />
      ${field(
        'code',
        m.codeLabel,
        m.codeHint,
        html`<input
          id="${idOf('code')}"
          name="code"
          type="text"
          inputmode="numeric"
          pattern="[0-9]{6}"
          maxlength="6"
          required
          autocomplete="one-time-code"
          aria-describedby="${idOf('code')}-hint"
        />`,
      )}
      ${field(
        'fullName',
        m.fullNameLabel,
        m.fullNameHint,
        html`<input
          id="${idOf('fullName')}"
          name="fullName"
          type="text"
          maxlength="200"
          autocomplete="name"
          aria-describedby="${idOf('fullName')}-hint"
        />`,
      )}
      <p class="actions"><button type="submit">${m.signIn}</button></p>
    </form>`;
  const oidc = p.oidc
    ? html`<p class="or">${m.or}</p>
        <p>
          <a class="button secondary" href="/api/citizen/oidc/start?next=${encodeURIComponent(p.next)}"
            >${m.oidcSignIn}</a
          >
        </p>
        <p class="muted">${m.oidcHint}</p>`
    : '';
  const body = html`<h1>${m.signInTitle}</h1>
    <div class="panel">
      <p>${m.signInIntro}</p>
      ${errorSummary(p.errors, p.lang)} ${p.step === 'destination' ? stepOne : stepTwo}
    </div>
    ${oidc ? html`<div class="panel">${oidc}</div>` : ''}`;
  return layout({ lang: p.lang, title: m.signInTitle, path: '/cong-dan/dang-nhap', body });
}

export interface ListItem {
  id: string;
  code: string;
  procedureName: string;
  status: { vi: string; en: string };
  submittedAt: string;
  dueAt: string | null;
  nextStep: { vi: string; en: string };
  waitingForMe: boolean;
  rateable: boolean;
}

export function listPage(p: { lang: Lang; name: string; csrf: string; items: ListItem[] }): string {
  const { lang } = p;
  const m = CITIZEN_MESSAGES[lang];
  const rows = p.items.map(
    (a) =>
      html`<li class="${a.waitingForMe ? 'attention' : ''}">
        <h2><a href="${portalHref(`/cong-dan/ho-so/${a.id}`, lang)}">${a.procedureName}</a></h2>
        ${a.waitingForMe ? html`<p class="tag warn">${m.waitingForYou}</p>` : ''}
        <dl class="facts">
          <dt>${m.code}</dt>
          <dd>${a.code}</dd>
          <dt>${m.status}</dt>
          <dd>${a.status[lang]}</dd>
          <dt>${m.submittedAt}</dt>
          <dd>${time(a.submittedAt, lang)}</dd>
          <dt>${m.appointment}</dt>
          <dd>${a.dueAt ? time(a.dueAt, lang, true) : '—'}</dd>
          <dt>${m.nextStep}</dt>
          <dd>${a.nextStep[lang]}</dd>
        </dl>
      </li>`,
  );
  const body = html`${account(lang, p.name, p.csrf)}
    <h1>${m.myFiles}</h1>
    ${
      p.items.length
        ? html`<ul class="results">
            ${rows}
          </ul>`
        : html`<p class="panel">${m.noFiles}</p>`
    }
    <p class="actions"><a class="button" href="${portalHref('/thu-tuc', lang)}">${m.findProcedure}</a></p>`;
  return layout({ lang, title: m.myFiles, path: '/cong-dan', body });
}

export function detailPage(p: {
  lang: Lang;
  name: string;
  csrf: string;
  file: CitizenFileView;
  notice?: string;
  errors: FieldError[];
  maxMb: number;
}): string {
  const { lang, file: f } = p;
  const m = CITIZEN_MESSAGES[lang];
  const base = `/cong-dan/ho-so/${f.id}`;
  const answers = f.form
    ? f.form.fields.flatMap((field) =>
        f.form!.values[field.key]
          ? [
              html`<dt>${field.label[lang]}</dt>
                <dd>${f.form!.values[field.key]}</dd>`,
            ]
          : [],
      )
    : [];
  const body = html`${account(lang, p.name, p.csrf)}
    <nav class="crumbs" aria-label="breadcrumb">
      <ol>
        <li><a href="${portalHref('/cong-dan', lang)}">${m.myFiles}</a></li>
        <li aria-current="page">${f.code}</li>
      </ol>
    </nav>
    <h1>${f.procedureName}</h1>
    ${p.notice ? html`<p class="ok" role="status">${p.notice}</p>` : ''}
    <div class="panel">
      <dl class="facts">
        <dt>${m.code}</dt>
        <dd><strong>${f.code}</strong></dd>
        <dt>${m.status}</dt>
        <dd>${f.status[lang]}</dd>
        <dt>${m.unit}</dt>
        <dd>${f.unitName}</dd>
        <dt>${m.submittedAt}</dt>
        <dd>${time(f.submittedAt, lang, true)}</dd>
        <dt>${m.appointment}</dt>
        <dd>${f.dueAt ? time(f.dueAt, lang, true) : '—'}</dd>
        <dt>${m.returnChannel}</dt>
        <dd>${f.returnChannel ? m.channels[f.returnChannel as 'online'] : '—'}</dd>
        <dt>${m.nextStep}</dt>
        <dd>${f.nextStep[lang]}</dd>
      </dl>
    </div>
    ${
      f.waitingForMe
        ? supplementForm({
            lang,
            id: f.id,
            version: f.version,
            requested: f.requested,
            csrf: p.csrf,
            errors: p.errors,
            maxMb: p.maxMb,
          })
        : ''
    }
    ${
      f.ratingUrl
        ? html`<section class="panel attention">
            <h2>${m.rate}</h2>
            <p>${m.rateText}</p>
            <p><a class="button" href="${f.ratingUrl}${lang === 'en' ? '&lang=en' : ''}">${m.rate}</a></p>
          </section>`
        : ''
    }
    <section class="panel">
      <h2>${m.results}</h2>
      ${
        f.results.length
          ? html`<ul class="plain">
              ${f.results.map(
                (r) =>
                  html`<li>
                    <a href="${base}/ket-qua/${r.n}" download>${m.download}: ${r.title} (${r.resultCode})</a>
                  </li>`,
              )}
            </ul>`
          : html`<p class="muted">${m.noResults}</p>`
      }
    </section>
    <section class="panel">
      <h2>${m.documents}</h2>
      <ul class="plain">
        ${f.documents.map(
          (d) =>
            html`<li>
              ${d.name}: <a href="${base}/giay-to/${d.position}" download>${d.fileName}</a>
              <span class="muted">(${m.size(Math.max(1, Math.round(d.size / 1024)))})</span>
            </li>`,
        )}
      </ul>
    </section>
    ${
      answers.length
        ? html`<section class="panel">
            <h2>${m.yourAnswers}</h2>
            <dl class="facts">${answers}</dl>
          </section>`
        : ''
    }
    <section class="panel">
      <h2>${m.history}</h2>
      <ol class="steps">
        ${f.steps.map(
          (s) =>
            html`<li>
              ${time(s.at, lang, true)} —
              ${s.label[lang]}${s.reason ? html`<br /><span class="muted">${s.reason}</span>` : ''}
            </li>`,
        )}
      </ol>
    </section>`;
  return layout({ lang, title: `${f.code} — ${f.procedureName}`, path: base, body });
}
