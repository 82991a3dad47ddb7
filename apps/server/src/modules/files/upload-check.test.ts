import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig } from '../../config.ts';
import { checkUpload, checkFileName, pdfHasActiveContent, UPLOAD_FIELDS } from './upload-check.ts';
import { ACCEPTED_SAMPLES, REFUSED_SAMPLES, pdf } from './test-fixtures.ts';

const check = (bytes: Buffer, fileName = 'ho-so.pdf', declaredType?: string, maxBytes?: number) =>
  checkUpload({ bytes, fileName, declaredType }, maxBytes);

test('PDF, JPEG, PNG and TIFF are accepted by their content, whatever the name says', async () => {
  for (const [mediaType, bytes] of Object.entries(ACCEPTED_SAMPLES)) {
    const result = await check(bytes, 'tep-khong-duoi');
    assert.equal(result.ok, true, mediaType);
    assert.equal(result.ok && result.mediaType, mediaType);
  }
  const jpeg = await check(ACCEPTED_SAMPLES['image/jpeg'], 'anh.pdf');
  assert.deepEqual(jpeg.ok && [jpeg.mediaType, jpeg.extension], ['image/jpeg', 'jpg']);
});

test('executables, archives, HTML and SVG renamed to .pdf are refused on the file field', async () => {
  for (const [what, bytes] of Object.entries(REFUSED_SAMPLES)) {
    const result = await check(bytes, 'don-de-nghi.pdf', 'application/pdf');
    assert.equal(result.ok, false, what);
    assert.equal(!result.ok && result.field, UPLOAD_FIELDS.file, what);
    assert.match(!result.ok ? result.detail.vi : '', /PDF, JPEG, PNG hoặc TIFF/, what);
  }
});

test('zero bytes and more than the limit are refused, with the limit in the message', async () => {
  const empty = await check(Buffer.alloc(0));
  assert.deepEqual(!empty.ok && [empty.field, empty.detail.en], [
    UPLOAD_FIELDS.file,
    'The file is empty (0 bytes)',
  ]);
  const big = await check(pdf('x'.repeat(2 * 2 ** 20)), 'lon.pdf', undefined, 2 ** 20);
  assert.deepEqual(!big.ok && big.detail, {
    vi: 'Tệp lớn hơn 1 MB',
    en: 'The file is larger than 1 MB',
  });
  assert.equal(
    (await check(pdf(), 'vua.pdf', undefined, pdf().length)).ok,
    true,
    'exactly the limit is fine',
  );
});

test('the default limit is 20 MB; MOTCUA_MAX_UPLOAD_MB changes it and must be a positive number', async () => {
  assert.equal(loadConfig({}).maxUploadMb, 20);
  assert.equal(loadConfig({ MOTCUA_MAX_UPLOAD_MB: '50' }).maxUploadMb, 50);
  for (const bad of ['0', '-1', '1.5', 'many'])
    assert.throws(() => loadConfig({ MOTCUA_MAX_UPLOAD_MB: bad }), bad);
  assert.equal((await check(pdf('x'.repeat(20 * 2 ** 20)))).ok, false);
});

test('a declared type must agree with the content; unspecific ones and usual aliases are fine', async () => {
  const png = ACCEPTED_SAMPLES['image/png'];
  const wrong = await check(png, 'a.pdf', 'application/pdf');
  assert.deepEqual(!wrong.ok && [wrong.field, wrong.detail.en], [
    UPLOAD_FIELDS.type,
    'The declared type (application/pdf) does not match the content (image/png)',
  ]);
  for (const fine of [
    undefined,
    '',
    'application/octet-stream',
    'IMAGE/PNG',
    'image/png; charset=binary',
    'image/x-png',
  ])
    assert.equal((await check(png, 'a.png', fine)).ok, true, String(fine));
  assert.equal((await check(ACCEPTED_SAMPLES['image/jpeg'], 'a.jpg', 'image/jpg')).ok, true);
  const long = await check(png, 'a.png', 'x'.repeat(10_000));
  assert.ok(!long.ok && long.detail.en.length < 300, 'the echoed declared type is truncated');
});

test('a PDF with JavaScript or a Launch action is refused, also when the name is #-escaped', async () => {
  for (const body of [
    '<< /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >>',
    '<< /AA << /O << /S /J#61vaScript /J#53 (x) >> >> >>',
    '<< /OpenAction << /S /Launch /F (cmd.exe) >> >>',
  ]) {
    const result = await check(pdf(body));
    assert.equal(result.ok, false, body);
    assert.match(!result.ok ? result.detail.en : '', /JavaScript/);
  }
  // Only whole names count: /JSON or /JSFoo are other names.
  assert.equal(pdfHasActiveContent(pdf('<< /JSON 1 /JSFoo 2 /Type /Page >>')), false);
  assert.equal(pdfHasActiveContent(pdf('<< /JS(x) >>')), true);
});

test('names: a display label only, NFC, at most 255 characters, no separators or control characters', async () => {
  const decomposed = 'Hồ sơ.pdf'.normalize('NFD');
  const ok = checkFileName(`  ${decomposed} `);
  assert.deepEqual(ok, { ok: true, displayName: 'Hồ sơ.pdf'.normalize('NFC') });
  assert.equal(checkFileName('ệ'.repeat(255)).ok, true, 'counted in characters, not bytes');
  for (const bad of [
    '',
    '   ',
    '.',
    '..',
    '../etc/passwd',
    '..\\..\\windows\\system32',
    '/etc/passwd',
    'C:\\boot.ini',
    'a\u0000.pdf',
    'a\nb.pdf',
    'a\u007f.pdf',
    'hoadon\u202Efdp.exe',
    'a\uD800.pdf',
    'x'.repeat(256),
  ]) {
    const result = await check(pdf(), bad);
    assert.equal(result.ok, false, JSON.stringify(bad));
    assert.equal(!result.ok && result.field, UPLOAD_FIELDS.name, JSON.stringify(bad));
  }
});
