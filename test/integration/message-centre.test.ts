import { startLocalStack, type LocalStack } from '@gridtong/functions/local/stack';
import { client } from '../support/client';
import { city } from '../support/places';
import { mustAct, reportOver, TEAM_GRID } from '../support/staff';

jest.setTimeout(120_000);

let stack: LocalStack;
let api: ReturnType<typeof client>;
const people: Record<string, { token: string; userId: string }> = {};

beforeAll(async () => {
  // No timers: the test runs the deliverer itself, so what it sees does not depend on timing.
  stack = await startLocalStack({ quiet: true, timers: false });
  api = client(stack);
  for (const name of ['zhangsan', 'lisi', 'worker1', 'leader1', 'supervisor1', 'dispatcher', 'yuanlin', 'chengguan']) {
    people[name] = await api.login(`dev-${name}`);
  }
});

afterAll(async () => {
  await stack?.stop();
});

const token = (name: string) => people[name]!.token;
const inbox = async (name: string, query = '') => api.get(`/v1/messages${query}`, token(name));
const titlesFor = async (name: string, caseId: string) =>
  ((await inbox(name, '?limit=50')).body.messages as { caseId: string; title: string }[]).filter((m) => m.caseId === caseId).map((m) => m.title);

/** A fellow resident follows the case (我也遇到). */
async function follow(caseId: string, name: string) {
  const answer = await api.post(`/v1/cases/${caseId}/follow`, undefined, token(name));
  if (answer.status >= 300) throw new Error(`follow failed: ${answer.status} ${answer.text}`);
}

describe('staff actions over HTTP reach the message centre', () => {
  let caseId: string;

  it('tells the grid team of a new report, and nobody tells the reporter what they just did', async () => {
    caseId = await reportOver(api, token('zhangsan'), '0401', TEAM_GRID, { contactPhone: '13800138000' });
    await stack.jobs.deliver();

    for (const name of ['worker1', 'leader1', 'supervisor1']) expect(await titlesFor(name, caseId)).toEqual(['新上报待核实']);
    expect(await titlesFor('zhangsan', caseId)).toEqual([]);
    expect(await titlesFor('dispatcher', caseId)).toEqual([]);
  });

  it('walks the case through file → dispatch → return → dispatch → accept → handle with the right people told at each step', async () => {
    await follow(caseId, 'lisi');
    await mustAct(api, token('worker1'), caseId, { type: 'file', note: '现场确认，网格员王五 13912345678 已拉警戒线' });
    await stack.jobs.deliver();
    expect(await titlesFor('dispatcher', caseId)).toEqual(['新立案待派遣']);
    expect(await titlesFor('zhangsan', caseId)).toEqual(['网格员已受理并立案']);
    expect(await titlesFor('lisi', caseId)).toEqual(['网格员已受理并立案']);

    await mustAct(api, token('dispatcher'), caseId, { type: 'dispatch', departmentId: 'D440106-CG' });
    await stack.jobs.deliver();
    expect(await titlesFor('chengguan', caseId)).toEqual(['新派遣案件待签收']);
    await mustAct(api, token('chengguan'), caseId, { type: 'return', reason: '行道树归园林管理' });
    await mustAct(api, token('dispatcher'), caseId, { type: 'dispatch', departmentId: 'D440106-YL' });
    await mustAct(api, token('yuanlin'), caseId, { type: 'accept' });
    await mustAct(api, token('yuanlin'), caseId, { type: 'startHandling' });
    await mustAct(api, token('yuanlin'), caseId, { type: 'handle', notes: '已清运' });
    await stack.jobs.deliver();
    // A second run (a replay) adds nothing.
    await stack.jobs.deliver();

    expect(await titlesFor('dispatcher', caseId)).toEqual(['案件被退单，请重新派遣', '新立案待派遣']);
    expect(await titlesFor('yuanlin', caseId)).toEqual(['新派遣案件待签收']);
    expect(await titlesFor('worker1', caseId)).toEqual(['处置完毕待核查', '新上报待核实']);
    const yuanlin = city.departments.find((d) => d.id === 'D440106-YL')!.name;
    const chengguan = city.departments.find((d) => d.id === 'D440106-CG')!.name;
    expect(await titlesFor('zhangsan', caseId)).toEqual([
      `${yuanlin}已处置完毕，等待网格员现场核查`,
      `${yuanlin}正在处置`,
      `${yuanlin}已签收`,
      `已重新派遣至${yuanlin}处理`,
      `${chengguan}认为不属于其职责，已退回指挥中心重新派遣`,
      `已派遣至${chengguan}处理`,
      '网格员已受理并立案',
    ]);
    // A follower hears the same public steps, in their own wording.
    const lisi = (await inbox('lisi', '?limit=50')).body.messages.filter((m: any) => m.caseId === caseId);
    expect(lisi).toHaveLength(7);
    expect(lisi[0].body).toContain('您关注的');
  });

  it('never shows a resident a staff name, a staff note or a phone number', async () => {
    const all = JSON.stringify([(await inbox('zhangsan', '?limit=50')).body, (await inbox('lisi', '?limit=50')).body]);
    expect(all).not.toMatch(/13912345678|13800138000|王五|警戒线|S(worker1|dispatcher|yuanlin|chengguan)/);
    const staffSide = JSON.stringify((await inbox('worker1', '?limit=50')).body);
    expect(staffSide).not.toContain('13800138000');
  });
});

