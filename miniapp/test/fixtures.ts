import { act, configure } from '@testing-library/react';

// A loaded machine (builds running alongside) renders slower than the 1 s default.
configure({ asyncUtilTimeout: 5000 });
import type { LoginResponse } from '@gridtong/shared/api/auth';
import type { CatalogResponse } from '@gridtong/shared/api/city';
import type { CatalogItem } from '@gridtong/shared/schemas/catalog';
import { DEFAULT_TIME_LIMITS } from '@gridtong/shared/deadlines/time-limits';
import { platform, type HttpRequest, type HttpResponse } from '../src/services/platform';
import { session } from '../src/services/session';

export const item = (code: string, name: string, kind: CatalogItem['kind'], category: string, icon: string, active = true): CatalogItem => ({
  code,
  name,
  kind,
  category,
  icon,
  description: '',
  defaultUrgency: 'normal',
  timeLimits: DEFAULT_TIME_LIMITS,
  questions: [],
  minPhotos: 1,
  maxPhotos: 3,
  publicReports: true,
  allowAnonymous: false,
  active,
  hotlines: [],
  hotlineOnly: false,
  descriptionRequired: false,
});

/** Listed out of kind order on purpose: the menu must still show 部件 first. */
export const catalog: CatalogResponse = {
  items: [
    item('E0101', '暴露垃圾', 'event', '市容环境', '🗑️'),
    item('0101', '井盖破损', 'component', '公用设施', '🕳️'),
    item('0401', '行道树倒伏', 'component', '园林绿化', '🌳'),
    item('0102', '路灯不亮', 'component', '公用设施', '💡'),
    item('E0501', '道路积水', 'event', '突发事件', '🌊'),
    item('0402', '绿地破坏', 'component', '园林绿化', '🌱', false),
  ],
  services: [],
  version: 'test-1',
};

export const login: LoginResponse = {
  token: 'tok-123',
  expiresAt: '2999-01-01T00:00:00.000Z',
  user: { userId: 'U1', role: 'resident', areas: ['440106001001001'], name: '张三' },
};

type Handler = (req: HttpRequest, params: Record<string, string>) => HttpResponse | Promise<HttpResponse>;

/**
 * A stand-in for the server behind the platform adapter: answers by "METHOD /path/{param}",
 * 404 with the API's error body for anything else. Returns the spy (its calls are the requests).
 */
export function mockServer(handlers: Record<string, Handler>) {
  const table = Object.entries(handlers).map(([key, handler]) => {
    const [method, pattern] = key.split(' ') as [string, string];
    const names: string[] = [];
    const re = new RegExp(`^${pattern.replace(/\{(\w+)\}/g, (_, n: string) => (names.push(n), '([^/]+)'))}$`);
    return { method, re, names, handler };
  });
  return jest.spyOn(platform, 'request').mockImplementation(async (req) => {
    const path = req.url.replace(/^https?:\/\/[^/]+/, '').split('?')[0]!;
    for (const row of table) {
      const m = row.method === req.method ? row.re.exec(path) : null;
      if (m) return row.handler(req, Object.fromEntries(row.names.map((n, i) => [n, decodeURIComponent(m[i + 1]!)])));
    }
    return { status: 404, data: { error: { code: 'NOT_FOUND', message: '未找到' } } };
  });
}

export const ok = (data: unknown, status = 200): HttpResponse => ({ status, data });

/** Query parameters of a request the client sent. */
export const queryOf = (req: HttpRequest): Record<string, string> => Object.fromEntries(new URLSearchParams(req.url.split('?')[1] ?? ''));

/** What Taro's Input/Textarea send on typing: an input event whose detail carries the value. */
export function typeInto(el: Element, value: string): void {
  act(() => {
    el.dispatchEvent(new CustomEvent('input', { detail: { value }, bubbles: true }));
  });
}

/**
 * Each test of the calling describe starts signed in as `who` (the demo resident unless
 * told) with 关怀模式 off, after `before`; afterwards spies are restored, `after` runs and
 * the session is forgotten.
 */
export function signedInAs(who: LoginResponse = login, more: { before?: () => void; after?: () => void } = {}): void {
  beforeEach(() => {
    session.save(who);
    platform.setItem('gridtong.careMode', 'off');
    more.before?.();
  });
  afterEach(() => {
    jest.restoreAllMocks();
    more.after?.();
    session.clear();
  });
}
