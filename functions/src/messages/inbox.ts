import type * as z from 'zod';
import type { ListMessagesResponse, markMessagesReadRequestSchema } from '@gridtong/shared/api/messages';
import type { RequestContext } from '../context';
import type { MessageStore } from './message-store';

/** The message-centre store methods the inbox uses (the in-memory double implements the same). */
export type MessageStorePort = Pick<MessageStore, 'list' | 'unreadCount' | 'markRead' | 'markAllRead'>;

/** 消息中心: the caller's own messages, newest first, with how many are unread. */
export async function listMessages(ports: { messages: Pick<MessageStorePort, 'list' | 'unreadCount'> }, ctx: RequestContext, query: { limit: number; cursor?: string | undefined }): Promise<ListMessagesResponse> {
  const userId = ctx.principal.userId;
  const [page, unreadCount] = await Promise.all([ports.messages.list(userId, query.limit, query.cursor), ports.messages.unreadCount(userId)]);
  return { messages: page.messages, unreadCount, nextCursor: page.nextCursor };
}

/** Marks the caller's messages read (some, or all); what is left unread. */
export async function readMessages(ports: { messages: Pick<MessageStorePort, 'markRead' | 'markAllRead' | 'unreadCount'> }, ctx: RequestContext, body: z.output<typeof markMessagesReadRequestSchema>): Promise<{ unreadCount: number }> {
  const userId = ctx.principal.userId;
  if ('all' in body) await ports.messages.markAllRead(userId, ctx.now);
  else await ports.messages.markRead(userId, body.ids, ctx.now);
  return { unreadCount: await ports.messages.unreadCount(userId) };
}
