import type { FastifyReply, FastifyRequest } from 'fastify';
import type { RatingState } from '@motcua/contracts/ratings';
import { DomainFailure, type DomainError } from '@motcua/domain/errors';
import { CRITERIA, type CriterionCode } from '@motcua/domain/ratings/criteria';
import type { Lang } from '../portal/portal.messages.ts';
import { portalHref } from '../portal/portal.format.ts';
import { PORTAL_CSP } from '../portal/portal.routes.ts';
import type { FormValues, KeyForm, PageError } from './ratings.views.ts';

/** The plumbing of the rating pages' forms: values and errors (the parser and same-origin rule: portal/form-post.ts). */

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type Form = Record<string, string>;

export const first = (value: unknown): string | undefined => {
  const v = Array.isArray(value) ? (value as unknown[])[0] : value;
  return typeof v === 'string' ? v : undefined;
};

export function send(reply: FastifyReply, status: number, body: string) {
  return (
    reply
      .code(status)
      .header('content-type', 'text/html; charset=utf-8')
      // The pages show a file and carry its key: never kept by a shared cache or the kiosk's browser.
      .header('cache-control', 'no-store')
      .header('x-robots-tag', 'noindex')
      .header('content-security-policy', PORTAL_CSP)
      .send(body)
  );
}

export const failureOf = (error: unknown): DomainError | undefined =>
  error instanceof DomainFailure ? error.error : undefined;

/** The page's error for a domain field pointer: the message, and the control it links to. */
export function fieldErrorOf(field: string, message: string): PageError & { field?: string } {
  if (field === '/body/level') return { message, field: 'level', anchor: 'level-rat_hai_long' };
  if (field === '/body/comment') return { message, field: 'comment', anchor: 'comment' };
  const criterion = /^\/body\/criteria\/(.+)$/.exec(field)?.[1];
  if (criterion && (CRITERIA as readonly string[]).includes(criterion))
    return { message, field: `c-${criterion}`, anchor: `c-${criterion}-skip` };
  return { message };
}

export function valuesOf(form: Form): FormValues {
  const criteria: Partial<Record<CriterionCode, string>> = {};
  for (const code of CRITERIA) {
    const value = form[`c_${code}`];
    if (value) criteria[code] = value;
  }
  return { level: form.level ?? '', criteria, comment: form.comment ?? '' };
}

export function savedValues(state: RatingState): FormValues {
  const r = state.rating;
  return r
    ? { level: r.level, criteria: { ...r.criteria }, comment: r.comment ?? '' }
    : { level: '', criteria: {}, comment: '' };
}

export const formOf = (request: FastifyRequest): Form =>
  request.body && typeof request.body === 'object' ? (request.body as Form) : (Object.create(null) as Form);

/** The kiosk's code-and-key form: posted, so neither lands in the shared browser's history. */
export function kioskKeyForm(lang: Lang, unitId: string | undefined, code: string): KeyForm {
  return {
    method: 'post',
    action: portalHref('/quay/danh-gia', lang),
    hidden: { step: 'find', ...(unitId ? { unit: unitId } : {}) },
    code,
  };
}
