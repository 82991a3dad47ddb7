/**
 * Errors are values. The HTTP edge maps each kind to a status and an RFC 9457 problem (one table there).
 */
/** A message for people, in Vietnamese (the default) and English. */
export interface Text {
  vi: string;
  en: string;
}

export const text = (vi: string, en: string): Text => ({ vi, en });

export type DomainError =
  | { kind: 'NotFound'; entity: string; id?: string }
  | { kind: 'Forbidden'; permission?: string }
  | { kind: 'Unauthenticated' }
  | { kind: 'InvalidCredentials' }
  | { kind: 'TooManyAttempts'; retryAfterSeconds: number }
  | { kind: 'Conflict'; entity: string; field?: string; detail?: Text }
  | { kind: 'Invalid'; field: string; detail: Text }
  | { kind: 'CsrfMismatch' }
  | { kind: 'TransitionNotAllowed'; from: string; action: string; allowed: string[] }
  | { kind: 'StaleVersion'; entity: string; expected: number; actual: number };

export class DomainFailure extends Error {
  constructor(readonly error: DomainError) {
    super(error.kind);
    this.name = 'DomainFailure';
  }
}

export function fail(error: DomainError): never {
  throw new DomainFailure(error);
}
