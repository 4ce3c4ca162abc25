import { startLocalStack, type LocalStack } from '@gridtong/functions/local/stack';
import { client, uploadPhoto, type Answer } from '../support/client';
import { applyAction } from '@gridtong/shared/case/index';
import { pointInGrid } from '../support/places';
import { seeder } from '../support/seed-cases';
import { act, mustAct, OTHER_GRID, reportOver, TEAM_GRID } from '../support/staff';

jest.setTimeout(120_000);

let stack: LocalStack;
let api: ReturnType<typeof client>;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  stack = await startLocalStack({ quiet: true });
  api = client(stack);
  for (const name of ['zhangsan', 'lisi', 'wangwu', 'worker1', 'worker2', 'dispatcher', 'district', 'yuanlin', 'chengguan']) {
    tokens[name] = (await api.login(`dev-${name}`)).token;
  }
});

afterAll(async () => {
  await stack?.stop();
});

const ids = (answer: { body: { cases: { id: string }[] } }) => answer.body.cases.map((c) => c.id);

describe('the fallen tree, end to end', () => {
  it('goes report → file → dispatch → accept → handle with a photo → checkPass, and the resident sees 已办结', async () => {
    // Prepare: a resident reports a fallen tree (行道树倒伏, 权责清单 → 园林) in worker1's grid.
    const caseId = await reportOver(api, tokens.zhangsan!, '0401', TEAM_GRID, { contactPhone: '13800138000' });

    // worker1 finds it in the grid queue and files it.
    const gridQueue = await api.get('/v1/work/cases?queue=grid', tokens.worker1);
    expect(gridQueue.status).toBe(200);
    const row = gridQueue.body.cases.find((c: { id: string }) => c.id === caseId);
    expect(row).toMatchObject({ status: 'submitted', deadlineKind: 'dispatch', warning: 'none', followerCount: 0, urgeCount: 0, gridCode: TEAM_GRID });
    const seen = await api.get(`/v1/work/cases/${caseId}`, tokens.worker1);
    expect(seen.body.availableActions.map((a: { type: string }) => a.type)).toEqual(['file', 'reject', 'requestInfo']);
    expect(seen.body.hasContactPhone).toBe(true);
    expect(seen.body.contactPhone).toBeUndefined();
    expect(seen.body.dispatchDefaults.departmentId).toBe('D440106-YL');
    expect(seen.body.departmentOptions[0].id).toBe('D440106-YL');
    expect(seen.body.departmentOptions.map((d: { id: string }) => d.id)).toEqual(expect.arrayContaining(['D440106-CG', 'D440106-ZJ', 'D440106001001-WY']));
    await mustAct(api, tokens.worker1!, caseId, { type: 'file', note: '现场确认，树干压住人行道' });

    // The street centre dispatches it without choosing: the 权责清单 department and the item's limit.
    const dispatchQueue = await api.get('/v1/work/cases?queue=dispatch', tokens.dispatcher);
    expect(ids(dispatchQueue)).toContain(caseId);
    const before = await api.get(`/v1/work/cases/${caseId}`, tokens.dispatcher);
    const dispatched = await mustAct(api, tokens.dispatcher!, caseId, { type: 'dispatch' });
    expect(dispatched.routing.departmentName).toBe(before.body.dispatchDefaults.departmentName);
    expect(dispatched.routing.departmentId).toBe('D440106-YL');
    expect(Date.parse(dispatched.deadlines.handlingDeadline)).toBeGreaterThan(Date.now());
    expect(ids(await api.get('/v1/work/cases?queue=dispatch', tokens.dispatcher))).not.toContain(caseId);

    // 园林 accepts, works, and reports the result with an after photo.
    expect(ids(await api.get('/v1/work/cases?queue=department', tokens.yuanlin))).toContain(caseId);
    await mustAct(api, tokens.yuanlin!, caseId, { type: 'accept' });
    await mustAct(api, tokens.yuanlin!, caseId, { type: 'startHandling' });
    const resultPhoto = await uploadPhoto(api, tokens.yuanlin!);
    const handled = await mustAct(api, tokens.yuanlin!, caseId, { type: 'handle', notes: '已锯断清运，人行道恢复通行', photos: [{ key: resultPhoto }] });
    expect(handled.status).toBe('handled');
    expect(handled.photos.map((p: { kind: string }) => p.kind)).toEqual(['report', 'result']);
    const after = await fetch(handled.photos[1].url);
    expect(after.status).toBe(200);

    // worker1 checks on site from the verify queue.
    expect(ids(await api.get('/v1/work/cases?queue=verify', tokens.worker1))).toContain(caseId);
    const closed = await mustAct(api, tokens.worker1!, caseId, { type: 'checkPass', note: '现场核查通过' });
    expect(closed.status).toBe('closed');
    expect(ids(await api.get('/v1/work/cases?queue=verify', tokens.worker1))).not.toContain(caseId);

    // The staff timeline names who did what; the resident's says 已办结 and names nobody.
    expect(closed.timeline.map((e: { action: string }) => e.action)).toEqual(['submit', 'file', 'dispatch', 'accept', 'startHandling', 'handle', 'checkPass']);
    expect(closed.timeline.find((e: { action: string }) => e.action === 'file').actorName).toEqual(expect.any(String));
    const mine = await api.get(`/v1/cases/${caseId}`, tokens.zhangsan);
    expect(mine.status).toBe(200);
    expect(mine.body.status).toBe('closed');
    expect(mine.body.timelineView.map((e: { title: string }) => e.title).join('\n')).toContain('已办结');
    expect(mine.text).not.toContain(closed.timeline.find((e: { action: string }) => e.action === 'file').actorName);
  });
});

