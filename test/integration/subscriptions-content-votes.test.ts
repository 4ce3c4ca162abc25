import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { pushSignature } from '@gridtong/functions/cases/content-callback';
import { startLocalStack, type LocalStack } from '@gridtong/functions/local/stack';
import { devOpenid } from '@gridtong/functions/local/wechat-standin';
import { client } from '../support/client';
import { mustAct, reportOver, TEAM_GRID } from '../support/staff';
import { areaAt } from '@gridtong/shared/schemas/common';

jest.setTimeout(180_000);

let stack: LocalStack;
let api: ReturnType<typeof client>;
const tokens: Record<string, string> = {};
const FALLEN_TREE = '0401';

beforeAll(async () => {
  // The deliverer runs when a test says so: what reaches WeChat is then exactly what a run sent.
  stack = await startLocalStack({ quiet: true, timers: false });
  api = client(stack);
  for (const name of ['hb-reporter', 'hb-follower1', 'hb-follower2', 'hb-quiet', 'worker1', 'dispatcher', 'yuanlin', 'supervisor1', 'admin']) {
    tokens[name] = (await api.login(`dev-${name}`)).token;
  }
});

afterAll(async () => {
  await stack?.stop();
});

const sentTo = (name: string) => stack.wechat.sent.filter((m) => m.touser === devOpenid(name));
const deliver = async () => {
  await stack.jobs.deliver();
  await stack.wechat.settled();
};
async function inbox(name: string, caseId: string) {
  const answer = await api.get(`/v1/messages?limit=50`, tokens[name]);
  expect(answer.status).toBe(200);
  return (answer.body.messages as { title: string; caseId: string }[]).filter((m) => m.caseId === caseId).reverse();
}
async function grant(name: string, results: Record<string, string>) {
  const answer = await api.post('/v1/subscriptions', { results }, tokens[name]);
  expect(answer.status).toBe(200);
  return answer.body.subscriptions as { kind: string; templateId: string; remaining: number }[];
}
const remaining = async (name: string, kind: string) =>
  ((await api.get('/v1/subscriptions', tokens[name])).body.subscriptions as { kind: string; remaining: number }[]).find((s) => s.kind === kind)?.remaining;

async function residentAct(name: string, caseId: string, action: Record<string, unknown>) {
  const current = await api.get(`/v1/cases/${caseId}`, tokens[name]);
  return api.post(`/v1/cases/${caseId}/actions`, { ...action, version: current.body.version }, tokens[name]);
}

async function toClosed(caseId: string) {
  await mustAct(api, tokens.worker1!, caseId, { type: 'file', note: '现场确认' });
  await mustAct(api, tokens.dispatcher!, caseId, { type: 'dispatch' });
  await mustAct(api, tokens.yuanlin!, caseId, { type: 'accept' });
  await mustAct(api, tokens.yuanlin!, caseId, { type: 'startHandling' });
  await mustAct(api, tokens.yuanlin!, caseId, { type: 'handle', notes: '已锯断清运' });
  await mustAct(api, tokens.worker1!, caseId, { type: 'checkPass', note: '核查通过' });
}

