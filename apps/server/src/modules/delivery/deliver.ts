import {
  isPermanentFailure,
  maskRecipient,
  type Channel,
  type OutgoingMessage,
  type SendOptions,
} from './channels.ts';

/**
 * What was sent, keyed by the message id (derived from the job id). The job runner delivers at least once:
 * a job can run again after its side effect, so the handler asks the log first and records after sending.
 */
export interface DeliveryLog {
  wasSent(id: string): Promise<boolean>;
  markSent(id: string, providerId: string | undefined): Promise<void>;
  /** A refusal that retrying cannot fix (bad number, 5xx from the MTA); optional for a log that keeps none. */
  markFailed?(id: string, reason: string): Promise<void>;
}

export type DeliveryOutcome =
  | { status: 'sent'; providerId: string | undefined }
  | { status: 'already_sent' }
  /** Refused for good: recorded, not thrown, so the job completes instead of retrying in vain. */
  | { status: 'rejected'; reason: string };

export interface DeliverDeps {
  channel: Channel;
  record: DeliveryLog;
  logger?: { info(obj: object, msg: string): void; warn(obj: object, msg: string): void };
  signal?: AbortSignal;
}

/**
 * Sends one message unless the log says it went out already. A retryable failure is thrown (the runner retries
 * with backoff); a permanent one is recorded and returned. The window between a send and `markSent` (a crash
 * there) is closed by the provider's idempotency: the same Message-ID for e-mail, the same Idempotency-Key
 * for the SMS gateway.
 */
export async function deliverMessage(deps: DeliverDeps, message: OutgoingMessage): Promise<DeliveryOutcome> {
  const { channel, record, logger } = deps;
  const log = { id: message.id, channel: channel.kind, to: maskRecipient(channel.kind, message.to) };
  if (await record.wasSent(message.id)) {
    logger?.info(log, 'message already sent; not sending again');
    return { status: 'already_sent' };
  }
  const options: SendOptions = deps.signal ? { signal: deps.signal } : {};
  let providerId: string | undefined;
  try {
    ({ providerId } = await channel.send(message, options));
  } catch (error) {
    if (!isPermanentFailure(error)) throw error;
    logger?.warn({ ...log, err: error.message }, 'message refused for good');
    await record.markFailed?.(message.id, error.message);
    return { status: 'rejected', reason: error.message };
  }
  await record.markSent(message.id, providerId);
  logger?.info({ ...log, providerId }, 'message sent');
  return { status: 'sent', providerId };
}

export interface MemoryDeliveryLog extends DeliveryLog {
  readonly sent: ReadonlyMap<string, string | undefined>;
  readonly failed: ReadonlyMap<string, string>;
}

/** For tests and for a server without a database table yet: forgets everything on restart. */
export function createMemoryDeliveryLog(): MemoryDeliveryLog {
  const sent = new Map<string, string | undefined>();
  const failed = new Map<string, string>();
  return {
    sent,
    failed,
    async wasSent(id) {
      return sent.has(id);
    },
    async markSent(id, providerId) {
      // The first record wins, as an INSERT … ON CONFLICT DO NOTHING would.
      if (!sent.has(id)) sent.set(id, providerId);
      failed.delete(id);
    },
    async markFailed(id, reason) {
      if (!sent.has(id)) failed.set(id, reason);
    },
  };
}
