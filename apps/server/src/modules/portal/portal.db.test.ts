import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import Fastify, { type FastifyInstance, type LightMyRequestResponse } from 'fastify';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { storeLabel } from '../../../test/store.ts';
import { CATALOG } from '../procedures/data/catalog.ts';
import { aProcedure } from '../procedures/procedures.builders.ts';
import { formatMoment, vnIso } from './portal.format.ts';
import { MESSAGES } from './portal.messages.ts';
import { PORTAL_CSP, portalRoutes } from './portal.routes.ts';

/** Friday 04/12/2026, 16:30 Vietnam time: after the 15:00 cut-off, before closing; the weekend follows. */
const FRIDAY_1630 = new Date('2026-12-04T16:30:00+07:00');

const VOID = new Set(['meta', 'link', 'input', 'br', 'path', 'circle']);
const TAGS = new Set([
  ...VOID,
  ...'html head title style body header nav main footer div section a span b strong h1 h2 h3 p ol ul li dl dt dd'.split(
    ' ',
  ),
  ...'form label button table thead tbody tr th td time svg'.split(' '),
]);

/**
 * Well-formed enough: every tag is one the templates write and every element is closed in order, so no `<`
 * from the data became markup. No script anywhere.
 */
function assertWellFormed(body: string) {
  assert.ok(!/<script/i.test(body), 'no <script');
  assert.ok(body.startsWith('<!doctype html>\n'), 'doctype');
  const stack: string[] = [];
  for (const [, closing, name, selfClosing] of body
    .slice('<!doctype html>'.length)
    .matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b[^<>]*?(\/?)>/g)) {
    const tag = name!.toLowerCase();
    assert.ok(TAGS.has(tag), `unexpected tag <${tag}>`);
    if (closing) assert.equal(stack.pop(), tag, `</${tag}> closes the open element`);
    else if (!VOID.has(tag) && !selfClosing) stack.push(tag);
  }
  assert.deepEqual(stack, [], 'every element is closed');
  // Outside tags, no stray angle bracket: a data `<` is always &lt;.
  assert.ok(!/<(?![a-zA-Z/!])/.test(body), 'no bare < in text');
}

function assertPageHeaders(response: LightMyRequestResponse) {
  assert.equal(response.headers['content-type'], 'text/html; charset=utf-8');
  assert.equal(response.headers['cache-control'], 'public, max-age=300');
  assert.equal(response.headers['content-security-policy'], PORTAL_CSP);
  assert.equal(
    PORTAL_CSP,
    "default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self'; form-action 'self'; connect-src 'self'",
  );
}

/** With a message: without one, a failing assert.ok re-parses the transpiled source (minutes under tsx). */
const has = (body: string, text: string) => assert.ok(body.includes(text), `missing: ${text}`);
const lacks = (body: string, text: string) => assert.ok(!body.includes(text), `present: ${text}`);

