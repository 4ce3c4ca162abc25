import { LogFormatter, LogItem, Logger } from '@aws-lambda-powertools/logger';
import type { LogAttributes, UnformattedAttributes } from '@aws-lambda-powertools/logger/types';

/**
 * Personal data never reaches a log line (PIPL): keys that name it are masked whatever
 * their value, and free text is scrubbed of phone numbers, bearer tokens, JWTs and
 * signed URLs, so a careless `logger.info({ body })` still leaks nothing.
 */
const SENSITIVE_KEY = /(phone|mobile|openid|unionid|session_?key|token|authorization|secret|password|signature|credential|cookie|code|url|photo|key)$/i;
const SAFE_KEYS = new Set(['errorCode', 'code_path', 'statusCode', 'routeId', 'caseId', 'itemCode', 'gridCode', 'departmentId', 'idempotencyKeyHash']);

const TEXT_PATTERNS: [RegExp, string][] = [
  [/Bearer\s+[A-Za-z0-9._~+/-]+=*/gi, 'Bearer [redacted]'],
  [/eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/g, '[jwt]'],
  [/https?:\/\/[^\s"']*(X-Amz-|Signature=|Policy=)[^\s"']*/gi, '[signed-url]'],
  [/(?<!\d)1[3-9]\d{9}(?!\d)/g, '[phone]'],
  [/(?<![A-Za-z0-9])o[A-Za-z0-9_-]{27}(?![A-Za-z0-9])/g, '[openid]'],
  [/js_code=[^&\s"]+/g, 'js_code=[redacted]'],
];

export function redactText(text: string): string {
  let out = text;
  for (const [pattern, replacement] of TEXT_PATTERNS) out = out.replace(pattern, replacement);
  return out;
}

export function redact(value: unknown, depth = 0): unknown {
  if (depth > 8) return '[depth]';
  if (typeof value === 'string') return redactText(value);
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  if (value instanceof Error) {
    return { name: value.name, message: redactText(value.message), stack: value.stack ? redactText(value.stack) : undefined };
  }
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      out[k] = !SAFE_KEYS.has(k) && SENSITIVE_KEY.test(k) && v !== undefined && v !== null ? '[redacted]' : redact(v, depth + 1);
    }
    return out;
  }
  return value;
}

class RedactingFormatter extends LogFormatter {
  formatAttributes(attributes: UnformattedAttributes, additional: LogAttributes): LogItem {
    const base: LogAttributes = {
      level: attributes.logLevel,
      message: redactText(String(attributes.message ?? '')),
      timestamp: this.formatTimestamp(attributes.timestamp),
      service: attributes.serviceName,
      cold_start: attributes.lambdaContext?.coldStart,
      function_request_id: attributes.lambdaContext?.awsRequestId,
      xray_trace_id: attributes.xRayTraceId,
    };
    return new LogItem({ attributes: base }).addAttributes(redact(additional) as LogAttributes);
  }
}

export function createLogger(serviceName = 'gridtong'): Logger {
  return new Logger({ serviceName, logFormatter: new RedactingFormatter() });
}

export const logger = createLogger();