describe('a manhole cover bounced between departments', () => {
  it('escalates to the district centre after two returns, visibly', async () => {
    const caseId = await reportOver(api, tokens.lisi!, '0102', TEAM_GRID);
    await mustAct(api, tokens.worker1!, caseId, { type: 'file' });

    // Sent to 城管, who says it is not theirs; sent to 园林, who says the same.
    await mustAct(api, tokens.dispatcher!, caseId, { type: 'dispatch', departmentId: 'D440106-CG' });
    await mustAct(api, tokens.chengguan!, caseId, { type: 'return', reason: '井盖属市政设施，不属城管职责' });
    expect(ids(await api.get('/v1/work/cases?queue=dispatch', tokens.dispatcher))).toContain(caseId);
    await mustAct(api, tokens.dispatcher!, caseId, { type: 'dispatch', departmentId: 'D440106-YL' });
    const returned = await mustAct(api, tokens.yuanlin!, caseId, { type: 'return', reason: '非绿化设施' });

    // Second return: escalated. The street centre can no longer dispatch; the district centre can.
    expect(returned.escalationLevel).toBe(1);
    expect(returned.timeline.at(-1)).toMatchObject({ action: 'return', returnCount: 2, escalated: true });
    expect(ids(await api.get('/v1/work/cases?queue=dispatch', tokens.dispatcher))).not.toContain(caseId);
    const districtQueue = await api.get('/v1/work/cases?queue=dispatch', tokens.district);
    expect(districtQueue.body.cases.find((c: { id: string }) => c.id === caseId)).toMatchObject({ status: 'returned', returnCount: 2, escalationLevel: 1 });
    const streetView = await api.get(`/v1/work/cases/${caseId}`, tokens.dispatcher);
    expect(streetView.body.availableActions).toEqual([]);
    const streetTry = await act(api, tokens.dispatcher!, caseId, { type: 'dispatch', departmentId: 'D440106-ZJ' });
    expect(streetTry.status).toBe(404);

    const arbitrated = await mustAct(api, tokens.district!, caseId, { type: 'dispatch', departmentId: 'D440106-ZJ', note: '仲裁：井盖由住建部门负责' });
    expect(arbitrated).toMatchObject({ status: 'dispatched', routing: { departmentId: 'D440106-ZJ' } });
  });
});

describe('a duplicate report', () => {
  it('is rejected as a duplicate of the original, and its reporter becomes a follower of the original', async () => {
    const original = await reportOver(api, tokens.zhangsan!, '0403', TEAM_GRID);
    const duplicate = await reportOver(api, tokens.wangwu!, '0403', TEAM_GRID);

    const rejected = await mustAct(api, tokens.worker1!, duplicate, { type: 'reject', kind: 'duplicate', duplicateOf: original });

    expect(rejected).toMatchObject({ status: 'rejected', duplicateOf: original });
    const residentSees = await api.get(`/v1/cases/${duplicate}`, tokens.wangwu);
    expect(residentSees.body.timelineView.at(-1).title).toContain('已有人上报');
    const followed = await api.get(`/v1/cases/${original}`, tokens.wangwu);
    expect(followed.status).toBe(200);
    expect(followed.body.relation).toBe('followed');
    const mine = await api.get('/v1/cases', tokens.wangwu);
    expect(mine.body.cases.find((c: { id: string }) => c.id === original)?.relation).toBe('followed');
    const staffView = await api.get(`/v1/work/cases/${original}`, tokens.worker1);
    expect(staffView.body.followerCount).toBe(1);
    const row = (await api.get('/v1/work/cases?queue=grid', tokens.worker1)).body.cases.find((c: { id: string }) => c.id === original);
    expect(row.followerCount).toBe(1);
  });

  it('refuses a duplicate of a case that does not exist or lies outside the caller', async () => {
    const duplicate = await reportOver(api, tokens.wangwu!, '0403', TEAM_GRID);
    const answer = await act(api, tokens.worker1!, duplicate, { type: 'reject', kind: 'duplicate', duplicateOf: 'C0000000000000NOPE' });

    expect(answer.status).toBe(422);
    expect(answer.body.error.details[0].path).toBe('body.duplicateOf');
  });
});

