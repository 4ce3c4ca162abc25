import { useState } from 'react';
import { useDidShow } from '@tarojs/taro';
import { session, type Session } from '../services/session';
import { platform } from '../services/platform';
import { PAGES } from '../services/routes';

/**
 * The current session, re-read whenever the page shows. With `required`, a page
 * without a session sends the user to login.
 */
export function useSession({ required = false } = {}): Session | undefined {
  const [current, setCurrent] = useState<Session | undefined>(() => session.get());
  useDidShow(() => {
    const s = session.get();
    setCurrent(s);
    if (!s && required) platform.reLaunch(PAGES.login);
  });
  return current;
}
