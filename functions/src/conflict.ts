import { DomainError, isDomainError, type ErrorCode } from '@gridtong/shared/errors';

/**
 * The one conflict convention: a service refuses a stale or lost write with a domain
 * conflict carrying the aggregate as it is now (kept in `details`, which never leaves the
 * server as it is); the route turns it into the caller's own view (`error.current`)
 * through its `conflictView` hook (see defineRoute), so no service renders a view.
 */
export function conflictWith(code: Extract<ErrorCode, `${string}.VERSION_CONFLICT`>, message: string, current: unknown): DomainError {
  return new DomainError(code, message, { details: { current } });
}

/** The aggregate a conflict carries, if `err` is one that still needs rendering for its caller. */
export function conflictAggregate(err: unknown): unknown {
  if (!isDomainError(err) || !err.code.endsWith('.VERSION_CONFLICT') || err.current !== undefined) return undefined;
  return err.details['current'];
}
