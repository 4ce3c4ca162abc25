import { applyAction, type CaseActionInput, type CaseActor } from '../../src/case';
import { createWorkingCalendar, DEFAULT_TIME_LIMITS, type TimeLimits } from '../../src/deadlines';
import { nextSweepAt, recordWarning, sweepCase, type SweepContext } from '../../src/events/sweep';
import type { Case } from '../../src/schemas/case';
import { gridWorker, handler, reportedCase, streetDispatcher, DEPT } from '../case/fixtures';

const calendar = createWorkingCalendar();
const limits: TimeLimits = { ...DEFAULT_TIME_LIMITS, handling: { ...DEFAULT_TIME_LIMITS.handling, important: { amount: 2, unit: 'workingDays' } } };
const ctx: SweepContext = { calendar, limits };
const bj = (local: string) => new Date(`${local}+08:00`);

function step(c: Case, actor: CaseActor, action: CaseActionInput, now: Date): Case {
  return applyAction(c, action, { actor, now }).next;
}

/** Reported, filed and dispatched on Friday 2026-11-20 at 10:00 with a 2-working-day deadline (Tue 18:00). */
function dispatchedFriday(): Case {
  const start = bj('2026-11-20T10:00:00');
  const c = step(reportedCase(start), gridWorker, { type: 'file' }, start);
  return step(c, streetDispatcher, { type: 'dispatch', departmentId: DEPT, handlingDeadline: bj('2026-11-24T18:00:00').toISOString() }, start);
}

describe('the sweep, case by case', () => {
  it('plans the next look at the first stage not yet recorded, in working time', () => {
    const c = dispatchedFriday();
    expect(nextSweepAt(c, ctx)).toEqual(bj('2026-11-23T14:45:00'));
    const yellow = recordWarning(c, 'yellow', c.handlingDeadline!, bj('2026-11-23T14:45:00')).next;
    expect(nextSweepAt(yellow, ctx)).toEqual(bj('2026-11-24T11:07:30'));
  });

  it('records only the stage reached when it wakes up late, and nothing more when run again', () => {
    const c = dispatchedFriday();
    const late = sweepCase(c, ctx, bj('2026-11-24T16:00:00'));
    expect(late.kind).toBe('warn');
    if (late.kind !== 'warn') return;
    expect(late.stage).toBe('red');
    expect(late.event).toMatchObject({ action: 'warn', actor: { role: 'system' }, from: 'dispatched', to: 'dispatched', data: { stage: 'red' } });
    expect(sweepCase(late.next, ctx, bj('2026-11-24T16:00:00')).kind).toBe('none');
    expect(nextSweepAt(late.next, ctx)).toEqual(bj('2026-11-24T18:00:00'));
  });

  it('starts again from none when the deadline changes (an approved 延期)', () => {
    let c = dispatchedFriday();
    const red = sweepCase(c, ctx, bj('2026-11-24T16:00:00'));
    if (red.kind !== 'warn') throw new Error('expected a warning');
    c = step(red.next, handler, { type: 'accept' }, bj('2026-11-24T16:10:00'));
    c = step(c, handler, { type: 'requestExtension', until: bj('2026-11-27T18:00:00').toISOString(), reason: '需要吊车' }, bj('2026-11-24T16:20:00'));
    c = step(c, streetDispatcher, { type: 'approveExtension' }, bj('2026-11-24T16:30:00'));
    expect(sweepCase(c, ctx, bj('2026-11-24T16:40:00')).kind).toBe('none');
    expect(nextSweepAt(c, ctx)!.getTime()).toBeGreaterThan(bj('2026-11-24T16:40:00').getTime());
  });

  it('has no clock while the case waits on someone else than the one who holds the deadline', () => {
    let c = dispatchedFriday();
    c = step(c, handler, { type: 'accept' }, bj('2026-11-20T11:00:00'));
    const suspended = step(c, streetDispatcher, { type: 'suspend', reason: '雨季后施工', reviewDate: bj('2026-12-20T09:00:00').toISOString() }, bj('2026-11-20T12:00:00'));
    expect(nextSweepAt(suspended, ctx)).toBeNull();
    expect(sweepCase(suspended, ctx, bj('2026-12-01T12:00:00')).kind).toBe('none');
    const returned = step(c, handler, { type: 'return', reason: '不归我们管' }, bj('2026-11-20T12:00:00'));
    expect(nextSweepAt(returned, ctx)).toBeNull();
  });

  it('ends the rating window once: 未评价, at closedAt + the window', () => {
    let c = dispatchedFriday();
    c = step(c, handler, { type: 'accept' }, bj('2026-11-20T11:00:00'));
    c = step(c, handler, { type: 'startHandling' }, bj('2026-11-20T11:10:00'));
    c = step(c, handler, { type: 'handle', notes: '已修复' }, bj('2026-11-20T15:00:00'));
    c = step(c, gridWorker, { type: 'checkPass' }, bj('2026-11-20T16:00:00'));
    expect(nextSweepAt(c, ctx)).toEqual(bj('2026-11-27T16:00:00'));
    expect(sweepCase(c, ctx, bj('2026-11-27T15:59:00')).kind).toBe('none');
    const expired = sweepCase(c, ctx, bj('2026-11-27T16:00:00'));
    expect(expired.kind).toBe('expireRating');
    if (expired.kind !== 'expireRating') return;
    expect(expired.next.status).toBe('unrated');
    expect(expired.next.rating).toBeUndefined();
    expect(sweepCase(expired.next, ctx, bj('2026-12-27T16:00:00')).kind).toBe('none');
    expect(nextSweepAt(expired.next, ctx)).toBeNull();
  });
});
