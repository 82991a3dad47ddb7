import { createHash } from 'node:crypto';
import nodemailer, { type NodemailerError, type SMTPTransportOptions } from 'nodemailer';
import {
  DeliveryError,
  maskEmail,
  type Channel,
  type OutgoingMessage,
  type SendOptions,
} from './channels.ts';

export interface SmtpChannelOptions {
  /** `smtp://user:pass@host:587` (STARTTLS when offered) or `smtps://user:pass@host:465` (TLS from the start). */
  url: string;
  /** The From header, e.g. `"Bộ phận một cửa Lâm Hà" <motcua@lamha.gov.vn>`. */
  from: string;
  /** The right-hand side of the Message-ID; keep it fixed, or a retry gets a new Message-ID. */
  messageIdDomain?: string;
  /** Establishing the TCP (and TLS) connection. */
  connectionTimeoutMs?: number;
  /** Waiting for the server's 220 greeting after connecting. */
  greetingTimeoutMs?: number;
  /** Any silence from the server in the middle of the session (a hung DATA, say). */
  socketTimeoutMs?: number;
  /** The whole attempt, however the server trickles its replies. */
  totalTimeoutMs?: number;
  /** Only for tests against a local server: STARTTLS is not attempted. */
  ignoreTls?: boolean;
}

export const SMTP_DEFAULT_TIMEOUTS = {
  connectionTimeoutMs: 10_000,
  greetingTimeoutMs: 10_000,
  socketTimeoutMs: 30_000,
  totalTimeoutMs: 60_000,
} as const;

export interface SmtpChannel extends Channel {
  kind: 'email';
  /** Checks the connection and the credentials (for a start-up or health check). */
  verify(): Promise<void>;
  close(): void;
}

/** Connection settings from an `smtp://` or `smtps://` URL; the credentials are percent-decoded. */
export function smtpOptionsFromUrl(
  url: string,
): Pick<SMTPTransportOptions, 'host' | 'port' | 'secure' | 'auth'> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error('not a URL (expected smtp://user:pass@host:port or smtps://…)');
  }
  if (parsed.protocol !== 'smtp:' && parsed.protocol !== 'smtps:')
    throw new Error(`unsupported scheme ${parsed.protocol} (expected smtp: or smtps:)`);
  if (!parsed.hostname) throw new Error('no host');
  const secure = parsed.protocol === 'smtps:';
  const user = decodeURIComponent(parsed.username);
  const pass = decodeURIComponent(parsed.password);
  return {
    host: parsed.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: parsed.port ? Number(parsed.port) : secure ? 465 : 587,
    secure,
    ...(user ? { auth: { user, pass } } : {}),
  };
}

// RFC 5322 dot-atom-text: what the left part of a Message-ID may hold without quoting.
const DOT_ATOM = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;

/**
 * The Message-ID of a message, a function of its id only, so every attempt of one job carries the same one
 * and a receiving system can drop the duplicate of a retry. Ids that are not a dot-atom (job ids contain `:`)
 * keep a readable form plus a hash of the original, so two ids never share a Message-ID.
 */
export function messageIdFor(id: string, domain = 'motcua'): string {
  if (DOT_ATOM.test(id) && id.length <= 200) return `<${id}@${domain}>`;
  const readable = id
    .replace(/[^A-Za-z0-9_-]+/g, '.')
    .replace(/^\.+|\.+$/g, '')
    .slice(0, 120);
  const hash = createHash('sha256').update(id, 'utf8').digest('hex').slice(0, 16);
  return `<${readable ? `${readable}.` : ''}${hash}@${domain}>`;
}

const QUEUED_AS = /queued as ([A-Za-z0-9._-]+)/i;

function toDeliveryError(error: unknown, message: OutgoingMessage): DeliveryError {
  const e = (error ?? {}) as NodemailerError;
  const code = e.code ?? 'ERROR';
  // A reply class 5xx (but 503) refuses this message for good; so does an envelope nodemailer cannot build.
  const permanent = e.permanent === true || (code === 'EENVELOPE' && e.responseCode === undefined);
  const detail = (e.message ?? String(error)).split(message.to).join(maskEmail(message.to));
  return new DeliveryError(
    `e-mail ${message.id} to ${maskEmail(message.to)} failed (${code}${e.responseCode ? ` ${e.responseCode}` : ''}): ${detail}`,
    {
      channel: 'email',
      permanent,
      ...(e.responseCode === undefined ? {} : { status: e.responseCode }),
      cause: error,
    },
  );
}

export function createSmtpChannel(options: SmtpChannelOptions): SmtpChannel {
  const timeouts = { ...SMTP_DEFAULT_TIMEOUTS, ...stripUndefined(options) };
  const transporter = nodemailer.createTransport({
    ...smtpOptionsFromUrl(options.url),
    connectionTimeout: timeouts.connectionTimeoutMs,
    greetingTimeout: timeouts.greetingTimeoutMs,
    socketTimeout: timeouts.socketTimeoutMs,
    // After QUIT, do not wait for a slow server to close its side.
    socketCloseTimeout: 1000,
    ...(options.ignoreTls ? { ignoreTLS: true } : {}),
    // The message is ours; nothing in it may make nodemailer read a file or fetch a URL.
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  const domain = options.messageIdDomain ?? 'motcua';

  return {
    kind: 'email',
    async send(message: OutgoingMessage, sendOptions: SendOptions = {}) {
      const deadline = AbortSignal.timeout(timeouts.totalTimeoutMs);
      const signal = sendOptions.signal ? AbortSignal.any([sendOptions.signal, deadline]) : deadline;
      try {
        const info = await transporter.sendMail({
          from: options.from,
          to: message.to,
          subject: (message.subject ?? '').normalize('NFC'),
          text: message.text.normalize('NFC'),
          ...(message.html ? { html: message.html.normalize('NFC') } : {}),
          messageId: messageIdFor(message.id, domain),
          headers: { 'Content-Language': message.lang },
          signal,
        });
        const queued = QUEUED_AS.exec(info.response ?? '')?.[1];
        return { providerId: queued ?? info.messageId };
      } catch (error) {
        throw toDeliveryError(error, message);
      }
    },
    async verify() {
      await transporter.verify();
    },
    close() {
      transporter.close();
    },
  };
}

function stripUndefined(options: SmtpChannelOptions) {
  const out: Partial<Record<keyof typeof SMTP_DEFAULT_TIMEOUTS, number>> = {};
  for (const key of Object.keys(SMTP_DEFAULT_TIMEOUTS) as (keyof typeof SMTP_DEFAULT_TIMEOUTS)[]) {
    const value = options[key];
    if (value !== undefined) out[key] = value;
  }
  return out;
}
