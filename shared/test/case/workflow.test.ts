import { applyAction, availableActions, type CaseActionInput, residentTimeline } from '../../src/case';
import type { Case } from '../../src/schemas/case';
import { caught, DEPT, gridWorker, handler, HOUR, iso, resident, Story, storyIn, streetDispatcher, system } from './fixtures';

const after = (c: Case, hours: number) => new Date(Date.parse(c.updatedAt) + hours * HOUR);

describe('退单 twice goes up for arbitration', () => {
  it('counts every return and raises the escalation level on the second one', () => {
    // Prepare
    const story = storyIn('dispatched');

    // Act
    story.sample('return');
    const afterFirst = story.case;
    story.sample('dispatch').sample('return');

    // Assess
    expect(afterFirst).toMatchObject({ status: 'returned', returnCount: 1, escalationLevel: 0 });
    expect(afterFirst.handlingDeadline).toBeUndefined();
    expect(story.case).toMatchObject({ status: 'returned', returnCount: 2, escalationLevel: 1 });
    expect(story.case.timeline.at(-1)?.data).toMatchObject({ escalated: true, returnCount: 2, escalationLevel: 1 });
    expect(residentTimeline(story.case).at(-1)?.detail).toContain('已被退回 2 次，已提交上级指挥中心协调');
  });
});

describe('催办 (urge)', () => {
  it('records the urge for the handler without changing the status, then refuses another within 24 h', () => {
    // Prepare
    const handling = storyIn('handling').case;
    const firstAt = after(handling, 1);

    // Act
    const { next, event } = applyAction(handling, { type: 'urge', note: '晚上出行很危险' }, { actor: resident, now: firstAt });
    const tooSoon = caught(() => applyAction(next, { type: 'urge' }, { actor: resident, now: new Date(firstAt.getTime() + 23 * HOUR) }));
    const later = applyAction(next, { type: 'urge' }, { actor: resident, now: new Date(firstAt.getTime() + 24 * HOUR) }).next;

    // Assess
    expect(next).toMatchObject({ status: 'handling', urgeCount: 1, lastUrgedAt: firstAt.toISOString() });
    expect(event).toMatchObject({ action: 'urge', from: 'handling', to: 'handling', note: '晚上出行很危险', actor: { role: 'resident' } });
    expect(tooSoon).toMatchObject({ code: 'CASE.RATE_LIMITED', details: { retryAfter: new Date(firstAt.getTime() + 24 * HOUR).toISOString() } });
    expect(availableActions(next, resident, new Date(firstAt.getTime() + HOUR))).not.toContain('urge');
    expect(later.urgeCount).toBe(2);
  });

  it('honours a configured interval', () => {
    const handling = storyIn('handling').case;
    const first = applyAction(handling, { type: 'urge' }, { actor: resident, now: after(handling, 1) }).next;
    const second = applyAction(first, { type: 'urge' }, { actor: resident, now: after(first, 2), options: { urgeIntervalHours: 2 } }).next;
    expect(second.urgeCount).toBe(2);
  });

  it('is not possible once the case is closed', () => {
    const closed = storyIn('closed').case;
    expect(caught(() => applyAction(closed, { type: 'urge' }, { actor: resident, now: after(closed, 1) }))).toMatchObject({ code: 'CASE.INVALID_TRANSITION' });
  });
});

describe('the rating window', () => {
  it('turns a closed case nobody rated into 未评价, never into 满意', () => {
    // Prepare
    const closed = storyIn('closed').case;
    const windowEnd = Date.parse(closed.closedAt ?? '') + 7 * 24 * HOUR;

    // Act
    const early = caught(() => applyAction(closed, { type: 'expireRating' }, { actor: system, now: new Date(windowEnd - 60_000) }));
    const { next } = applyAction(closed, { type: 'expireRating' }, { actor: system, now: new Date(windowEnd + 60_000) });
    const lateRating = caught(() => applyAction(closed, { type: 'rate', level: 'satisfied' }, { actor: resident, now: new Date(windowEnd + 60_000) }));

    // Assess
    expect(early).toMatchObject({ code: 'CASE.PRECONDITION_FAILED', details: { rule: 'ratingWindowOpen' } });
    expect(next.status).toBe('unrated');
    expect(next.rating).toBeUndefined();
    expect(lateRating).toMatchObject({ code: 'CASE.PRECONDITION_FAILED', details: { rule: 'ratingWindowClosed' } });
    expect(residentTimeline(next).at(-1)?.title).toBe('评价期已过，记为未评价');
  });

  it('still accepts the resident\'s rating at the last minute of the window', () => {
    const closed = storyIn('closed').case;
    const lastMinute = new Date(Date.parse(closed.closedAt ?? '') + 7 * 24 * HOUR - 60_000);
    const { next } = applyAction(closed, { type: 'rate', level: 'basicallySatisfied', comment: '还行' }, { actor: resident, now: lastMinute });
    expect(next.rating).toEqual({ level: 'basicallySatisfied', comment: '还行', ratedAt: lastMinute.toISOString() });
  });
});

