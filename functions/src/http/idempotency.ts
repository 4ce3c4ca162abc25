import { IdempotencyAlreadyInProgressError, IdempotencyConfig, IdempotencyValidationError, makeIdempotent } from '@aws-lambda-powertools/idempotency';
import type { BasePersistenceLayer } from '@aws-lambda-powertools/idempotency/persistence';
import type { Context } from 'aws-lambda';
import { DomainError } from '@gridtong/shared/errors';

/** Idempotency keys are the client's: a UUID or similar, generated once per attempt to create something. */
export const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,64}$/;
const IDEMPOTENCY_WINDOW_SECONDS = 24 * 60 * 60;

/** The request's Idempotency-Key, checked before anything runs (Powertools would answer a missing one with a 500). */
export function idempotencyKeyOf(headers: Record<string, string>): string {
  const key = headers['idempotency-key'];
  if (!key) throw new DomainError('IDEMPOTENCY.KEY_REQUIRED', '缺少 Idempotency-Key 请求头', { problems: [{ path: 'headers.idempotency-key', message: 'required' }] });
  if (!IDEMPOTENCY_KEY.test(key)) {
    throw new DomainError('IDEMPOTENCY.KEY_INVALID', 'Idempotency-Key 格式不正确', { problems: [{ path: 'headers.idempotency-key', message: '8–64 characters of A–Z a–z 0–9 _ -' }] });
  }
  return key;
}

export interface Created {
  /** The id of what the first attempt created. */
  id: string;
  /** True when this is a later attempt answered with the first one's result. */
  replayed: boolean;
}

interface Attempt {
  key: string;
  body: unknown;
}

/** Creates something at most once per (caller, key); what a create needs for one attempt. */
export interface IdempotentCreates {
  once(request: { userId: string; key: string; body: unknown }, create: () => Promise<string>, lambdaContext?: Context): Promise<Created>;
}

/**
 * Powertools idempotency for a create route: a retry with the same Idempotency-Key gets what
 * the first attempt created; the same key with another body is refused (409
 * IDEMPOTENCY.KEY_REUSED); a duplicate arriving while the first still runs is told to wait
 * (409 IDEMPOTENCY.IN_PROGRESS). Keys are scoped to the caller: two people never collide.
 */
export class PowertoolsCreates implements IdempotentCreates {
  private readonly config: IdempotencyConfig;
  private readonly run: (attempt: Attempt, create: () => Promise<string>) => Promise<Created>;

  /** `what` names the thing in the refusal: '份上报', '次预约'. */
  constructor(persistenceStore: BasePersistenceLayer, keyPrefix: string, private readonly what: string) {
    this.config = new IdempotencyConfig({
      eventKeyJmesPath: 'key',
      payloadValidationJmesPath: 'body',
      expiresAfterSeconds: IDEMPOTENCY_WINDOW_SECONDS,
      throwOnNoIdempotencyKey: true,
      // Called only when a stored result is returned instead of running again.
      responseHook: (response) => ({ ...(response as object), replayed: true }),
    });
    const create = async (_attempt: Attempt, make: () => Promise<string>): Promise<Created> => ({ id: await make(), replayed: false });
    this.run = makeIdempotent(create, { persistenceStore, keyPrefix, config: this.config, dataIndexArgument: 0 });
  }

  async once(request: { userId: string; key: string; body: unknown }, create: () => Promise<string>, lambdaContext?: Context): Promise<Created> {
    try {
      // An in-progress record outlives a crashed invocation only by the time it had left.
      if (lambdaContext) this.config.registerLambdaContext(lambdaContext);
      return await this.run({ key: `${request.userId}:${request.key}`, body: request.body }, create);
    } catch (err) {
      if (err instanceof IdempotencyValidationError) {
        throw new DomainError('IDEMPOTENCY.KEY_REUSED', `该请求标识已用于另一${this.what}，请重新提交`, { problems: [{ path: 'headers.idempotency-key', message: 'reused with a different body' }] });
      }
      if (err instanceof IdempotencyAlreadyInProgressError) {
        throw new DomainError('IDEMPOTENCY.IN_PROGRESS', '上一次提交仍在处理中，请稍候', { retryAfterSeconds: 2 });
      }
      // Powertools wraps our own errors; unwrap so the caller still sees the real 4xx.
      const cause = (err as { cause?: unknown }).cause;
      if (cause instanceof Error && err instanceof Error && err.name.startsWith('Idempotency')) throw cause;
      throw err;
    }
  }
}
