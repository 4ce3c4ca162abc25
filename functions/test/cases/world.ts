import { applyAction, draftCase, placeCase, type CaseActionInput } from '@gridtong/shared/case/index';
import type { CatalogItem } from '@gridtong/shared/schemas/catalog';
import type { Case } from '@gridtong/shared/schemas/case';
import type { Principal } from '@gridtong/shared/schemas/roles';
import { interiorPoint } from '@gridtong/shared/geo/interior-point';
import { workingCalendar } from '../../src/calendar';
import type { RequestContext } from '../../src/context';
import { demoCity, memoryWorld, type MemoryWorld } from '../doubles';

export const city = demoCity.data;
export const directory = demoCity.directory;

/** The grid the seeded reports land in, and a grid elsewhere. */
export const GRID = city.grids[7]!.code;
export const OTHER_GRID = city.grids.find((g) => g.code !== GRID)!.code;

export function pointIn(gridCode: string): { lng: number; lat: number } {
  const grid = city.grids.find((g) => g.code === gridCode)!;
  return interiorPoint(grid.geometry)!;
}

/** An active item that asks one photo and no required answers, without anonymity. */
export const simpleItem: CatalogItem = city.items.find((i) => i.active && i.minPhotos === 1 && !i.allowAnonymous && i.questions.every((q) => !q.required))!;

export const resident = (userId: string): Principal => ({ userId, role: 'resident', scope: { areas: [] } });
export const staffIn = (role: Principal['role'], areas: string[], userId = `S${role}`, departmentId?: string): Principal => ({
  userId,
  role,
  scope: departmentId === undefined ? { areas } : { areas, departmentId },
});

export const T0 = new Date('2026-12-07T02:00:00.000Z'); // Monday 10:00 in Beijing
export const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

export const ctxOf = (principal: Principal, now: Date = T0, actorName?: string): RequestContext =>
  actorName === undefined ? { principal, now } : { principal, now, actorName };

export interface Seeded extends MemoryWorld {
  /** A submitted case of `residentId`, placed and drafted as reporting does, stored as new. */
  report(residentId: string, options?: { gridCode?: string; at?: Date }): Promise<Case>;
  /** Staff actions applied in order by the domain (as an admin), each one guarded save. */
  staff(c: Case, ...actions: CaseActionInput[]): Promise<Case>;
}

let sequence = 0;

export function seededWorld(): Seeded {
  const world = memoryWorld();
  const admin: Principal = { userId: 'Stestadmin', role: 'admin', scope: { areas: [city.districts[0]!.code] } };
  return {
    ...world,
    async report(residentId, options = {}) {
      const now = options.at ?? T0;
      const point = pointIn(options.gridCode ?? GRID);
      const placement = placeCase(directory, workingCalendar(), { item: simpleItem, point: { ...point, coord: 'wgs84' }, address: '测试地址', submittedAt: now });
      const created = draftCase({
        ...placement,
        id: `C${String(now.getTime()).padStart(13, '0')}${String(++sequence).padStart(4, '0')}`,
        residentId,
        description: '测试用上报：路边井盖松动',
        answers: {},
        photos: [],
        anonymous: false,
        now,
      });
      await world.cases.create(created);
      return created;
    },
    async staff(c, ...actions) {
      let current = c;
      for (const action of actions) {
        current = applyAction(current, action, { actor: admin, now: at(1), actorName: '测试工作人员' }).next;
        await world.cases.save(current);
      }
      return current;
    },
  };
}