describe('subscribe grants', () => {
  it('lists the resident templates with nothing granted, and refuses an unknown template id', async () => {
    const listed = await api.get('/v1/subscriptions', tokens['hb-quiet']);
    expect(listed.status).toBe(200);
    expect(listed.body.subscriptions.map((s: { kind: string }) => s.kind)).toEqual(['accepted', 'progress', 'closed', 'needsInfo', 'booking']);
    expect(listed.body.subscriptions.every((s: { remaining: number }) => s.remaining === 0)).toBe(true);
    const staffList = await api.get('/v1/subscriptions', tokens.worker1);
    expect(staffList.body.subscriptions.map((s: { kind: string }) => s.kind)).toEqual(['newCase', 'warning']);

    const bad = await api.post('/v1/subscriptions', { results: { 'tpl-unknown': 'accept' } }, tokens['hb-quiet']);
    expect(bad.status).toBe(400);
    expect(bad.body.error.problems ?? bad.body.error.details).toBeDefined();
    const tooMany = await api.post('/v1/subscriptions', { results: Object.fromEntries(['a', 'b', 'c', 'd', 'e', 'f'].map((k) => [k, 'accept'])) }, tokens['hb-quiet']);
    expect(tooMany.status).toBe(400);
  });

  it('a resident with no grant hears in the message centre only; nothing goes to WeChat', async () => {
    const caseId = await reportOver(api, tokens['hb-quiet']!, FALLEN_TREE, TEAM_GRID);
    await mustAct(api, tokens.worker1!, caseId, { type: 'file', note: '现场确认' });
    await deliver();
    expect((await inbox('hb-quiet', caseId)).map((m) => m.title)).toEqual(['网格员已受理并立案']);
    expect(sentTo('hb-quiet')).toEqual([]);
  });

  it('spends one one-time grant per message; with none left the message centre still has it', async () => {
    await grant('hb-quiet', { 'tpl-accepted': 'accept', 'tpl-progress': 'accept' });
    expect(await remaining('hb-quiet', 'progress')).toBe(1);
    const caseId = await reportOver(api, tokens['hb-quiet']!, FALLEN_TREE, TEAM_GRID);
    await mustAct(api, tokens.worker1!, caseId, { type: 'file', note: '现场确认' });
    await deliver();
    await mustAct(api, tokens.dispatcher!, caseId, { type: 'dispatch' });
    await deliver();
    await mustAct(api, tokens.yuanlin!, caseId, { type: 'accept' });
    await deliver();

    const sent = sentTo('hb-quiet').filter((m) => m.page?.includes(caseId));
    expect(sent.map((m) => m.template_id)).toEqual(['tpl-accepted', 'tpl-progress']);
    expect(sent[0]!.data.phrase3!.value).toBe('已立案');
    for (const m of sent) for (const [k, v] of Object.entries(m.data)) if (k.startsWith('thing')) expect(Array.from(v.value).length).toBeLessThanOrEqual(20);
    expect((await inbox('hb-quiet', caseId)).map((m) => m.title)).toHaveLength(3);
    expect(await remaining('hb-quiet', 'progress')).toBe(0);
    expect(await remaining('hb-quiet', 'accepted')).toBe(0);
  });

  it('sends a replayed event once, and shows it once', async () => {
    await grant('hb-quiet', { 'tpl-accepted': 'accept' });
    await grant('hb-quiet', { 'tpl-accepted': 'accept' });
    const caseId = await reportOver(api, tokens['hb-quiet']!, FALLEN_TREE, TEAM_GRID);
    await mustAct(api, tokens.worker1!, caseId, { type: 'file', note: '现场确认' });
    await deliver();
    // A stream replay hands every channel the same event again.
    const caseItem = (await stack.runtime.cases.get(caseId, { consistent: true }))!;
    const city = await stack.runtime.city.get();
    const event = caseItem.timeline.find((e) => e.action === 'file')!;
    for (const channel of stack.runtime.channels) {
      await channel.deliver({ eventId: `${caseId}-${event.seq}`, event, caseItem, city, now: new Date() });
    }
    expect(sentTo('hb-quiet').filter((m) => m.page?.includes(caseId))).toHaveLength(1);
    expect((await inbox('hb-quiet', caseId)).map((m) => m.title)).toEqual(['网格员已受理并立案']);
    // One grant spent, one still there.
    expect(await remaining('hb-quiet', 'accepted')).toBe(1);
  });

  it('zeroes the count when WeChat answers 43101, and retries a busy WeChat later without spending twice', async () => {
    await grant('hb-quiet', { 'tpl-progress': 'accept' });
    await grant('hb-quiet', { 'tpl-progress': 'accept' });
    const caseId = await reportOver(api, tokens['hb-quiet']!, FALLEN_TREE, TEAM_GRID);
    await mustAct(api, tokens.worker1!, caseId, { type: 'file', note: '现场确认' });
    await deliver();
    stack.wechat.failNext('subscribe_send', -1, 4);
    await mustAct(api, tokens.dispatcher!, caseId, { type: 'dispatch' });
    await stack.runtime.deliverer({ random: () => 0, baseDelayMs: 0 }).deliverCase(caseId);
    // Busy through every retry: the grant was given back and the delivery stays pending.
    expect(await remaining('hb-quiet', 'progress')).toBe(2);
    await stack.runtime.deliverer({ random: () => 0, baseDelayMs: 0 }).deliverCase(caseId);
    const progress = () => sentTo('hb-quiet').filter((m) => m.page?.includes(caseId) && m.template_id === 'tpl-progress');
    expect(progress()).toHaveLength(1);
    expect(await remaining('hb-quiet', 'progress')).toBe(1);

    stack.wechat.failNext('subscribe_send', 43101, 1);
    await mustAct(api, tokens.yuanlin!, caseId, { type: 'accept' });
    await deliver();
    expect(await remaining('hb-quiet', 'progress')).toBe(0);
    expect(progress()).toHaveLength(1);
  });
});

