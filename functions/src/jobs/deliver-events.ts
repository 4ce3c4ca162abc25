import type { DynamoDBStreamEvent, ScheduledEvent } from 'aws-lambda';
import { logger } from '../log';
import { getRuntime } from '../runtime';
import type { DeliveryReport } from '../events/deliverer';

function isStream(event: DynamoDBStreamEvent | ScheduledEvent): event is DynamoDBStreamEvent {
  return Array.isArray((event as DynamoDBStreamEvent).Records);
}

/**
 * The deliverer on AWS. From the table's stream (filtered to items with pending deliveries)
 * it delivers at once; from the schedule it picks up what is due for a retry. Same code as
 * the local timer.
 */
export async function handler(event: DynamoDBStreamEvent | ScheduledEvent): Promise<DeliveryReport> {
  const deliverer = getRuntime().deliverer();
  if (!isStream(event)) return deliverer.deliverDue();
  const ids = new Set<string>();
  for (const record of event.Records) {
    const pk = record.dynamodb?.Keys?.pk?.S;
    if (pk?.startsWith('CASE#')) ids.add(pk.slice('CASE#'.length));
  }
  const total: DeliveryReport = { cases: 0, delivered: 0, failed: 0, parked: 0 };
  for (const id of ids) {
    const one = await deliverer.deliverCase(id);
    total.cases++;
    total.delivered += one.delivered;
    total.failed += one.failed;
    total.parked += one.parked;
  }
  logger.info('stream batch delivered', { ...total });
  return total;
}
