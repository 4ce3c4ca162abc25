// Imported by the create handlers only: only their bundles carry Powertools idempotency.
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import type { Runtime } from '../runtime';
import { PowertoolsCreates, type IdempotentCreates } from './idempotency';

const made = new Map<string, WeakMap<Runtime, IdempotentCreates>>();

/**
 * Creates of one route made once per (caller, Idempotency-Key), kept in the idempotency table.
 * `what` names the thing in a refusal ('份上报', '次预约').
 */
export function storedCreates(rt: Runtime, keyPrefix: string, what: string): IdempotentCreates {
  const byRuntime = made.get(keyPrefix) ?? new WeakMap<Runtime, IdempotentCreates>();
  made.set(keyPrefix, byRuntime);
  let found = byRuntime.get(rt);
  if (!found) {
    found = new PowertoolsCreates(new DynamoDBPersistenceLayer({ tableName: rt.config.idempotencyTableName, awsSdkV3Client: rt.dynamo }), keyPrefix, what);
    byRuntime.set(rt, found);
  }
  return found;
}
