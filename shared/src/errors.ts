/**
 * The one error type of the whole backend. Domain rules, repositories and adapters (ports)
 * all throw it with a stable `code`; only functions/src/http/errors.ts (ERROR_STATUS) turns a code into an
 * HTTP status, so a job (sweep, deliverer) receives the same errors a handler does.
 */
export const ERROR_CODES = [
  // Request shape (raised at the HTTP edge, but named like every other error).
  'REQUEST.VALIDATION',
  'REQUEST.BODY_REQUIRED',
  'REQUEST.TOO_LARGE',
  'REQUEST.UNSUPPORTED_MEDIA_TYPE',
  'REQUEST.MALFORMED_JSON',
  'REQUEST.INVALID_CURSOR',
  'ROUTE.NOT_FOUND',
  // Sessions and login.
  'AUTH.REQUIRED',
  'AUTH.FORBIDDEN',
  'AUTH.TOKEN_EXPIRED',
  'AUTH.INVALID_TOKEN',
  'AUTH.INVALID_CODE',
  'AUTH.RATE_LIMITED',
  'AUTH.WECHAT_RATE_LIMITED',
  // The case workflow.
  'CASE.NOT_FOUND',
  'CASE.INVALID_TRANSITION',
  'CASE.FORBIDDEN',
  'CASE.OUT_OF_SCOPE',
  'CASE.REASON_REQUIRED',
  'CASE.RATE_LIMITED',
  'CASE.VALIDATION',
  'CASE.PRECONDITION_FAILED',
  'CASE.VERSION_CONFLICT',
  'CASE.UNKNOWN_ITEM',
  'CASE.OUTSIDE_SERVICE_AREA',
  'CASE.PHOTO_NOT_OWNED',
  'CASE.PHOTO_MISSING',
  'CASE.DUPLICATE_PHOTO',
  'REPORT.VALIDATION',
  'REPORT.ITEM_INACTIVE',
  'REPORT.HOTLINE_ONLY',
  // Grids and places.
  'CITY.UNKNOWN_GRID',
  'CITY.UNKNOWN_ITEM',
  'GRID.NOT_FOUND',
  'GRID.RATE_LIMITED',
  // Uploads.
  'UPLOAD.UNSUPPORTED_TYPE',
  'UPLOAD.TOO_LARGE',
  'UPLOAD.TOO_SMALL',
  'UPLOAD.RATE_LIMITED',
  // Idempotent creation.
  'IDEMPOTENCY.KEY_REQUIRED',
  'IDEMPOTENCY.KEY_INVALID',
  'IDEMPOTENCY.KEY_REUSED',
  'IDEMPOTENCY.IN_PROGRESS',
  // Staff desk, onboarding and revocation.
  'AUTH.ACCOUNT_REVOKED',
  'WORK.QUEUE_FORBIDDEN',
  'INVITATION.NOT_FOUND',
  'INVITATION.EXPIRED',
  'INVITATION.USED',
  'INVITATION.ALREADY_STAFF',
  'INVITATION.OUT_OF_SCOPE',
  'INVITATION.INVALID',
  'STAFF.NOT_FOUND',
  // Upstream services (ports).
  'UPSTREAM.WECHAT_UNAVAILABLE',
  'UPSTREAM.WECHAT_BAD_ANSWER',
  'UPSTREAM.WECHAT_ERROR',
  // Following cases and the resident's home grid.
  'FOLLOW.OWN_CASE',
  'FOLLOW.CASE_CLOSED',
  'HOME.OUTSIDE_SERVICE_AREA',
  // Events: outbox and 考核 figures.
  'OUTBOX.NOT_FOUND',
  'STATS.SCOPE_NOT_FOUND',
  'STATS.INVALID_RANGE',
  // 代办 visits.
  'BOOKING.NOT_FOUND',
  'BOOKING.HOME_REQUIRED',
  'BOOKING.UNKNOWN_SERVICE',
  'BOOKING.SLOT_UNAVAILABLE',
  'BOOKING.SLOT_TAKEN',
  'BOOKING.TOO_MANY_OPEN',
  'BOOKING.INVALID_TRANSITION',
  'BOOKING.CUTOFF_PASSED',
  'BOOKING.RESCHEDULE_LIMIT',
  'BOOKING.REASON_REQUIRED',
  'BOOKING.TOO_EARLY',
  'BOOKING.ALREADY_RATED',
  'BOOKING.VERSION_CONFLICT',
  'AVAILABILITY.GRID_REQUIRED',
  'AVAILABILITY.OUT_OF_SCOPE',
  // WeChat subscribe messages, content security, rating and reopening.
  'UPSTREAM.WECHAT_TOKEN',
  'UPSTREAM.WECHAT_BUSY',
  'WECHAT.SUBSCRIPTION_REFUSED',
  'WECHAT.SEND_QUOTA_EXCEEDED',
  'WECHAT.TEMPLATE_INVALID',
  'CONTENT.CALLBACK_FORGED',
  'CONTENT.CALLBACK_REPLAYED',
  'VOTE.NOT_FOLLOWER',
  'COMMUNITY.NOT_FOUND',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** A field the caller should fix: `path` names it where the caller sent it (body.photos.0.key). */
export interface FieldProblem {
  path: string;
  message: string;
}

export interface DomainErrorOptions {
  /** Field-level problems, shown to the caller as `details`. */
  problems?: FieldProblem[];
  /** Structured facts for code and logs (rule names, limits); never sent as they are. */
  details?: Record<string, unknown>;
  /** For rate limits and in-progress work: when trying again makes sense. */
  retryAfterSeconds?: number;
  /**
   * The resource as this caller may see it now (e.g. the current case on a version
   * conflict), already reduced to the caller's view; sent as `error.current`.
   */
  current?: unknown;
  cause?: unknown;
}

export class DomainError extends Error {
  override readonly name = 'DomainError';
  readonly code: ErrorCode;
  readonly problems: FieldProblem[];
  readonly details: Record<string, unknown>;
  readonly retryAfterSeconds: number | undefined;
  readonly current: unknown;

  constructor(code: ErrorCode, message: string, options: DomainErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.problems = options.problems ?? [];
    this.details = options.details ?? {};
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.current = options.current;
  }

  /** The same error carrying the caller's view of the resource as it is now. */
  withCurrent(current: unknown): DomainError {
    return new DomainError(this.code, this.message, {
      problems: this.problems,
      details: this.details,
      ...(this.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: this.retryAfterSeconds }),
      current,
      cause: this,
    });
  }

  /** The same error with its field paths moved under a prefix (`photos` → `body.photos`). */
  under(prefix: string): DomainError {
    return new DomainError(this.code, this.message, {
      problems: this.problems.map((p) => ({ path: p.path ? `${prefix}.${p.path}` : prefix, message: p.message })),
      details: this.details,
      ...(this.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: this.retryAfterSeconds }),
      ...(this.current === undefined ? {} : { current: this.current }),
      cause: this,
    });
  }
}

export function isDomainError(error: unknown, code?: ErrorCode): error is DomainError {
  return error instanceof DomainError && (code === undefined || error.code === code);
}
