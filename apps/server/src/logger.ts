import pino, { type Logger } from 'pino';
import { maskDeep, maskText } from '@motcua/domain/privacy/mask';

function isPlain(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * Every log line passes through the personal-data mask (citizen ID and phone numbers keep only their last
 * digits; secrets are dropped), whatever the caller logs.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      redact: {
        paths: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]'],
        censor: '[redacted]',
      },
      hooks: {
        logMethod(args, method) {
          const masked = args.map((arg: unknown) =>
            typeof arg === 'string' ? maskText(arg) : isPlain(arg) ? maskDeep(arg) : arg,
          );
          method.apply(this, masked as Parameters<typeof method>);
        },
      },
      serializers: {
        req: (req: { method?: string; url?: string; id?: string }) => ({
          method: req.method,
          url: maskText(req.url ?? ''),
          id: req.id,
        }),
      },
    },
    destination,
  );
}