describe('重办 after a dissatisfied rating', () => {
  it('goes back to 已立案 for a new dispatch when the centre approves', () => {
    // Prepare: rated 不满意
    const story = storyIn('rated');

    // Act
    const noReason = caught(() => applyAction(story.case, { type: 'requestReopen', reason: '' }, { actor: resident, now: story.tick() }));
    story.do(resident, { type: 'requestReopen', reason: '井盖三天后又松了' });
    const requested = story.case;
    story.do(streetDispatcher, { type: 'approveReopen' });
    story.do(streetDispatcher, { type: 'dispatch', departmentId: DEPT, handlingDeadline: iso(72) });

    // Assess
    expect(noReason).toMatchObject({ code: 'CASE.REASON_REQUIRED' });
    expect(requested).toMatchObject({ status: 'rated', reopenRequested: true });
    const reopened = story.case.timeline.find((e) => e.action === 'approveReopen');
    expect(reopened).toMatchObject({ from: 'rated', to: 'filed', data: { previousRating: { level: 'dissatisfied' } } });
    expect(story.case).toMatchObject({ status: 'dispatched', reopenCount: 1, reopenRequested: false });
    expect(story.case.rating).toBeUndefined();
    expect(story.case.closedAt).toBeUndefined();
    expect(residentTimeline(story.case).at(-1)?.title).toBe('已重新派遣至职能部门处理');
  });

  it('is not offered after a 满意 rating', () => {
    const story = storyIn('closed').do(resident, { type: 'rate', level: 'satisfied' });
    expect(caught(() => applyAction(story.case, { type: 'requestReopen', reason: '想再看看' }, { actor: resident, now: story.tick() }))).toMatchObject({
      code: 'CASE.PRECONDITION_FAILED',
      details: { rule: 'notDissatisfied' },
    });
  });

  it('stays rated when the centre denies it, with the reason shown to the resident', () => {
    const story = storyIn('rated').sample('requestReopen').do(streetDispatcher, { type: 'denyReopen', reason: '已另案处理' });
    expect(story.case).toMatchObject({ status: 'rated', reopenRequested: false, reopenCount: 0 });
    expect(residentTimeline(story.case).at(-1)).toMatchObject({ title: '重办申请未通过', detail: '说明：已另案处理' });
  });
});

describe('延期 (extension)', () => {
  it('moves the deadline only when approved, and wants a written reason the second time', () => {
    // Prepare
    const story = storyIn('handling');
    const original = story.case.handlingDeadline ?? '';
    const first: CaseActionInput = { type: 'requestExtension', until: iso(24 * 10), reason: '缺货' };

    // Act
    story.do(handler, first);
    const pending = story.case;
    const twice = caught(() => applyAction(pending, first, { actor: handler, now: story.tick() }));
    story.do(streetDispatcher, { type: 'approveExtension' });
    const approved = story.case;
    const terse = caught(() => applyAction(approved, { type: 'requestExtension', until: iso(24 * 20), reason: '还缺货' }, { actor: handler, now: story.tick() }));
    story.do(handler, { type: 'requestExtension', until: iso(24 * 20), reason: '厂家停产该规格井盖，需要重新招标采购，预计两周' });

    // Assess
    expect(pending.handlingDeadline).toBe(original);
    expect(pending.pendingExtension).toEqual({ until: iso(24 * 10), reason: '缺货' });
    expect(twice).toMatchObject({ code: 'CASE.PRECONDITION_FAILED', details: { rule: 'extensionPending' } });
    expect(approved).toMatchObject({ handlingDeadline: iso(24 * 10), extensionCount: 1 });
    expect(approved.pendingExtension).toBeUndefined();
    expect(terse).toMatchObject({ code: 'CASE.REASON_REQUIRED', details: { minLength: 15 } });
    expect(story.case.pendingExtension?.until).toBe(iso(24 * 20));
  });

  it('refuses an "extension" that ends before the current deadline', () => {
    const story = storyIn('handling');
    expect(caught(() => applyAction(story.case, { type: 'requestExtension', until: iso(2), reason: '缺货' }, { actor: handler, now: story.tick() }))).toMatchObject({
      code: 'CASE.VALIDATION',
      details: { field: 'until' },
    });
  });
});

describe('needs more information (补充)', () => {
  it('sends the question to the resident and takes the answer and photos back to 已上报', () => {
    const story = new Story().do(gridWorker, { type: 'requestInfo', question: '请拍一张井盖的近照' });
    expect(residentTimeline(story.case).at(-1)).toMatchObject({ title: '网格员请您补充信息', detail: '请拍一张井盖的近照' });

    expect(caught(() => applyAction(story.case, { type: 'supplement' }, { actor: resident, now: story.tick() }))).toMatchObject({ code: 'CASE.VALIDATION' });
    story.do(resident, { type: 'supplement', photos: [{ key: 'uploads/u-res-1/close.jpg' }] });
    expect(story.case.status).toBe('submitted');
    expect(story.case.photos.map((p) => p.key)).toEqual(['uploads/u-res-1/p1.jpg', 'uploads/u-res-1/close.jpg']);
  });
});

describe('the timeline is append-only', () => {
  it('keeps earlier events and the input case untouched, and bumps the version by exactly one per action', () => {
    const story = new Story();
    const steps: [Parameters<Story['do']>[0], CaseActionInput][] = [
      [gridWorker, { type: 'file' }],
      [streetDispatcher, { type: 'dispatch', departmentId: DEPT, handlingDeadline: iso(48) }],
      [handler, { type: 'return', reason: '不属于本部门' }],
      [streetDispatcher, { type: 'dispatch', departmentId: DEPT, handlingDeadline: iso(48) }],
      [handler, { type: 'accept' }],
      [resident, { type: 'urge' }],
      [handler, { type: 'startHandling' }],
    ];
    for (const [actor, action] of steps) {
      const before = structuredClone(story.case);
      const input = story.case;

      const { next, event } = applyAction(input, action, { actor, now: story.tick() });

      expect(input).toEqual(before);
      expect(next.version).toBe(before.version + 1);
      expect(next.timeline).toHaveLength(before.timeline.length + 1);
      expect(next.timeline.slice(0, -1)).toEqual(before.timeline);
      expect(next.timeline.at(-1)).toEqual(event);
      expect(event.seq).toBe(before.timeline.length);
      expect(next.updatedAt).toBe(event.at);
      story.case = next;
    }
  });
});
