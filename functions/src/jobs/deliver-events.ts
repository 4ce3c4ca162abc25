import type { DynamoDBStreamEvent, ScheduledEvent } from 'aws-lambda';
import { logger } from '../log';
import { getRuntime } from '../runtime';
import type { DeliveryReport } from '../events/deliverer';
// bookings (issue 9): booking items carry their outbox the same way
import { BookingDeliverer } from '../bookings/jobs';

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
  // bookings (issue 9)
  const bookings = new BookingDeliverer(getRuntime());
  if (!isStream(event)) {
    const [cases, booked] = [await deliverer.deliverDue(), await bookings.deliverDue()];
    return { cases: cases.cases + booked.cases, delivered: cases.delivered + booked.delivered, failed: cases.failed + booked.failed, parked: cases.parked + booked.parked };
  }
  const ids = new Set<string>();
  const bookingIds = new Set<string>();
  for (const record of event.Records) {
    const pk = record.dynamodb?.Keys?.pk?.S;
    if (pk?.startsWith('CASE#')) ids.add(pk.slice('CASE#'.length));
    if (pk?.startsWith('BOOKING#')) bookingIds.add(pk.slice('BOOKING#'.length));
  }
  const total: DeliveryReport = { cases: 0, delivered: 0, failed: 0, parked: 0 };
  for (const id of bookingIds) {
    const one = await bookings.deliverBooking(id);
    total.cases++;
    total.delivered += one.delivered;
    total.failed += one.failed;
    total.parked += one.parked;
  }
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
