import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError, loadConfig } from './config.ts';
import { publicBaseUrlOf } from './modules/documents/receipt-slip.route.ts';

test('MOTCUA_PUBLIC_URL: the QR code points there, without a trailing slash', () => {
  const config = loadConfig({ MOTCUA_PUBLIC_URL: 'https://dichvucong.lamha.gov.vn/' });
  assert.equal(config.publicUrl, 'https://dichvucong.lamha.gov.vn');
  const request = { protocol: 'http', host: '10.0.0.5:3000' };
  assert.equal(publicBaseUrlOf(request, config.publicUrl), 'https://dichvucong.lamha.gov.vn');
  assert.equal(publicBaseUrlOf(request, loadConfig({}).publicUrl), 'http://10.0.0.5:3000');
});

test('a MOTCUA_PUBLIC_URL that is not an http(s) address is refused, naming the variable', () => {
  for (const bad of ['dichvucong.lamha.gov.vn', 'ftp://x.vn', 'https://x.vn/?q=1'])
    assert.throws(
      () => loadConfig({ MOTCUA_PUBLIC_URL: bad }),
      (error: unknown) => error instanceof ConfigError && /MOTCUA_PUBLIC_URL/.test(error.message),
      bad,
    );
});
