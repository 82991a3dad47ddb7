import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderCodeMessage } from './code-texts.ts';

test('the code message: one language, the code and its 10 minutes, a warning not to share it', () => {
  const vi = renderCodeMessage('042917', 'vi', 'email');
  assert.equal(vi.subject, 'Mã đăng nhập Một cửa: 042917');
  assert.match(vi.text, /^Mã đăng nhập cổng Một cửa của ông\/bà là:\n042917\n/);
  assert.match(vi.text, /hiệu lực trong 10 phút/);
  assert.match(vi.text, /Không chia sẻ mã này/);
  assert.match(vi.html!, /<html lang="vi">/);
  assert.match(vi.html!, /<strong>042917<\/strong>/);
  assert.doesNotMatch(vi.text, /[a-z]+ code|share|minutes/i);

  const en = renderCodeMessage('042917', 'en', 'email');
  assert.equal(en.subject, 'One-stop portal sign-in code: 042917');
  assert.match(en.text, /valid for 10 minutes/);
  assert.match(en.text, /Do not share this code/);
  assert.match(en.html!, /<html lang="en">/);
  assert.doesNotMatch(`${en.subject}${en.text}${en.html}`, /[^\x20-\x7e\n]/, 'no Vietnamese');

  for (const [lang, sms] of [
    ['vi', 'Mã đăng nhập Một cửa: 042917, hiệu lực 10 phút. Không chia sẻ mã này.'],
    ['en', 'One-stop sign-in code: 042917, valid 10 minutes. Do not share this code.'],
  ] as const) {
    const message = renderCodeMessage('042917', lang, 'sms');
    assert.deepEqual(message, { text: sms });
    assert.equal(message.text, message.text.normalize('NFC'));
  }
  assert.ok(Array.from(renderCodeMessage('999999', 'vi', 'sms').text).length <= 70, 'one Unicode segment');
});

test('anything but six digits is refused rather than sent', () => {
  for (const code of ['12345', '1234567', '<b>1</b>', ''])
    assert.throws(() => renderCodeMessage(code, 'vi', 'email'));
});