describe('the message centre', () => {
  it('pages newest first with a cursor, counts unread, and marks read by id or all', async () => {
    const first = await inbox('zhangsan', '?limit=3');
    expect(first.status).toBe(200);
    const total = first.body.unreadCount as number;
    expect(total).toBeGreaterThanOrEqual(7);
    expect(first.body.messages).toHaveLength(3);
    const all = [...first.body.messages];
    let cursor = first.body.nextCursor as string | null;
    while (cursor) {
      const page = await inbox('zhangsan', `?limit=3&cursor=${encodeURIComponent(cursor)}`);
      expect(page.status).toBe(200);
      all.push(...page.body.messages);
      cursor = page.body.nextCursor;
    }
    expect(new Set(all.map((m) => m.id)).size).toBe(all.length);
    expect(all.map((m) => m.at)).toEqual([...all.map((m) => m.at)].sort().reverse());
    expect(all.every((m) => m.read === false)).toBe(true);

    const read = await api.post('/v1/messages/read', { ids: [all[0].id, all[1].id] }, token('zhangsan'));
    expect(read.status).toBe(200);
    expect(read.body.unreadCount).toBe(total - 2);
    // Someone else's ids change nothing for anyone.
    const foreign = await api.post('/v1/messages/read', { ids: [all[2].id] }, token('lisi'));
    expect(foreign.body.unreadCount).toBe((await inbox('lisi')).body.unreadCount);
    const after = await inbox('zhangsan', '?limit=3');
    expect(after.body.messages.map((m: any) => m.read)).toEqual([true, true, false]);

    expect((await api.post('/v1/messages/read', { all: true }, token('zhangsan'))).body.unreadCount).toBe(0);
    expect((await inbox('zhangsan')).body.unreadCount).toBe(0);
  });

  it('refuses a tampered cursor or a malformed body with a 400, not a 500', async () => {
    const mine = await inbox('worker1', '?limit=1');
    const forged = Buffer.from(JSON.stringify({ pk: `MSG#${people.zhangsan!.userId}`, sk: '9999' })).toString('base64url');
    const tampered = await inbox('worker1', `?cursor=${forged}`);
    expect(tampered.status).toBe(400);
    expect(tampered.body.error.code).toBe('REQUEST.INVALID_CURSOR');
    expect(mine.status).toBe(200);
    for (const body of [{}, { ids: [] }, { all: false }, { ids: ['x'], all: true }]) {
      const answer = await api.post('/v1/messages/read', body, token('worker1'));
      expect(answer.status).toBe(400);
      expect(answer.body.error.code).toBe('REQUEST.VALIDATION');
    }
    expect((await api.get('/v1/messages')).status).toBe(401);
  });

  it('never scans', () => {
    expect(stack.dynamoOperations).not.toContain('Scan');
  });
});
