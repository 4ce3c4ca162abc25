import type { LocalStack } from '@gridtong/functions/local/stack';
import { client } from '../support/client';
import { mustAct, reportOver, TEAM_GRID } from '../support/staff';
import { openStack } from '../support/stack';

jest.setTimeout(120_000);

let stack: LocalStack;
let api: ReturnType<typeof client>;
// The handlers' clock, moved by the test: warning lights are computed from it at read time.
let clock = Date.parse('2026-03-02T01:00:00Z'); // a Monday, 09:00 in Guangzhou
const HOUR = 3_600_000;

beforeAll(async () => {
  ({ stack, api } = await openStack({ now: () => new Date(clock) }));
});

afterAll(() => stack?.stop());

/** Sessions last two hours of the handlers' clock: sign in afresh after moving it. */
const token = async (name: string) => (await api.login(`dev-${name}`)).token;

async function row(name: string, caseId: string, query = 'queue=grid') {
  const answer = await api.get(`/v1/work/cases?${query}`, await token(name));
  expect(answer.status).toBe(200);
  return answer.body.cases.find((c: { id: string }) => c.id === caseId) as Record<string, unknown> | undefined;
}

describe('deadlines on the desk', () => {
  it('turns a waiting report yellow, orange, red and overdue as its dispatch deadline nears and passes', async () => {
    // Prepare: 绿地破坏, 24 calendar hours to dispatch.
    const start = clock;
    const caseId = await reportOver(api, await token('zhangsan'), '0402', TEAM_GRID);
    const stages: unknown[] = [];
    // Act
    for (const hours of [1, 13, 19, 22, 25]) {
      clock = start + hours * HOUR;
      stages.push((await row('worker1', caseId))?.warning);
    }
    const overdueOnly = await api.get(`/v1/work/cases?queue=grid&dueBefore=${new Date(clock).toISOString()}`, await token('worker1'));
    // Assess
    expect(stages).toEqual(['none', 'yellow', 'orange', 'red', 'overdue']);
    expect((await row('worker1', caseId))?.warningLabel).toBe('已超期');
    expect(overdueOnly.body.cases.map((c: { id: string }) => c.id)).toContain(caseId);
  });

  it('runs the handling clock from dispatch, and puts a 延期 request in the centre’s queue until decided', async () => {
    const caseId = await reportOver(api, await token('lisi'), '0402', TEAM_GRID);
    await mustAct(api, await token('worker1'), caseId, { type: 'file' });
    const dispatched = await mustAct(api, await token('dispatcher'), caseId, { type: 'dispatch' });
    // 7 calendar days for a general case, from the dispatch instant.
    expect(Date.parse(dispatched.deadlines.handlingDeadline) - clock).toBe(7 * 24 * HOUR);
    expect(await row('yuanlin', caseId, 'queue=department')).toMatchObject({ deadlineKind: 'handling', warning: 'none' });

    clock += 4 * 24 * HOUR;
    expect((await row('yuanlin', caseId, 'queue=department'))?.warning).toBe('yellow');
    await mustAct(api, await token('yuanlin'), caseId, { type: 'accept' });
    const until = new Date(Date.parse(dispatched.deadlines.handlingDeadline) + 3 * 24 * HOUR).toISOString();
    await mustAct(api, await token('yuanlin'), caseId, { type: 'requestExtension', until, reason: '需等待配套苗木到货' });

    expect(await row('dispatcher', caseId, 'queue=dispatch')).toMatchObject({ pendingRequest: 'extension', status: 'accepted' });
    const approved = await mustAct(api, await token('dispatcher'), caseId, { type: 'approveExtension' });
    expect(approved.deadlines.handlingDeadline).toBe(until);
    expect(await row('dispatcher', caseId, 'queue=dispatch')).toBeUndefined();
    expect((await row('yuanlin', caseId, 'queue=department'))?.deadline).toBe(until);
  });
});
