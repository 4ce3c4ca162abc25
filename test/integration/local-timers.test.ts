import { startLocalStack, type LocalStack } from '@gridtong/functions/local/stack';
import { client } from '../support/client';
import { reportOver, TEAM_GRID } from '../support/staff';

jest.setTimeout(60_000);

let stack: LocalStack;
let api: ReturnType<typeof client>;

beforeAll(async () => {
  // What `npm start` does, with short periods.
  stack = await startLocalStack({ quiet: true, timers: { deliverEveryMs: 100, sweepEveryMs: 100 } });
  api = client(stack);
});

afterAll(async () => {
  await stack?.stop();
});

describe('the local timers', () => {
  it('deliver a new report to the grid worker’s message centre without anyone running the deliverer', async () => {
    const resident = await api.login('dev-zhangsan');
    const worker = await api.login('dev-worker1');
    const caseId = await reportOver(api, resident.token, '0401', TEAM_GRID);

    // Waits for the outcome (not for a time): the timer delivers on its own.
    let titles: string[] = [];
    for (let i = 0; i < 200 && titles.length === 0; i++) {
      const inbox = await api.get('/v1/messages', worker.token);
      titles = inbox.body.messages.filter((m: any) => m.caseId === caseId).map((m: any) => m.title);
      if (titles.length === 0) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(titles).toEqual(['新上报待核实']);
    expect((await api.get('/v1/messages', worker.token)).body.unreadCount).toBeGreaterThanOrEqual(1);
  });
});
