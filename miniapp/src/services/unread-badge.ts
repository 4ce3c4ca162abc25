import { call } from './api';
import { platform } from './platform';
import { MESSAGES_TAB_INDEX } from './routes';

/** The 消息 tab's badge: the server's unread count, shown on whichever tab page is up. */
export const unreadBadge = {
  show(count: number): void {
    platform.setTabBadge(MESSAGES_TAB_INDEX, count);
  },

  /** Ask the server (one message is enough: the answer carries the count). A failure leaves the badge as it was. */
  async refresh(): Promise<void> {
    try {
      const page = await call('list-messages', { query: { limit: '1' } });
      unreadBadge.show(page.unreadCount);
    } catch {
      // offline or signed out: the next page shown tries again
    }
  },
};
