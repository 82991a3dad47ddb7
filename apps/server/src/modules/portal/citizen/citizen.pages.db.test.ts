import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { createTestApp, deskOfficers, type TestApp } from '../../../../test/app.ts';
import { birthFiling, offerFullOnline } from '../../../../test/citizens.ts';
import { multipart } from '../../../../test/multipart.ts';
import { storeLabel } from '../../../../test/store.ts';

const form = (fields: Record<string, string>) => ({
  payload: new URLSearchParams(fields).toString(),
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
});
const csrfOf = (page: string) => /name="csrf" value="([^"]+)"/.exec(page)?.[1] ?? '';
const filesIn = (root: string) =>
  readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;

describe(`citizen pages without JavaScript: sign-in, filing, my files (${storeLabel})`, () => {
  let t: TestApp;
  let communeId: string;
  let cookie = '';
  const codes = new Map<string, string>();
  const get = (url: string, headers: Record<string, string> = {}) =>
    t.app.server.inject({ method: 'GET', url, headers: { cookie, ...headers } });

  before(async () => {
    t = await createTestApp({ maxUploadMb: 1 }, { devMailbox: (to, c) => codes.set(to, c) });
    ({ communeId } = await deskOfficers(t));
    await offerFullOnline(await t.login('quantri'), '1.001193');
  });
  after(() => t.dispose());

  test('filing needs an account: the form sends the citizen to sign in, and back', async () => {
    const response = await get('/nop-ho-so/1.001193');
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, '/cong-dan/dang-nhap?next=%2Fnop-ho-so%2F1.001193');
    const page = await get(response.headers.location);
    assert.match(page.body, /<input type="hidden" name="next" value="\/nop-ho-so\/1.001193"/);
    assert.equal(page.headers['cache-control'], 'private, no-store');
    assert.doesNotMatch(page.body, /<script/);
  });

  test('sign-up by code in two forms; another site cannot post them', async () => {
    const foreign = await t.app.server.inject({
      method: 'POST',
      url: '/cong-dan/dang-nhap/ma',
      ...form({ destination: 'an@example.vn' }),
      headers: { ...form({}).headers, origin: 'https://evil.example' },
    });
    assert.equal(foreign.statusCode, 403);
    const bad = await t.app.server.inject({
      method: 'POST',
      url: '/cong-dan/dang-nhap/ma',
      ...form({ destination: 'khong-hop-le' }),
    });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /role="alert"/);
    const sent = await t.app.server.inject({
      method: 'POST',
      url: '/cong-dan/dang-nhap/ma',
      ...form({ destination: 'an@example.vn', next: '/nop-ho-so/1.001193' }),
    });
    assert.equal(sent.statusCode, 200);
    assert.match(sent.body, /Đã gửi mã đến/);
    const wrong = await t.app.server.inject({
      method: 'POST',
      url: '/cong-dan/dang-nhap',
      ...form({
        destination: 'an@example.vn',
        code: '000000',
        fullName: 'Trần Văn An',
        next: '/nop-ho-so/1.001193',
      }),
    });
    assert.equal(wrong.statusCode, 422);
    const signedIn = await t.app.server.inject({
      method: 'POST',
      url: '/cong-dan/dang-nhap',
      ...form({
        destination: 'an@example.vn',
        code: codes.get('an@example.vn')!,
        fullName: 'Trần Văn An',
        next: '//evil.example',
      }),
    });
    assert.equal(signedIn.statusCode, 303);
    assert.equal(signedIn.headers.location, '/cong-dan', 'never an open redirect');
    const c = signedIn.cookies.find((x) => x.name === 'motcua_citizen')!;
    cookie = `motcua_citizen=${c.value}`;
    const list = await get('/cong-dan');
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /Bạn chưa nộp hồ sơ trực tuyến nào/);
  });

  test('the form: fields from the procedure, browser checks, and errors shown with the values kept', async () => {
    const page = await get('/nop-ho-so/1.001193');
    assert.equal(page.statusCode, 200);
    assert.match(
      page.body,
      /name="field.child_full_name"[^>]*required|required[^>]*name="field.child_full_name"/,
    );
    assert.match(page.body, /pattern="\[0-9\]\{12\}"/);
    assert.match(page.body, /value="Trần Văn An"/, 'the account name is filled in');
    const csrf = csrfOf(page.body);
    const parts = (await birthFiling(communeId)).filter((p) => p.name !== 'field.child_full_name');
    const { body, headers } = multipart([{ name: 'csrf', value: csrf }, ...parts]);
    const invalid = await t.app.server.inject({
      method: 'POST',
      url: '/nop-ho-so/1.001193',
      payload: body,
      headers: { ...headers, cookie },
    });
    assert.equal(invalid.statusCode, 422);
    assert.match(invalid.body, /Nhập họ, chữ đệm, tên người được khai sinh/);
    assert.match(invalid.body, /value="Trung tâm Y tế Lâm Hà"/, 'what was typed stays');
    assert.match(invalid.body, /chọn lại các tệp/);

    const noToken = multipart(await birthFiling(communeId));
    const forged = await t.app.server.inject({
      method: 'POST',
      url: '/nop-ho-so/1.001193',
      payload: noToken.body,
      headers: { ...noToken.headers, cookie },
    });
    assert.equal(forged.statusCode, 403);
  });

  test('a wrong type or a file too large is refused in Vietnamese and nothing is kept', async () => {
    const csrf = csrfOf((await get('/nop-ho-so/1.001193')).body);
    const before = filesIn(t.filesRoot);
    const html = Buffer.from('<html><script>alert(1)</script></html>');
    const wrong = multipart([
      { name: 'csrf', value: csrf },
      ...(await birthFiling(communeId, {
        files: [
          { name: 'doc_1', file: { bytes: html, fileName: 'chung-sinh.pdf', type: 'application/pdf' } },
        ],
      })),
    ]);
    const refused = await t.app.server.inject({
      method: 'POST',
      url: '/nop-ho-so/1.001193',
      payload: wrong.body,
      headers: { ...wrong.headers, cookie },
    });
    assert.equal(refused.statusCode, 422);
    assert.match(refused.body, /Giấy chứng sinh: [^<]*(PDF|JPEG|PNG)/);
    const big = multipart([
      { name: 'csrf', value: csrf },
      ...(await birthFiling(communeId, {
        files: [
          {
            name: 'doc_1',
            file: { bytes: Buffer.alloc(1024 * 1024 + 1, 7), fileName: 'lon.pdf', type: 'application/pdf' },
          },
        ],
      })),
    ]);
    const tooBig = await t.app.server.inject({
      method: 'POST',
      url: '/nop-ho-so/1.001193',
      payload: big.body,
      headers: { ...big.headers, cookie },
    });
    assert.equal(tooBig.statusCode, 413);
    assert.match(tooBig.body, /Tệp vượt quá 1 MB/);
    assert.equal(filesIn(t.filesRoot), before);
  });

  test('filed: the page of the file shows the code, the documents and what happens next', async () => {
    const csrf = csrfOf((await get('/nop-ho-so/1.001193')).body);
    const { body, headers } = multipart([{ name: 'csrf', value: csrf }, ...(await birthFiling(communeId))]);
    const filed = await t.app.server.inject({
      method: 'POST',
      url: '/nop-ho-so/1.001193',
      payload: body,
      headers: { ...headers, cookie },
    });
    assert.equal(filed.statusCode, 303, filed.body);
    const location = filed.headers.location as string;
    assert.match(location, /^\/cong-dan\/ho-so\/[0-9a-f-]{36}\?moi=1$/);
    const page = await get(location);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Mới đăng ký/);
    assert.match(page.body, /Chờ bộ phận một cửa kiểm tra hồ sơ/);
    assert.match(page.body, /Giấy chứng sinh: <a href="\/cong-dan\/ho-so\/[0-9a-f-]+\/giay-to\/1"/);
    const id = /ho-so\/([0-9a-f-]{36})/.exec(location)![1]!;
    const doc = await get(`/cong-dan/ho-so/${id}/giay-to/1`);
    assert.equal(doc.statusCode, 200);
    assert.equal(doc.headers['content-type'], 'application/pdf');
    // Without the session, the same addresses say nothing.
    const anonymous = await t.app.server.inject({ method: 'GET', url: `/cong-dan/ho-so/${id}/giay-to/1` });
    assert.equal(anonymous.statusCode, 404);
    const list = await get('/cong-dan');
    assert.match(list.body, /Đăng ký khai sinh/);
  });
});
