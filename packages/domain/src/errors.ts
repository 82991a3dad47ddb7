/**
 * Errors are values. The HTTP edge maps each kind to a status and an RFC 9457 problem (one table there).
 */
export type DomainError =
  | { kind: 'NotFound'; entity: string; id?: string }
  | { kind: 'Forbidden'; permission?: string }
  | { kind: 'Unauthenticated' }
  | { kind: 'InvalidCredentials' }
  | { kind: 'TooManyAttempts'; retryAfterSeconds: number }
  | { kind: 'Conflict'; entity: string; field?: string; detail?: string }
  | { kind: 'Invalid'; field: string; detail: string }
  | { kind: 'CsrfMismatch' };

export class DomainFailure extends Error {
  constructor(readonly error: DomainError) {
    super(error.kind);
    this.name = 'DomainFailure';
  }
}

export function fail(error: DomainError): never {
  throw new DomainFailure(error);
}
