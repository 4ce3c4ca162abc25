import { GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { startLocalStack, type LocalStack } from '@gridtong/functions/local/stack';
import { createDynamoClients } from '@gridtong/functions/store/clients';
import { client } from '../support/client';
import { seeder, type Seeder } from '../support/seed-cases';

jest.setTimeout(60_000);

/*
 * The follower count must be right even when a follow or unfollow stops half way (a
 * Lambda timeout, a lost connection) and the resident taps again. Each test writes the
 * half-done state a crash would leave, then lets the repository carry on.
 */

let stack: LocalStack;
let seed: Seeder;
let doc: DynamoDBDocumentClient;
let table: string;

beforeAll(async () => {
  stack = await startLocalStack({ quiet: true });
  seed = seeder(stack.runtime);
  doc = createDynamoClients(stack.config).doc;
  table = stack.config.tableName;
});

afterAll(async () => {
  doc?.destroy();
  await stack?.stop();
});

const caseKey = (id: string) => ({ pk: `CASE#${id}`, sk: 'CASE' });
const followKey = (id: string, who: string) => ({ pk: `CASE#${id}`, sk: `FOLLOW#${who}` });

async function stored(id: string) {
  const item = (await doc.send(new GetCommand({ TableName: table, Key: caseKey(id), ConsistentRead: true }))).Item!;
  return { count: Number(item.followerCount), pendingFollows: item.pendingFollows as Set<string> | undefined, pendingUnfollows: item.pendingUnfollows as Set<string> | undefined };
}
const followItem = async (id: string, who: string) => (await doc.send(new GetCommand({ TableName: table, Key: followKey(id, who), ConsistentRead: true }))).Item;
const update = (Key: Record<string, string>, UpdateExpression: string, values: Record<string, unknown>) =>
  doc.send(new UpdateCommand({ TableName: table, Key, UpdateExpression, ExpressionAttributeValues: values }));
const putFollow = (id: string, who: string, counted: boolean) =>
  doc.send(new PutCommand({ TableName: table, Item: { ...followKey(id, who), caseId: id, residentId: who, followedAt: new Date().toISOString(), counted, gsi1pk: `RES#${who}`, gsi1sk: `MINE#${new Date().toISOString()}#F#${id}` } }));

describe('follower count after an interrupted follow', () => {
  it('counts once when the follow stopped after writing the follow item', async () => {
    // Prepare: marked and written, not counted.
    const c = await seed.report('Rcrashowner1');
    await update(caseKey(c.id), 'ADD pendingFollows :w', { ':w': new Set(['Rcrash1']) });
    await putFollow(c.id, 'Rcrash1', false);
    // Act
    await seed.rt.follows.follow(c.id, 'Rcrash1', new Date());
    await seed.rt.follows.follow(c.id, 'Rcrash1', new Date());
    // Assess
    const after = await stored(c.id);
    expect(after.count).toBe(1);
    expect(after.pendingFollows).toBeUndefined();
    expect((await followItem(c.id, 'Rcrash1'))?.counted).toBe(true);
  });

  it('does not count again when the follow stopped after counting, before recording it', async () => {
    const c = await seed.report('Rcrashowner2');
    await putFollow(c.id, 'Rcrash2', false);
    await update(caseKey(c.id), 'ADD followerCount :one', { ':one': 1 });

    await seed.rt.follows.follow(c.id, 'Rcrash2', new Date());

    expect((await stored(c.id)).count).toBe(1);
    expect((await followItem(c.id, 'Rcrash2'))?.counted).toBe(true);
  });

  it('drops a follow that never got counted without uncounting anything', async () => {
    const c = await seed.report('Rcrashowner3');
    await seed.rt.follows.follow(c.id, 'Rcrash3other', new Date());
    await update(caseKey(c.id), 'ADD pendingFollows :w', { ':w': new Set(['Rcrash3']) });
    await putFollow(c.id, 'Rcrash3', false);

    expect(await seed.rt.follows.unfollow(c.id, 'Rcrash3')).toBe(true);

    const after = await stored(c.id);
    expect(after.count).toBe(1);
    expect(after.pendingFollows).toBeUndefined();
    expect(await followItem(c.id, 'Rcrash3')).toBeUndefined();
  });
});

describe('tapping 我也遇到 again over HTTP', () => {
  it('finishes a follow an earlier tap left half done, and answers the right count', async () => {
    const api = client(stack);
    const me = await api.login('dev-crash-retry');
    const c = await seed.report('Rcrashowner7');
    await update(caseKey(c.id), 'ADD pendingFollows :w', { ':w': new Set([me.userId]) });
    await putFollow(c.id, me.userId, false);

    const again = await api.post(`/v1/cases/${c.id}/follow`, undefined, me.token);
    const once = await api.post(`/v1/cases/${c.id}/follow`, undefined, me.token);

    expect(again.body).toEqual({ caseId: c.id, following: true, followerCount: 1 });
    expect(once.body.followerCount).toBe(1);
  });
});

describe('follower count after an interrupted unfollow', () => {
  it('uncounts once when the unfollow stopped after marking the follow as leaving', async () => {
    const c = await seed.report('Rcrashowner4');
    await seed.rt.follows.follow(c.id, 'Rcrash4', new Date());
    await update(caseKey(c.id), 'ADD pendingUnfollows :w', { ':w': new Set(['Rcrash4']) });
    await update(followKey(c.id, 'Rcrash4'), 'SET leaving = :y', { ':y': true });

    expect(await seed.rt.follows.isFollowing(c.id, 'Rcrash4')).toBe(false);
    await seed.rt.follows.unfollow(c.id, 'Rcrash4');
    await seed.rt.follows.unfollow(c.id, 'Rcrash4');

    const after = await stored(c.id);
    expect(after.count).toBe(0);
    expect(after.pendingUnfollows).toBeUndefined();
    expect(await followItem(c.id, 'Rcrash4')).toBeUndefined();
  });

  it('does not uncount twice when the unfollow stopped after uncounting, before deleting', async () => {
    const c = await seed.report('Rcrashowner5');
    await seed.rt.follows.follow(c.id, 'Rcrash5', new Date());
    await seed.rt.follows.follow(c.id, 'Rcrash5other', new Date());
    await update(followKey(c.id, 'Rcrash5'), 'SET leaving = :y', { ':y': true });
    await update(caseKey(c.id), 'ADD followerCount :minus', { ':minus': -1 });

    await seed.rt.follows.unfollow(c.id, 'Rcrash5');

    expect((await stored(c.id)).count).toBe(1);
    expect(await seed.rt.follows.followersOf(c.id)).toEqual(['Rcrash5other']);
  });

  it('finishes a half-done unfollow before following again', async () => {
    const c = await seed.report('Rcrashowner6');
    await seed.rt.follows.follow(c.id, 'Rcrash6', new Date());
    await update(caseKey(c.id), 'ADD pendingUnfollows :w', { ':w': new Set(['Rcrash6']) });
    await update(followKey(c.id, 'Rcrash6'), 'SET leaving = :y', { ':y': true });

    expect(await seed.rt.follows.follow(c.id, 'Rcrash6', new Date())).toBe(true);

    expect((await stored(c.id)).count).toBe(1);
    expect(await seed.rt.follows.isFollowing(c.id, 'Rcrash6')).toBe(true);
  });
});
