import { createHmac } from 'node:crypto';
import {
  DeliveryError,
  maskPhone,
  type Channel,
  type OutgoingMessage,
  type SendOptions,
} from './channels.ts';

export interface SmsWebhookOptions {
  /** The gateway endpoint receiving `POST { id, to, text }`. */
  url: string;
  /** Sent as `Authorization: Bearer <token>`. */
  token: string;
  /** Shared secret of the HMAC-SHA256 signature of the body, sent as `X-Motcua-Signature: sha256=<hex>`. */
  secret: string;
  timeoutMs?: number;
  logger?: { info(obj: object, msg: string): void; warn(obj: object, msg: string): void };
  fetch?: typeof fetch;
}

export const SMS_DEFAULT_TIMEOUT_MS = 15_000;
export const SIGNATURE_HEADER = 'X-Motcua-Signature';

/** Vietnamese mobile numbers after the 2018 renumbering: 03x, 05x, 07x, 08x, 09x. */
const VN_MOBILE = /^[35789][0-9]{8}$/;

/**
 * `0912 345 678`, `091.234.5678`, `84912345678`, `+84 912 345 678`, `(+84) 0912345678` → `+84912345678`.
 * Returns undefined for anything but a Vietnamese mobile number (a landline cannot take an SMS).
 */
export function normalizeVnMobile(input: string): string | undefined {
  const trimmed = input.trim();
  if (!/^[+0-9 ().-]+$/.test(trimmed)) return undefined;
  const plus = trimmed.startsWith('+') || trimmed.startsWith('(+');
  let digits = trimmed.replace(/[^0-9]/g, '');
  if (plus || (digits.startsWith('84') && digits.length >= 11)) {
    if (!digits.startsWith('84')) return undefined;
    digits = digits.slice(2);
    // "+84 0912…": the trunk 0 written after the country code.
    if (digits.length === 10 && digits.startsWith('0')) digits = digits.slice(1);
  } else if (digits.startsWith('0')) {
    digits = digits.slice(1);
  } else {
    return undefined;
  }
  return VN_MOBILE.test(digits) ? `+84${digits}` : undefined;
}

/** `sha256=<hex>` of the exact bytes sent: the receiver recomputes it over the raw body before parsing. */
export function signBody(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

const retryableStatus = (status: number) => status === 408 || status === 429 || status >= 500;

export function createSmsWebhookChannel(options: SmsWebhookOptions): Channel & { kind: 'sms' } {
  const timeoutMs = options.timeoutMs ?? SMS_DEFAULT_TIMEOUT_MS;
  const doFetch = options.fetch ?? fetch;
  const fail = (message: string, permanent: boolean, status?: number, cause?: unknown) =>
    new DeliveryError(message, {
      channel: 'sms',
      permanent,
      ...(status === undefined ? {} : { status }),
      ...(cause === undefined ? {} : { cause }),
    });

  return {
    kind: 'sms',
    async send(message: OutgoingMessage, sendOptions: SendOptions = {}) {
      const masked = maskPhone(message.to);
      const to = normalizeVnMobile(message.to);
      if (!to) throw fail(`SMS ${message.id}: ${masked} is not a Vietnamese mobile number`, true);
      const body = JSON.stringify({ id: message.id, to, text: message.text.normalize('NFC') });
      const deadline = AbortSignal.timeout(timeoutMs);
      const signal = sendOptions.signal ? AbortSignal.any([sendOptions.signal, deadline]) : deadline;
      let response: Response;
      try {
        response = await doFetch(options.url, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json; charset=utf-8',
            Authorization: `Bearer ${options.token}`,
            'Idempotency-Key': message.id,
            [SIGNATURE_HEADER]: signBody(body, options.secret),
          },
          body,
          signal,
          redirect: 'error',
        });
      } catch (error) {
        const timedOut = deadline.aborted;
        const reason = timedOut
          ? `no answer within ${timeoutMs} ms`
          : error instanceof Error
            ? `${error.name}: ${error.message}`
            : String(error);
        options.logger?.warn({ id: message.id, to: masked, timedOut }, 'SMS gateway unreachable');
        throw fail(`SMS ${message.id} to ${masked}: gateway ${reason}`, false, undefined, error);
      }
      // Bounded read: the reason of a refusal, or the gateway's id of an accepted message.
      const answer = (await response.text().catch(() => '')).slice(0, 500);
      if (response.ok) {
        const providerId = providerIdOf(answer);
        options.logger?.info({ id: message.id, to: masked, providerId }, 'SMS accepted by the gateway');
        return providerId === undefined ? {} : { providerId };
      }
      const permanent = !retryableStatus(response.status) && response.status >= 400;
      // The gateway may echo the number back; mask anything that looks like one.
      const detail = answer.split(to).join(maskPhone(to)).split(message.to).join(masked);
      options.logger?.warn({ id: message.id, to: masked, status: response.status }, 'SMS refused');
      throw fail(
        `SMS ${message.id} to ${masked}: gateway answered ${response.status}${detail ? ` ${maskDigits(detail)}` : ''}`,
        permanent,
        response.status,
      );
    },
  };
}

function providerIdOf(answer: string): string | undefined {
  try {
    const parsed = JSON.parse(answer) as unknown;
    if (parsed && typeof parsed === 'object') {
      const record = parsed as Record<string, unknown>;
      const id = record.providerId ?? record.messageId ?? record.id;
      if (typeof id === 'string' || typeof id === 'number') return String(id);
    }
  } catch {
    // Not JSON: no id.
  }
  return undefined;
}

/** Any run of 9 or more digits (a phone or ID number in some format the gateway chose) loses all but 3. */
const maskDigits = (text: string) =>
  text.replace(/\+?[0-9][0-9 .-]{7,}[0-9]/g, (run) =>
    run.replace(/[^0-9]/g, '').length >= 9 ? maskPhone(run) : run,
  );
