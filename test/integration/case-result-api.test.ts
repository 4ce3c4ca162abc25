import { startLocalStack, type LocalStack } from '@gridtong/functions/local/stack';
import { photoKey } from '@gridtong/shared/schemas/case';
import { client, uploadPhoto } from '../support/client';
import { mustAct, reportOver, TEAM_GRID } from '../support/staff';

jest.setTimeout(180_000);

/*
 * The handling result in the resident's and a follower's case view: from 处理反馈 on, named
 * field by field, staff notes with numbers masked, photos as short-lived links of the case's own
 * copies; a follower gets photos only of a public item, nobody gets a photo flagged by content security.
 */

let stack: LocalStack;
let api: ReturnType<typeof client>;
const tokens: Record<string, string> = {};
const FALLEN_TREE = '0401'; // public, 园林
const COOKING_FUMES = 'E0104'; // not public, 城管

const RESULT_FIELDS = ['departmentName', 'handledAt', 'notes', 'photos', 'verifiedAt'];

beforeAll(async () => {
  stack = await startLocalStack({ quiet: true, timers: false });
  api = client(stack);
  for (const name of ['cr-reporter', 'cr-follower', 'worker1', 'dispatcher', 'yuanlin', 'chengguan']) {
    tokens[name] = (await api.login(`dev-${name}`)).token;
  }
});

afterAll(async () => {
  await stack?.stop();
});

const view = async (caseId: string, who: string) => {
  const answer = await api.get(`/v1/cases/${caseId}`, tokens[who]);
  expect(answer.status).toBe(200);
  return answer;
};

/** Reported, followed, and carried to 处置中 by the department that owns the item. */
async function toHandling(itemCode: string, department: string): Promise<string> {
  const caseId = await reportOver(api, tokens['cr-reporter']!, itemCode, TEAM_GRID);
  expect((await api.post(`/v1/cases/${caseId}/follow`, undefined, tokens['cr-follower'])).status).toBe(200);
  await mustAct(api, tokens.worker1!, caseId, { type: 'file', note: '现场确认' });
  await mustAct(api, tokens.dispatcher!, caseId, { type: 'dispatch' });
  await mustAct(api, tokens[department]!, caseId, { type: 'accept' });
  await mustAct(api, tokens[department]!, caseId, { type: 'startHandling' });
  return caseId;
}

async function handleAndCheck(caseId: string, department: string) {
  const after = await uploadPhoto(api, tokens[department]!);
  await mustAct(api, tokens[department]!, caseId, { type: 'handle', notes: '已清理完毕，现场负责人 13812345678', photos: [{ key: after }] });
  const handled = await view(caseId, 'cr-reporter');
  const check = await uploadPhoto(api, tokens.worker1!);
  await mustAct(api, tokens.worker1!, caseId, { type: 'checkPass', note: '核查通过', photos: [{ key: check }] });
  return handled;
}

const pathOf = (url: string) => new URL(url).pathname;

