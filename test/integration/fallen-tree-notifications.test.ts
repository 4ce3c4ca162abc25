import { startLocalStack, type LocalStack } from '@gridtong/functions/local/stack';
import { devOpenid } from '@gridtong/functions/local/wechat-standin';
import { client } from '../support/client';
import { mustAct, reportOver, TEAM_GRID } from '../support/staff';

jest.setTimeout(180_000);

let stack: LocalStack;
let api: ReturnType<typeof client>;
const tokens: Record<string, string> = {};
const RESIDENTS = ['ft-reporter', 'ft-neighbour1', 'ft-neighbour2'];
const STAFF = ['worker1', 'dispatcher', 'yuanlin'];

beforeAll(async () => {
  stack = await startLocalStack({ quiet: true, timers: false });
  api = client(stack);
  for (const name of [...RESIDENTS, ...STAFF]) tokens[name] = (await api.login(`dev-${name}`)).token;
});

afterAll(async () => {
  await stack?.stop();
});

/** Each person taps 允许 for every template offered to them, twice (at submit and on the case page). */
async function grantEverything(name: string) {
  const offered = (await api.get('/v1/subscriptions', tokens[name])).body.subscriptions as { templateId: string }[];
  const results = Object.fromEntries(offered.slice(0, 5).map((s) => [s.templateId, 'accept']));
  for (let i = 0; i < 2; i++) expect((await api.post('/v1/subscriptions', { results }, tokens[name])).status).toBe(200);
}

/** What reached one person on WeChat, in order: template, then the values of its keywords that say what happened. */
function wechatOf(name: string, caseId: string): string[] {
  return stack.wechat.sent
    .filter((m) => m.touser === devOpenid(name) && m.page?.includes(caseId))
    .map((m) => {
      const values = Object.entries(m.data).filter(([k]) => /^(phrase|thing)/.test(k) && k !== 'thing1').map(([, v]) => v.value);
      return `${m.template_id}: ${values.join(' / ')}`;
    });
}

async function inboxOf(name: string, caseId: string): Promise<string[]> {
  const answer = await api.get('/v1/messages?limit=50', tokens[name]);
  return (answer.body.messages as { title: string; caseId: string }[]).filter((m) => m.caseId === caseId).map((m) => m.title).reverse();
}

/** Each step is followed by a deliverer run, as the table's stream would trigger one. */
async function step(fn: () => Promise<unknown>) {
  await fn();
  await stack.jobs.deliver();
  await stack.wechat.settled();
}

describe('the fallen tree, from report to rating, as everyone hears of it', () => {
  it('sends exactly the expected messages to the reporter, two followers and the staff, in order', async () => {
    for (const name of [...RESIDENTS, ...STAFF]) await grantEverything(name);

    let caseId = '';
    await step(async () => {
      caseId = await reportOver(api, tokens['ft-reporter']!, '0401', TEAM_GRID);
    });
    for (const n of ['ft-neighbour1', 'ft-neighbour2']) expect((await api.post(`/v1/cases/${caseId}/follow`, undefined, tokens[n])).status).toBe(200);
    await step(() => mustAct(api, tokens.worker1!, caseId, { type: 'file', note: '现场确认，树干压住人行道' }));
    await step(() => mustAct(api, tokens.dispatcher!, caseId, { type: 'dispatch' }));
    await step(() => mustAct(api, tokens.yuanlin!, caseId, { type: 'accept' }));
    await step(() => mustAct(api, tokens.yuanlin!, caseId, { type: 'startHandling' }));
    await step(() => mustAct(api, tokens.yuanlin!, caseId, { type: 'handle', notes: '已锯断清运，人行道恢复通行' }));
    await step(() => mustAct(api, tokens.worker1!, caseId, { type: 'checkPass', note: '现场核查通过' }));
    await step(async () => {
      const current = await api.get(`/v1/cases/${caseId}`, tokens['ft-reporter']);
      const rated = await api.post(`/v1/cases/${caseId}/actions`, { type: 'rate', level: 'satisfied', tags: ['处理及时'], version: current.body.version }, tokens['ft-reporter']);
      expect(rated.status).toBe(200);
    });
    // A second run finds nothing left to send.
    const before = stack.wechat.sent.length;
    await step(async () => undefined);
    expect(stack.wechat.sent.length).toBe(before);

    const heard = Object.fromEntries([...RESIDENTS, ...STAFF].map((n) => [n, { wechat: wechatOf(n, caseId) }]));
    for (const n of [...RESIDENTS, ...STAFF]) Object.assign(heard[n]!, { inbox: await inboxOf(n, caseId) });
    // Residents: every step in the message centre; on WeChat as far as their taps allow (one 受理, two 进度, one 办结).
    const residentInbox = [
      '网格员已受理并立案',
      '已派遣至天河区林业和园林局处理',
      '天河区林业和园林局已签收',
      '天河区林业和园林局正在处置',
      '天河区林业和园林局已处置完毕，等待网格员现场核查',
      '网格员现场核查通过，案件已办结',
    ];
    const residentWechat = (closedNote: string) => [
      'tpl-accepted: 已立案 / 网格员已受理并立案',
      'tpl-progress: 已派遣 / 已派遣至天河区林业和园林局处理',
      'tpl-progress: 已签收 / 天河区林业和园林局已签收',
      `tpl-closed: 已办结 / ${closedNote}`,
    ];
    expect(heard).toEqual({
      'ft-reporter': { wechat: residentWechat('请对办理结果进行评价'), inbox: residentInbox },
      'ft-neighbour1': { wechat: residentWechat('网格员现场核查通过，案件已办结'), inbox: residentInbox },
      'ft-neighbour2': { wechat: residentWechat('网格员现场核查通过，案件已办结'), inbox: residentInbox },
      // Staff: what waits for them, on WeChat too; the reporter's own rating (满意) goes to nobody.
      worker1: { wechat: ['tpl-newCase: 天河路 1 号 / 新上报待核实', 'tpl-newCase: 天河路 1 号 / 处置完毕待核查'], inbox: ['新上报待核实', '处置完毕待核查'] },
      dispatcher: { wechat: ['tpl-newCase: 天河路 1 号 / 新立案待派遣'], inbox: ['新立案待派遣'] },
      yuanlin: { wechat: ['tpl-newCase: 天河路 1 号 / 新派遣案件待签收'], inbox: ['新派遣案件待签收'] },
    });
    // Every message named the case's item within WeChat's limits.
    for (const m of stack.wechat.sent) expect(Array.from(m.data.thing1!.value).length).toBeLessThanOrEqual(20);
    // All of it on one access token.
    expect(stack.wechat.tokenFetches()).toBe(1);
    // npm start shows what was sent on the stand-in's page, without the openids.
    const page = await (await fetch(`${stack.wechat.url}/dev/wechat`)).text();
    expect(page).toContain('已发送的订阅消息（16）');
    expect(page).toContain('请对办理结果进行评价');
    expect(page).not.toContain(devOpenid('ft-reporter'));
  });
});
