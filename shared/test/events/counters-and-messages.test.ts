import { applyAction, type CaseActionInput, type CaseActor } from '../../src/case';
import { counterDelta, handlingTimes, statsRates } from '../../src/events/counters';
import { audienceOf, residentMessage, staffMessage } from '../../src/events/messages';
import { recordWarning } from '../../src/events/sweep';
import type { Case } from '../../src/schemas/case';
import { at, gridWorker, handler, iso, otherHandler, reportedCase, resident, streetDispatcher, DEPT, GRID, OTHER_DEPT } from '../case/fixtures';

function run(steps: [number, CaseActor, CaseActionInput][]): Case {
  let c = reportedCase();
  for (const [hours, actor, action] of steps) c = applyAction(c, action, { actor, now: at(hours), actorName: '李强' }).next;
  return c;
}
const last = (c: Case) => c.timeline[c.timeline.length - 1]!;

describe('counter deltas', () => {
  it('puts a handled case on time against the deadline in force, with an approved 延期 counted', () => {
    const c = run([
      [1, gridWorker, { type: 'file' }],
      [2, streetDispatcher, { type: 'dispatch', departmentId: DEPT, handlingDeadline: iso(5) }],
      [3, handler, { type: 'accept' }],
      [4, handler, { type: 'requestExtension', until: iso(30), reason: '等材料' }],
      [4.5, streetDispatcher, { type: 'approveExtension' }],
      [5, handler, { type: 'startHandling' }],
      [20, handler, { type: 'handle', notes: '已修复' }],
    ]);
    const delta = counterDelta(c, last(c))!;
    expect(delta.add).toMatchObject({ handled: 1, onTime: 1, handlingCount: 1, handlingMsSum: 18 * 3_600_000, hist_3: 1 });
    expect(delta.scopes).toEqual([
      { kind: 'grid', code: GRID },
      { kind: 'street', code: '440106001' },
      { kind: 'district', code: '440106' },
      { kind: 'department', code: DEPT },
    ]);
    expect(delta.date).toBe('2025-05-07');
  });

  it('charges each step to the department that held the case then', () => {
    const c = run([
      [1, gridWorker, { type: 'file' }],
      [2, streetDispatcher, { type: 'dispatch', departmentId: DEPT, handlingDeadline: iso(5) }],
      [3, handler, { type: 'return', reason: '不归我们' }],
      [4, streetDispatcher, { type: 'dispatch', departmentId: OTHER_DEPT, handlingDeadline: iso(6) }],
      [5, otherHandler, { type: 'accept' }],
      [6, otherHandler, { type: 'startHandling' }],
      [8, otherHandler, { type: 'handle', notes: '好了' }],
    ]);
    const byAction = (action: string) => counterDelta(c, c.timeline.find((e) => e.action === action && e.seq > 2)!)!;
    expect(byAction('return').scopes.at(-1)).toEqual({ kind: 'department', code: DEPT });
    expect(byAction('return').add).toEqual({ returned: 1 });
    expect(byAction('dispatch').scopes.at(-1)).toEqual({ kind: 'department', code: OTHER_DEPT });
    expect(byAction('handle').add).toMatchObject({ late: 1 });
    expect(byAction('handle').scopes.at(-1)).toEqual({ kind: 'department', code: OTHER_DEPT });
    // Urges and internal steps count for nothing.
    expect(counterDelta(c, c.timeline.find((e) => e.action === 'accept')!)).toBeNull();
  });

  it('counts an overdue warning, not the other lights', () => {
    const c = run([
      [1, gridWorker, { type: 'file' }],
      [2, streetDispatcher, { type: 'dispatch', departmentId: DEPT, handlingDeadline: iso(5) }],
    ]);
    expect(counterDelta(c, recordWarning(c, 'red', iso(5), at(4.5)).event)).toBeNull();
    expect(counterDelta(c, recordWarning(c, 'overdue', iso(5), at(5)).event)!.add).toEqual({ overdue: 1 });
  });

  it('turns totals into the three rates and handling times, null when there is nothing to divide', () => {
    expect(statsRates({})).toEqual({ responseRate: null, resolutionRate: null, satisfactionRate: null });
    expect(statsRates({ onTime: 3, late: 1, closed: 2, dispatched: 4, rating_verySatisfied: 1, rating_basicallySatisfied: 1, rating_veryDissatisfied: 1, unrated: 5 })).toEqual({
      responseRate: 0.75,
      resolutionRate: 0.5,
      satisfactionRate: 0.6667,
    });
    expect(handlingTimes({ handlingCount: 3, handlingMsSum: 3 * 10 * 3_600_000, hist_2: 1, hist_3: 1, hist_5: 1 })).toEqual({ meanHours: 10, medianHoursAtMost: 24 });
    expect(handlingTimes({})).toEqual({ meanHours: null, medianHoursAtMost: null });
  });
});

