import { smtpOptionsFromUrl } from './smtp-channel.ts';

/**
 * The environment variables of citizen delivery. Each channel is optional: e-mail is on when MOTCUA_SMTP_URL
 * and MOTCUA_MAIL_FROM are set, SMS when the three MOTCUA_SMS_* are. Half a channel is an error, not "off",
 * so a typo in a deployment fails at start-up instead of dropping messages silently.
 */
export const DELIVERY_ENV = [
  'MOTCUA_SMTP_URL',
  'MOTCUA_MAIL_FROM',
  'MOTCUA_SMS_WEBHOOK_URL',
  'MOTCUA_SMS_TOKEN',
  'MOTCUA_SMS_SECRET',
] as const;
type DeliveryEnvName = (typeof DELIVERY_ENV)[number];

export interface DeliveryConfig {
  email: { url: string; from: string } | undefined;
  sms: { url: string; token: string; secret: string } | undefined;
  /** The configured channels, for the start-up log line and for choosing where to send. */
  channels: ('email' | 'sms')[];
}

export class DeliveryConfigError extends Error {}

const invalid = (name: DeliveryEnvName, why: string) =>
  new DeliveryConfigError(`Invalid environment variable ${name}: ${why}`);

/** `"Bộ phận một cửa Lâm Hà" <motcua@lamha.gov.vn>`, `Một cửa <a@b.vn>` or a bare `motcua@lamha.gov.vn`. */
const MAILBOX =
  /^(?:(?:"[^"\r\n]*"|[^"<>\r\n@]*)\s*<([^<>\s@]+@[^<>\s@]+\.[^<>\s@]+)>|([^<>\s@"]+@[^<>\s@]+\.[^<>\s@]+))$/u;

export function parseDeliveryConfig(env: NodeJS.ProcessEnv = process.env): DeliveryConfig {
  const get = (name: DeliveryEnvName) => {
    const value = env[name]?.trim();
    return value ? value : undefined;
  };
  const smtpUrl = get('MOTCUA_SMTP_URL');
  const from = get('MOTCUA_MAIL_FROM');
  let email: DeliveryConfig['email'];
  if (smtpUrl || from) {
    if (!smtpUrl) throw invalid('MOTCUA_SMTP_URL', 'required with MOTCUA_MAIL_FROM');
    if (!from) throw invalid('MOTCUA_MAIL_FROM', 'required with MOTCUA_SMTP_URL');
    try {
      smtpOptionsFromUrl(smtpUrl);
    } catch (error) {
      // The message never repeats the URL: it holds the password.
      throw invalid('MOTCUA_SMTP_URL', (error as Error).message);
    }
    if (!MAILBOX.test(from.normalize('NFC')))
      throw invalid('MOTCUA_MAIL_FROM', 'expected an address, optionally with a name: "Name" <user@domain>');
    email = { url: smtpUrl, from: from.normalize('NFC') };
  }

  const smsUrl = get('MOTCUA_SMS_WEBHOOK_URL');
  const token = get('MOTCUA_SMS_TOKEN');
  const secret = get('MOTCUA_SMS_SECRET');
  let sms: DeliveryConfig['sms'];
  if (smsUrl || token || secret) {
    if (!smsUrl)
      throw invalid('MOTCUA_SMS_WEBHOOK_URL', 'required with MOTCUA_SMS_TOKEN and MOTCUA_SMS_SECRET');
    if (!token) throw invalid('MOTCUA_SMS_TOKEN', 'required with MOTCUA_SMS_WEBHOOK_URL');
    if (!secret) throw invalid('MOTCUA_SMS_SECRET', 'required with MOTCUA_SMS_WEBHOOK_URL');
    let parsed: URL;
    try {
      parsed = new URL(smsUrl);
    } catch {
      throw invalid('MOTCUA_SMS_WEBHOOK_URL', 'not a URL');
    }
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
      throw invalid('MOTCUA_SMS_WEBHOOK_URL', 'expected an http:// or https:// URL');
    if (parsed.username || parsed.password)
      throw invalid('MOTCUA_SMS_WEBHOOK_URL', 'credentials belong in MOTCUA_SMS_TOKEN, not in the URL');
    if (/\s/.test(token)) throw invalid('MOTCUA_SMS_TOKEN', 'must not contain whitespace');
    if (secret.length < 16) throw invalid('MOTCUA_SMS_SECRET', 'at least 16 characters');
    sms = { url: smsUrl, token, secret };
  }
  return {
    email,
    sms,
    channels: [...(email ? (['email'] as const) : []), ...(sms ? (['sms'] as const) : [])],
  };
}
