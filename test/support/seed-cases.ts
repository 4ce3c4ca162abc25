import { applyAction, draftCase, placeCase, type CaseActionInput } from '@gridtong/shared/case/index';
import { createWorkingCalendar } from '@gridtong/shared/deadlines/index';
import type { Case } from '@gridtong/shared/schemas/case';
import type { Principal } from '@gridtong/shared/schemas/roles';
import type { Runtime } from '@gridtong/functions/runtime';
import { newCaseId } from '@gridtong/functions/store/ids';
import { city, directory, pointInGrid } from './places';
import { simpleItem } from './reports';

/**
 * Cases placed and drafted as reporting does (placeCase → draftCase), written straight
 * through the repository and moved by the domain as staff would move them: a resident test
 * needs a case in 待补充 without going through the desk.
 */
export interface Seeder {
  rt: Runtime;
  /** A fresh submitted case of `residentId` at a WGS-84 point (default: inside grid 7). */
  report(residentId: string, options?: { lng?: number; lat?: number; itemCode?: string; at?: Date; photos?: string[] }): Promise<Case>;
  /** Applies staff actions in order, each one conditional write, and returns the case after them. */
  staff(caseItem: Case, ...actions: CaseActionInput[]): Promise<Case>;
}

const calendar = createWorkingCalendar();

/** Writes through the stack's own runtime (`stack.runtime`). */
export function seeder(rt: Runtime, now: () => Date = () => new Date()): Seeder {
  const admin: Principal = { userId: 'Stestadmin', role: 'admin', scope: { areas: [city.districts[0]!.code] } };
  return {
    rt,
    async report(residentId, options = {}) {
      const at = options.at ?? now();
      const spot = pointInGrid(city.grids[7]!.code);
      const lng = options.lng ?? spot.lng;
      const lat = options.lat ?? spot.lat;
      const item = directory.item(options.itemCode ?? simpleItem().code)!;
      // As create-case does: placed (grid, department, deadline), then drafted.
      const placement = placeCase(directory, calendar, { item, point: { lng, lat, coord: 'wgs84' }, address: '测试地址', submittedAt: at });
      const created = draftCase({
        ...placement,
        id: newCaseId(at),
        residentId,
        description: '测试用上报：路边井盖松动',
        answers: {},
        photos: [],
        anonymous: false,
        now: at,
      });
      // As create-case does: the case keeps its own copies of the photos.
      const withPhotos = { ...created, photos: await rt.photos.adopt(created.id, (options.photos ?? []).map((key) => ({ key }))) };
      await rt.cases.create(withPhotos);
      return withPhotos;
    },
    async staff(caseItem, ...actions) {
      let current = caseItem;
      for (const action of actions) {
        current = applyAction(current, action, { actor: admin, now: now(), actorName: '测试工作人员' }).next;
        await rt.cases.save(current);
      }
      return current;
    },
  };
}
