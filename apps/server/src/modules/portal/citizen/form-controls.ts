import type { Text } from '@motcua/domain/errors';
import { inputAttributes, type FieldError, type FormField } from '@motcua/domain/online/fields';
import { html, raw, type Html } from '../html.ts';
import type { Lang } from '../portal.messages.ts';
import { CITIZEN_MESSAGES } from './citizen.messages.ts';

/** A control's id from its form name ("field.birth_date" → "f-field-birth_date"). */
export const idOf = (name: string) => `f-${name.replace(/[^a-zA-Z0-9_-]/g, '-')}`;

const attrs = (a: Record<string, string | true>) =>
  raw(
    Object.entries(a)
      .map(([k, v]) => (v === true ? ` ${k}` : ` ${k}="${v.replace(/"/g, '&quot;')}"`))
      .join(''),
  );

/** The list of problems at the top of a form: announced, each a link to its control. */
export function errorSummary(
  errors: readonly FieldError[],
  lang: Lang,
  names: Record<string, string> = {},
): Html {
  if (errors.length === 0) return html``;
  const m = CITIZEN_MESSAGES[lang];
  return html`<div class="errors" role="alert" tabindex="-1" id="errors">
    <h2>${m.errorsTitle}</h2>
    <ul>
      ${errors.map((e) => html`<li><a href="#${idOf(names[e.field] ?? e.field)}">${e.detail[lang]}</a></li>`)}
    </ul>
  </div>`;
}

const errorOf = (errors: readonly FieldError[], name: string) => errors.find((e) => e.field === name);

/** One field of a form definition as a labelled control, with the browser's checks and its error. */
export function control(
  field: FormField,
  name: string,
  value: string,
  errors: readonly FieldError[],
  lang: Lang,
  today: string,
): Html {
  const id = idOf(name);
  const error = errorOf(errors, name);
  const describedBy = [field.help ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  const a: Record<string, string | true> = { ...inputAttributes(field, today), id, name };
  if (describedBy) a['aria-describedby'] = describedBy;
  if (error) a['aria-invalid'] = 'true';
  const label = html`<label for="${id}"
    >${field.label[lang]}${field.required ? html` <span aria-hidden="true">*</span>` : ''}</label
  >`;
  const hint = field.help ? html`<span class="hint" id="${id}-hint">${field.help[lang]}</span>` : '';
  const err = error ? html`<span class="error" id="${id}-error">${error.detail[lang]}</span>` : '';
  let input: Html;
  switch (field.type) {
    case 'textarea':
      input = html`<textarea${attrs(a)} rows="4">${value}</textarea>`;
      break;
    case 'select':
      input = html`<select${attrs(a)}>
        <option value="">${CITIZEN_MESSAGES[lang].chooseOne}</option>
        ${(field.options ?? []).map(
          (o) =>
            html`<option value="${o.value}" ${o.value === value ? raw('selected') : ''}>
              ${o.label[lang]}
            </option>`,
        )}
      </select>`;
      break;
    default: {
      const type = { date: 'date', email: 'email', phone: 'tel' }[field.type as string] ?? 'text';
      const autocomplete = AUTOCOMPLETE[name];
      input = html`<input
        type="${type}"
        ${attrs(a)}
        value="${value}"
        ${autocomplete ? raw(`autocomplete="${autocomplete}"`) : ''}
      />`;
    }
  }
  return html`<div class="field${error ? ' invalid' : ''}">${label}${hint}${err}${input}</div>`;
}

/** Help the browser fill the applicant's own details. */
const AUTOCOMPLETE: Record<string, string> = {
  'applicant.full_name': 'name',
  'applicant.phone': 'tel',
  'applicant.email': 'email',
  'applicant.address': 'street-address',
  'applicant.organisation_name': 'organization',
};

/** A group of radio buttons (one choice) inside a fieldset with its legend. */
export function radios(
  name: string,
  legend: string,
  options: readonly { value: string; label: string }[],
  value: string,
  errors: readonly FieldError[],
  lang: Lang,
): Html {
  const error = errorOf(errors, name);
  const id = idOf(name);
  return html`<fieldset
    class="field${error ? ' invalid' : ''}"
    id="${id}"
    ${error ? raw(`aria-describedby="${id}-error"`) : ''}
  >
    <legend>${legend} <span aria-hidden="true">*</span></legend>
    ${error ? html`<span class="error" id="${id}-error">${error.detail[lang]}</span>` : ''}
    ${options.map(
      (o, i) =>
        html`<label class="choice"
          ><input
            type="radio"
            name="${name}"
            value="${o.value}"
            required
            ${o.value === value || (!value && i === 0) ? raw('checked') : ''}
          />
          ${o.label}</label
        >`,
    )}
  </fieldset>`;
}

export const t = (text: Text, lang: Lang) => text[lang];
