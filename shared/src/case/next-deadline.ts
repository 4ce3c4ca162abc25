import type { Case, CaseStatus } from '../schemas/case';
import type { DurationUnit, TimeLimits } from '../deadlines/time-limits';

export interface RunningDeadline {
  /** 派遣 (waiting for the centre) or 处置 (at the department). */
  kind: 'dispatch' | 'handling';
  at: string;
  /** When this clock started: the report, or the latest dispatch. */
  start: string;
  unit: DurationUnit;
}

const WAITING_DISPATCH: ReadonlySet<CaseStatus> = new Set(['submitted', 'filed', 'returned']);
const AT_DEPARTMENT: ReadonlySet<CaseStatus> = new Set(['dispatched', 'accepted', 'handling']);

/**
 * The promise currently on the clock, or null when none runs: the resident holds the ball
 * (待补充), the work is parked (挂账), done and waiting for the check, or the case is over.
 */
export function nextDeadline(c: Case, limits: TimeLimits): RunningDeadline | null {
  if (WAITING_DISPATCH.has(c.status)) {
    return { kind: 'dispatch', at: c.dispatchDeadline, start: c.createdAt, unit: limits.dispatch.unit };
  }
  if (AT_DEPARTMENT.has(c.status) && c.handlingDeadline) {
    const dispatched = c.timeline.findLast((e) => e.action === 'dispatch');
    return { kind: 'handling', at: c.handlingDeadline, start: dispatched?.at ?? c.createdAt, unit: limits.handling[c.urgency].unit };
  }
  return null;
}
