import { html, raw, type Html } from './html.ts';
import { MESSAGES, type Lang } from './portal.messages.ts';
import { portalHref } from './portal.format.ts';
import { PORTAL_CSS } from './portal.styles.ts';

/** Decorative: a gold star on red, drawn inline (no image request, nothing for img-src). */
const EMBLEM_SHAPES =
  '<circle cx="20" cy="20" r="19" fill="#c8102e" stroke="#f2c230" stroke-width="2"/>' +
  '<path fill="#f2c230" d="M20 7.5l3 9.2h9.7l-7.8 5.7 3 9.2-7.9-5.7-7.9 5.7 3-9.2-7.8-5.7H17z"/>';
const EMBLEM = raw(
  `<svg width="40" height="40" viewBox="0 0 40 40" aria-hidden="true" focusable="false">${EMBLEM_SHAPES}</svg>`,
);
/** The same emblem as the site icon (GET /favicon.svg). */
export const EMBLEM_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 40">${EMBLEM_SHAPES}</svg>`;

export interface Page {
  lang: Lang;
  title: string;
  description?: string;
  /** Where this page lives, with its parameters except `lang`: the language switch links to it. */
  path: string;
  params?: Record<string, string | number | undefined>;
  body: Html;
}

/** The document every public page shares: landmarks, skip link, language switch, one inline style sheet. */
export function layout(page: Page): string {
  const m = MESSAGES[page.lang];
  const other = m.otherLanguage;
  return html`<!doctype html>
    <html lang="${m.htmlLang}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${page.title} — ${m.siteName}</title>
        ${page.description ? html`<meta name="description" content="${page.description}" />` : ''}
        <meta name="color-scheme" content="light" />
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        <style>
          ${raw(PORTAL_CSS)}
        </style>
      </head>
      <body>
        <a class="skip" href="#main">${m.skipLink}</a>
        <header>
          <div class="wrap">
            <a class="brand" href="${portalHref('/thu-tuc', page.lang)}"
              >${EMBLEM}<span><b>${m.siteName}</b><span>${m.siteTagline}</span></span></a
            >
            <nav aria-label="${m.languageNav}">
              <a href="${portalHref('/cong-dan', page.lang)}">${m.myFiles}</a>
              <a
                href="${portalHref(page.path, other.lang, page.params)}"
                lang="${other.lang}"
                hreflang="${other.lang}"
                >${other.label}</a
              >
            </nav>
          </div>
        </header>
        <main id="main" tabindex="-1">
          <div class="wrap">${page.body}</div>
        </main>
        <footer>
          <div class="wrap">${m.footer}</div>
        </footer>
      </body>
    </html> `.value;
}
