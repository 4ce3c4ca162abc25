import type { ErrorBody } from '@gridtong/shared/api/auth';
import { DomainError, isDomainError, type ErrorCode } from '@gridtong/shared/errors';

/**
 * The one place that decides which HTTP status each error code gets. Typed over every
 * code, so a new code without a status does not compile.
 */
export const ERROR_STATUS: Readonly<Record<ErrorCode, number>> = {
  'REQUEST.VALIDATION': 400,
  'REQUEST.BODY_REQUIRED': 400,
  'REQUEST.TOO_LARGE': 413,
  'REQUEST.UNSUPPORTED_MEDIA_TYPE': 415,
  'REQUEST.MALFORMED_JSON': 400,
  'REQUEST.INVALID_CURSOR': 400,
  'ROUTE.NOT_FOUND': 404,
  'AUTH.REQUIRED': 401,
  'AUTH.FORBIDDEN': 403,
  'AUTH.TOKEN_EXPIRED': 401,
  'AUTH.INVALID_TOKEN': 401,
  'AUTH.INVALID_CODE': 401,
  'AUTH.RATE_LIMITED': 429,
  'AUTH.WECHAT_RATE_LIMITED': 429,
  'CASE.NOT_FOUND': 404,
  'CASE.INVALID_TRANSITION': 409,
  'CASE.FORBIDDEN': 403,
  // Out of scope looks exactly like "no such case": ids cannot be probed.
  'CASE.OUT_OF_SCOPE': 404,
  'CASE.REASON_REQUIRED': 422,
  'CASE.RATE_LIMITED': 429,
  'CASE.VALIDATION': 422,
  'CASE.PRECONDITION_FAILED': 409,
  'CASE.VERSION_CONFLICT': 409,
  'CASE.UNKNOWN_ITEM': 422,
  'CASE.OUTSIDE_SERVICE_AREA': 422,
  'CASE.PHOTO_NOT_OWNED': 422,
  'CASE.PHOTO_MISSING': 422,
  'CASE.DUPLICATE_PHOTO': 400,
  'REPORT.VALIDATION': 422,
  'REPORT.ITEM_INACTIVE': 422,
  'REPORT.HOTLINE_ONLY': 422,
  'CITY.UNKNOWN_GRID': 422,
  'CITY.UNKNOWN_ITEM': 422,
  'GRID.NOT_FOUND': 404,
  'GRID.RATE_LIMITED': 429,
  'UPLOAD.UNSUPPORTED_TYPE': 400,
  'UPLOAD.TOO_LARGE': 413,
  'UPLOAD.TOO_SMALL': 400,
  'UPLOAD.RATE_LIMITED': 429,
  'IDEMPOTENCY.KEY_REQUIRED': 400,
  'IDEMPOTENCY.KEY_INVALID': 400,
  'IDEMPOTENCY.KEY_REUSED': 409,
  'IDEMPOTENCY.IN_PROGRESS': 409,
  // Staff desk, onboarding and revocation
  'AUTH.ACCOUNT_REVOKED': 401,
  'WORK.QUEUE_FORBIDDEN': 403,
  'INVITATION.NOT_FOUND': 404,
  'INVITATION.EXPIRED': 410,
  'INVITATION.USED': 409,
  'INVITATION.ALREADY_STAFF': 409,
  'INVITATION.OUT_OF_SCOPE': 403,
  'INVITATION.INVALID': 422,
  // Another admin's staff looks exactly like no staff at all.
  'STAFF.NOT_FOUND': 404,
  'UPSTREAM.WECHAT_UNAVAILABLE': 502,
  'UPSTREAM.WECHAT_BAD_ANSWER': 502,
  'UPSTREAM.WECHAT_ERROR': 502,
  // Reporting and tracking
  'FOLLOW.OWN_CASE': 409,
  'FOLLOW.CASE_CLOSED': 409,
  'HOME.OUTSIDE_SERVICE_AREA': 422,
  // Outbox and 考核 figures; a scope outside the caller's areas is a 404 like no scope at all
  'OUTBOX.NOT_FOUND': 404,
  'STATS.SCOPE_NOT_FOUND': 404,
  'STATS.INVALID_RANGE': 400,
  // 代办 visits. Another resident's booking looks exactly like none.
  'BOOKING.NOT_FOUND': 404,
  'BOOKING.HOME_REQUIRED': 409,
  'BOOKING.UNKNOWN_SERVICE': 422,
  'BOOKING.SLOT_UNAVAILABLE': 422,
  'BOOKING.SLOT_TAKEN': 409,
  'BOOKING.TOO_MANY_OPEN': 409,
  'BOOKING.INVALID_TRANSITION': 409,
  'BOOKING.CUTOFF_PASSED': 409,
  'BOOKING.RESCHEDULE_LIMIT': 409,
  'BOOKING.REASON_REQUIRED': 422,
  'BOOKING.TOO_EARLY': 409,
  'BOOKING.ALREADY_RATED': 409,
  'BOOKING.VERSION_CONFLICT': 409,
  'AVAILABILITY.GRID_REQUIRED': 422,
  'AVAILABILITY.OUT_OF_SCOPE': 403,
  // Port errors of the WeChat client (a job sees them; a route only if it calls WeChat itself),
  // content-check callbacks that are forged or replayed, follower votes, public community figures
  'UPSTREAM.WECHAT_TOKEN': 502,
  'UPSTREAM.WECHAT_BUSY': 503,
  'WECHAT.SUBSCRIPTION_REFUSED': 409,
  'WECHAT.SEND_QUOTA_EXCEEDED': 429,
  'WECHAT.TEMPLATE_INVALID': 502,
  'CONTENT.CALLBACK_FORGED': 401,
  'CONTENT.CALLBACK_REPLAYED': 401,
  'VOTE.NOT_FOLLOWER': 404,
  'COMMUNITY.NOT_FOUND': 404,
};

export interface HttpFailure {
  status: number;
  body: ErrorBody;
  headers: Record<string, string>;
}

const INTERNAL: HttpFailure = {
  status: 500,
  body: { error: { code: 'INTERNAL', message: '服务暂时不可用，请稍后再试' } },
  headers: {},
};

/** 4xx carry their code, message and field problems; anything else is a masked 500. */
export function toHttpFailure(err: unknown): HttpFailure {
  if (!isDomainError(err)) return INTERNAL;
  const status = ERROR_STATUS[err.code];
  if (status === undefined) return INTERNAL;
  const headers: Record<string, string> = {};
  if (err.retryAfterSeconds !== undefined) headers['Retry-After'] = String(Math.max(1, Math.ceil(err.retryAfterSeconds)));
  const body: ErrorBody = {
    error: {
      code: err.code,
      message: err.message,
      ...(err.problems.length ? { details: err.problems } : {}),
      ...(err.current === undefined ? {} : { current: err.current }),
    },
  };
  return { status, body, headers };
}

export { DomainError };
