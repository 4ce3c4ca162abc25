import { applyAction, CASE_ACTION_TYPES, type CaseActionType, DomainError, TRANSITIONS } from '../../src/case';
import { caseSchema, caseStatusSchema, type CaseStatus } from '../../src/schemas/case';
import { authorisedActor, caught, sampleAction, type Story, storyIn } from './fixtures';

/** A case in `status` that also meets the action's own preconditions (a pending 延期, a 重办 request...). */
function readyFor(status: CaseStatus, type: CaseActionType): { story: Story; minutes: number } {
  let story = storyIn(status);
  if (type === 'approveExtension' || type === 'denyExtension') {
    story = status === 'suspended' ? storyIn('handling').sample('requestExtension').sample('suspend') : story.sample('requestExtension');
  }
  if (type === 'approveReopen' || type === 'denyReopen') story.sample('requestReopen');
  // 评价期满 only after the rating window (7 days by default).
  return { story, minutes: type === 'expireRating' ? 8 * 24 * 60 : 1 };
}

const pairs = caseStatusSchema.options.flatMap((status) => CASE_ACTION_TYPES.map((type) => ({ status, type, to: TRANSITIONS[status][type] })));
const allowed = pairs.filter((p) => p.to !== undefined);
const illegal = pairs.filter((p) => p.to === undefined);

describe('the transition table', () => {
  it('covers every status and every action', () => {
    expect(pairs).toHaveLength(caseStatusSchema.options.length * CASE_ACTION_TYPES.length);
    expect(allowed.length).toBeGreaterThan(30);
  });

  it('keeps finished cases finished: rejected, cancelled and unrated accept no action', () => {
    expect(allowed.filter((p) => ['rejected', 'cancelled', 'unrated'].includes(p.status))).toEqual([]);
  });

  it.each(allowed)('$status + $type → $to for an authorised actor', ({ status, type, to }) => {
    // Prepare
    const { story, minutes } = readyFor(status, type);
    const now = new Date(story.clock.getTime() + minutes * 60_000);

    // Act
    const { next, event } = applyAction(story.case, sampleAction(type, now), { actor: authorisedActor(type), now });

    // Assess
    expect(next.status).toBe(to);
    expect(event).toMatchObject({ action: type, from: status, to });
    expect(caseSchema.safeParse(next).success).toBe(true);
  });

  it.each(illegal)('$status + $type is refused as an invalid transition', ({ status, type }) => {
    // Prepare
    const story = storyIn(status);
    const now = story.tick();

    // Act
    const act = () => applyAction(story.case, sampleAction(type, now), { actor: authorisedActor(type), now });

    // Assess
    const error = caught(act);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'CASE.INVALID_TRANSITION', details: { status, action: type } });
  });
});
