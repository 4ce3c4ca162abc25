import type { ResponseOf } from './api-types';
import { platform } from './platform';

type LoginResponse = ResponseOf<'auth-wechat'>;

export type SessionUser = LoginResponse['user'];

export interface Session {
  token: string;
  expiresAt: string;
  user: SessionUser;
}

const KEY = 'gridtong.session';

/** The signed-in session, kept in platform storage so it survives restarts. */
export const session = {
  get(now: Date = new Date()): Session | undefined {
    const raw = platform.getItem(KEY);
    if (!raw) return undefined;
    try {
      const s = JSON.parse(raw) as Session;
      if (typeof s.token !== 'string' || !s.user) return undefined;
      if (Date.parse(s.expiresAt) <= now.getTime()) {
        platform.removeItem(KEY);
        return undefined;
      }
      return s;
    } catch {
      platform.removeItem(KEY);
      return undefined;
    }
  },

  save(login: LoginResponse): Session {
    const s: Session = { token: login.token, expiresAt: login.expiresAt, user: login.user };
    platform.setItem(KEY, JSON.stringify(s));
    return s;
  },

  clear(): void {
    platform.removeItem(KEY);
  },
};
