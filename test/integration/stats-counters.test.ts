import type { LocalStack } from '@gridtong/functions/local/stack';
import type { CaseActionInput } from '@gridtong/shared/case/index';
import type { Principal } from '@gridtong/shared/schemas/roles';
import { act, departmentOf, staff, testClock, writeCase, TEAM_GRID } from '../support/case-writer';
import { client } from '../support/client';
import { openStack } from '../support/stack';

jest.setTimeout(120_000);

const clock = testClock('2026-11-23T01:00:00.000Z'); // Monday 09:00 in Beijing
let stack: LocalStack;
let api: ReturnType<typeof client>;

beforeAll(async () => {
  ({ stack, api } = await openStack({ now: clock.now, timers: false }));
});

afterAll(() => stack?.stop());

const at = (local: string) => new Date(`2026-11-23T${local}:00+08:00`);
const CG = departmentOf('chengguan');
const YL = departmentOf('yuanlin');
const resident = (id: string): Principal => ({ userId: id, role: 'resident', scope: { areas: [] } });

/** Writes one case and runs its script of [time, actor, action] through the domain and the repository. */
async function script(residentId: string, steps: [string, Principal, CaseActionInput][]) {
  const created = await writeCase(stack.runtime, { residentId, itemCode: 'E0103', now: at('09:00') });
  for (const [time, actor, action] of steps) await act(stack.runtime, created.id, actor, action, at(time));
  return created.id;
}

