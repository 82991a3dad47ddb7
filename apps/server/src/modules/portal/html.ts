/**
 * A tiny HTML template: every interpolated value is escaped unless it is already `Html` (the result of `html`
 * or `raw`). Arrays are joined, each element escaped the same way; null, undefined and false print nothing.
 * Attribute values must be quoted in the template ("…"): the escaper covers both quote characters.
 */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type HtmlValue = Html | string | number | null | undefined | false | readonly HtmlValue[];

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

/**
 * The template's own text with its indentation dropped (a line break stays: between tags it renders as one
 * space, as it would indented): the formatter may lay the templates out freely without growing the pages.
 * Interpolated values are never touched. Kept per template (the strings array is the same object each call).
 */
const compacted = new WeakMap<TemplateStringsArray, string[]>();
function compact(strings: TemplateStringsArray): string[] {
  let parts = compacted.get(strings);
  if (!parts) {
    parts = strings.map((s) => s.replace(/[ \t]*\n\s*/g, '\n'));
    compacted.set(strings, parts);
  }
  return parts;
}

export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  const parts = compact(strings);
  let out = parts[0]!;
  values.forEach((value, i) => {
    out += render(value) + parts[i + 1]!;
  });
  return new Html(out);
}

/** Markup written by this module itself (the style sheet): never data. */
export const raw = (trusted: string): Html => new Html(trusted);