describe('the openid at rest', () => {
  it('is stored only sealed, opens for the sender, and can be forgotten', async () => {
    const { userId } = await api.login('dev-hb-quiet');
    const raw = await stack.runtime.dynamo.send(new GetItemCommand({ TableName: stack.config.tableName, Key: { pk: { S: `USERID#${userId}` }, sk: { S: 'OPENID' } } }));
    expect(raw.Item).toBeDefined();
    expect(JSON.stringify(raw.Item)).not.toContain(devOpenid('hb-quiet'));
    await expect(stack.runtime.identities.openidOf(userId)).resolves.toBe(devOpenid('hb-quiet'));
    // Deleting the account deletes it; a later login seals it again.
    await stack.runtime.identities.forget(userId);
    await expect(stack.runtime.identities.openidOf(userId)).resolves.toBeNull();
    await api.login('dev-hb-quiet');
    await expect(stack.runtime.identities.openidOf(userId)).resolves.toBe(devOpenid('hb-quiet'));
  });
});

describe('content security', () => {
  it('hides a flagged photo from others, keeps it for the reporter, and shows it to reviewers', async () => {
    const clean = await reportOver(api, tokens['hb-reporter']!, FALLEN_TREE, TEAM_GRID);
    const flagged = await reportOver(api, tokens['hb-reporter']!, FALLEN_TREE, TEAM_GRID);
    // The stand-in judges any photo link of this case risky.
    stack.wechat.flag(`cases/${flagged}/`);
    for (const id of [clean, flagged]) expect((await api.post(`/v1/cases/${id}/follow`, undefined, tokens['hb-follower1'])).status).toBe(200);
    await deliver();

    const cleanView = await api.get(`/v1/cases/${clean}`, tokens['hb-follower1']);
    expect(cleanView.body.photoUrl).toEqual(expect.any(String));
    const follower = await api.get(`/v1/cases/${flagged}`, tokens['hb-follower1']);
    expect(follower.status).toBe(200);
    expect(follower.body.photoUrl).toBeNull();
    const worker = await api.get(`/v1/work/cases/${flagged}`, tokens.worker1);
    expect(worker.body.photos).toEqual([]);
    expect(worker.body.contentReview).toBeUndefined();
    const reviewer = await api.get(`/v1/work/cases/${flagged}`, tokens.supervisor1);
    expect(reviewer.body.photos).toHaveLength(1);
    expect(reviewer.body.contentReview).toEqual([{ key: expect.stringMatching(/^photo:cases\//), verdict: 'risky' }]);
    // Kept, never deleted: the reporter still sees it and the object is still there.
    const own = await api.get(`/v1/cases/${flagged}`, tokens['hb-reporter']);
    expect(own.body.photoUrls).toHaveLength(1);
    expect((await fetch(own.body.photoUrls[0])).status).toBe(200);
    // The case goes on.
    await mustAct(api, tokens.worker1!, flagged, { type: 'file', note: '现场确认' });
  });

  it('hides risky text from staff but not from reviewers', async () => {
    stack.wechat.flag('违规广告');
    const caseId = await reportOver(api, tokens['hb-reporter']!, FALLEN_TREE, TEAM_GRID, { description: '树倒了 违规广告 加微信' });
    await deliver();
    expect((await api.get(`/v1/work/cases/${caseId}`, tokens.worker1)).body.description).toBe('（内容待审核，暂不显示）');
    const reviewer = await api.get(`/v1/work/cases/${caseId}`, tokens.admin);
    expect(reviewer.body.description).toContain('违规广告');
    expect(reviewer.body.contentReview).toContainEqual({ key: 'text:0', verdict: 'risky' });
    expect((await api.get(`/v1/cases/${caseId}`, tokens['hb-reporter'])).body.description).toContain('违规广告');
  });

  it('refuses forged and replayed content-check callbacks (401) and accepts a signed one once', async () => {
    const path = '/v1/wechat/content-check';
    const body = { Event: 'wxa_media_check', trace_id: 'unknown-trace', result: { suggest: 'pass' } };
    const timestamp = String(Math.floor(Date.now() / 1000));
    const forged = await api.post(`${path}?signature=${'0'.repeat(40)}&timestamp=${timestamp}&nonce=n1`, body);
    expect(forged.status).toBe(401);
    expect(forged.body.error.code).toBe('CONTENT.CALLBACK_FORGED');
    expect((await api.post(path, body)).status).toBe(401);
    const wrongKey = pushSignature('not-our-token', timestamp, 'n2');
    expect((await api.post(`${path}?signature=${wrongKey}&timestamp=${timestamp}&nonce=n2`, body)).status).toBe(401);

    const token = stack.config.wechatCallbackToken!;
    const signed = `${path}?signature=${pushSignature(token, timestamp, 'n3')}&timestamp=${timestamp}&nonce=n3`;
    expect((await api.post(signed, body)).status).toBe(200);
    const replay = await api.post(signed, body);
    expect(replay.status).toBe(401);
    expect(replay.body.error.code).toBe('CONTENT.CALLBACK_REPLAYED');
    const old = String(Number(timestamp) - 3600);
    expect((await api.post(`${path}?signature=${pushSignature(token, old, 'n4')}&timestamp=${old}&nonce=n4`, body)).status).toBe(401);
    // Every verdict WeChat really sent (the stand-in's) was accepted.
    expect(stack.wechat.callbacks.every((c) => c.status === 200)).toBe(true);
  });
});

describe('rating, votes and figures', () => {
  it('lets the reporter rate once with tags, a follower vote apart, and the community figures count both', async () => {
    const caseId = await reportOver(api, tokens['hb-reporter']!, FALLEN_TREE, TEAM_GRID);
    expect((await api.post(`/v1/cases/${caseId}/follow`, undefined, tokens['hb-follower2'])).status).toBe(200);
    const community = areaAt(TEAM_GRID, 'community');
    const before = (await api.get(`/v1/communities/${community}/stats`, tokens['hb-follower2'])).body;
    expect((await api.post(`/v1/cases/${caseId}/vote`, { level: 'satisfied' }, tokens['hb-follower2'])).status).toBe(409);
    await toClosed(caseId);

    // A follower cannot rate (not their case), the reporter rates instead of voting, a stranger cannot vote.
    expect((await residentAct('hb-follower2', caseId, { type: 'rate', level: 'satisfied' })).status).toBe(404);
    expect((await api.post(`/v1/cases/${caseId}/vote`, { level: 'satisfied' }, tokens['hb-reporter'])).status).toBe(409);
    expect((await api.post(`/v1/cases/${caseId}/vote`, { level: 'satisfied' }, tokens['hb-quiet'])).status).toBe(404);
    expect((await residentAct('hb-reporter', caseId, { type: 'rate', level: 'satisfied', tags: ['处理及时', '不存在'] })).status).toBe(400);

    const rated = await residentAct('hb-reporter', caseId, { type: 'rate', level: 'satisfied', comment: '很快', tags: ['处理及时', '态度好'] });
    expect(rated.status).toBe(200);
    expect(rated.body.status).toBe('rated');
    expect(rated.body.rating).toMatchObject({ level: 'satisfied', comment: '很快', tags: ['处理及时', '态度好'] });
    expect((await residentAct('hb-reporter', caseId, { type: 'rate', level: 'verySatisfied' })).status).toBe(409);

    const vote = await api.post(`/v1/cases/${caseId}/vote`, { level: 'dissatisfied' }, tokens['hb-follower2']);
    expect(vote.body).toEqual({ level: 'dissatisfied', counted: true });
    const again = await api.post(`/v1/cases/${caseId}/vote`, { level: 'verySatisfied' }, tokens['hb-follower2']);
    expect(again.body).toEqual({ level: 'dissatisfied', counted: false });
    expect((await api.post(`/v1/cases/${caseId}/vote`, { level: 'great' }, tokens['hb-follower2'])).status).toBe(400);

    await deliver();
    const after = (await api.get(`/v1/communities/${community}/stats`, tokens['hb-follower2'])).body;
    expect(after.reported).toBe(before.reported + 1);
    expect(after.closed).toBe(before.closed + 1);
    expect(after.ratings).toBe(before.ratings + 1);
    expect(after.followerVotes).toBe(before.followerVotes + 1);
    expect(after.satisfactionRate).toEqual(expect.any(Number));
    expect(after.meanHandlingHours).toEqual(expect.any(Number));
    expect(after.month).toMatch(/^\d{4}-\d{2}$/);
    expect((await api.get('/v1/communities/999999999999/stats', tokens['hb-follower2'])).status).toBe(404);
    expect((await api.get('/v1/communities/12/stats', tokens['hb-follower2'])).status).toBe(400);
  });

  it('counts a case reopened (重办) and closed again as one 办结 in the community figures', async () => {
    const caseId = await reportOver(api, tokens['hb-reporter']!, FALLEN_TREE, TEAM_GRID);
    const community = areaAt(TEAM_GRID, 'community');
    const before = (await api.get(`/v1/communities/${community}/stats`, tokens['hb-reporter'])).body;
    await toClosed(caseId);
    expect((await residentAct('hb-reporter', caseId, { type: 'rate', level: 'dissatisfied', comment: '树枝还堆在路边' })).status).toBe(200);
    expect((await residentAct('hb-reporter', caseId, { type: 'requestReopen', reason: '树枝还堆在路边' })).status).toBe(200);
    await mustAct(api, tokens.dispatcher!, caseId, { type: 'approveReopen', note: '安排重新处置' });
    await deliver();
    const reopened = (await api.get(`/v1/communities/${community}/stats`, tokens['hb-reporter'])).body;
    expect(reopened.reported).toBe(before.reported + 1);
    expect(reopened.closed).toBe(before.closed);
    await mustAct(api, tokens.dispatcher!, caseId, { type: 'dispatch' });
    await mustAct(api, tokens.yuanlin!, caseId, { type: 'accept' });
    await mustAct(api, tokens.yuanlin!, caseId, { type: 'startHandling' });
    await mustAct(api, tokens.yuanlin!, caseId, { type: 'handle', notes: '已清运剩余树枝' });
    await mustAct(api, tokens.worker1!, caseId, { type: 'checkPass', note: '核查通过' });
    expect((await residentAct('hb-reporter', caseId, { type: 'rate', level: 'satisfied' })).status).toBe(200);
    await deliver();
    const after = (await api.get(`/v1/communities/${community}/stats`, tokens['hb-reporter'])).body;
    expect(after.reported).toBe(before.reported + 1);
    expect(after.closed).toBe(before.closed + 1);
    // Both verdicts stand: the first closure did disappoint.
    expect(after.ratings).toBe(before.ratings + 2);
  });

  it('offers 申请重办 after a bad rating; the dispatcher approves (back to 立案) or denies with a reason the resident reads', async () => {
    const caseId = await reportOver(api, tokens['hb-reporter']!, FALLEN_TREE, TEAM_GRID);
    await toClosed(caseId);
    const rated = await residentAct('hb-reporter', caseId, { type: 'rate', level: 'dissatisfied', tags: ['未解决'] });
    expect(rated.body.availableActions).toContain('requestReopen');
    expect((await residentAct('hb-reporter', caseId, { type: 'requestReopen', reason: '树根还在，挡路' })).status).toBe(200);
    const denied = await mustAct(api, tokens.dispatcher!, caseId, { type: 'denyReopen', reason: '树根属绿化带，已另行安排' });
    expect(denied.status).toBe('rated');
    await deliver();
    const view = await api.get(`/v1/cases/${caseId}`, tokens['hb-reporter']);
    expect(JSON.stringify(view.body.timelineView)).toContain('树根属绿化带，已另行安排');

    expect((await residentAct('hb-reporter', caseId, { type: 'requestReopen', reason: '仍然挡路，请再看看' })).status).toBe(200);
    const approved = await mustAct(api, tokens.dispatcher!, caseId, { type: 'approveReopen', note: '重办' });
    expect(approved.status).toBe('filed');
    expect(approved.timeline.map((e: { action: string }) => e.action)).toContain('rate');
  });

  it('never scans the table', () => {
    expect(stack.dynamoOperations).not.toContain('Scan');
  });
});
