import type { HomeRequest, MeResponse } from '@gridtong/shared/api/accounts';
import { DomainError } from '@gridtong/shared/errors';
import { ROLE_LABELS } from '@gridtong/shared/schemas/roles';
import type { Principal } from '@gridtong/shared/schemas/roles';
import type { Runtime } from '../runtime';
import { homeView } from './home-view';

/** 我的 page: who I am, my home grid and the people who serve it. */
export async function describeMe(rt: Runtime, principal: Principal, now: Date): Promise<MeResponse> {
  const [home, city] = await Promise.all([rt.users.getHome(principal.userId), rt.city.get()]);
  return {
    user: {
      userId: principal.userId,
      role: principal.role,
      roleLabel: ROLE_LABELS[principal.role],
      areas: principal.scope.areas.map((code) => ({ code, name: city.directory.areaName(code) })),
    },
    ...homeView(home, city, now),
  };
}

/**
 * 我的住址 from a point (the grid containing it) or from the 街道 → 社区 → 网格 picker. Only
 * the grid is kept, never the point: it is all the resident's card needs.
 */
export async function setHome(rt: Runtime, principal: Principal, body: HomeRequest, now: Date): Promise<MeResponse> {
  const city = await rt.city.get();
  let gridCode: string;
  if (body.location) {
    const found = city.directory.locate(body.location.lng, body.location.lat, body.location.coord);
    if (!found) {
      throw new DomainError('HOME.OUTSIDE_SERVICE_AREA', '该位置不在本平台服务的网格范围内，请改为从列表中选择', { problems: [{ path: 'body.location', message: 'no grid here' }] });
    }
    gridCode = found.grid.code;
  } else {
    if (!body.gridCode || !city.directory.grid(body.gridCode)) {
      throw new DomainError('CITY.UNKNOWN_GRID', '所选网格不存在，请重新选择', { problems: [{ path: 'body.gridCode', message: 'unknown grid' }] });
    }
    gridCode = body.gridCode;
  }
  await rt.users.setHome(principal.userId, { source: body.location ? 'location' : 'picker', gridCode, updatedAt: now.toISOString() });
  return describeMe(rt, principal, now);
}
