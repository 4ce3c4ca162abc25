import { applyAction } from '../../src/case/machine';
import { followerTimeline } from '../../src/case/follower-timeline';
import { nextDeadline } from '../../src/case/next-deadline';
import { timeLimitsSchema } from '../../src/deadlines/time-limits';
import type { Case } from '../../src/schemas/case';
import type { Principal } from '../../src/schemas/roles';
import { iso, reportedCase } from './fixtures';

const admin: Principal = { userId: 'Sadmin', role: 'admin', scope: { areas: ['440106'] } };
const limits = timeLimitsSchema.parse({});

function move(c: Case, ...steps: [Parameters<typeof applyAction>[1], string][]): Case {
  return steps.reduce((acc, [action, when]) => applyAction(acc, action, { actor: admin, now: new Date(when), actorName: '王工' }).next, c);
}

describe('nextDeadline', () => {
  it('runs the dispatch clock from the report until dispatch, then the handling clock from the dispatch', () => {
    // Prepare
    const c = reportedCase();
    const filed = move(c, [{ type: 'file' }, iso(1)]);
    const dispatched = move(filed, [{ type: 'dispatch', departmentId: c.routing.departmentId, handlingDeadline: iso(100) }, iso(2)]);
    // Act / Assess
    expect(nextDeadline(filed, limits)).toEqual({ kind: 'dispatch', at: c.dispatchDeadline, start: c.createdAt, unit: limits.dispatch.unit });
    expect(nextDeadline(dispatched, limits)).toMatchObject({ kind: 'handling', at: iso(100), start: iso(2) });
  });

  it('stops while the resident holds the ball and once the case is over', () => {
    const c = reportedCase();
    const asked = move(c, [{ type: 'requestInfo', question: '请补充照片' }, iso(1)]);
    const rejected = move(c, [{ type: 'reject', kind: 'outOfScope', note: '不属于受理范围' }, iso(1)]);

    expect(nextDeadline(asked, limits)).toBeNull();
    expect(nextDeadline(rejected, limits)).toBeNull();
  });
});

describe('followerTimeline', () => {
  it('shows the public steps with no free text, no names and no phone numbers', () => {
    const c = reportedCase();
    const moved = move(
      c,
      [{ type: 'requestInfo', question: '请致电 13800138000 补充' }, iso(1)],
      [{ type: 'file', note: '王工已核实' }, iso(2)],
      [{ type: 'dispatch', departmentId: c.routing.departmentId, handlingDeadline: iso(100), note: '内部备注' }, iso(3)],
    );

    const entries = followerTimeline(moved, { departmentName: () => '区市政所' });

    expect(entries.map((e) => e.title)).toEqual(['居民已上报', '工作人员请上报人补充信息', '已受理并立案', '已派遣至区市政所处理']);
    const text = JSON.stringify(entries);
    for (const secret of ['13800138000', '王工', '内部备注', c.description, c.residentId]) expect(text).not.toContain(secret);
  });
});
