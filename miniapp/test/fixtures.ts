import type { CatalogResponse, LoginResponse } from '@gridtong/shared/api/contracts';
import type { CatalogItem } from '@gridtong/shared/schemas/catalog';
import { DEFAULT_TIME_LIMITS } from '@gridtong/shared/deadlines/time-limits';

const item = (code: string, name: string, kind: CatalogItem['kind'], category: string, icon: string, active = true): CatalogItem => ({
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
