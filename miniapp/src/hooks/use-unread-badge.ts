import { useDidShow } from '@tarojs/taro';
import { session } from '../services/session';
import { unreadBadge } from '../services/unread-badge';

/** Tab pages call this: each time one shows, the 消息 badge is brought up to date. */
export function useUnreadBadge(): void {
  useDidShow(() => {
    if (session.get()) void unreadBadge.refresh();
  });
}