describe('who hears of an event, and in what words', () => {
  const dispatched = () =>
    run([
      [1, gridWorker, { type: 'file', note: '网格员李强 13912345678 已拉警戒线' }],
      [2, streetDispatcher, { type: 'dispatch', departmentId: DEPT, handlingDeadline: iso(30) }],
    ]);

  it('tells residents each public step in the progress page’s words, never a staff name, note or phone', () => {
    const c = dispatched();
    const filed = residentMessage(c, c.timeline[1]!)!;
    expect(filed.title).toBe('网格员已受理并立案');
    expect(JSON.stringify(filed)).not.toMatch(/李强|13912345678|警戒线/);
    expect(residentMessage(c, c.timeline[2]!, { departmentName: () => '区市政管理所' })!.title).toBe('已派遣至区市政管理所处理');
    expect(residentMessage(c, c.timeline[2]!, { follower: true })!.body).toContain('您关注的');
    const warned = recordWarning(c, 'yellow', iso(30), at(16));
    expect(residentMessage(warned.next, warned.event)).toBeNull();
    const extension = applyAction(applyAction(c, { type: 'accept' }, { actor: handler, now: at(3) }).next, { type: 'requestExtension', until: iso(60), reason: '等配件' }, { actor: handler, now: at(4) });
    expect(residentMessage(extension.next, extension.event)).toBeNull();
  });

  it('names a numbered case by its 受理编号 in residents\' and staff messages', () => {
    const c = { ...dispatched(), caseNumber: 'TH2612070001' };
    expect(residentMessage(c, c.timeline[1]!)!.body).toContain('（受理编号 TH2612070001）');
    expect(residentMessage(c, c.timeline[2]!, { follower: true })!.body).toContain('受理编号 TH2612070001');
    expect(staffMessage(c, c.timeline[2]!)!.body.startsWith('TH2612070001 ')).toBe(true);
  });

  it('sends staff what they must act on: new reports to the grid, urges to whoever holds the case, warnings up the line', () => {
    const reported = reportedCase();
    expect(audienceOf(reported, reported.timeline[0]!)).toEqual({ staff: [{ kind: 'gridStaff', gridCode: GRID }], reporter: true, followers: false });
    const c = dispatched();
    const urged = applyAction(c, { type: 'urge' }, { actor: resident, now: at(5) });
    expect(audienceOf(urged.next, urged.event).staff).toEqual([{ kind: 'department', departmentId: DEPT }]);
    expect(staffMessage(urged.next, urged.event)!.title).toBe('居民催办');
    const warned = recordWarning(c, 'overdue', iso(30), at(30));
    expect(audienceOf(warned.next, warned.event)).toEqual({
      staff: [{ kind: 'department', departmentId: DEPT }, { kind: 'dispatchers', gridCode: GRID, level: 'street' }],
      reporter: false,
      followers: false,
    });
    expect(staffMessage(warned.next, warned.event)!.title).toBe('案件已超期');
  });
});
