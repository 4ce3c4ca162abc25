// Imported by the create-booking handler only: only that function's bundle carries Powertools idempotency.
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import { PowertoolsCreates, type IdempotentCreates } from '../http/idempotency';
import type { Runtime } from '../runtime';

const creates = new WeakMap<Runtime, IdempotentCreates>();

/** Bookings made once per (resident, Idempotency-Key), kept in the idempotency table like reports. */
export function bookingCreates(rt: Runtime): IdempotentCreates {
  let found = creates.get(rt);
  if (!found) {
    found = new PowertoolsCreates(new DynamoDBPersistenceLayer({ tableName: rt.config.idempotencyTableName, awsSdkV3Client: rt.dynamo }), 'create-booking', '次预约');
    creates.set(rt, found);
  }
  return found;
}
