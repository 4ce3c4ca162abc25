import { demoAccounts } from '@gridtong/shared/city/accounts';
import { applyAction, newCase, type CaseActionInput } from '@gridtong/shared/case/index';
import { geohashEncode } from '@gridtong/shared/geo/index';
import { planDispatchDeadline, createWorkingCalendar } from '@gridtong/shared/deadlines/index';
import type { Case } from '@gridtong/shared/schemas/case';
import type { Principal } from '@gridtong/shared/schemas/roles';
import type { Runtime } from '@gridtong/functions/runtime';
import { city, directory, pointInGrid } from './places';
import { areaAt } from '@gridtong/shared/schemas/common';

/** The demo team's grid (worker1, leader1, supervisor1), in the street of dev-dispatcher. */
export const TEAM_GRID = '440106001001001';
export const calendar = createWorkingCalendar();

/** A demo staff login as the domain sees it; its userId is the one the local stack seeded. */
export function staff(name: string): Principal {
  const account = demoAccounts(city).find((a) => a.code === `dev-${name}`);
  if (!account || account.role === 'resident') throw new Error(`no demo staff ${name}`);
  return { userId: `S${name}`, role: account.role, scope: { areas: account.areas, ...(account.departmentId ? { departmentId: account.departmentId } : {}) } };
}

export const departmentOf = (name: string) => staff(name).scope.departmentId!;

let sequence = 0;

/** A new case written through the repository (as create-case does), reported at `now`. */
export async function writeCase(rt: Runtime, input: { residentId: string; itemCode: string; now: Date; gridCode?: string }): Promise<Case> {
  const item = directory.item(input.itemCode);
  if (!item) throw new Error(`no item ${input.itemCode}`);
  const gridCode = input.gridCode ?? TEAM_GRID;
  const grid = directory.grid(gridCode)!;
  const community = city.communities.find((c) => c.code === grid.communityCode)!;
  const spot = pointInGrid(gridCode);
  const id = `C${String(input.now.getTime()).padStart(13, '0')}${String(++sequence).padStart(4, '0')}`;
  const created = newCase({
    id,
    residentId: input.residentId,
    item: { code: item.code, name: item.name },
    urgency: item.defaultUrgency,
    description: '测试',
    answers: {},
    photos: [],
    anonymous: false,
    location: {
      lng: spot.lng,
      lat: spot.lat,
      address: '榕溪路 8 号',
      gridCode,
      communityCode: community.code,
      streetCode: community.streetCode,
      districtCode: areaAt(community.streetCode, 'district'),
      geohash: geohashEncode(spot.lat, spot.lng, 9),
    },
    routing: directory.route(gridCode, item.code),
    dispatchDeadline: planDispatchDeadline({ calendar, limits: item.timeLimits, urgency: item.defaultUrgency, submittedAt: input.now }),
    now: input.now,
  });
  await rt.cases.create(created);
  return created;
}

/** One staff (or resident) action through the domain and the repository, as the staff routes do. */
export async function act(rt: Runtime, caseId: string, actor: Principal, action: CaseActionInput, now: Date): Promise<Case> {
  const current = await rt.cases.get(caseId, { consistent: true });
  if (!current) throw new Error(`no case ${caseId}`);
  const { next } = applyAction(current, action, { actor, now });
  await rt.cases.save(next);
  return next;
}

/** A controllable clock for the stack's runtime. */
export function testClock(start: string) {
  let at = Date.parse(start);
  return {
    now: () => new Date(at),
    set(instant: string) {
      at = Date.parse(instant);
    },
    advance(ms: number) {
      at += ms;
    },
  };
}
