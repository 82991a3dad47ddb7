import type { FieldError } from '@motcua/domain/online/fields';
import { APPLICANT_FIELDS } from '@motcua/domain/online/applicant';
import type { FormView } from '../../online/online-forms.ts';
import { html, type Html } from '../html.ts';
import { layout } from '../portal.layout.ts';
import { portalHref } from '../portal.format.ts';
import type { Lang } from '../portal.messages.ts';
import { CITIZEN_MESSAGES } from './citizen.messages.ts';
import { control, errorSummary, idOf, radios } from './form-controls.ts';

export interface FilingPage {
  lang: Lang;
  form: FormView;
  csrf: string;
  values: Record<string, string>;
  errors: FieldError[];
  /** Files were chosen but the page came back: the browser cannot keep them. */
  filesLost: boolean;
  today: string;
  maxMb: number;
}

/** Where each error of the service points to on the page (document slots are `doc_n`). */
const names = (errors: readonly FieldError[]) => Object.fromEntries(errors.map((e) => [e.field, e.field]));

export function filingPage(p: FilingPage): string {
  const { lang, form, values, errors } = p;
  const m = CITIZEN_MESSAGES[lang];
  const code = form.procedure.code;
  const action = portalHref(`/nop-ho-so/${encodeURIComponent(code)}`, lang);
  const uploads = form.uploads.map((slot, i) => {
    const name = `doc_${i + 1}`;
    const id = idOf(name);
    const error = errors.find((e) => e.field === name);
    return html`<div class="field${error ? ' invalid' : ''}">
      <label for="${id}"
        >${slot.name}${slot.required ? html` <span aria-hidden="true">*</span>` : ''}
        <span class="note"
          >${slot.required ? m.required : m.optional}${slot.note ? ` — ${slot.note}` : ''}</span
        ></label
      >
      ${error ? html`<span class="error" id="${id}-error">${error.detail[lang]}</span>` : ''}
      <input
        type="file"
        id="${id}"
        name="${name}"
        accept="application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png"
        ${slot.required ? html`required` : ''}
        ${error ? html`aria-invalid="true" aria-describedby="${id}-error"` : ''}
      />
    </div>`;
  });
  const body = html`<nav class="crumbs" aria-label="breadcrumb">
      <ol>
        <li>
          <a href="${portalHref('/thu-tuc', lang)}">${lang === 'vi' ? 'Thủ tục hành chính' : 'Procedures'}</a>
        </li>
        <li><a href="${portalHref(`/thu-tuc/${code}`, lang)}">${code}</a></li>
      </ol>
    </nav>
    <h1>${m.fileTitle(form.procedure.name)}</h1>
    <p class="muted">${m.fileIntro}</p>
    ${errorSummary(errors, lang, names(errors))}
    ${p.filesLost ? html`<p class="warn">${m.chooseAgain}</p>` : ''}
    <form method="post" action="${action}" enctype="multipart/form-data" class="filing">
      <input type="hidden" name="csrf" value="${p.csrf}" />
      <input type="hidden" name="procedureCode" value="${code}" />
      <section class="panel">
        <h2>${m.applicantSection}</h2>
        ${APPLICANT_FIELDS.map((f) =>
          control(f, `applicant.${f.key}`, values[`applicant.${f.key}`] ?? '', errors, lang, p.today),
        )}
      </section>
      ${
        form.fields.length
          ? html`<section class="panel">
              <h2>${m.formSection}</h2>
              ${form.fields.map((f) => control(f, `field.${f.key}`, values[`field.${f.key}`] ?? '', errors, lang, p.today))}
            </section>`
          : ''
      }
      <section class="panel">
        <h2>${m.uploadsSection}</h2>
        <p class="muted">${m.uploadHint(p.maxMb)}</p>
        ${uploads}
      </section>
      <section class="panel">
        <h2>${m.whereSection}</h2>
        ${control(
          {
            key: 'receivingUnitId',
            label: { vi: m.whereLabel, en: m.whereLabel },
            type: 'select',
            required: true,
            options: form.units.map((u) => ({ value: u.id, label: { vi: u.name, en: u.name } })),
          },
          'receivingUnitId',
          values.receivingUnitId ?? (form.units.length === 1 ? form.units[0]!.id : ''),
          errors,
          lang,
          p.today,
        )}
        ${radios(
          'returnChannel',
          m.howLabel,
          form.returnChannels.map((c) => ({ value: c, label: m.channels[c] })),
          values.returnChannel ?? '',
          errors,
          lang,
        )}
      </section>
      <p class="actions"><button type="submit">${m.submit}</button></p>
    </form>`;
  return layout({
    lang,
    title: m.fileTitle(form.procedure.name),
    path: `/nop-ho-so/${code}`,
    body,
  });
}

/** The supplement form on a file waiting for the citizen: one upload per document asked for. */
export function supplementForm(p: {
  lang: Lang;
  id: string;
  version: number;
  requested: readonly string[];
  csrf: string;
  errors: readonly FieldError[];
  maxMb: number;
}): Html {
  const m = CITIZEN_MESSAGES[p.lang];
  return html`<section class="panel attention" aria-labelledby="supplement-title">
    <h2 id="supplement-title">${m.supplementTitle}</h2>
    <p>${m.supplementIntro} ${m.uploadHint(p.maxMb)}</p>
    ${errorSummary(p.errors, p.lang)}
    <form
      method="post"
      enctype="multipart/form-data"
      action="${portalHref(`/cong-dan/ho-so/${p.id}/bo-sung`, p.lang)}"
    >
      <input type="hidden" name="csrf" value="${p.csrf}" />
      <input type="hidden" name="version" value="${p.version}" />
      ${p.requested.map((name, i) => {
        const id = idOf(`doc_${i + 1}`);
        const error = p.errors.find((e) => e.field === `doc_${i + 1}`);
        return html`<div class="field${error ? ' invalid' : ''}">
          <label for="${id}">${name}</label>
          ${error ? html`<span class="error" id="${id}-error">${error.detail[p.lang]}</span>` : ''}
          <input
            type="file"
            id="${id}"
            name="doc_${i + 1}"
            accept="application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png"
          />
        </div>`;
      })}
      <div class="field">
        <label for="f-note">${m.supplementNote}</label>
        <textarea id="f-note" name="note" rows="3" maxlength="2000"></textarea>
      </div>
      <p class="actions"><button type="submit">${m.supplementButton}</button></p>
    </form>
  </section>`;
}