describe('concurrent actions on one case', () => {
  it('applies exactly one of ten conflicting actions; nine get 409 with the current case; one timeline entry', async () => {
    const caseId = await reportOver(api, tokens.lisi!, '0402', TEAM_GRID);
    const seen = await api.get(`/v1/work/cases/${caseId}`, tokens.worker1);

    const bodies = Array.from({ length: 10 }, (_, i) =>
      i % 2 === 0 ? { type: 'file', note: `立案 ${i}`, version: seen.body.version } : { type: 'requestInfo', question: `请补充照片 ${i}`, version: seen.body.version },
    );
    const answers = await Promise.all(bodies.map((b) => api.post(`/v1/work/cases/${caseId}/actions`, b, tokens.worker1)));

    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([200, 409, 409, 409, 409, 409, 409, 409, 409, 409]);
    const winner = answers.find((a) => a.status === 200)!;
    for (const loser of answers.filter((a) => a.status === 409)) {
      expect(loser.body.error.code).toBe('CASE.VERSION_CONFLICT');
      expect(loser.body.error.current).toMatchObject({ id: caseId, version: winner.body.version, status: winner.body.status });
    }
    const after = await api.get(`/v1/work/cases/${caseId}`, tokens.worker1);
    expect(after.body.timeline).toHaveLength(2);
  });
});

describe('the reporter’s phone', () => {
  it('is shown only on ?reveal=contact with a reason, and every such read is recorded on the case', async () => {
    const caseId = await reportOver(api, tokens.zhangsan!, '0402', TEAM_GRID, { contactPhone: '13912345678' });

    const plain = await api.get(`/v1/work/cases/${caseId}`, tokens.worker1);
    const noReason = await api.get(`/v1/work/cases/${caseId}?reveal=contact`, tokens.worker1);
    const revealed = await api.get(`/v1/work/cases/${caseId}?reveal=contact&reason=${encodeURIComponent('上门核实需联系报事人')}`, tokens.worker1);
    const outsider = await api.get(`/v1/work/cases/${caseId}?reveal=contact&reason=${encodeURIComponent('好奇')}`, tokens.worker2);

    expect(plain.text).not.toContain('13912345678');
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.details[0].path).toBe('query.reason');
    expect(revealed.status).toBe(200);
    expect(revealed.body.contactPhone).toBe('13912345678');
    expect(outsider.status).toBe(404);
    const audit = revealed.body.timeline.at(-1);
    expect(audit).toMatchObject({ action: 'readContact', actorRole: 'gridWorker', reason: '上门核实需联系报事人' });
    expect(audit.actorName).toEqual(expect.any(String));
    // Recorded once, and not a step the resident sees.
    const again = await api.get(`/v1/work/cases/${caseId}`, tokens.worker1);
    expect(again.body.timeline.filter((e: { action: string }) => e.action === 'readContact')).toHaveLength(1);
    const mine = await api.get(`/v1/cases/${caseId}`, tokens.zhangsan);
    expect(mine.body.timelineView).toHaveLength(1);
  });
});

