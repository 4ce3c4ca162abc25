import { applyAction, availableActions, type CaseActionInput, type CaseActor } from '../../src/case';
import type { Case } from '../../src/schemas/case';
import {
  admin,
  caught,
  DEPT,
  districtDispatcher,
  gridLeader,
  gridWorker,
  handler,
  iso,
  at,
  otherGridWorker,
  otherHandler,
  otherResident,
  resident,
  storyIn,
  streetDispatcher,
  system,
} from './fixtures';

const attempt = (c: Case, actor: CaseActor, action: CaseActionInput, hours = 1) => caught(() => applyAction(c, action, { actor, now: at(hours) }));

describe('who may act on a case', () => {
  it('refuses a resident who tries to file (立案) a report', () => {
    expect(attempt(storyIn('submitted').case, resident, { type: 'file' })).toMatchObject({ code: 'CASE.FORBIDDEN' });
  });

  it('refuses another resident who tries to cancel my report', () => {
    expect(attempt(storyIn('submitted').case, otherResident, { type: 'cancel' })).toMatchObject({ code: 'CASE.OUT_OF_SCOPE' });
  });

  it('refuses a grid worker of another grid who tries to file my report', () => {
    expect(attempt(storyIn('submitted').case, otherGridWorker, { type: 'file' })).toMatchObject({ code: 'CASE.OUT_OF_SCOPE' });
  });

  it('lets a grid leader whose community contains the grid file it', () => {
    const { next } = applyAction(storyIn('submitted').case, { type: 'file' }, { actor: gridLeader, now: at(1) });
    expect(next.status).toBe('filed');
  });

  it('refuses a handler of another department who tries to accept (签收) the case', () => {
    expect(attempt(storyIn('dispatched').case, otherHandler, { type: 'accept' })).toMatchObject({ code: 'CASE.OUT_OF_SCOPE' });
  });

  it('refuses a department handler with no department at all', () => {
    const noDept: CaseActor = { userId: 'u-dh-9', role: 'departmentHandler', scope: { areas: ['440106'] } };
    expect(attempt(storyIn('dispatched').case, noDept, { type: 'accept' })).toMatchObject({ code: 'CASE.OUT_OF_SCOPE' });
  });

  it('never lets staff or the system speak for the resident: no rating or 催办 on their behalf', () => {
    const closed = storyIn('closed').case;
    expect(attempt(closed, admin, { type: 'rate', level: 'verySatisfied' })).toMatchObject({ code: 'CASE.FORBIDDEN' });
    expect(attempt(storyIn('handling').case, gridWorker, { type: 'urge' })).toMatchObject({ code: 'CASE.FORBIDDEN' });
    expect(attempt(storyIn('submitted').case, system, { type: 'file' })).toMatchObject({ code: 'CASE.FORBIDDEN' });
  });

  it('lets an admin act on any area', () => {
    const { next } = applyAction(storyIn('submitted').case, { type: 'file' }, { actor: admin, now: at(1) });
    expect(next.status).toBe('filed');
  });

  it('does not let a department hand itself a new deadline when resuming from 挂账', () => {
    const suspended = storyIn('suspended').case;
    expect(attempt(suspended, handler, { type: 'resume', handlingDeadline: iso(24 * 60) })).toMatchObject({ code: 'CASE.FORBIDDEN' });
    const { next } = applyAction(suspended, { type: 'resume', handlingDeadline: iso(24 * 60) }, { actor: streetDispatcher, now: at(1) });
    expect(next).toMatchObject({ status: 'handling', handlingDeadline: iso(24 * 60) });
    expect(next.suspendedUntil).toBeUndefined();
  });

  it('refuses a dispatch deadline that has already passed', () => {
    expect(attempt(storyIn('filed').case, streetDispatcher, { type: 'dispatch', departmentId: DEPT, handlingDeadline: iso(-1) })).toMatchObject({
      code: 'CASE.VALIDATION',
      details: { field: 'handlingDeadline' },
    });
  });

  it('asks for a reason, with its own code, when a department returns a case without one', () => {
    expect(attempt(storyIn('dispatched').case, handler, { type: 'return', reason: '   ' })).toMatchObject({ code: 'CASE.REASON_REQUIRED' });
  });

  it('refuses a 处理反馈 with neither result notes nor photos', () => {
    expect(attempt(storyIn('handling').case, handler, { type: 'handle', notes: '' })).toMatchObject({ code: 'CASE.VALIDATION' });
  });

  it('refuses to mark a case as a duplicate of itself', () => {
    const c = storyIn('submitted').case;
    expect(attempt(c, gridWorker, { type: 'reject', kind: 'duplicate', duplicateOf: c.id })).toMatchObject({ code: 'CASE.VALIDATION' });
  });
});

