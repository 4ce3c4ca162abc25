import type { DynamoDBStreamEvent, ScheduledEvent } from 'aws-lambda';
import { logger } from '../log';
import { getRuntime } from '../runtime';
import type { DeliveryReport } from '../outbox/deliverer';
// Booking items carry their outbox the same way
import { BookingDeliverer } from '../bookings/jobs';

function isStream(event: DynamoDBStreamEvent | ScheduledEvent): event is DynamoDBStreamEvent {
  return Array.isArray((event as DynamoDBStreamEvent).Records);
}

/**
 * The deliverer on AWS. From the table's stream (filtered to items with pending deliveries)
 * it delivers at once; from the schedule it picks up what is due for a retry. Same code as
 * the local timer.
 */
const add = (a: DeliveryReport, b: DeliveryReport): DeliveryReport => ({
  cases: a.cases + b.cases,
  delivered: a.delivered + b.delivered,
  failed: a.failed + b.failed,
  parked: a.parked + b.parked,
});

export async function handler(event: DynamoDBStreamEvent | ScheduledEvent): Promise<DeliveryReport> {
  // Each kind of item that carries an outbox, by its key prefix: cases, and 代办 bookings.
  const rt = getRuntime();
  const deliverers = [
    { prefix: rt.outbox.kind.keyPrefix, deliverer: rt.deliverer() },
    { prefix: rt.bookingOutbox.kind.keyPrefix, deliverer: new BookingDeliverer(rt) },
  ];
  let total: DeliveryReport = { cases: 0, delivered: 0, failed: 0, parked: 0 };
  if (!isStream(event)) {
    for (const { deliverer } of deliverers) total = add(total, await deliverer.deliverDue());
    return total;
  }
  const keys = new Set(event.Records.map((r) => r.dynamodb?.Keys?.pk?.S).filter((pk): pk is string => !!pk));
  for (const pk of keys) {
    const kind = deliverers.find((d) => pk.startsWith(d.prefix));
    if (kind) total = add(total, await kind.deliverer.deliverOne(pk.slice(kind.prefix.length)));
  }
  logger.info('stream batch delivered', { ...total });
  return total;
}
