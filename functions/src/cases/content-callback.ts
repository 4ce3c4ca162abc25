import { createHash, timingSafeEqual } from 'node:crypto';
import { mediaCheckVerdictSchema } from '@gridtong/shared/api/content-check';
import { DomainError } from '@gridtong/shared/errors';
import { photoKey } from '@gridtong/shared/schemas/case';
import { logger } from '../log';
import { CALLBACK_MAX_AGE_SECONDS, type ContentCheckStore } from './content-check-store';

export interface CallbackQuery {
  signature?: string;
  timestamp?: string;
  nonce?: string;
}

const forged = () => new DomainError('CONTENT.CALLBACK_FORGED', '签名校验失败');

/** WeChat's message-push signature: sha1 over token, timestamp and nonce, sorted and joined. */
export function pushSignature(token: string, timestamp: string, nonce: string): string {
  return createHash('sha1').update([token, timestamp, nonce].sort().join('')).digest('hex');
}

/**
 * A mediaCheckAsync verdict. Only a request signed with our token, made
 * in the last five minutes, with a nonce never seen before, is believed; the verdict is
 * then recorded on the case the trace id names (risky: hidden from others, kept for review).
 */
export async function acceptContentCallback(
  deps: { token: () => Promise<string | null>; checks: ContentCheckStore },
  query: CallbackQuery,
  body: unknown,
  now: Date,
): Promise<{ ok: true }> {
  const token = await deps.token();
  const { signature, timestamp, nonce } = query;
  if (!token || !signature || !timestamp || !nonce || !/^\d{1,12}$/.test(timestamp)) throw forged();
  const expected = Buffer.from(pushSignature(token, timestamp, nonce));
  const given = Buffer.from(signature.toLowerCase());
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw forged();
  if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > CALLBACK_MAX_AGE_SECONDS) {
    throw new DomainError('CONTENT.CALLBACK_REPLAYED', '回调已过期');
  }
  if (!(await deps.checks.firstUse(timestamp, nonce, now))) throw new DomainError('CONTENT.CALLBACK_REPLAYED', '重复的回调');

  const verdict = mediaCheckVerdictSchema.safeParse(body);
  // Other pushes (or a verdict shape we do not know) are acknowledged and left alone.
  if (!verdict.success) return { ok: true };
  const trace = await deps.checks.traceOf(verdict.data.trace_id);
  if (!trace) {
    logger.warn('content-check verdict for an unknown trace');
    return { ok: true };
  }
  await deps.checks.setVerdict(trace.caseId, photoKey(trace.photo), verdict.data.result.suggest);
  return { ok: true };
}