describe('availableActions: the buttons each person sees', () => {
  it('shows the resident 撤单 and 催办 on a fresh report, and the grid worker 立案 / 不予立案 / 要求补充', () => {
    const c = storyIn('submitted').case;
    expect(availableActions(c, resident, at(1))).toEqual(['cancel', 'urge']);
    expect(availableActions(c, gridWorker, at(1))).toEqual(['file', 'reject', 'requestInfo']);
    expect(availableActions(c, otherResident, at(1))).toEqual([]);
    expect(availableActions(c, otherGridWorker, at(1))).toEqual([]);
  });

  it('shows the department 签收 and 退单 once dispatched, and nothing to another department', () => {
    const c = storyIn('dispatched').case;
    expect(availableActions(c, handler, at(1))).toEqual(['accept', 'return']);
    expect(availableActions(c, otherHandler, at(1))).toEqual([]);
  });

  it('shows the dispatcher 批准延期 / 驳回延期 only while a request is pending', () => {
    const story = storyIn('handling');
    expect(availableActions(story.case, streetDispatcher, at(1))).toEqual(['suspend']);
    story.sample('requestExtension');
    expect(availableActions(story.case, streetDispatcher, at(1))).toEqual(['approveExtension', 'denyExtension', 'suspend']);
    expect(availableActions(story.case, handler, at(1))).toEqual(['handle']);
  });

  it('offers the resident 申请重办 only after a dissatisfied rating', () => {
    const dissatisfied = storyIn('rated').case;
    expect(availableActions(dissatisfied, resident, at(1))).toEqual(['requestReopen']);

    const pleased = storyIn('closed').do(resident, { type: 'rate', level: 'satisfied' }).case;
    expect(availableActions(pleased, resident, at(1))).toEqual([]);
  });
});

describe('arbitration after repeated 退单', () => {
  it('takes the case out of the street centre: only the district centre may re-dispatch it', () => {
    const story = storyIn('returned').sample('dispatch').sample('return');
    expect(story.case.escalationLevel).toBe(1);
    const redispatch: CaseActionInput = { type: 'dispatch', departmentId: 'D-RQ', handlingDeadline: iso(72) };

    expect(attempt(story.case, streetDispatcher, redispatch)).toMatchObject({ code: 'CASE.OUT_OF_SCOPE', details: { requiredLevel: 'district' } });
    const { next } = applyAction(story.case, redispatch, { actor: districtDispatcher, now: at(1) });
    expect(next).toMatchObject({ status: 'dispatched', routing: { departmentId: 'D-RQ', via: 'dispatcher' } });
  });

  it('hands the re-dispatched case to the new department and takes it from the old one', () => {
    const story = storyIn('returned').do(streetDispatcher, { type: 'dispatch', departmentId: 'D-YL', handlingDeadline: iso(72) });
    expect(availableActions(story.case, otherHandler, at(1))).toEqual(['accept', 'return']);
    expect(availableActions(story.case, handler, at(1))).toEqual([]);
  });
});
