import { shanghaiIsoDate } from '@gridtong/shared/deadlines/shanghai-time';
import { followCase } from '../../src/cases/follow';
import { voteOnCase } from '../../src/cases/votes';
import { at, ctxOf, resident, seededWorld, type Seeded } from './world';
import { refusal } from '../refusal';

let world: Seeded;

beforeEach(() => {
  world = seededWorld();
});


async function closedCase(owner: string, follower: string) {
  const c = await world.report(owner);
  await followCase(world, ctxOf(resident(follower)), c.id);
  return world.staff(
    c,
    { type: 'file' },
    { type: 'dispatch', departmentId: c.routing.departmentId, handlingDeadline: at(60 * 24 * 5).toISOString() },
    { type: 'accept' },
    { type: 'startHandling' },
    { type: 'handle', notes: '已更换井盖' },
    { type: 'checkPass' },
  );
}

describe('a follower voting on a finished case', () => {
  it('keeps the first vote and tallies it once in the month the case closed', async () => {
    const closed = await closedCase('Rv1', 'Rfan1');
    const fan = ctxOf(resident('Rfan1'), at(120));

    const first = await voteOnCase(world, fan, closed.id, 'satisfied');
    const again = await voteOnCase(world, fan, closed.id, 'veryDissatisfied');

    expect(first).toEqual({ level: 'satisfied', counted: true });
    expect(again).toEqual({ level: 'satisfied', counted: false });
    const month = shanghaiIsoDate(Date.parse(closed.closedAt ?? closed.updatedAt)).slice(0, 7);
    expect(await world.votes.monthTotals(closed.location.communityCode, month)).toEqual({ satisfied: 1 });
  });

  it('sends the reporter to rating, hides the case from non-followers, and waits for the case to finish', async () => {
    const closed = await closedCase('Rv2', 'Rfan2');
    const open = await world.report('Rv3');
    await followCase(world, ctxOf(resident('Rfan3')), open.id);

    const reporter = await refusal(voteOnCase(world, ctxOf(resident('Rv2')), closed.id, 'satisfied'));
    const stranger = await refusal(voteOnCase(world, ctxOf(resident('Rnobody')), closed.id, 'satisfied'));
    const early = await refusal(voteOnCase(world, ctxOf(resident('Rfan3')), open.id, 'satisfied'));

    expect([reporter.code, reporter.details['rule']]).toEqual(['CASE.PRECONDITION_FAILED', 'reporterRates']);
    expect(stranger.code).toBe('VOTE.NOT_FOLLOWER');
    expect([early.code, early.details['rule']]).toEqual(['CASE.PRECONDITION_FAILED', 'notFinished']);
  });
});
