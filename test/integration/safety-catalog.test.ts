import { startLocalStack, type LocalStack } from '@gridtong/functions/local/stack';
import { wgs84ToGcj02 } from '@gridtong/shared/geo/index';
import { client } from '../support/client';
import { pointInGrid } from '../support/places';
import { reportOver, TEAM_GRID } from '../support/staff';

let stack: LocalStack;
let api: ReturnType<typeof client>;
let token: string;

beforeAll(async () => {
  stack = await startLocalStack({ quiet: true });
  api = client(stack);
  token = (await api.login('dev-safety-resident')).token;
});

afterAll(async () => {
  await stack?.stop();
});

type Item = { code: string; name: string; safetyNotice?: string; hotlines: { name: string; number: string }[]; hotlineOnly: boolean; descriptionRequired: boolean };

const catalogItems = async (): Promise<Item[]> => (await api.get('/v1/catalog', token)).body.items as Item[];

function reportBody(itemCode: string, description: string) {
  const spot = pointInGrid(TEAM_GRID);
  const [lng, lat] = wgs84ToGcj02(spot.lng, spot.lat);
  return { itemCode, description, location: { lat, lng, coord: 'gcj02', address: '天河路 1 号' }, photos: [], answers: {} };
}

let keys = 0;
const post = (body: unknown) => api.post('/v1/cases', body, token, { 'idempotency-key': `safety-${Date.now()}-${++keys}` });

describe('the catalog carries what to do now and whom to call', () => {
  it('gives the gas leak its advice and its hotlines', async () => {
    const gas = (await catalogItems()).find((i) => i.name === '燃气泄漏')!;

    expect(gas.safetyNotice).toContain('请立即远离现场');
    expect(gas.hotlines).toContainEqual({ name: '燃气抢修', number: '96833' });
    expect(gas.hotlineOnly).toBe(false);
  });

  it('marks what must never wait in a queue hotline-only, and ends the menu with 其他问题 and 12345', async () => {
    const items = await catalogItems();
    const hotlineOnly = items.filter((i) => i.hotlineOnly);
    const last = items.at(-1)!;

    expect(hotlineOnly.map((i) => i.name)).toEqual(['火灾']);
    expect(hotlineOnly[0]!.hotlines.map((h) => h.number)).toContain('119');
    expect(last.name).toBe('其他问题');
    expect(last.descriptionRequired).toBe(true);
    expect(last.hotlines).toEqual([{ name: '12345 市民服务热线', number: '12345' }]);
  });
});

describe('reports of these items', () => {
  it('refuses a report of a hotline-only item, naming the number to call', async () => {
    const fire = (await catalogItems()).find((i) => i.hotlineOnly)!;

    const answer = await post(reportBody(fire.code, '三楼冒烟'));

    expect(answer.status).toBe(422);
    expect(answer.body.error.code).toBe('REPORT.HOTLINE_ONLY');
    expect(answer.body.error.message).toContain('119');
  });

  it('refuses 其他问题 without a description', async () => {
    const answer = await post(reportBody('E9901', '  '));

    expect(answer.status).toBe(422);
    expect(answer.body.error.code).toBe('REPORT.VALIDATION');
    expect(answer.body.error.message).toBe('请描述遇到的问题');
  });

  it('sends 其他问题 with a description to the 分拨中心', async () => {
    const caseId = await reportOver(api, token, 'E9901', TEAM_GRID);
    const staffToken = (await api.login('dev-dispatcher')).token;

    const staffView = await api.get(`/v1/work/cases/${caseId}`, staffToken);

    expect(staffView.status).toBe(200);
    expect(staffView.body.routing.via).toBe('dispatcher');
  });
});