describe('queues', () => {
  it('orders by deadline, pages with an opaque cursor without repeats, and refuses a tampered cursor with 400', async () => {
    for (let i = 0; i < 3; i++) await reportOver(api, tokens.wangwu!, '0402', OTHER_GRID);

    const all: string[] = [];
    let cursor: string | null = null;
    let deadlines: string[] = [];
    do {
      const page: Answer<any> = await api.get<any>(`/v1/work/cases?queue=grid&limit=2${cursor ? `&cursor=${cursor}` : ''}`, tokens.worker2);
      expect(page.status).toBe(200);
      all.push(...ids(page));
      deadlines = deadlines.concat(page.body.cases.map((c: { deadline: string }) => c.deadline));
      cursor = page.body.nextCursor;
    } while (cursor);

    expect(all.length).toBeGreaterThanOrEqual(3);
    expect(new Set(all).size).toBe(all.length);
    expect([...deadlines].sort()).toEqual(deadlines);
    const bad = await api.get(`/v1/work/cases?queue=grid&cursor=${Buffer.from('{"gsi2|GRID#440106001001001":{"pk":"x"}}').toString('base64url')}`, tokens.worker2);
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('REQUEST.INVALID_CURSOR');
    const junk = await api.get('/v1/work/cases?queue=grid&cursor=%%%', tokens.worker2);
    expect(junk.status).toBe(400);
  });

  it('filters by status and due time, and refuses a queue that is not the caller’s', async () => {
    const filtered = await api.get('/v1/work/cases?queue=grid&status=submitted', tokens.worker2);
    const past = await api.get('/v1/work/cases?queue=grid&dueBefore=2020-01-01T00:00:00Z', tokens.worker2);
    const notMine = await api.get('/v1/work/cases?queue=dispatch', tokens.worker2);
    const badStatus = await api.get('/v1/work/cases?status=open', tokens.worker2);

    expect(filtered.body.cases.every((c: { status: string }) => c.status === 'submitted')).toBe(true);
    expect(filtered.body.cases.length).toBeGreaterThan(0);
    expect(past.body.cases).toEqual([]);
    expect(notMine.status).toBe(403);
    expect(notMine.body.error.code).toBe('WORK.QUEUE_FORBIDDEN');
    expect(badStatus.status).toBe(400);
  });

  it('never scans', () => {
    expect(stack.dynamoOperations).not.toContain('Scan');
  });
});

describe('an admin of one street', () => {
  it('reads and acts inside the street and gets 404 outside it, though the domain lets admins act anywhere', async () => {
    // Prepare: an admin account bound directly (operators bind admins; invitations cannot).
    const person = await api.login('dev-streetadmin');
    await stack.runtime.staff.bind({ userId: person.userId, role: 'admin', areas: ['440106001'], name: '街道管理员', status: 'active', createdAt: new Date().toISOString() });
    const admin = (await api.login('dev-streetadmin')).token;
    const inside = await reportOver(api, tokens.zhangsan!, '0402', TEAM_GRID);
    const outside = await reportOver(api, tokens.lisi!, '0402', '440106002001001');
    // Act
    const read = await api.get(`/v1/work/cases/${inside}`, admin);
    const readOutside = await api.get(`/v1/work/cases/${outside}`, admin);
    const actOutside = await api.post(`/v1/work/cases/${outside}/actions`, { type: 'file', version: 0 }, admin);
    // Assess
    expect(read.status).toBe(200);
    expect([readOutside.status, actOutside.status]).toEqual([404, 404]);
    expect((await api.get(`/v1/work/cases/${outside}`, tokens.worker1)).status).toBe(404);
  });
});

describe('a 重办 request', () => {
  it('waits in the street centre’s queue; approved, the case goes round the loop again', async () => {
    // Prepare: a closed case its reporter rated 不满意 and asked to reopen (resident steps through the domain).
    const seed = seeder(stack.runtime);
    const residentId = (await api.login('dev-zhangsan')).userId;
    const future = new Date(Date.now() + 48 * 3_600_000).toISOString();
    const closed = await seed.staff(
      await seed.report(residentId, pointInGrid(TEAM_GRID)),
      { type: 'file' }, { type: 'dispatch', departmentId: 'D440106-YL', handlingDeadline: future }, { type: 'accept' }, { type: 'startHandling' },
      { type: 'handle', notes: '已修复' }, { type: 'checkPass' },
    );
    const resident = { userId: residentId, role: 'resident' as const, scope: { areas: [] } };
    let current = closed;
    for (const action of [{ type: 'rate', level: 'dissatisfied' }, { type: 'requestReopen', reason: '草坪仍然被压坏' }] as const) {
      current = applyAction(current, action, { actor: resident, now: new Date() }).next;
      await stack.runtime.cases.save(current);
    }
    // Act
    const queued = (await api.get('/v1/work/cases?queue=dispatch', tokens.dispatcher)).body.cases.find((c: { id: string }) => c.id === closed.id);
    const reopened = await mustAct(api, tokens.dispatcher!, closed.id, { type: 'approveReopen', note: '安排重新处置' });
    const after = (await api.get('/v1/work/cases?queue=dispatch', tokens.dispatcher)).body.cases.find((c: { id: string }) => c.id === closed.id);
    // Assess
    expect(queued).toMatchObject({ status: 'rated', pendingRequest: 'reopen' });
    expect(reopened).toMatchObject({ status: 'filed', reopenCount: 1 });
    expect(after).toMatchObject({ status: 'filed' });
    expect(after.pendingRequest).toBeUndefined();
  });
});

