// Every public page (public-pages.ts) in a real browser against the real server: both languages, a phone
// and a desktop viewport, no serious or critical axe-core violation, nothing wider than the phone, the
// JavaScript budget (issue 5: the procedure page ≤ 150 KB gzip-compressed — in fact none at all), and the
// server-rendered pages read and search with JavaScript turned off.
// Run: node scripts/test.mjs --only apps/web/e2e/public-pages.e2e.test.ts --e2e   (needs /usr/bin/chromium)
import assert from 'node:assert/strict';
import { test, type TestContext } from 'node:test';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { PASSWORD, checkAccessibility, screenshot, withBrowser } from './harness.ts';
import {
  PROCEDURE_PAGE,
  PUBLIC_PAGES,
  SCRIPT_BUDGET_BYTES,
  VIEWPORTS,
  type Lang,
  type PreparedState,
  type PublicPage,
} from './public-pages.ts';

type Viewport = (typeof VIEWPORTS)[number];

// ---------- prepared state, through the API as the desk would ----------

/** A birth registration received at the counter by the demo receptionist, shaped like the bench's. */
async function receivedApplication(base: string): Promise<PreparedState['application']> {
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'motcua', password: PASSWORD }),
  });
  assert.equal(login.status, 200, 'the demo receptionist signs in');
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrfToken } = await login.json();
  const units = await (await fetch(`${base}/api/units`, { headers: { cookie } })).json();
  const centre = units.items.find((u: { kind: string; name: string }) => {
    return u.kind === 'pasc' && u.name.endsWith('Đinh Văn Lâm Hà');
  });
  assert.ok(centre, 'the service centre of xã Đinh Văn Lâm Hà');
  const applicant = {
    kind: 'person',
    fullName: 'Trần Văn Bình',
    idNumber: '068190005678',
    phone: '0987654321',
    address: 'Thôn 3, xã Đinh Văn Lâm Hà',
  };
  const documents = [
    { name: 'Tờ khai đăng ký khai sinh', copyType: 'original', quantity: 1 },
    { name: 'Giấy chứng sinh', copyType: 'certified_copy', quantity: 1 },
  ];
  const body = {
    procedureCode: '1.001193',
    receivingUnitId: centre.id,
    channel: 'counter',
    applicant,
    documents,
    feeAmount: 8000,
    returnChannel: 'counter',
  };
  const created = await fetch(`${base}/api/applications`, {
    method: 'POST',
    headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = await created.json();
  assert.equal(created.status, 201, JSON.stringify(json));
  return { code: json.application.code, lookupKey: json.application.lookupKey };
}

const PREPARE: { [K in keyof PreparedState]: (base: string) => Promise<PreparedState[K]> } = {
  application: receivedApplication,
};

async function prepare(base: string, pages: readonly PublicPage[]): Promise<PreparedState> {
  const state: Partial<PreparedState> = {};
  const make = async <K extends keyof PreparedState>(key: K) => {
    state[key] = await PREPARE[key](base);
  };
  for (const need of new Set(pages.flatMap((p) => p.needs ?? []))) await make(need);
  return state as PreparedState;
}

// ---------- visiting a page ----------

/** The address in the given language: the portal takes `?lang=en`; the app keeps the choice in storage. */
function address(page: PublicPage, state: PreparedState, lang: Lang): string {
  const path = typeof page.path === 'function' ? page.path(state) : page.path;
  if (page.render === 'app' || lang === 'vi') return path;
  return `${path}${path.includes('?') ? '&' : '?'}lang=en`;
}

interface ScriptLoad {
  url: string;
  bytes: number;
  gzipBytes: number;
}

interface Visit {
  context: BrowserContext;
  page: Page;
  status: number;
  scripts: ScriptLoad[];
}

async function visit(
  browser: Browser,
  url: string,
  options: { lang: Lang; viewport: Viewport; javaScript?: boolean; app?: boolean },
): Promise<Visit> {
  const phone = options.viewport.name === 'phone';
  const context = await browser.newContext({
    viewport: { width: options.viewport.width, height: options.viewport.height },
    isMobile: phone,
    hasTouch: phone,
    locale: options.lang === 'vi' ? 'vi-VN' : 'en-GB',
    javaScriptEnabled: options.javaScript ?? true,
  });
  context.setDefaultTimeout(15_000);
  if (options.app && options.lang === 'en') {
    // What the header's language switch leaves behind (i18n.tsx): the app starts in English.
    await context.addInitScript(() => window.localStorage.setItem('motcua.lang', 'en'));
  }
  const page = await context.newPage();
  const loads: Promise<ScriptLoad>[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() !== 'script') return;
    loads.push(
      response.body().then((body) => ({
        url: response.url(),
        bytes: body.length,
        gzipBytes: gzipSync(body).length,
      })),
    );
  });
  const response = await page.goto(url, { waitUntil: 'load' });
  assert.ok(response, `${url}: no response`);
  // The app may fetch more after load (data, a lazy chunk): its scripts are all in once the network rests.
  if (options.app && (options.javaScript ?? true)) await page.waitForLoadState('networkidle');
  return { context, page, status: response.status(), scripts: await Promise.all(loads) };
}

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;

function describeScripts(scripts: ScriptLoad[]): string {
  const total = scripts.reduce((sum, s) => sum + s.gzipBytes, 0);
  const raw = scripts.reduce((sum, s) => sum + s.bytes, 0);
  return `${scripts.length} script(s), ${kb(raw)} raw, ${kb(total)} gzip-compressed`;
}

