import type { LocalStack } from '@gridtong/functions/local/stack';
import { planHandlingDeadline } from '@gridtong/shared/deadlines/index';
import type { Case } from '@gridtong/shared/schemas/case';
import { act, calendar, departmentOf, staff, testClock, writeCase, TEAM_GRID } from '../support/case-writer';
import { client } from '../support/client';
import { directory } from '../support/places';
import { openStack } from '../support/stack';

jest.setTimeout(120_000);

const clock = testClock('2026-10-09T02:00:00.000Z');
let stack: LocalStack;
let api: ReturnType<typeof client>;

beforeAll(async () => {
  ({ stack, api } = await openStack({ now: clock.now, timers: false }));
});

afterAll(() => stack?.stop());

const beijing = (local: string) => new Date(`${local}+08:00`).toISOString();
const CHENGGUAN = departmentOf('chengguan');
// 积存渣土: handled by 城管 within 2 working days at its default (三级) urgency.
const ITEM = 'E0103';

/** A case reported, filed and dispatched to 城管 at `localStart`, with the item's own working-day deadline. */
async function dispatchedAt(localStart: string): Promise<Case> {
  clock.set(beijing(localStart));
  const created = await writeCase(stack.runtime, { residentId: 'Uresident-sweep', itemCode: ITEM, now: clock.now() });
  await act(stack.runtime, created.id, staff('worker1'), { type: 'file' }, clock.now());
  const limits = directory.item(ITEM)!.timeLimits;
  const handlingDeadline = planHandlingDeadline({ calendar, limits, urgency: created.urgency, dispatchedAt: clock.now() });
  return act(stack.runtime, created.id, staff('dispatcher'), { type: 'dispatch', departmentId: CHENGGUAN, handlingDeadline }, clock.now());
}

/** Moves the clock to a Beijing local time and runs the sweep there. */
async function sweepAt(local: string) {
  clock.set(beijing(local));
  return stack.jobs.sweep();
}

async function warnings(caseId: string): Promise<string[]> {
  const found = await stack.runtime.cases.get(caseId, { consistent: true });
  return found!.timeline.filter((e) => e.action === 'warn').map((e) => String(e.data?.['stage']));
}