const codesOf = (body: string) => [...body.matchAll(/<h3><a href="\/thu-tuc\/([0-9.]+)/g)].map((m) => m[1]);

describe(`public procedure pages, no JavaScript (${storeLabel})`, () => {
  let t: TestApp;
  /** The same pages and services, with "now" fixed (the app's own clock option does not reach the routes). */
  let fixed: FastifyInstance;
  const page = async (url: string, server: FastifyInstance = t.app.server) => {
    const response = await server.inject({ method: 'GET', url, headers: { accept: 'text/html' } });
    assertPageHeaders(response);
    assertWellFormed(response.body);
    // Whitespace as the browser sees it: one space, none before a tag's closing ">".
    const flat = response.body.replace(/\s+/g, ' ').replace(/ >/g, '>');
    return {
      statusCode: response.statusCode,
      headers: response.headers,
      body: flat,
      bytes: response.rawPayload.length,
    };
  };

  before(async () => {
    t = await createTestApp({}, { clock: () => FRIDAY_1630 });
    fixed = Fastify();
    await fixed.register(
      portalRoutes({
        procedures: t.app.services.procedures,
        calendar: t.app.services.calendar,
        clock: () => FRIDAY_1630,
      }),
    );
    await fixed.ready();
  });
  after(async () => {
    await fixed.close();
    await t.dispose();
  });

  test('"dang ky khai sinh" without diacritics lists Đăng ký khai sinh first, with its facts and link', async () => {
    const response = await page('/thu-tuc?q=dang+ky+khai+sinh');
    assert.equal(response.statusCode, 200);
    const { body } = response;
    assert.match(body, /<html lang="vi">/);
    assert.equal(codesOf(body)[0], '1.001193');
    assert.match(body, /<h3><a href="\/thu-tuc\/1\.001193">Đăng ký khai sinh<\/a><\/h3>/);
    assert.match(body, /Tìm thấy \d+ thủ tục cho “dang ky khai sinh”/);
    for (const text of [
      'Cấp xã',
      'Hộ tịch',
      'Mã thủ tục',
      'Thời hạn giải quyết',
      'Một phần',
      '5 ngày làm việc',
    ])
      assert.ok(body.includes(text), text);
    assert.match(body, /<label for="q">Tên hoặc mã thủ tục<\/label>/);
    assert.match(body, /<input type="search" id="q" name="q" value="dang ky khai sinh"/);
    assert.match(body, /aria-describedby="q-hint"/);
  });

  test('an empty query lists the catalogue 20 a page; page 2 goes on where page 1 stopped', async () => {
    const first = (await page('/thu-tuc')).body;
    has(first, `Có ${CATALOG.length} thủ tục trong danh mục`);
    const pages = Math.ceil(CATALOG.length / 20);
    has(first, `Trang 1/${pages}`);
    assert.equal(codesOf(first).length, 20);
    assert.match(first, /<a href="\/thu-tuc\?page=2" rel="next">/);
    lacks(first, 'rel="prev"');

    const second = (await page('/thu-tuc?page=2')).body;
    assert.equal(codesOf(second).length, 20);
    assert.match(second, /<ol class="results" start="21">/);
    assert.match(second, /<a href="\/thu-tuc" rel="prev">/);
    assert.equal(codesOf(second).filter((c) => codesOf(first).includes(c)).length, 0, 'no overlap');
    const last = (await page(`/thu-tuc?page=${pages}`)).body;
    assert.equal(codesOf(last).length, CATALOG.length - 20 * (pages - 1));
    lacks(last, 'rel="next"');

    const beyond = await page('/thu-tuc?page=99');
    assert.equal(beyond.statusCode, 200);
    has(beyond.body, 'Trang này không có kết quả.');
    assert.equal((await page('/thu-tuc?page=abc')).body, first, 'a bad page number is page 1');
  });

  test('a query with <script> is echoed escaped, in the field, the title and the heading', async () => {
    const q = '<script>alert("x")</script>';
    const { body, statusCode } = await page(`/thu-tuc?q=${encodeURIComponent(q)}`);
    assert.equal(statusCode, 200);
    const escaped = '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;';
    has(body, `value="${escaped}"`);
    has(body, `<title>${escaped} — Tra cứu thủ tục hành chính`);
    has(body, `“${escaped}”`);
  });

  test('the detail page: documents, fee, time, and the return date the due-date API gives for the same clock', async () => {
    const response = await page('/thu-tuc/1.001193', fixed);
    assert.equal(response.statusCode, 200);
    const { body } = response;
    assert.match(body, /<h1>Đăng ký khai sinh<\/h1>/);
    for (const text of [
      'Tờ khai đăng ký khai sinh theo mẫu',
      'Giấy chứng sinh',
      'Bản chính',
      '<td class="n">1</td>',
      'Miễn phí',
      '1 (văn bản công bố không ghi đơn vị)',
      'Giấy khai sinh',
      'Cấp xã',
      'Quyết định công bố thủ tục hành chính số 163/QĐ-BTP',
      'Trực tiếp tại Bộ phận Một cửa',
      'Qua dịch vụ bưu chính công ích',
      'Hồ sơ nhận sau 15 giờ được tính từ ngày làm việc tiếp theo.',
    ])
      assert.ok(body.includes(text), text);
    assert.match(body, /<a class="button" href="\/nop-ho-so\/1\.001193">Nộp hồ sơ trực tuyến<\/a>/);

    for (const code of ['1.001193', '1.004837', '2.000908', '1.013225']) {
      const html = code === '1.001193' ? body : (await page(`/thu-tuc/${code}`, fixed)).body;
      const api = await t.app.server.inject({
        method: 'GET',
        url: `/api/calendar/due-date?receivedAt=${encodeURIComponent(FRIDAY_1630.toISOString())}&procedure=${code}`,
      });
      assert.equal(api.statusCode, 200, api.body);
      const dueAt = new Date(api.json<{ dueAt: string }>().dueAt);
      const shown = `Nếu nộp hồ sơ bây giờ, ngày hẹn trả dự kiến: <strong class="date"><time datetime="${vnIso(dueAt)}">${formatMoment(dueAt, MESSAGES.vi)}</time></strong>`;
      assert.ok(html.includes(shown), `${code}: ${shown}`);
      has(html, `<time datetime="2026-12-04T16:30:00+07:00">16:30 thứ Sáu, 04/12/2026</time>`);
    }
    // Filed Friday after 15:00: day 0 is Monday 7/12 (the weekend skipped), one working day → Tuesday.
    has(body, '17:00 thứ Ba, 08/12/2026');
  });

  test('through the whole app, the pages win over the web app fallback; the date matches the API at the stated time', async () => {
    const { body } = await page('/thu-tuc/1.004837');
    assert.match(body, /<h1>Đăng ký giám hộ<\/h1>/);
    const [, stated] = /Tính tại thời điểm <time datetime="([^"]+)"/.exec(body)!;
    const api = await t.app.server.inject({
      method: 'GET',
      url: `/api/calendar/due-date?receivedAt=${encodeURIComponent(stated!)}&procedure=1.004837`,
    });
    const dueAt = new Date(api.json<{ dueAt: string }>().dueAt);
    has(body, `<time datetime="${vnIso(dueAt)}">${formatMoment(dueAt, MESSAGES.vi)}</time>`);
    assert.equal((await page('/thu-tuc')).statusCode, 200);
    const moved = await t.app.server.inject({ method: 'GET', url: '/thu-tuc/?q=ho+tich&lang=en' });
    assert.equal(moved.statusCode, 301);
    assert.equal(moved.headers.location, '/thu-tuc?q=ho+tich&lang=en');
    // When the web app is built, other page paths still get its shell (with its script): the fallback is intact.
    const shell = await t.app.server.inject({
      method: 'GET',
      url: '/tra-cuu',
      headers: { accept: 'text/html' },
    });
    if (shell.statusCode === 200) assert.match(shell.body, /<script/);
    const spec = t.app.server.swagger() as { paths: Record<string, unknown> };
    assert.deepEqual(
      Object.keys(spec.paths).filter((path) => path.includes('thu-tuc')),
      [],
      'not in OpenAPI',
    );
  });

  test('the well-formedness check itself rejects markup that came from data', () => {
    assert.throws(() => assertWellFormed('<!doctype html>\n<p><img src=x onerror=alert(1)></p>'));
    assert.throws(() => assertWellFormed('<!doctype html>\n<p><b></p></b>'));
    assert.throws(() => assertWellFormed('<!doctype html>\n<p>1 < 2</p>'));
    assert.throws(() => assertWellFormed('<!doctype html>\n<p><script>x</script></p>'));
    assertWellFormed('<!doctype html>\n<p>1 &lt; 2<br></p>');
  });

  test('?lang=en: English labels, <html lang="en">, links keep the language; Vietnamese data marked lang="vi"', async () => {
    const detail = (await page('/thu-tuc/1.001193?lang=en', fixed)).body;
    assert.match(detail, /<html lang="en">/);
    for (const text of [
      'Required documents',
      'If you file now, the expected return date is:',
      '17:00 Tuesday, 08/12/2026',
      'Original',
      'Free',
      'Legal basis',
      'How to file',
      'Partly online',
    ])
      assert.ok(detail.includes(text), text);
    assert.match(detail, /<h1><span lang="vi">Đăng ký khai sinh<\/span><\/h1>/);
    assert.match(detail, /href="\/nop-ho-so\/1\.001193\?lang=en">File online</);
    assert.match(detail, /<a href="\/thu-tuc\/1\.001193" lang="vi" hreflang="vi">Tiếng Việt<\/a>/);

    const search = (await page('/thu-tuc?q=ket+hon&lang=en')).body;
    assert.match(search, /<html lang="en">/);
    has(search, 'Procedure name or code');
    has(search, '<input type="hidden" name="lang" value="en" />');
    assert.match(search, /<a href="\/thu-tuc\/1\.000894\?lang=en">/);
    assert.match(search, /<a href="\/thu-tuc\?q=ket\+hon" lang="vi" hreflang="vi">Tiếng Việt<\/a>/);
    const paged = (await page('/thu-tuc?lang=en')).body;
    assert.match(paged, /<a href="\/thu-tuc\?page=2&amp;lang=en" rel="next">/);
  });

  test('an unknown code is a 404 page in HTML, in the page language', async () => {
    const unknown = await page('/thu-tuc/9.999999');
    assert.equal(unknown.statusCode, 404);
    assert.match(unknown.body, /<html lang="vi">/);
    assert.match(unknown.body, /<h1>Không tìm thấy thủ tục<\/h1>/);
    has(unknown.body, 'mã “9.999999”');
    const english = await page('/thu-tuc/9.999999?lang=en');
    assert.equal(english.statusCode, 404);
    assert.match(english.body, /<h1>Procedure not found<\/h1>/);
    const garbage = await page(`/thu-tuc/${encodeURIComponent('<script>x')}`);
    assert.equal(garbage.statusCode, 404);
    has(garbage.body, '“&lt;script&gt;x”');
  });

  test('catalogue data with markup is escaped everywhere; no online link without an online channel', async () => {
    const admin = await t.login('quantri');
    const evil = aProcedure({
      name: 'Thủ tục <script>alert(1)</script> thử',
      field: 'Lĩnh vực <b>đậm</b>',
      documents: [
        { name: '<img src=x onerror=alert(1)>', copyType: 'certified_copy', quantity: 2, note: '"><i>' },
      ],
      feeAmount: 15000,
      feeText: '15.000 đồng <u>/hồ sơ</u>',
      onlineLevel: 'none',
      channels: ['counter'],
      legalBasis: '1/QĐ <em>',
    });
    const created = await admin.request('POST', '/api/procedures', evil);
    assert.equal(created.statusCode, 201, created.body);
    const detail = await page(`/thu-tuc/${evil.code}`, fixed);
    assert.equal(detail.statusCode, 200);
    has(detail.body, '<h1>Thủ tục &lt;script&gt;alert(1)&lt;/script&gt; thử</h1>');
    has(detail.body, '&lt;img src=x onerror=alert(1)&gt;');
    has(detail.body, 'Bản sao chứng thực');
    has(detail.body, '<td class="n">2</td>');
    assert.ok(!detail.body.includes('/nop-ho-so/'), 'no online filing link');
    has(detail.body, 'Không cung cấp trực tuyến');
    const listed = await page(`/thu-tuc?q=${evil.code}`);
    has(listed.body, 'Thủ tục &lt;script&gt;alert(1)&lt;/script&gt; thử');
  });

  test('page weight: HTML with its inline CSS stays small', async () => {
    const weights = {
      search: (await page('/thu-tuc')).bytes,
      detail: (await page('/thu-tuc/1.001193', fixed)).bytes,
    };
    assert.ok(weights.search < 40_000, JSON.stringify(weights));
    assert.ok(weights.detail < 20_000, JSON.stringify(weights));
  });

  test('the site icon is the emblem; robots may read the catalogue, not the API or private pages', async () => {
    const icon = await t.app.server.inject({ method: 'GET', url: '/favicon.svg' });
    assert.equal(icon.statusCode, 200);
    assert.equal(icon.headers['content-type'], 'image/svg+xml');
    has(icon.body, '<svg xmlns="http://www.w3.org/2000/svg"');
    has((await page('/thu-tuc')).body, '<link rel="icon" href="/favicon.svg" type="image/svg+xml" />');
    const robots = await t.app.server.inject({ method: 'GET', url: '/robots.txt' });
    assert.equal(robots.statusCode, 200);
    assert.match(robots.body, /^Allow: \/thu-tuc$/m);
    assert.match(robots.body, /^Disallow: \/cong-dan$/m);
  });
});
