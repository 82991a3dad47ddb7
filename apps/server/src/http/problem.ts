import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { DomainFailure, text, type DomainError, type Text } from '@motcua/domain/errors';
import { validationMessage } from './validation-messages.ts';
import { DETAILS, PROBLEM_TITLES, pickLang, type ProblemType } from './messages.ts';

interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail?: string;
  field?: string;
  errors?: { field: string; message: string }[];
  requestId: string;
  [key: string]: unknown;
}

/** The one table from domain error kinds to HTTP (architecture.md §4.5). */
function fromDomain(error: DomainError): {
  status: number;
  type: ProblemType;
  field?: string;
  detail?: string | Text;
  extra?: Record<string, unknown>;
} {
  switch (error.kind) {
    case 'NotFound':
      return { status: 404, type: 'not-found', detail: `${error.entity}${error.id ? ` ${error.id}` : ''}` };
    case 'Forbidden':
      return { status: 403, type: 'forbidden', ...(error.permission ? { detail: error.permission } : {}) };
    case 'Unauthenticated':
      return { status: 401, type: 'unauthenticated' };
    case 'InvalidCredentials':
      return { status: 401, type: 'invalid-credentials' };
    case 'TooManyAttempts':
      return { status: 429, type: 'too-many-attempts' };
    case 'Conflict':
      return {
        status: 409,
        type: 'conflict',
        ...(error.field ? { field: error.field } : {}),
        detail: error.detail ?? error.entity,
      };
    case 'Invalid':
      return { status: 422, type: 'invalid', field: error.field, detail: error.detail };
    case 'CsrfMismatch':
      return { status: 403, type: 'csrf-mismatch' };
    case 'TransitionNotAllowed':
      return {
        status: 409,
        type: 'transition-not-allowed',
        detail: text(
          `Không thể “${error.action}” khi hồ sơ đang ở trạng thái “${error.from}”`,
          `“${error.action}” is not allowed in state “${error.from}”`,
        ),
        extra: { allowed: error.allowed },
      };
    case 'StaleVersion':
      return {
        status: 409,
        type: 'stale-version',
        detail: text(
          'Hồ sơ vừa được người khác cập nhật; hãy tải lại',
          'Someone else changed it first; reload',
        ),
      };
  }
}

function problem(
  request: FastifyRequest,
  status: number,
  type: ProblemType,
  extra: Partial<ProblemBody> = {},
): ProblemBody {
  const lang = pickLang(request.headers['accept-language']);
  return {
    type: `/problems/${type}`,
    title: PROBLEM_TITLES[type][lang],
    status,
    requestId: request.id,
    ...extra,
  };
}

export function sendProblem(reply: FastifyReply, body: ProblemBody): FastifyReply {
  return reply.code(body.status).type('application/problem+json').send(body);
}

interface AjvError {
  instancePath: string;
  message?: string;
  keyword: string;
  params: Record<string, unknown>;
}

function fieldOf(context: string | undefined, error: AjvError): string {
  const missing = error.keyword === 'required' ? `/${String(error.params.missingProperty)}` : '';
  const extra = error.keyword === 'additionalProperties' ? `/${String(error.params.additionalProperty)}` : '';
  return `/${context ?? 'body'}${error.instancePath}${missing}${extra}`;
}

export function toProblem(error: unknown, request: FastifyRequest): ProblemBody {
  const lang = pickLang(request.headers['accept-language']);
  if (error instanceof DomainFailure) {
    const mapped = fromDomain(error.error);
    const detail =
      error.error.kind === 'TooManyAttempts'
        ? DETAILS.tooManyAttempts[lang](error.error.retryAfterSeconds)
        : typeof mapped.detail === 'object'
          ? mapped.detail[lang]
          : mapped.detail;
    return problem(request, mapped.status, mapped.type, {
      ...(detail ? { detail } : {}),
      ...(mapped.field ? { field: mapped.field } : {}),
      ...mapped.extra,
    });
  }
  const fastifyError = error as FastifyError & { validation?: AjvError[]; validationContext?: string };
  if (fastifyError.validation) {
    const errors = fastifyError.validation.map((e) => ({
      field: fieldOf(fastifyError.validationContext, e),
      message: validationMessage(e, lang),
    }));
    return problem(request, 400, 'invalid', {
      detail: `${errors[0]?.field}: ${errors[0]?.message}`,
      field: errors[0]?.field,
      errors,
    });
  }
  const status = typeof fastifyError.statusCode === 'number' ? fastifyError.statusCode : 500;
  if (status === 413) return problem(request, 413, 'payload-too-large');
  if (status === 415) return problem(request, 415, 'unsupported-media-type');
  if (status >= 400 && status < 500) {
    // Fastify's own client errors (malformed JSON, empty body…): safe messages, no stack.
    return problem(request, status, 'bad-request', { detail: fastifyError.message });
  }
  return problem(request, 500, 'internal', { detail: DETAILS.internal[lang](request.id) });
}