describe('the overdue sweep with a controlled clock', () => {
  it('counts a 调休 working Saturday: a Friday case turns yellow on that Saturday afternoon', async () => {
    // 2026-10-10 is a Saturday worked in exchange for the 国庆 holiday.
    const c = await dispatchedAt('2026-10-09T10:00:00');
    expect(c.handlingDeadline).toBe(beijing('2026-10-12T18:00:00'));

    await sweepAt('2026-10-10T11:00:00');
    expect(await warnings(c.id)).toEqual([]);
    await sweepAt('2026-10-10T15:00:00');
    expect(await warnings(c.id)).toEqual(['yellow']);
  });

  it('does not count a weekend, then moves a case through yellow, orange, red and overdue exactly once each', async () => {
    const c = await dispatchedAt('2026-11-20T10:00:00'); // a Friday
    expect(c.handlingDeadline).toBe(beijing('2026-11-24T18:00:00'));

    // Most of the calendar time is gone by Sunday night, but no working time has passed.
    await sweepAt('2026-11-21T12:00:00');
    await sweepAt('2026-11-22T23:00:00');
    expect(await warnings(c.id)).toEqual([]);

    await sweepAt('2026-11-23T15:00:00');
    await sweepAt('2026-11-23T15:00:00');
    expect(await warnings(c.id)).toEqual(['yellow']);
    await sweepAt('2026-11-24T12:00:00');
    await sweepAt('2026-11-24T16:00:00');
    expect(await warnings(c.id)).toEqual(['yellow', 'orange', 'red']);

    // Two sweeps at once past the deadline: one overdue event.
    clock.set(beijing('2026-11-24T18:30:00'));
    await Promise.all([stack.jobs.sweep(), stack.jobs.sweep()]);
    await stack.jobs.sweep();
    expect(await warnings(c.id)).toEqual(['yellow', 'orange', 'red', 'overdue']);
    const stored = await stack.runtime.cases.get(c.id, { consistent: true });
    expect(stored!.warning).toMatchObject({ stage: 'overdue', deadline: c.handlingDeadline });
    expect(stored!.status).toBe('dispatched');

    // The responsible department and the centre over it hear of it; the resident does not.
    await stack.jobs.deliver();
    const titles = async (userId: string) => (await stack.runtime.messages.list(userId, 50)).messages.filter((m) => m.caseId === c.id).map((m) => m.title);
    expect(await titles(staff('chengguan').userId)).toEqual(['案件已超期', '红色预警：临近期限', '橙色预警：临近期限', '黄色预警：临近期限', '新派遣案件待签收']);
    expect(await titles(staff('dispatcher').userId)).toEqual(['案件已超期', '红色预警：临近期限', '橙色预警：临近期限', '黄色预警：临近期限', '新立案待派遣']);
    expect(await titles('Uresident-sweep')).not.toContain('案件已超期');

    // …and it is on the department's and the grid's record for that day.
    const district = await api.login('dev-district');
    const dept = await api.get(`/v1/work/stats?scope=${CHENGGUAN}&from=2026-11-24&to=2026-11-24`, district.token);
    expect(dept.status).toBe(200);
    expect(dept.body.totals.overdue).toBe(1);
    const street = await api.login('dev-dispatcher');
    const friday = await api.get(`/v1/work/stats?scope=${TEAM_GRID}&from=2026-11-20&to=2026-11-20`, street.token);
    expect(friday.body.totals).toEqual({ received: 1, filed: 1, dispatched: 1 });
    const tuesday = await api.get(`/v1/work/stats?scope=${TEAM_GRID}&from=2026-11-24&to=2026-11-24`, street.token);
    expect(tuesday.body.totals).toEqual({ overdue: 1 });
    // The street centre does not see a district bureau's record: as if it did not exist.
    const outside = await api.get(`/v1/work/stats?scope=${CHENGGUAN}&from=2026-11-24&to=2026-11-24`, street.token);
    expect(outside.status).toBe(404);
  });

  it('ends the rating window as 未评价, never a silent 满意, once', async () => {
    const c = await dispatchedAt('2026-12-01T09:30:00');
    const at = (local: string) => {
      clock.set(beijing(local));
      return clock.now();
    };
    await act(stack.runtime, c.id, staff('chengguan'), { type: 'accept' }, at('2026-12-01T10:00:00'));
    await act(stack.runtime, c.id, staff('chengguan'), { type: 'startHandling' }, at('2026-12-01T10:05:00'));
    await act(stack.runtime, c.id, staff('chengguan'), { type: 'handle', notes: '已清运' }, at('2026-12-01T14:00:00'));
    await act(stack.runtime, c.id, staff('worker1'), { type: 'checkPass' }, at('2026-12-01T16:00:00'));

    await sweepAt('2026-12-08T15:59:00');
    expect((await stack.runtime.cases.get(c.id, { consistent: true }))!.status).toBe('closed');
    await sweepAt('2026-12-08T16:01:00');
    await sweepAt('2026-12-08T16:02:00');
    const stored = (await stack.runtime.cases.get(c.id, { consistent: true }))!;
    expect(stored.status).toBe('unrated');
    expect(stored.rating).toBeUndefined();
    expect(stored.timeline.filter((e) => e.action === 'expireRating')).toHaveLength(1);

    await stack.jobs.deliver();
    const resident = (await stack.runtime.messages.list('Uresident-sweep', 50)).messages.filter((m) => m.caseId === c.id);
    expect(resident[0]!.title).toBe('评价期已过，记为未评价');
    const admin = await api.login('dev-admin');
    const stats = await api.get(`/v1/work/stats?scope=${CHENGGUAN}&from=2026-12-01&to=2026-12-08`, admin.token);
    expect(stats.body.totals).toMatchObject({ handled: 1, onTime: 1, closed: 1, unrated: 1 });
    expect(stats.body.rates.satisfactionRate).toBeNull();
  });

  it('finds due cases through the index, never by scanning', () => {
    expect(stack.dynamoOperations).not.toContain('Scan');
  });
});
