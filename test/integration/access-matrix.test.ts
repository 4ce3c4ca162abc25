import { startLocalStack, type LocalStack } from '@gridtong/functions/local/stack';
import { routes, type RouteDef, type RouteId } from '@gridtong/shared/api/routes';
import type { Case } from '@gridtong/shared/schemas/case';
import type { Role } from '@gridtong/shared/schemas/roles';
import { client } from '../support/client';
import { city, pointInGrid } from '../support/places';
import { seeder, type Seeder } from '../support/seed-cases';
import { TEAM_GRID } from '../support/staff';
import { areaAt } from '@gridtong/shared/schemas/common';

/**
 * Every route of the route table × every role × a case inside / outside the caller's
 * scope. Out of scope is exactly a 404, byte for byte the answer for a case that does not
 * exist: case ids cannot be probed. A route added to the table without a sample request
 * below does not compile.
 */

jest.setTimeout(180_000);

let stack: LocalStack;
let api: ReturnType<typeof client>;
let seed: Seeder;

const LOGINS: Record<Role, string> = {
  resident: 'dev-zhangsan',
  gridWorker: 'dev-worker1',
  gridLeader: 'dev-leader1',
  supervisor: 'dev-supervisor1',
  dispatcher: 'dev-dispatcher',
  departmentHandler: 'dev-yuanlin',
  admin: 'dev-admin',
};
const ROLES = Object.keys(LOGINS) as Role[];
const tokens = {} as Record<Role, string>;
const NO_SUCH_CASE = 'C0000000000000000000NONE';

interface Sample {
  query?: Record<string, string>;
  body?: (c: Case | null) => unknown;
  /** Path parameters other than a case id. */
  params?: Record<string, string>;
}

const spot = pointInGrid(TEAM_GRID);
/** A request each route accepts in shape, so only role and scope can refuse it. Actions chosen to change nothing. */
const SAMPLES: Record<RouteId, Sample> = {
  'auth-wechat': { body: () => ({ code: 'not-a-real-code' }) },
  'get-catalog': {},
  'locate-grid': { query: { lat: String(spot.lat), lng: String(spot.lng), coord: 'wgs84' } },
  'create-upload': { body: () => ({ contentType: 'image/jpeg', size: 2048 }) },
  'create-case': { body: () => ({ itemCode: '0402', location: { lat: spot.lat, lng: spot.lng, coord: 'wgs84' }, photos: [] }) },
  'list-my-cases': {},
  'get-my-case': {},
  'list-work-cases': {},
  'get-work-case': {},
  // A number nobody was given: not found for every staff role
  'find-work-case': { params: { number: 'TH2001010001' } },
  // Not a legal step for a submitted or dispatched case: in scope it is a 409 or 403, never a change.
  'act-on-work-case': { body: (c) => ({ type: 'checkPass', version: c?.version ?? 0 }) },
  'create-invitation': { body: () => ({ role: 'gridWorker', areas: [TEAM_GRID], name: '矩阵测试' }) },
  'redeem-invitation': { params: { code: 'ABCDEFGHJKMN' } },
  'revoke-staff': { params: { id: 'Snobodyatall' } },
  'get-openapi': {},
  'dev-accounts': {},
  'list-nearby-cases': { query: { lat: String(spot.lat), lng: String(spot.lng), coord: 'wgs84', itemCode: '0402' } },
  'follow-case': {},
  'unfollow-case': {},
  'act-on-my-case': { body: (c) => ({ type: 'supplement', text: '补充说明', version: c?.version ?? 0 }) },
  'list-areas': {},
  'get-me': {},
  'set-my-home': { body: () => ({ gridCode: TEAM_GRID }) },
  // Message centre, outbox, 考核 figures (read-only or on things that do not exist)
  'list-messages': {},
  'read-messages': { body: () => ({ ids: ['2026-01-01T00:00:00.000Z#C0000000000000000000NONE-0'] }) },
  'list-outbox': {},
  'retry-outbox': { params: { id: 'C0000000000000000000NONE-0' } },
  'get-stats': { query: { scope: TEAM_GRID, from: '2026-11-01', to: '2026-11-30' } },
  // A booking that does not exist, a resident with no home grid, the demo availability again
  'list-booking-slots': { query: { service: 'S04' } },
  'create-booking': { body: () => ({ serviceCode: 'S04', workerId: 'Snobodyatall', start: '2026-12-01T06:00:00.000Z', address: '矩阵测试' }) },
  'list-my-bookings': {},
  'get-my-booking': { params: { id: 'B0000000000000000000NONE' } },
  'act-on-my-booking': { params: { id: 'B0000000000000000000NONE' }, body: () => ({ type: 'cancel', version: 1 }) },
  'list-work-bookings': {},
  'get-work-booking': { params: { id: 'B0000000000000000000NONE' } },
  'list-work-booking-slots': { params: { id: 'B0000000000000000000NONE' } },
  'get-visit-stats': { query: { scope: 'me', from: '2026-11-01', to: '2026-11-30' } },
  'act-on-work-booking': { params: { id: 'B0000000000000000000NONE' }, body: () => ({ type: 'confirm', version: 1 }) },
  'get-availability': {},
  'put-availability': { body: () => ({ slotMinutes: 30, weekly: [{ weekday: 2, start: '14:00', end: '17:00' }, { weekday: 4, start: '14:00', end: '17:00' }] }) },
  // WeChat: a 'filter' answer records nothing; a vote on an unfinished case is refused; an unsigned callback is a 401
  'list-subscriptions': {},
  'report-subscriptions': { body: () => ({ results: { 'tpl-accepted': 'filter' } }) },
  'vote-on-case': { body: () => ({ level: 'satisfied' }) },
  'get-community-stats': { params: { code: areaAt(TEAM_GRID, 'community') } },
  'content-check-callback': { body: () => ({}) },
};