describe('the handling result (处理结果)', () => {
  it('is absent before 处理反馈, then gives the reporter the department, masked notes, the after and check photos with when', async () => {
    const caseId = await toHandling(FALLEN_TREE, 'yuanlin');
    const before = await view(caseId, 'cr-reporter');
    const followerBefore = await view(caseId, 'cr-follower');
    expect(before.body.result).toBeUndefined();
    expect(followerBefore.body.result).toBeUndefined();

    const handled = await handleAndCheck(caseId, 'yuanlin');
    const closed = await view(caseId, 'cr-reporter');
    const staff = await api.get(`/v1/work/cases/${caseId}`, tokens.worker1);

    // While 核查 is still to come: the department's part only.
    expect(handled.body.status).toBe('handled');
    expect(Object.keys(handled.body.result).sort()).toEqual(['departmentName', 'handledAt', 'notes', 'photos']);
    expect(handled.body.result.photos.map((p: { kind: string }) => p.kind)).toEqual(['result']);
    // Once checked: every field, and nothing else.
    const result = closed.body.result;
    expect(closed.body.status).toBe('closed');
    expect(Object.keys(result).sort()).toEqual(RESULT_FIELDS);
    expect(result.departmentName).toBe(closed.body.departmentName);
    expect(result.notes).toBe('已清理完毕，现场负责人 138****5678');
    expect(closed.text).not.toContain('13812345678');
    expect(result.handledAt).toBe(handled.body.result.handledAt);
    expect(Date.parse(result.verifiedAt)).toBeGreaterThanOrEqual(Date.parse(result.handledAt));
    expect(result.photos.map((p: { kind: string }) => p.kind)).toEqual(['result', 'check']);
    for (const p of result.photos) {
      expect(Object.keys(p).sort()).toEqual(['at', 'kind', 'url']);
      expect(pathOf(p.url)).toMatch(new RegExp(`/cases/${caseId}/[0-9A-Za-z_-]+\\.jpg$`));
      expect((await fetch(p.url)).status).toBe(200);
    }
    // Staff names never reach the resident (a department account is named for its department, which is shown).
    const names = (staff.body.timeline as { actorName?: string }[]).flatMap((e) => (e.actorName && e.actorName !== result.departmentName ? [e.actorName] : []));
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(JSON.stringify(result)).not.toContain(name);
  });

  it('gives a follower the result too, with its photos only for a public item', async () => {
    const publicCase = await toHandling(FALLEN_TREE, 'yuanlin');
    const privateCase = await toHandling(COOKING_FUMES, 'chengguan');
    await handleAndCheck(publicCase, 'yuanlin');
    await handleAndCheck(privateCase, 'chengguan');

    const onPublic = await view(publicCase, 'cr-follower');
    const onPrivate = await view(privateCase, 'cr-follower');
    const reporterPrivate = await view(privateCase, 'cr-reporter');

    expect(onPublic.body.relation).toBe('followed');
    expect(Object.keys(onPublic.body.result).sort()).toEqual(RESULT_FIELDS);
    expect(onPublic.body.result.notes).toBe('已清理完毕，现场负责人 138****5678');
    expect(onPublic.body.result.photos.map((p: { kind: string }) => p.kind)).toEqual(['result', 'check']);
    expect((await fetch(onPublic.body.result.photos[0].url)).status).toBe(200);
    expect(onPrivate.body.result).toMatchObject({ departmentName: reporterPrivate.body.result.departmentName, notes: '已清理完毕，现场负责人 138****5678', photos: [] });
    expect(onPrivate.body.result.verifiedAt).toEqual(expect.any(String));
    expect(onPrivate.body.photoUrl).toBeNull();
    for (const p of reporterPrivate.body.result.photos) expect(onPrivate.text).not.toContain(pathOf(p.url));
    expect(reporterPrivate.body.result.photos).toHaveLength(2);
    expect(onPrivate.text).not.toMatch(/U[0-9A-Z]{20,}/);
  });

  it('hides a photo flagged by content security from the reporter and the follower alike', async () => {
    const caseId = await toHandling(FALLEN_TREE, 'yuanlin');
    await handleAndCheck(caseId, 'yuanlin');
    const shown = await view(caseId, 'cr-reporter');
    const [after, check] = shown.body.result.photos as { url: string; kind: string }[];
    const flaggedKey = pathOf(after!.url).slice(pathOf(after!.url).indexOf('/cases/') + 1);

    await stack.runtime.contentChecks.setVerdict(caseId, photoKey(flaggedKey), 'risky');
    const reporter = await view(caseId, 'cr-reporter');
    const follower = await view(caseId, 'cr-follower');

    for (const seen of [reporter, follower]) {
      expect(seen.body.result.photos.map((p: { kind: string }) => p.kind)).toEqual(['check']);
      expect(seen.text).not.toContain(flaggedKey);
      expect(pathOf(seen.body.result.photos[0].url)).toBe(pathOf(check!.url));
    }
  });
});
