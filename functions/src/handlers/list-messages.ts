import { defineRoute } from '../http/route';

export const handler = defineRoute('list-messages', async (req, rt) => {
  const userId = req.principal.userId;
  const [page, unreadCount] = await Promise.all([rt.messages.list(userId, req.query.limit, req.query.cursor), rt.messages.unreadCount(userId)]);
  return { body: { messages: page.messages, unreadCount, nextCursor: page.nextCursor } };
});
