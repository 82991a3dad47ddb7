/**
 * The port every citizen-facing channel implements (e-mail over SMTP, SMS through an HTTP gateway).
 * A channel sends one message and says nothing about retries: the outbox job runner retries, and
 * `deliverMessage` (deliver.ts) keeps a retry from sending twice.
 */
export type ChannelKind = 'email' | 'sms';

export interface OutgoingMessage {
  /** Stable across attempts, derived from the job id: the Message-ID of an e-mail, the Idempotency-Key of an SMS. */
  id: string;
  /** An e-mail address or a phone number, depending on the channel. */
  to: string;
  /** E-mail only. */
  subject?: string;
  text: string;
  /** E-mail only: an alternative to `text`. */
  html?: string;
  lang: 'vi' | 'en';
}

export interface SendOptions {
  /** Aborts the attempt (the runner stopping): the connection is closed, the send rejects. */
  signal?: AbortSignal;
}

export interface Channel {
  kind: ChannelKind;
  send(message: OutgoingMessage, options?: SendOptions): Promise<{ providerId?: string }>;
}

/**
 * A failed attempt. `permanent` means retrying cannot help (an invalid address or number, a request the
 * provider refuses): the caller records the failure and stops instead of throwing it back to the runner.
 */
export class DeliveryError extends Error {
  readonly permanent: boolean;
  readonly channel: ChannelKind;
  /** HTTP status or SMTP reply code, when the provider answered. */
  readonly status: number | undefined;

  constructor(
    message: string,
    options: { channel: ChannelKind; permanent: boolean; status?: number; cause?: unknown },
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = options.permanent ? 'PermanentDeliveryError' : 'DeliveryError';
    this.permanent = options.permanent;
    this.channel = options.channel;
    this.status = options.status;
  }
}

export const isPermanentFailure = (error: unknown): error is DeliveryError =>
  error instanceof DeliveryError && error.permanent;

/** Every digit but the last three replaced, whatever the format: `+84912345678` → `+84******678`. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/[^0-9]/g, '');
  if (digits.length <= 3) return '***';
  const prefix = phone.trim().startsWith('+84') ? '+84' : phone.trim().startsWith('0') ? '0' : '';
  const rest = prefix === '+84' ? digits.slice(2) : prefix === '0' ? digits.slice(1) : digits;
  return prefix + '*'.repeat(Math.max(0, rest.length - 3)) + rest.slice(-3);
}

/** `nguyen.van.a@example.vn` → `n***@example.vn`: enough for an operator to match a complaint. */
export function maskEmail(address: string): string {
  const at = address.lastIndexOf('@');
  if (at <= 0) return '***';
  return `${Array.from(address)[0]}***${address.slice(at)}`;
}

export const maskRecipient = (kind: ChannelKind, to: string): string =>
  kind === 'sms' ? maskPhone(to) : maskEmail(to);
