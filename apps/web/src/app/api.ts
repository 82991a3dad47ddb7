import type { Problem } from '@motcua/contracts';
import { currentLanguage } from '../i18n/i18n.tsx';

/**
 * The one way the web app talks to the server: JSON over fetch, same-origin cookies, the CSRF token on every
 * non-GET request and the interface language as Accept-Language (the server localises its problem titles).
 */
export class ApiError extends Error {
  /** 0 when the server could not be reached. */
  readonly status: number;
  /** The RFC 9457 problem, or null when the response was not one (network error, proxy page…). */
  readonly problem: Problem | null;
  readonly retryAfterSeconds: number | null;

  constructor(status: number, problem: Problem | null, retryAfterSeconds: number | null) {
    super(problem?.title ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

let csrfToken: string | null = null;
let unauthorizedHandler: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when a request outside /api/auth/ gets 401: the session has expired. */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  unauthorizedHandler = handler;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

async function request<T>(
  method: Method,
  path: string,
  body?: unknown,
  signal?: AbortSignal,
  extraHeaders: Readonly<Record<string, string>> = {},
): Promise<T> {
  const headers: Record<string, string> = {
    ...extraHeaders,
    Accept: 'application/json, application/problem+json',
    'Accept-Language': currentLanguage(),
  };
  // A FormData body (file upload) sets its own multipart boundary: no Content-Type from us.
  const isForm = body instanceof FormData;
  if (body !== undefined && !isForm) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken !== null) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? null : isForm ? body : JSON.stringify(body),
      credentials: 'same-origin',
      signal: signal ?? null,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(0, null, null);
  }

  if (response.ok) {
    if (response.status === 204) return undefined as T;
    return (await response.json()) as T;
  }
  const problem = await readProblem(response);
  if (response.status === 401 && !path.startsWith('/api/auth/')) unauthorizedHandler?.();
  throw new ApiError(response.status, problem, parseRetryAfter(response.headers.get('Retry-After')));
}

async function readProblem(response: Response): Promise<Problem | null> {
  const type = response.headers.get('Content-Type') ?? '';
  if (!type.includes('json')) return null;
  try {
    const data: unknown = await response.json();
    if (typeof data !== 'object' || data === null) return null;
    const candidate = data as Partial<Problem>;
    return typeof candidate.title === 'string'
      ? ({ ...candidate, status: response.status } as Problem)
      : null;
  } catch {
    return null;
  }
}

/** Retry-After is either delay-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | null {
  if (value === null || value.trim() === '') return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - now) / 1000));
}

export const api = {
  get: <T>(path: string, signal?: AbortSignal) => request<T>('GET', path, undefined, signal),
  post: <T>(path: string, body?: unknown, headers?: Readonly<Record<string, string>>) =>
    request<T>('POST', path, body, undefined, headers),
  /** multipart/form-data, e.g. a scan in the part `file`. */
  postForm: <T>(path: string, form: FormData) => request<T>('POST', path, form),
};