/** Routes on one case: whose cases they reach. Following is open to any resident (我也遇到). */
function caseScope(route: RouteDef): 'none' | 'caller' | 'anyOpenCase' {
  if (!/\/cases\/\{id\}/.test(route.path)) return 'none';
  return route.id === 'follow-case' || route.id === 'unfollow-case' ? 'anyOpenCase' : 'caller';
}

const cases = {} as { team: Case; otherStreet: Case; yuanlin: Case; chengguan: Case };

/** The case inside and the case outside each role's scope (one district: an admin has no outside). */
function casesFor(role: Role): { inside: Case; outside: Case | null } {
  switch (role) {
    case 'departmentHandler':
      return { inside: cases.yuanlin, outside: cases.chengguan };
    case 'admin':
      return { inside: cases.team, outside: null };
    default:
      return { inside: cases.team, outside: cases.otherStreet };
  }
}

async function send(route: RouteDef, role: Role, caseItem: Case | null, caseId?: string) {
  const sample = SAMPLES[route.id as RouteId];
  let path = route.path.replace('{id}', caseId ?? sample.params?.id ?? '').replace('{code}', sample.params?.code ?? '').replace('{number}', sample.params?.number ?? '');
  if (sample.query) path += `?${new URLSearchParams(sample.query).toString()}`;
  const body = sample.body?.(caseItem);
  return api.call(route.method, path, { token: tokens[role], ...(body === undefined ? {} : { body }), headers: route.idempotent ? { 'idempotency-key': `matrix-${route.id}-${role}-${Date.now()}` } : {} });
}

beforeAll(async () => {
  stack = await startLocalStack({ quiet: true });
  api = client(stack);
  seed = seeder(stack.runtime);
  for (const role of ROLES) tokens[role] = (await api.login(LOGINS[role])).token;
  const resident = await api.login('dev-zhangsan');
  const other = await api.login('dev-lisi');
  const otherStreetGrid = city.grids.find((g) => !g.code.startsWith(areaAt(TEAM_GRID, 'street')))!.code;
  const at = (grid: string) => pointInGrid(grid);
  const future = new Date(Date.now() + 72 * 3_600_000).toISOString();
  cases.team = await seed.report(resident.userId, at(TEAM_GRID));
  cases.otherStreet = await seed.report(other.userId, at(otherStreetGrid));
  cases.yuanlin = await seed.staff(await seed.report(other.userId, at(otherStreetGrid)), { type: 'file' }, { type: 'dispatch', departmentId: 'D440106-YL', handlingDeadline: future });
  cases.chengguan = await seed.staff(await seed.report(other.userId, at(otherStreetGrid)), { type: 'file' }, { type: 'dispatch', departmentId: 'D440106-CG', handlingDeadline: future });
});

afterAll(async () => {
  await stack?.stop();
});

const table = (routes as readonly RouteDef[]).flatMap((route) => ROLES.map((role) => [route.id, role, route] as const));

describe('access matrix', () => {
  it.each(table)('%s as %s', async (_id, role, route) => {
    const allowed = route.roles === null || route.roles.includes(role);
    const scope = caseScope(route);
    const { inside, outside } = casesFor(role);

    if (scope === 'none') {
      const answer = await send(route, role, null);
      expect(answer.status).toBeLessThan(500);
      if (!allowed) expect([answer.status, answer.body.error.code]).toEqual([403, 'AUTH.FORBIDDEN']);
      else if (route.roles !== null) expect([401, 403]).not.toContain(answer.status);
      return;
    }

    const inAnswer = await send(route, role, inside, inside.id);
    const outAnswer = outside ? await send(route, role, outside, outside.id) : null;
    const missing = await send(route, role, null, NO_SUCH_CASE);
    if (!allowed) {
      for (const answer of [inAnswer, outAnswer, missing]) if (answer) expect([answer.status, answer.body.error.code]).toEqual([403, 'AUTH.FORBIDDEN']);
      return;
    }
    expect(inAnswer.status).toBeLessThan(500);
    expect(inAnswer.status).not.toBe(404);
    expect(missing.status).toBe(404);
    if (outAnswer && scope === 'caller') {
      // Zero leaks: the same answer as for a case that does not exist, and nothing of the case in it.
      expect(outAnswer.status).toBe(404);
      expect(outAnswer.text).toBe(missing.text);
      expect(outAnswer.text).not.toContain(outside!.id);
    }
    if (outAnswer && scope === 'anyOpenCase') expect(outAnswer.status).toBeLessThan(400);
  });

  it('left every case as it was (the samples change nothing but follows)', async () => {
    for (const c of Object.values(cases)) {
      const stored = await seed.rt.cases.get(c.id, { consistent: true });
      expect(stored?.version).toBe(c.version);
      expect(stored?.timeline).toHaveLength(c.timeline.length);
    }
    expect(stack.dynamoOperations).not.toContain('Scan');
  });
});
