import * as z from 'zod';
import { instantSchema } from '../schemas/common';

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
