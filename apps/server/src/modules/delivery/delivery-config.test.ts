import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDeliveryConfig } from './delivery-config.ts';

const SMS = {
  MOTCUA_SMS_WEBHOOK_URL: 'https://sms.example.vn/send',
  MOTCUA_SMS_TOKEN: 'tok',
  MOTCUA_SMS_SECRET: '0123456789abcdef',
};
const MAIL = {
  MOTCUA_SMTP_URL: 'smtps://motcua:p%40ss@mail.lamha.gov.vn',
  MOTCUA_MAIL_FROM: '"Bộ phận một cửa Lâm Hà" <motcua@lamha.gov.vn>',
};

test('nothing set: no channel', () => {
  assert.deepEqual(parseDeliveryConfig({}), { email: undefined, sms: undefined, channels: [] });
  assert.deepEqual(parseDeliveryConfig({ MOTCUA_SMTP_URL: '  ' }).channels, []);
});

test('both channels configured', () => {
  const config = parseDeliveryConfig({ ...MAIL, ...SMS });
  assert.deepEqual(config.channels, ['email', 'sms']);
  assert.equal(config.email?.from, MAIL.MOTCUA_MAIL_FROM);
  assert.deepEqual(config.sms, {
    url: SMS.MOTCUA_SMS_WEBHOOK_URL,
    token: 'tok',
    secret: SMS.MOTCUA_SMS_SECRET,
  });
  assert.deepEqual(parseDeliveryConfig({ ...SMS }).channels, ['sms']);
  assert.deepEqual(parseDeliveryConfig({ ...MAIL, MOTCUA_MAIL_FROM: 'motcua@lamha.gov.vn' }).channels, [
    'email',
  ]);
});

test('a bad or missing value names its variable and never echoes a secret', () => {
  const cases: [NodeJS.ProcessEnv, string][] = [
    [{ MOTCUA_MAIL_FROM: MAIL.MOTCUA_MAIL_FROM }, 'MOTCUA_SMTP_URL'],
    [{ MOTCUA_SMTP_URL: MAIL.MOTCUA_SMTP_URL }, 'MOTCUA_MAIL_FROM'],
    [{ ...MAIL, MOTCUA_SMTP_URL: 'https://u:secretpw@mail.example.vn' }, 'MOTCUA_SMTP_URL'],
    [{ ...MAIL, MOTCUA_SMTP_URL: 'not a url secretpw' }, 'MOTCUA_SMTP_URL'],
    [{ ...MAIL, MOTCUA_MAIL_FROM: 'Bộ phận một cửa' }, 'MOTCUA_MAIL_FROM'],
    [{ ...MAIL, MOTCUA_MAIL_FROM: 'a@b.vn\r\nBcc: x@y.vn' }, 'MOTCUA_MAIL_FROM'],
    [{ ...SMS, MOTCUA_SMS_WEBHOOK_URL: undefined }, 'MOTCUA_SMS_WEBHOOK_URL'],
    [{ ...SMS, MOTCUA_SMS_WEBHOOK_URL: 'ftp://x' }, 'MOTCUA_SMS_WEBHOOK_URL'],
    [{ ...SMS, MOTCUA_SMS_TOKEN: '' }, 'MOTCUA_SMS_TOKEN'],
    [{ ...SMS, MOTCUA_SMS_SECRET: 'secretpw' }, 'MOTCUA_SMS_SECRET'],
  ];
  for (const [env, name] of cases) {
    assert.throws(
      () => parseDeliveryConfig(env),
      (e: unknown) =>
        e instanceof Error &&
        e.message.startsWith(`Invalid environment variable ${name}:`) &&
        !e.message.includes('secretpw'),
      name,
    );
  }
});
