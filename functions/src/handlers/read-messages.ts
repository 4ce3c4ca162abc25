import { defineRoute } from '../http/route';

export const handler = defineRoute('read-messages', async (req, rt) => {
  const userId = req.principal.userId;
  if ('all' in req.body) await rt.messages.markAllRead(userId, req.now);
  else await rt.messages.markRead(userId, req.body.ids, req.now);
  return { body: { unreadCount: await rt.messages.unreadCount(userId) } };
});
