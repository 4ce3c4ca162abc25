import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { LocalStack } from '@gridtong/functions/local/stack';
import { createRuntime, releaseRuntime } from '@gridtong/functions/runtime';
import { client } from '../support/client';
import { mustAct, reportOver, TEAM_GRID } from '../support/staff';
import { openStack } from '../support/stack';

jest.setTimeout(120_000);

let stack: LocalStack;
let api: ReturnType<typeof client>;
// The handlers' clock: tests move it to cross the 72-hour validity and the one-minute cache.
let clock = Date.now();
const HOUR = 3_600_000;

beforeAll(async () => {
  ({ stack, api } = await openStack({ now: () => new Date(clock) }));
});

afterAll(() => stack?.stop());

const invitation = (overrides: Record<string, unknown> = {}) => ({ role: 'gridWorker', areas: [TEAM_GRID], name: '新网格员小陈', ...overrides });

async function invite(overrides: Record<string, unknown> = {}) {
  const admin = await api.login('dev-admin');
  const answer = await api.post('/v1/admin/invitations', invitation(overrides), admin.token);
  if (answer.status !== 201) throw new Error(`invite failed: ${answer.status} ${answer.text}`);
  return answer.body as { code: string; path: string; expiresAt: string };
}

describe('invitations', () => {
  it('turns a signed-in WeChat user into staff with the invited role and scope, once', async () => {
    // Prepare
    const issued = await invite();
    const newcomer = await api.login('dev-chenxiao');
    const someoneElse = await api.login('dev-liuqi');
    // Act
    const redeemed = await api.post(`/v1/auth/invitations/${issued.code}`, {}, newcomer.token);
    const again = await api.post(`/v1/auth/invitations/${issued.code}`, {}, someoneElse.token);
    const queue = await api.get('/v1/work/cases?queue=grid', redeemed.body.token);
    const relogin = await api.login('dev-chenxiao');
    // Assess
    expect(issued.code).toMatch(/^[0-9A-Z]{12}$/);
    expect(issued.path).toContain(issued.code);
    expect(Date.parse(issued.expiresAt) - clock).toBe(72 * HOUR);
    expect(redeemed.status).toBe(200);
    expect(redeemed.body.user).toMatchObject({ userId: newcomer.userId, role: 'gridWorker', areas: [TEAM_GRID], name: '新网格员小陈' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('INVITATION.USED');
    expect(queue.status).toBe(200);
    expect(relogin.role).toBe('gridWorker');
  });

  it('refuses an expired code with 410 and an unknown one with 404', async () => {
    const issued = await invite();
    clock += 72 * HOUR + 1000;
    const late = await api.login('dev-zhoujiu');
    const expired = await api.post(`/v1/auth/invitations/${issued.code}`, {}, late.token);
    const unknown = await api.post('/v1/auth/invitations/ABCDEFGHJKMN', {}, late.token);
    const malformed = await api.post('/v1/auth/invitations/abc', {}, late.token);

    expect(expired.status).toBe(410);
    expect(expired.body.error.code).toBe('INVITATION.EXPIRED');
    expect(unknown.status).toBe(404);
    expect(malformed.status).toBe(400);
    expect((await api.login('dev-zhoujiu')).role).toBe('resident');
  });

  it('lets only an admin invite, and only inside their own areas', async () => {
    const admin = await api.login('dev-admin');
    const worker = await api.login('dev-worker1');

    const byWorker = await api.post('/v1/admin/invitations', invitation(), worker.token);
    const elsewhere = await api.post('/v1/admin/invitations', invitation({ areas: ['440105'] }), admin.token);
    const noDepartment = await api.post('/v1/admin/invitations', invitation({ role: 'departmentHandler' }), admin.token);
    const asAdmin = await api.post('/v1/admin/invitations', invitation({ role: 'admin' }), admin.token);

    expect(byWorker.status).toBe(403);
    expect([elsewhere.status, elsewhere.body.error.code]).toEqual([422, 'INVITATION.INVALID']);
    expect(noDepartment.status).toBe(400);
    expect(noDepartment.body.error.details[0].path).toBe('body.departmentId');
    expect(asAdmin.status).toBe(400);
  });
});

describe('revoking staff', () => {
  it('refuses every staff action at once and every staff read within a minute; the person signs in as a resident again', async () => {
    // Prepare: a fresh grid worker, invited and working.
    const issued = await invite({ name: '将离职的小吴' });
    const person = await api.login('dev-wuyi');
    const staff = (await api.post(`/v1/auth/invitations/${issued.code}`, {}, person.token)).body as { token: string; user: { userId: string } };
    const resident = await api.login('dev-zhangsan');
    const caseId = await reportOver(api, resident.token, '0402', TEAM_GRID);
    expect((await api.get('/v1/work/cases?queue=grid', staff.token)).status).toBe(200);

    // Act
    const admin = await api.login('dev-admin');
    const revoked = await api.call('DELETE', `/v1/admin/staff/${staff.user.userId}`, { token: admin.token });
    const action = await api.post(`/v1/work/cases/${caseId}/actions`, { type: 'file', version: 0 }, staff.token);
    clock += 61_000;
    const read = await api.get('/v1/work/cases?queue=grid', staff.token);
    const relogin = await api.login('dev-wuyi');
    const unknown = await api.call('DELETE', '/v1/admin/staff/Snobody', { token: admin.token });

    // Assess
    expect(revoked.status).toBe(200);
    expect(revoked.body.userId).toBe(staff.user.userId);
    expect([action.status, action.body.error.code]).toEqual([401, 'AUTH.ACCOUNT_REVOKED']);
    expect([read.status, read.body.error.code]).toEqual([401, 'AUTH.ACCOUNT_REVOKED']);
    expect(relogin.role).toBe('resident');
    expect(unknown.status).toBe(404);
    // Nothing the revoked account sent was applied.
    const worker1 = await api.login('dev-worker1');
    const view = await mustAct(api, worker1.token, caseId, { type: 'file' });
    expect(view.timeline.map((e: { action: string }) => e.action)).toEqual(['submit', 'file']);
  });

  it('reaches another container, which trusts its cached account for at most a minute', async () => {
    // Prepare: a second container (its own runtime and cache) has seen the account.
    const other = createRuntime(stack.config, { now: () => new Date(clock) });
    const writer = createRuntime(stack.config, { now: () => new Date(clock) });
    const issued = await invite({ name: '另一台容器里的小郑' });
    const person = await api.login('dev-zhengshi');
    const staff = (await api.post(`/v1/auth/invitations/${issued.code}`, {}, person.token)).body as { user: { userId: string } };
    const userId = staff.user.userId;
    const first = await other.staff.current(userId, new Date(clock));
    await writer.staff.current(userId, new Date(clock));
    // Act
    const admin = await api.login('dev-admin');
    await api.call('DELETE', `/v1/admin/staff/${userId}`, { token: admin.token });
    const cachedRead = await other.staff.current(userId, new Date(clock + 59_000));
    const laterRead = await other.staff.current(userId, new Date(clock + 60_000));
    const write = await writer.staff.current(userId, new Date(clock + 1_000), { fresh: true });
    releaseRuntime(other);
    releaseRuntime(writer);
    // Assess
    expect(first?.status).toBe('active');
    expect(cachedRead?.status).toBe('active');
    expect(write?.status).toBe('revoked');
    expect(laterRead?.status).toBe('revoked');
  });
});

describe('the first admin', () => {
  it('comes from the operator tool: an admin invitation written to the table, redeemed like any other', async () => {
    const root = join(__dirname, '..', '..');
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'functions/src/ops/invite-admin.ts', '440106', '区管理员老何'], {
      cwd: root,
      env: { ...process.env, DYNAMODB_ENDPOINT: stack.dynamodbEndpoint, TABLE_NAME: stack.config.tableName, AWS_REGION: stack.config.region },
    });
    const code = /: ([0-9A-Z]{12})\n/.exec(stdout)?.[1];
    // The tool's clock is the real one; so is this invitation's validity.
    clock = Date.now();
    const person = await api.login('dev-hewu');
    const redeemed = await api.post(`/v1/auth/invitations/${code}`, {}, person.token);
    const invite = await api.post('/v1/admin/invitations', invitation(), redeemed.body.token);

    expect(code).toBeDefined();
    expect(redeemed.status).toBe(200);
    expect(redeemed.body.user).toMatchObject({ role: 'admin', areas: ['440106'], name: '区管理员老何' });
    expect(invite.status).toBe(201);
  });
});
