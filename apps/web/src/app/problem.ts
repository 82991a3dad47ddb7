import type { Translate } from '../i18n/i18n.tsx';
import { ApiError } from './api.ts';

export interface FieldMessage {
  /** The request field, e.g. "name" from the JSON pointer "/body/name"; null when it names no field. */
  field: string | null;
  message: string;
}

export interface ErrorDescription {
  title: string;
  detail: string | null;
  requestId: string | null;
  retryAfterSeconds: number | null;
  fields: FieldMessage[];
}

const LOCATIONS: ReadonlySet<string> = new Set(['', 'body', 'query', 'params', 'headers']);

/**
 * The innermost named field: "/body/predecessorIds/0" → "predecessorIds"; "body.name" → "name";
 * "/body/applicant/idNumber" → "idNumber"; "/headers/idempotency-key" → "idempotency-key".
 */
export function fieldName(pointer: string | undefined): string | null {
  if (!pointer) return null;
  const parts = pointer.split(/[/.]/).filter((part) => !LOCATIONS.has(part) && !/^\d+$/.test(part));
  return parts.at(-1) ?? null;
}

/** Turns whatever a request threw into what a form shows: the server's words when it sent a problem. */
export function describeError(error: unknown, t: Translate): ErrorDescription {
  if (!(error instanceof ApiError)) {
    return { title: t('error.network'), detail: null, requestId: null, retryAfterSeconds: null, fields: [] };
  }
  const { problem } = error;
  if (!problem) {
    const title = error.status === 0 ? t('error.network') : t('error.unexpected', { status: error.status });
    return { title, detail: null, requestId: null, retryAfterSeconds: error.retryAfterSeconds, fields: [] };
  }
  const fields: FieldMessage[] = (problem.errors ?? []).map((e) => ({
    field: fieldName(e.field),
    message: e.message,
  }));
  if (fields.length === 0 && problem.field) {
    fields.push({ field: fieldName(problem.field), message: problem.detail ?? problem.title });
  }
  return {
    title: problem.title,
    detail: problem.detail ?? null,
    requestId: problem.requestId ?? null,
    retryAfterSeconds: error.retryAfterSeconds,
    fields,
  };
}

/** The first message for each field, to show next to the inputs. */
export function messagesByField(fields: readonly FieldMessage[]): Record<string, string> {
  const result: Record<string, string> = {};
  for (const { field, message } of fields) {
    if (field !== null && result[field] === undefined) result[field] = message;
  }
  return result;
}
