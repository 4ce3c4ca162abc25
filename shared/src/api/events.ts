import * as z from 'zod';
import { instantSchema } from '../schemas/common';

/** Message centre, outbox and 考核 figures (issue 7, events). */

export const messageSchema = z.object({
  /** Stable per recipient; pass it back to mark the message read. */
  id: z.string(),
  at: instantSchema,
  title: z.string(),
  body: z.string(),
  /** What the message is about: a case (open it in 我的上报 or the desk) or a 代办 booking. Exactly one is set. */
  caseId: z.string().optional(),
  bookingId: z.string().optional(),
  read: z.boolean(),
});
export type Message = z.infer<typeof messageSchema>;

export const listMessagesQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(50).default(20),
  cursor: z.string().max(512).optional(),
});
export const listMessagesResponseSchema = z.object({
  messages: z.array(messageSchema),
  unreadCount: z.number().int().nonnegative(),
  nextCursor: z.string().nullable(),
});
export type ListMessagesResponse = z.infer<typeof listMessagesResponseSchema>;

export const markMessagesReadRequestSchema = z.union([
  z.object({ ids: z.array(z.string().min(1).max(200)).min(1).max(100) }).strict(),
  z.object({ all: z.literal(true) }).strict(),
]);
export const markMessagesReadResponseSchema = z.object({ unreadCount: z.number().int().nonnegative() });

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

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

export const statsQuerySchema = z.object({
  /** A grid (15 digits), street (9), district (6) code, or a department id (D…). */
  scope: z.string().regex(/^(\d{6}|\d{9}|\d{15}|D[0-9A-Za-z-]+)$/, '范围应为区、街道、网格编码或部门编号'),
  from: isoDate,
  to: isoDate,
});

const countersSchema = z.record(z.string(), z.number());
const ratesSchema = z.object({
  responseRate: z.number().nullable(),
  resolutionRate: z.number().nullable(),
  satisfactionRate: z.number().nullable(),
});

export const statsResponseSchema = z.object({
  scope: z.object({ kind: z.enum(['grid', 'street', 'district', 'department']), code: z.string(), name: z.string() }),
  from: isoDate,
  to: isoDate,
  totals: countersSchema,
  rates: ratesSchema,
  handling: z.object({ meanHours: z.number().nullable(), medianHoursAtMost: z.number().nullable() }),
  days: z.array(z.object({ date: isoDate, counters: countersSchema })),
});
export type StatsResponse = z.infer<typeof statsResponseSchema>;
