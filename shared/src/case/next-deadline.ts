import type { Case } from '../schemas/case';
import { AWAITING_DISPATCH_STATUSES, HANDLING_CLOCK_STATUSES } from './statuses';
import type { DurationUnit, TimeLimits } from '../deadlines/time-limits';

export interface RunningDeadline {
  /** 派遣 (waiting for the centre) or 处置 (at the department). */
  kind: 'dispatch' | 'handling';
  at: string;
  /** When this clock started: the report, or the latest dispatch. */
  start: string;
  unit: DurationUnit;
}


/**
 * The promise currently on the clock, or null when none runs: the resident holds the ball
 * (待补充), the work is parked (挂账), done and waiting for the check, or the case is over.
 */
export function nextDeadline(c: Case, limits: TimeLimits): RunningDeadline | null {
  if (AWAITING_DISPATCH_STATUSES.has(c.status)) {
    return { kind: 'dispatch', at: c.dispatchDeadline, start: c.createdAt, unit: limits.dispatch.unit };
  }
  if (HANDLING_CLOCK_STATUSES.has(c.status) && c.handlingDeadline) {
    const dispatched = c.timeline.findLast((e) => e.action === 'dispatch');
    return { kind: 'handling', at: c.handlingDeadline, start: dispatched?.at ?? c.createdAt, unit: limits.handling[c.urgency].unit };
  }
  return null;
}
