import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { createLogger } from './logger.ts';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { logger: createLogger('info', stream), lines };
}

test('ID and phone numbers never reach the log in clear, in messages or in objects', () => {
  const { logger, lines } = capture();
  logger.info({ applicant: { idNumber: '068190001234', phone: '0912345678' } }, 'received from 068190001234');
  const text = lines.join('');
  assert.ok(!text.includes('068190001234'));
  assert.ok(!text.includes('0912345678'));
  assert.match(text, /\*{9}234/);
  assert.match(text, /0\*{6}678/);
});

test('passwords, tokens and cookies are dropped whole', () => {
  const { logger, lines } = capture();
  logger.info(
    {
      body: { username: 'motcua', password: 'secret-pass' },
      req: { headers: { cookie: 'motcua_session=abc' } },
    },
    'login',
  );
  const text = lines.join('');
  assert.ok(!text.includes('secret-pass'));
  assert.ok(!text.includes('motcua_session=abc'));
});

test('errors keep their message and stack for operators', () => {
  const { logger, lines } = capture();
  logger.error({ err: new Error('disk full') }, 'failed');
  assert.match(lines.join(''), /disk full/);
});
