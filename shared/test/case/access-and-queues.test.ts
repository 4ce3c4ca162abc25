import {
  AT_DEPARTMENT_STATUSES,
  AWAITING_DISPATCH_STATUSES,
  caseOpenTo,
  decisionQueueOf,
  DEADLINE_RUNNING_STATUSES,
  ENDED_STATUSES,
  HANDLING_CLOCK_STATUSES,
  OPEN_STATUSES,
  RESOLVED_STATUSES,
  residentCaseAccess,
} from '../../src/case';
import { caseStatusSchema, type CaseStatus } from '../../src/schemas/case';
import type { Principal } from '../../src/schemas/roles';
import { admin, DEPT, gridWorker, handler, otherGridWorker, otherHandler, otherResident, resident, storyIn } from './fixtures';

const ALL: readonly CaseStatus[] = caseStatusSchema.options;

describe('status groups', () => {
  it('splits every status into open or ended, and keeps each narrower group inside its wider one', () => {
    expect(ALL.filter((s) => !OPEN_STATUSES.includes(s))).toEqual([...ENDED_STATUSES]);
    expect([...RESOLVED_STATUSES].every((s) => ENDED_STATUSES.has(s))).toBe(true);
    expect([...ENDED_STATUSES].filter((s) => !RESOLVED_STATUSES.has(s))).toEqual(['rejected', 'cancelled']);
    expect([...AT_DEPARTMENT_STATUSES].filter((s) => !HANDLING_CLOCK_STATUSES.has(s))).toEqual(['suspended']);
    expect([...DEADLINE_RUNNING_STATUSES].sort()).toEqual([...AWAITING_DISPATCH_STATUSES, ...HANDLING_CLOCK_STATUSES].sort());
  });
});

describe('caseOpenTo', () => {
  it('opens a case to its reporter and the staff of its grid only', () => {
    const c = storyIn('submitted').case;
    expect([resident, otherResident, gridWorker, otherGridWorker].map((p) => caseOpenTo(c, p))).toEqual([true, false, true, false]);
  });

  it('opens a case to a department only once it was dispatched there', () => {
    expect(caseOpenTo(storyIn('filed').case, handler)).toBe(false);
    expect(caseOpenTo(storyIn('dispatched').case, handler)).toBe(true);
    expect(caseOpenTo(storyIn('dispatched').case, otherHandler)).toBe(false);
  });

  it('keeps an admin’s reading within the areas they administer, though the domain lets them act anywhere', () => {
    const c = storyIn('submitted').case;
    const districtAdmin: Principal = { ...admin, scope: { areas: [c.location.districtCode] } };
    expect(caseOpenTo(c, admin)).toBe(false);
    expect(caseOpenTo(c, districtAdmin)).toBe(true);
  });
});

describe('residentCaseAccess', () => {
  it('gives the reporter their case, a follower the anonymised view, and anyone else nothing', () => {
    const c = storyIn('submitted').case;
    expect(residentCaseAccess(c, resident.userId, false)).toBe('reporter');
    expect(residentCaseAccess(c, resident.userId, true)).toBe('reporter');
    expect(residentCaseAccess(c, otherResident.userId, true)).toBe('follower');
    expect(residentCaseAccess(c, otherResident.userId, false)).toBe('none');
    expect(residentCaseAccess(null, resident.userId, true)).toBe('none');
  });
});

describe('decisionQueueOf', () => {
  it('puts filed and returned cases before the street centre, handled ones before the grid, and the rest nowhere', () => {
    const filed = storyIn('filed').case;
    expect(decisionQueueOf(filed)).toEqual({ kind: 'dispatch', areaCode: filed.location.streetCode });
    expect(decisionQueueOf(storyIn('returned').case)).toEqual({ kind: 'dispatch', areaCode: filed.location.streetCode });
    expect(decisionQueueOf(storyIn('handled').case)).toEqual({ kind: 'verify', gridCode: filed.location.gridCode });
    expect(decisionQueueOf(storyIn('rated').case)).toBeNull();
    for (const status of ['submitted', 'dispatched', 'accepted', 'handling', 'closed', 'unrated'] as const) expect(decisionQueueOf(storyIn(status).case)).toBeNull();
  });

  it('sends a case up to the district after escalation, and brings 延期 and 重办 requests to the centre', () => {
    const escalated = { ...storyIn('returned').case, escalationLevel: 1 };
    const extension = storyIn('handling').do(handler, { type: 'requestExtension', until: '2025-06-01T00:00:00.000Z', reason: '需要采购配件' }).case;
    const reopen = storyIn('rated').do(resident, { type: 'requestReopen', reason: '井盖仍然松动' }).case;
    expect(decisionQueueOf(escalated)).toEqual({ kind: 'dispatch', areaCode: escalated.location.districtCode });
    expect(decisionQueueOf(extension)).toEqual({ kind: 'dispatch', areaCode: extension.location.streetCode });
    expect(decisionQueueOf(reopen)).toEqual({ kind: 'dispatch', areaCode: reopen.location.streetCode });
    expect(extension.routing.departmentId).toBe(DEPT);
  });
});
