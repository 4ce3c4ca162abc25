import type { CaseStatus } from '../schemas/case';

/** Still being worked on: 催办 and the overdue sweeps apply (needsInfo waits on the resident); a neighbour may follow. */
export const OPEN_STATUSES: readonly CaseStatus[] = ['submitted', 'needsInfo', 'filed', 'dispatched', 'returned', 'accepted', 'handling', 'suspended', 'handled'];

/** Over, whichever way it ended (refused, withdrawn or finished): out of every open-case queue. The complement of OPEN_STATUSES. */
export const ENDED_STATUSES: ReadonlySet<CaseStatus> = new Set(['rejected', 'cancelled', 'closed', 'rated', 'unrated']);

/** Ended with the work done and checked (结案): what a reporter rates and a follower votes on. ENDED_STATUSES without the refused and withdrawn. */
export const RESOLVED_STATUSES: ReadonlySet<CaseStatus> = new Set(['closed', 'rated', 'unrated']);

/** Waiting for the centre to dispatch: the 派遣 clock runs. */
export const AWAITING_DISPATCH_STATUSES: ReadonlySet<CaseStatus> = new Set(['submitted', 'filed', 'returned']);

/** In a department's hands, so in its queue: including 挂账 (suspended), which the department still holds. */
export const AT_DEPARTMENT_STATUSES: ReadonlySet<CaseStatus> = new Set(['dispatched', 'accepted', 'handling', 'suspended']);

/** At a department with the 处置 clock running: AT_DEPARTMENT_STATUSES without 挂账, which stops the clock. */
export const HANDLING_CLOCK_STATUSES: ReadonlySet<CaseStatus> = new Set(['dispatched', 'accepted', 'handling']);

/** A deadline is running against someone: the centre (派遣) or the department (处置). */
export const DEADLINE_RUNNING_STATUSES: ReadonlySet<CaseStatus> = new Set([...AWAITING_DISPATCH_STATUSES, ...HANDLING_CLOCK_STATUSES]);
