import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, deskOfficers, type TestApp } from '../../../test/app.ts';
import { storeLabel } from '../../../test/store.ts';
import { vn, workflow, type Desk, type FileRef } from './ratings.test-support.ts';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const SAME_ORIGIN = { ...FORM, origin: 'http://localhost' };

describe(`rating pages: the form without JavaScript, the kiosk, same-origin posts (${storeLabel})`, () => {
  let t: TestApp;
  let d: Desk;
  let w: ReturnType<typeof workflow>;
  let now = vn('2026-12-07 09:00');

  const get = (url: string) => t.app.server.inject({ method: 'GET', url });
  const post = (url: string, form: Record<string, string>, headers: Record<string, string> = SAME_ORIGIN) =>
    t.app.server.inject({ method: 'POST', url, payload: new URLSearchParams(form).toString(), headers });
  const pageOf = (app: FileRef) => `/danh-gia/${encodeURIComponent(app.code)}`;
  const saved = (app: FileRef) =>
    t.app.store.db
      .selectFrom('application_ratings')
      .select(['level', 'criteria', 'comment', 'source', 'edits'])
      .where('application_id', '=', app.id)
      .executeTakeFirst();

  before(async () => {
    t = await createTestApp({}, { clock: () => now });
    d = await deskOfficers(t);
    w = workflow(d);
  });
  after(() => t.dispose());

  test('the invitation link shows the file and an accessible form: fieldsets, legends, labels, no script', async () => {
    const app = await w.returned();
    const page = await get(`${pageOf(app)}?k=${app.lookupKey}`);
    assert.equal(page.statusCode, 200, page.body);
    assert.match(String(page.headers['content-type']), /^text\/html; charset=utf-8/);
    assert.equal(page.headers['cache-control'], 'no-store');
    assert.match(String(page.headers['content-security-policy']), /default-src 'none'.*form-action 'self'/);
    const html = page.body;
    assert.match(html, /<html lang="vi">/);
    assert.ok(!/<script/i.test(html));
    assert.ok(html.includes(app.code) && html.includes('Đinh Văn Lâm Hà'));
    assert.match(html, /<form class="rating panel" method="post" action="\/danh-gia\/[^"?]+">/);
    assert.ok(html.includes(`<input type="hidden" name="k" value="${app.lookupKey}" />`));
    assert.ok(html.includes('<input type="hidden" name="source" value="link" />'));
    // The overall level (required) and the 12 criteria, each a fieldset with a legend and labelled radios.
    assert.equal((html.match(/<fieldset/g) ?? []).length, 1 + 1 + 12);
    assert.equal((html.match(/<legend>/g) ?? []).length, 14);
    assert.equal((html.match(/name="level"/g) ?? []).length, 3);
    assert.equal((html.match(/\srequired\s/g) ?? []).length, 3, 'only the overall level is required');
    assert.equal((html.match(/name="c_on_time"/g) ?? []).length, 4, 'three levels and "no answer"');
    for (const id of ['level-rat_hai_long', 'c-on_time-skip', 'comment'])
      assert.ok(html.includes(`for="${id}"`) && html.includes(`id="${id}"`), id);
    assert.match(html, /<textarea\s+id="comment"\s+name="comment"\s+rows="5"\s+maxlength="2000"/);
    assert.ok(html.includes('Mức độ hài lòng chung của ông/bà'));
    const en = await get(`${pageOf(app)}?k=${app.lookupKey}&lang=en`);
    assert.match(en.body, /<html lang="en">/);
    assert.ok(en.body.includes('Overall, how satisfied are you?') && en.body.includes('action="/danh-gia/'));
    assert.match(en.body, /action="\/danh-gia\/[^"]+\?lang=en"/);
  });

  test('posting the form: an error re-renders it focused at the top with the values kept; then thanks', async () => {
    const app = await w.returned();
    const url = pageOf(app);
    const missing = await post(url, {
      k: app.lookupKey,
      source: 'link',
      c_on_time: 'hai_long',
      comment: 'Cán bộ nhiệt tình & chu đáo',
    });
    assert.equal(missing.statusCode, 422);
    const html = missing.body;
    assert.match(html, /<div class="error-summary" role="alert" tabindex="-1" autofocus id="error-summary">/);
    assert.ok(html.includes('<a href="#level-rat_hai_long">Chọn mức độ hài lòng'));
    assert.match(html, /<title>Lỗi: Đánh giá mức độ hài lòng/);
    assert.match(html, /id="c-on_time-hai_long"\s+name="c_on_time"\s+value="hai_long"\s+checked/);
    // A newline right after <textarea> is not part of its value (HTML parsing rules).
    assert.match(html, />\n?Cán bộ nhiệt tình &amp; chu đáo<\/textarea>/, 'the comment is kept, escaped');
    assert.ok(html.includes('aria-describedby="level-error"'));
    assert.equal(await saved(app), undefined);

    const bad = await post(url, { k: app.lookupKey, level: 'hai_long', c_on_time: 'tuyet_voi' });
    assert.equal(bad.statusCode, 422);
    assert.ok(bad.body.includes('<a href="#c-on_time-skip">'));

    const ok = await post(url, {
      k: app.lookupKey,
      source: 'link',
      level: 'khong_hai_long',
      c_on_time: 'khong_hai_long',
      c_staff_attitude: '',
      comment: 'Phải chờ lâu',
    });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.ok(ok.body.includes('Cảm ơn ông/bà đã đánh giá'));
    assert.ok(ok.body.includes('chuyển đến lãnh đạo đơn vị'));
    assert.ok(ok.body.includes(`href="${url}?k=${app.lookupKey}">Sửa đánh giá</a>`));
    assert.deepEqual(await saved(app), {
      level: 'khong_hai_long',
      criteria: { on_time: 'khong_hai_long' },
      comment: 'Phải chờ lâu',
      source: 'link',
      edits: 0,
    });
    // The link opens the form again with the saved choices, to change them.
    const again = await get(`${url}?k=${app.lookupKey}`);
    assert.match(again.body, /id="level-khong_hai_long"\s+name="level"\s+value="khong_hai_long"\s+checked/);
    assert.match(again.body, />\n?Phải chờ lâu<\/textarea>/);
    assert.ok(again.body.includes('Lưu đánh giá'));
  });

  test('a post from another site is refused (Origin, or Referer without Origin), a wrong key is 404', async () => {
    const app = await w.returned();
    const form = { k: app.lookupKey, level: 'hai_long', source: 'link' };
    const evil = await post(pageOf(app), form, { ...FORM, origin: 'https://evil.example' });
    assert.equal(evil.statusCode, 403);
    assert.ok(evil.body.includes('Không gửi được biểu mẫu'));
    const referer = await post(pageOf(app), form, { ...FORM, referer: 'https://evil.example/x' });
    assert.equal(referer.statusCode, 403);
    assert.equal(await saved(app), undefined);
    const sameReferer = await post(pageOf(app), form, { ...FORM, referer: `http://localhost${pageOf(app)}` });
    assert.equal(sameReferer.statusCode, 200);

    const wrong = await get(`${pageOf(app)}?k=ZZZZZZ`);
    assert.equal(wrong.statusCode, 404);
    assert.ok(wrong.body.includes('Không tìm thấy hồ sơ') || wrong.body.includes('không đúng'));
    assert.match(wrong.body, /<form class="key panel" method="get" action="\/danh-gia">/);
    const noKey = await get(pageOf(app));
    assert.equal(noKey.statusCode, 200);
    assert.ok(noKey.body.includes(`value="${app.code}"`), 'the code is filled in, the key asked for');
    const typed = await get(`/danh-gia?ma=${encodeURIComponent(app.code)}&k=${app.lookupKey}`);
    assert.equal(typed.statusCode, 303);
    assert.equal(typed.headers.location, `${pageOf(app)}?k=${app.lookupKey}`);
  });

  test('a file not yet returned cannot be rated: the page says so', async () => {
    const pending = await w.intake();
    const page = await get(`${pageOf(pending)}?k=${pending.lookupKey}`);
    assert.equal(page.statusCode, 200);
    assert.ok(page.body.includes('Chưa thể đánh giá hồ sơ này') && !page.body.includes('name="level"'));
    const posted = await post(pageOf(pending), { k: pending.lookupKey, level: 'hai_long' });
    assert.equal(posted.statusCode, 409);
  });

  test('the counter kiosk: code and key typed, rated as kiosk, then a big link back to an empty start page', async () => {
    const app = await w.returned();
    const start = await get(`/quay/danh-gia?unit=${d.pascId}`);
    assert.equal(start.statusCode, 200);
    assert.ok(
      start.body.includes('Đánh giá mức độ hài lòng tại quầy') && start.body.includes('Đinh Văn Lâm Hà'),
    );
    assert.match(start.body, /<form class="key panel" method="post" action="\/quay\/danh-gia">/);
    assert.ok(start.body.includes('for="code"') && start.body.includes('for="key"'));

    const wrong = await post('/quay/danh-gia', { step: 'find', unit: d.pascId, ma: app.code, k: 'ZZZZZZ' });
    assert.equal(wrong.statusCode, 404);
    assert.ok(wrong.body.includes('role="alert"'));
    const empty = await post('/quay/danh-gia', { step: 'find', ma: app.code, k: '' });
    assert.equal(empty.statusCode, 422);
    assert.ok(empty.body.includes('<a href="#key">Nhập mã tra cứu</a>'));

    const found = await post('/quay/danh-gia', {
      step: 'find',
      unit: d.pascId,
      ma: app.code,
      k: app.lookupKey,
    });
    assert.equal(found.statusCode, 200, found.body);
    assert.ok(found.body.includes('<input type="hidden" name="step" value="rate" />'));
    assert.ok(found.body.includes(`<input type="hidden" name="unit" value="${d.pascId}" />`));
    const done = await post('/quay/danh-gia', {
      step: 'rate',
      unit: d.pascId,
      ma: app.code,
      k: app.lookupKey,
      level: 'rat_hai_long',
    });
    assert.equal(done.statusCode, 200, done.body);
    // No timed reload (WCAG 2.2.1, axe meta-refresh), neither in the page nor as a header.
    assert.ok(!/http-equiv="refresh"/i.test(done.body));
    assert.equal(done.headers.refresh, undefined);
    // The first thing to focus in the page's content, focused on load: the way back for the next person.
    const main = done.body.slice(done.body.indexOf('<main'));
    const firstFocusable = /<(a|button|input|select|textarea)\b[^>]*>/.exec(
      main.slice(main.indexOf('>') + 1),
    );
    assert.ok(firstFocusable, main);
    assert.match(firstFocusable[0], /class="button large"/);
    assert.match(firstFocusable[0], new RegExp(`href="/quay/danh-gia\\?unit=${d.pascId}"`));
    assert.match(firstFocusable[0], /autofocus/);
    assert.match(main, />\s*Đánh giá hồ sơ khác\s*</);
    assert.ok(done.body.includes('Cảm ơn ông/bà đã đánh giá'));
    // The shared screen shows nothing of the file or the rating.
    assert.ok(!done.body.includes('Sửa đánh giá'), 'no way back to the file on a shared screen');
    for (const shown of [app.lookupKey, app.code, 'Rất hài lòng', 'file-title'])
      assert.ok(!done.body.includes(shown), shown);
    assert.equal((await saved(app))?.source, 'kiosk');
    const evil = await post(
      '/quay/danh-gia',
      { step: 'rate', ma: app.code, k: app.lookupKey, level: 'khong_hai_long' },
      { ...FORM, origin: 'http://attacker.localhost' },
    );
    assert.equal(evil.statusCode, 403);
    assert.equal((await saved(app))?.level, 'rat_hai_long');

    const other = await w.returned();
    const english = await post('/quay/danh-gia?lang=en', {
      step: 'rate',
      unit: d.pascId,
      ma: other.code,
      k: other.lookupKey,
      level: 'hai_long',
    });
    assert.equal(english.statusCode, 200, english.body);
    assert.match(english.body, /autofocus[^>]*>\s*Rate another application\s*</);
    assert.ok(!english.body.includes(other.code));
  });

  test('the pages stay out of the API description; odd input never breaks them', async () => {
    const spec = t.app.server.swagger() as { paths: Record<string, unknown> };
    assert.ok(!Object.keys(spec.paths).some((p) => p.includes('danh-gia')));
    now = vn('2026-12-08 09:00');
    const app = await w.returned();
    for (const form of [
      { k: app.lookupKey, level: 'hai_long', __proto__: 'x', comment: 'ý'.repeat(2001) },
      { k: app.lookupKey, level: ['a', 'b'].join(',') },
    ]) {
      const response = await post(pageOf(app), form as Record<string, string>);
      assert.ok([200, 422].includes(response.statusCode), `${response.statusCode}`);
    }
    const json = await t.app.server.inject({
      method: 'POST',
      url: pageOf(app),
      payload: { k: app.lookupKey, level: 'hai_long' },
      headers: { origin: 'http://localhost' },
    });
    assert.ok(json.statusCode < 500);
    // The form parser belongs to the pages: the JSON API takes no form posts.
    const formToApi = await t.app.server.inject({
      method: 'PUT',
      url: `/api/ratings/${encodeURIComponent(app.code)}`,
      payload: `key=${app.lookupKey}&level=hai_long&source=link`,
      headers: FORM,
    });
    assert.equal(formToApi.statusCode, 415);
  });
});
