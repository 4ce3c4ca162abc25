/**
 * The domain's one error type for all of shared/. It carries a stable `code` that
 * callers branch on and the functions package maps to HTTP; never a status itself.
 */
export const DOMAIN_ERROR_CODES = [
  'CASE.INVALID_TRANSITION',
  'CASE.FORBIDDEN',
  'CASE.OUT_OF_SCOPE',
  'CASE.REASON_REQUIRED',
  'CASE.RATE_LIMITED',
  'CASE.VALIDATION',
  'CASE.PRECONDITION_FAILED',
] as const;
export type CaseErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

/** Other modules of shared/ add their own `AREA.THING` codes; the case codes are listed above. */
export type DomainErrorCode = CaseErrorCode | `${Uppercase<string>}.${Uppercase<string>}`;

export interface DomainErrorOptions {
  details?: Record<string, unknown>;
  cause?: unknown;
}

export class DomainError extends Error {
  override readonly name = 'DomainError';
  readonly code: DomainErrorCode;
  readonly details: Record<string, unknown>;

  constructor(code: DomainErrorCode, message: string, options: DomainErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.details = options.details ?? {};
  }
}

export function isDomainError(error: unknown, code?: DomainErrorCode): error is DomainError {
  return error instanceof DomainError && (code === undefined || error.code === code);
}
