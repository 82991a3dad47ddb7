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

test('MOTCUA_S3_*: files go to object storage only when the endpoint, bucket and keys are all given', () => {
  assert.equal(loadConfig({}).s3, undefined);
  const s3 = {
    MOTCUA_S3_ENDPOINT: 'https://s3.lamdong.gov.vn/',
    MOTCUA_S3_BUCKET: 'motcua-ho-so',
    MOTCUA_S3_ACCESS_KEY_ID: 'AKIA',
    MOTCUA_S3_SECRET_ACCESS_KEY: 'secret',
    MOTCUA_S3_PREFIX: 'lamha/',
  };
  assert.deepEqual(loadConfig(s3).s3, {
    endpoint: 'https://s3.lamdong.gov.vn',
    bucket: 'motcua-ho-so',
    region: 'us-east-1',
    accessKeyId: 'AKIA',
    secretAccessKey: 'secret',
    prefix: 'lamha/',
  });
  assert.throws(
    () => loadConfig({ ...s3, MOTCUA_S3_BUCKET: '' }),
    (error: unknown) => error instanceof ConfigError && /MOTCUA_S3_BUCKET/.test(error.message),
  );
  assert.throws(
    () => loadConfig({ ...s3, MOTCUA_S3_PREFIX: '../x' }),
    (error: unknown) => error instanceof ConfigError && /MOTCUA_S3_PREFIX/.test(error.message),
  );
});
