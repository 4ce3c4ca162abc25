import { followCase, unfollowCase } from '../../src/cases/follow';
import { at, ctxOf, resident, seededWorld, type Seeded } from './world';
import { refusal } from '../refusal';

let world: Seeded;

beforeEach(() => {
  world = seededWorld();
});


describe('following a case (我也遇到)', () => {
  it('counts a neighbour once however often they tap, and leaves the case version alone', async () => {
    const c = await world.report('Rowner1');
    const neighbour = ctxOf(resident('Rneighbour1'), at(5));

    const first = await followCase(world, neighbour, c.id);
    const again = await followCase(world, neighbour, c.id);
    const both = await Promise.all([followCase(world, neighbour, c.id), followCase(world, neighbour, c.id)]);

    expect(first).toEqual({ caseId: c.id, following: true, followerCount: 1 });
    expect(again.followerCount).toBe(1);
    expect(both.map((r) => r.followerCount)).toEqual([1, 1]);
    expect(await world.follows.followersOf(c.id)).toEqual(['Rneighbour1']);
    expect((await world.cases.get(c.id))?.version).toBe(0);
  });

  it('counts each neighbour, and a staff action after a follow keeps the count', async () => {
    const c = await world.report('Rowner2');
    await followCase(world, ctxOf(resident('Ra')), c.id);
    await followCase(world, ctxOf(resident('Rb')), c.id);

    const filed = await world.staff(c, { type: 'file' });

    expect(filed.followerCount).toBe(0);
    expect((await world.cases.get(c.id))?.followerCount).toBe(2);
  });

  it('refuses one’s own case and a case that is over, and answers not found for no case', async () => {
    const own = await world.report('Rowner3');
    const ended = await world.staff(await world.report('Rowner4'), { type: 'reject', kind: 'outOfScope', note: '不属于受理范围' });

    const mine = await refusal(followCase(world, ctxOf(resident('Rowner3')), own.id));
    const over = await refusal(followCase(world, ctxOf(resident('Rneighbour3')), ended.id));
    const none = await refusal(followCase(world, ctxOf(resident('Rneighbour3')), 'C00000000000NOTHERE'));

    expect([mine.code, over.code, none.code]).toEqual(['FOLLOW.OWN_CASE', 'FOLLOW.CASE_CLOSED', 'CASE.NOT_FOUND']);
    expect((await world.cases.get(ended.id))?.followerCount).toBe(0);
  });

  it('lets an existing follower tap again after the case closed', async () => {
    const c = await world.report('Rowner5');
    await followCase(world, ctxOf(resident('Rneighbour5')), c.id);
    await world.staff(c, { type: 'reject', kind: 'outOfScope', note: '不属于受理范围' });

    const again = await followCase(world, ctxOf(resident('Rneighbour5')), c.id);

    expect(again).toEqual({ caseId: c.id, following: true, followerCount: 1 });
  });

  it('unfollows idempotently: the count goes back once and never below zero', async () => {
    const c = await world.report('Rowner6');
    const neighbour = ctxOf(resident('Rneighbour6'));
    await followCase(world, neighbour, c.id);

    const gone = await unfollowCase(world, neighbour, c.id);
    const again = await unfollowCase(world, neighbour, c.id);
    const never = await unfollowCase(world, ctxOf(resident('Rstranger6')), c.id);

    expect(gone).toEqual({ caseId: c.id, following: false, followerCount: 0 });
    expect(again.followerCount).toBe(0);
    expect(never.followerCount).toBe(0);
    expect(await world.follows.isFollowing(c.id, 'Rneighbour6')).toBe(false);
  });
});
