import type { ErrorBody } from '@gridtong/shared/api/contracts';

export interface ErrorDetail {
  path: string;
  message: string;
}

/** An error meant for the caller: stable code, readable Chinese message, HTTP status. */
export class HttpError extends Error {
  override name = 'HttpError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: ErrorDetail[],
    readonly headers: Record<string, string> = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export const badRequest = (code: string, message: string, details?: ErrorDetail[]) => new HttpError(400, code, message, details);
export const unauthorized = (code = 'AUTH.REQUIRED', message = '请先登录') => new HttpError(401, code, message);
export const forbidden = (code = 'AUTH.FORBIDDEN', message = '无权进行此操作') => new HttpError(403, code, message);
export const notFound = (code: string, message: string) => new HttpError(404, code, message);
export const conflict = (code: string, message: string, details?: ErrorDetail[]) => new HttpError(409, code, message, details);
export const unprocessable = (code: string, message: string, details?: ErrorDetail[]) => new HttpError(422, code, message, details);
export const tooManyRequests = (code: string, message: string, retryAfterSeconds: number) =>
  new HttpError(429, code, message, undefined, { 'Retry-After': String(Math.max(1, Math.ceil(retryAfterSeconds))) });

/**
 * Domain errors carry a code and never a status; this is the one place that decides
 * which status each family of codes gets.
 */
const DOMAIN_STATUS: [RegExp, number][] = [
  [/\.(FORBIDDEN)$/, 403],
  [/\.(OUT_OF_SCOPE|NOT_FOUND)$/, 404],
  [/\.(RATE_LIMITED)$/, 429],
  [/\.(INVALID_TRANSITION|CONFLICT|VERSION_CONFLICT)$/, 409],
  [/\.(VALIDATION|REASON_REQUIRED)$/, 422],
];

export function isDomainError(err: unknown): err is Error & { code: string; details?: unknown } {
  return err instanceof Error && err.name === 'DomainError' && typeof (err as { code?: unknown }).code === 'string';
}

export function domainStatus(code: string): number {
  return DOMAIN_STATUS.find(([pattern]) => pattern.test(code))?.[1] ?? 422;
}

export function toErrorBody(err: HttpError): ErrorBody {
  return { error: { code: err.code, message: err.message, ...(err.details ? { details: err.details } : {}) } };
}

export const INTERNAL_ERROR = new HttpError(500, 'INTERNAL', '服务暂时不可用，请稍后再试');
