// Every page anyone may open without a staff account. public-pages.e2e.test.ts visits each one in both
// languages, on a phone and a desktop, with axe-core, a JavaScript budget and (server-rendered pages) with
// JavaScript off. A new public page is one more line in PUBLIC_PAGES.

export type Lang = 'vi' | 'en';

/**
 * What a page may need prepared before it is opened; the test makes each once, through the API.
 * A page needing something new adds a field here and its preparation in the test's `prepare`.
 */
export interface PreparedState {
  /** A birth registration just received at the desk, with the key printed on its slip. */
  application: { code: string; lookupKey: string };
}

export interface PublicPage {
  /** Short, for test names and screenshot files. */
  name: string;
  /** The address, with its query; a function of the prepared state when the page shows prepared data. */
  path: string | ((state: PreparedState) => string);
  /**
   * `server`: rendered by the server (the portal): no script at all, readable with JavaScript off, English
   * through `?lang=en`. `app`: the React app; English is the choice the language switch keeps in storage.
   */
  render: 'server' | 'app';
  needs?: readonly (keyof PreparedState)[];
  /** The HTTP status of the document (default 200). */
  status?: number;
  /** Besides the level-1 heading, what to wait for before checking (a CSS selector), e.g. loaded data. */
  ready?: string;
  /** Default: both. */
  languages?: readonly Lang[];
}

const q = encodeURIComponent;

export const PUBLIC_PAGES: readonly PublicPage[] = [
  { name: 'portal-search', path: '/thu-tuc', render: 'server' },
  { name: 'portal-search-query', path: `/thu-tuc?q=${q('dang ky khai sinh')}`, render: 'server' },
  { name: 'portal-search-page-2', path: '/thu-tuc?page=2', render: 'server' },
  { name: 'portal-procedure', path: '/thu-tuc/1.001193', render: 'server' },
  { name: 'portal-procedure-unknown', path: '/thu-tuc/9.999999', render: 'server', status: 404 },
  { name: 'lookup', path: '/tra-cuu', render: 'app' },
  {
    name: 'lookup-found',
    path: ({ application: a }) => `/tra-cuu?ma=${q(a.code)}&khoa=${q(a.lookupKey)}`,
    render: 'app',
    needs: ['application'],
    ready: 'main h2',
  },
  { name: 'verify', path: '/xac-minh', render: 'app' },
  { name: 'staff-sign-in', path: '/dang-nhap', render: 'app' },
  { name: 'citizen-sign-in', path: `/cong-dan/dang-nhap?next=${q('/nop-ho-so/1.001193')}`, render: 'server' },
  { name: 'rating-entry', path: '/danh-gia', render: 'server' },
  {
    name: 'rating-not-yet-returned',
    path: ({ application: a }) => `/danh-gia/${q(a.code)}?k=${q(a.lookupKey)}`,
    render: 'server',
    needs: ['application'],
  },
  { name: 'rating-kiosk', path: '/quay/danh-gia', render: 'server' },
];

/** The page the JavaScript budget is about: a citizen reading one procedure. */
export const PROCEDURE_PAGE = '/thu-tuc/1.001193';

/** Issue 5: at most 150 KB of JavaScript, gzip-compressed (KB = 1,000 bytes: the stricter reading). */
export const SCRIPT_BUDGET_BYTES = 150_000;

export const VIEWPORTS = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1280, height: 800 },
] as const;