async function checkPage(
  t: TestContext,
  entry: PublicPage,
  v: Visit,
  lang: Lang,
  viewport: Viewport,
): Promise<void> {
  const { page } = v;
  const label = `${entry.name} (${lang}, ${viewport.name})`;
  assert.equal(v.status, entry.status ?? 200, `${label}: HTTP status`);
  const heading = page.locator('main h1').first();
  await heading.waitFor();
  assert.ok((await heading.innerText()).trim().length > 0, `${label}: the level-1 heading has text`);
  if (entry.ready) await page.locator(entry.ready).first().waitFor();
  assert.equal(await page.getAttribute('html', 'lang'), lang, `${label}: the document language`);

  if (entry.render === 'server') {
    assert.deepEqual(
      v.scripts.map((s) => s.url),
      [],
      `${label}: a server-rendered page loads no script`,
    );
    // Counted before axe-core runs, whatever way the harness brings it in.
    assert.equal(await page.locator('script').count(), 0, `${label}: no inline script either`);
  }

  await checkAccessibility(t, page, label);
  await screenshot(page, `public-${entry.name}-${lang}-${viewport.name}`);

  const overflow = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const wide = [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > width + 1)
      .map((el) => `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className)}` : ''}`);
    return { scrollWidth: document.documentElement.scrollWidth, width, wide: wide.slice(0, 5) };
  });
  assert.ok(
    overflow.scrollWidth <= overflow.width,
    `${label}: the page scrolls sideways (${overflow.scrollWidth} px > ${overflow.width} px): ` +
      overflow.wide.join(', '),
  );

  const gzip = v.scripts.reduce((sum, s) => sum + s.gzipBytes, 0);
  t.diagnostic(`${label}: ${describeScripts(v.scripts)}`);
  // The issue's budget is the procedure page's (a server page: no script at all). The React pages carry the
  // whole staff app; their weight is reported above, not held to it (splitting the app is future work).
  if (entry.render === 'server')
    assert.ok(
      gzip <= SCRIPT_BUDGET_BYTES,
      `${label}: ${kb(gzip)} of JavaScript over the ${kb(SCRIPT_BUDGET_BYTES)} budget\n` +
        v.scripts.map((s) => `  ${s.url} ${kb(s.gzipBytes)}`).join('\n'),
    );
}

// ---------- the tests ----------

void test('public pages in a real browser', async (t) => {
  await withBrowser(t, async ({ base, browser }) => {
    const state = await prepare(base, PUBLIC_PAGES);

    for (const entry of PUBLIC_PAGES) {
      for (const lang of entry.languages ?? (['vi', 'en'] as const)) {
        for (const viewport of VIEWPORTS) {
          await t.test(`${entry.name} (${lang}, ${viewport.name}): axe, layout, JavaScript`, async (t) => {
            const url = `${base}${address(entry, state, lang)}`;
            const v = await visit(browser, url, { lang, viewport, app: entry.render === 'app' });
            try {
              await checkPage(t, entry, v, lang, viewport);
            } finally {
              await v.context.close();
            }
          });
        }
      }
    }

    await t.test(`${PROCEDURE_PAGE} loads no script: 0 bytes of a 150 KB budget`, async (t) => {
      const v = await visit(browser, `${base}${PROCEDURE_PAGE}`, { lang: 'vi', viewport: VIEWPORTS[0] });
      try {
        const gzip = v.scripts.reduce((sum, s) => sum + s.gzipBytes, 0);
        t.diagnostic(`${PROCEDURE_PAGE}: ${describeScripts(v.scripts)}`);
        assert.equal(v.scripts.length, 0, v.scripts.map((s) => s.url).join('\n'));
        assert.ok(gzip <= SCRIPT_BUDGET_BYTES);
        await v.page.getByRole('heading', { level: 1, name: 'Đăng ký khai sinh' }).waitFor();
      } finally {
        await v.context.close();
      }
    });

    for (const entry of PUBLIC_PAGES.filter((p) => p.render === 'server')) {
      for (const lang of entry.languages ?? (['vi', 'en'] as const)) {
        await t.test(`${entry.name} (${lang}) reads with JavaScript turned off`, async () => {
          const url = `${base}${address(entry, state, lang)}`;
          const v = await visit(browser, url, { lang, viewport: VIEWPORTS[0], javaScript: false });
          try {
            assert.equal(v.status, entry.status ?? 200);
            await v.page.locator('main h1').first().waitFor();
            const text = await v.page.locator('main').innerText();
            assert.ok(text.trim().length > 40, `${entry.name}: the content shows without JavaScript`);
            assert.equal(await v.page.getAttribute('html', 'lang'), lang);
          } finally {
            await v.context.close();
          }
        });
      }
    }

    await t.test('the portal search works with JavaScript turned off', async () => {
      const v = await visit(browser, `${base}/thu-tuc`, {
        lang: 'vi',
        viewport: VIEWPORTS[0],
        javaScript: false,
      });
      const { page } = v;
      try {
        await page.getByRole('searchbox').fill('dang ky khai sinh');
        await Promise.all([
          page.waitForURL(/\/thu-tuc\?q=dang\+ky\+khai\+sinh/),
          page.keyboard.press('Enter'),
        ]);
        await page.getByRole('link', { name: 'Đăng ký khai sinh', exact: true }).first().click();
        await page.waitForURL(`${base}/thu-tuc/1.001193`);
        await page.getByRole('heading', { level: 1, name: 'Đăng ký khai sinh' }).waitFor();
      } finally {
        await v.context.close();
      }
    });
  });
});