describe('考核 counters kept on write', () => {
  beforeAll(async () => {
    // A: handled by 城管 well within its deadline, closed, rated 满意.
    await script('Ustats-a', [
      ['09:05', staff('worker1'), { type: 'file' }],
      ['09:10', staff('dispatcher'), { type: 'dispatch', departmentId: CG, handlingDeadline: at('17:00').toISOString() }],
      ['09:20', staff('chengguan'), { type: 'accept' }],
      ['09:30', staff('chengguan'), { type: 'startHandling' }],
      ['11:10', staff('chengguan'), { type: 'handle', notes: '已清运' }],
      ['12:00', staff('worker1'), { type: 'checkPass' }],
      ['12:30', resident('Ustats-a'), { type: 'rate', level: 'satisfied' }],
    ]);
    // B: 城管 returns it, 园林 handles it late, the resident is not satisfied and it is reopened.
    await script('Ustats-b', [
      ['09:05', staff('worker1'), { type: 'file' }],
      ['09:10', staff('dispatcher'), { type: 'dispatch', departmentId: CG, handlingDeadline: at('17:00').toISOString() }],
      ['09:40', staff('chengguan'), { type: 'return', reason: '不属于城管职责' }],
      ['10:00', staff('dispatcher'), { type: 'dispatch', departmentId: YL, handlingDeadline: at('11:00').toISOString() }],
      ['10:10', staff('yuanlin'), { type: 'accept' }],
      ['10:20', staff('yuanlin'), { type: 'startHandling' }],
      ['13:00', staff('yuanlin'), { type: 'handle', notes: '已处理' }],
      ['14:00', staff('worker1'), { type: 'checkPass' }],
      ['15:00', resident('Ustats-b'), { type: 'rate', level: 'dissatisfied' }],
      ['15:10', resident('Ustats-b'), { type: 'requestReopen', reason: '还是有渣土' }],
      ['15:30', staff('dispatcher'), { type: 'approveReopen' }],
    ]);
    // C: a report nobody has filed yet.
    await script('Ustats-c', []);
    clock.set(at('16:00').toISOString());
    await stack.jobs.deliver();
    // Delivered twice (a replay): nothing counts twice.
    await stack.runtime.deliverer().deliverDue();
  });

  it('gives the grid its figures for the day: raw counts, 响应率, 解决率, 满意率 and handling times', async () => {
    const { token } = await api.login('dev-supervisor1');
    const answer = await api.get(`/v1/work/stats?scope=${TEAM_GRID}&from=2026-11-23&to=2026-11-23`, token);

    expect(answer.status).toBe(200);
    expect(answer.body.scope).toMatchObject({ kind: 'grid', code: TEAM_GRID });
    expect(answer.body.totals).toMatchObject({
      received: 3,
      filed: 2,
      dispatched: 3,
      returned: 1,
      handled: 2,
      onTime: 1,
      late: 1,
      closed: 2,
      rating_satisfied: 1,
      rating_dissatisfied: 1,
      reopened: 1,
      handlingCount: 2,
    });
    expect(answer.body.rates).toEqual({ responseRate: 0.5, resolutionRate: 0.6667, satisfactionRate: 0.5 });
    // 2 h (A) and 3 h (B): mean 2.5 h, median in the 2–4 h bucket.
    expect(answer.body.handling).toEqual({ meanHours: 2.5, medianHoursAtMost: 4 });
    expect(answer.body.days).toEqual([{ date: '2026-11-23', counters: answer.body.totals }]);
  });

  it('puts each step on the department that held the case at that moment', async () => {
    const { token } = await api.login('dev-admin');
    const cg = (await api.get(`/v1/work/stats?scope=${CG}&from=2026-11-01&to=2026-11-30`, token)).body;
    const yl = (await api.get(`/v1/work/stats?scope=${YL}&from=2026-11-01&to=2026-11-30`, token)).body;

    expect(cg.totals).toEqual(expect.objectContaining({ received: 3, dispatched: 2, returned: 1, handled: 1, onTime: 1, closed: 1, rating_satisfied: 1 }));
    expect(cg.totals.late).toBeUndefined();
    expect(yl.totals).toEqual(expect.objectContaining({ dispatched: 1, handled: 1, late: 1, closed: 1, rating_dissatisfied: 1, reopened: 1 }));
    expect(yl.rates.satisfactionRate).toBe(0);
  });

  it('answers only within the caller’s areas: elsewhere is a 404, and other roles are refused', async () => {
    const street = await api.login('dev-dispatcher');
    const supervisor = await api.login('dev-supervisor1');
    const worker = await api.login('dev-worker1');
    const range = 'from=2026-11-23&to=2026-11-23';

    expect((await api.get(`/v1/work/stats?scope=440106001&${range}`, street.token)).status).toBe(200);
    expect((await api.get(`/v1/work/stats?scope=440106002&${range}`, street.token)).status).toBe(404);
    expect((await api.get(`/v1/work/stats?scope=${CG}&${range}`, street.token)).body.error.code).toBe('STATS.SCOPE_NOT_FOUND');
    expect((await api.get(`/v1/work/stats?scope=440106001002001&${range}`, supervisor.token)).status).toBe(404);
    expect((await api.get(`/v1/work/stats?scope=440106999999999&${range}`, street.token)).status).toBe(404);
    expect((await api.get(`/v1/work/stats?scope=${TEAM_GRID}&${range}`, worker.token)).status).toBe(403);
  });

  it('refuses a bad range or scope with a 400', async () => {
    const { token } = await api.login('dev-admin');
    const bad = async (query: string) => (await api.get(`/v1/work/stats?${query}`, token)).body.error.code;
    expect(await bad(`scope=${TEAM_GRID}&from=2026-11-24&to=2026-11-23`)).toBe('STATS.INVALID_RANGE');
    expect(await bad(`scope=${TEAM_GRID}&from=2026-02-30&to=2026-03-01`)).toBe('STATS.INVALID_RANGE');
    expect(await bad(`scope=${TEAM_GRID}&from=2024-01-01&to=2026-01-01`)).toBe('STATS.INVALID_RANGE');
    expect(await bad(`scope=abc&from=2026-11-23&to=2026-11-23`)).toBe('REQUEST.VALIDATION');
    expect(await bad(`scope=${TEAM_GRID}&from=23.11.2026&to=2026-11-23`)).toBe('REQUEST.VALIDATION');
  });
});
