import * as z from 'zod';
import { instantSchema } from '../schemas/common';

export const outboxChannelStateSchema = z.enum(['pending', 'parked']);
export const outboxEntrySchema = z.object({
  /** The event id (case or booking id and timeline position). */
  id: z.string(),
  /** Whose timeline the event is on: a case or a 代办 booking. Exactly one is set. */
  caseId: z.string().optional(),
  bookingId: z.string().optional(),
  action: z.string(),
  eventAt: instantSchema,
  channels: z.array(z.object({
    channel: z.string(),
    state: outboxChannelStateSchema,
    attempts: z.number().int().nonnegative(),
    nextAttemptAt: instantSchema.optional(),
    lastError: z.string().optional(),
  })),
});
export type OutboxEntry = z.infer<typeof outboxEntrySchema>;

export const listOutboxQuerySchema = z.object({
  state: outboxChannelStateSchema.default('parked'),
  /** Cases' deliveries, bookings', or both (default). */
  kind: z.enum(['case', 'booking', 'all']).default('all'),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export const listOutboxResponseSchema = z.object({ entries: z.array(outboxEntrySchema) });

export const outboxIdParamsSchema = z.object({ id: z.string().regex(/^[CB][0-9A-Z]{10,40}-\d{1,6}$/) });
export const retryOutboxResponseSchema = outboxEntrySchema;
