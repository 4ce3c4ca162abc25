import type { Role } from '../schemas/roles';

/**
 * What each staff role works on the desk — one list for the server that enforces it and the
 * worker subpackage that draws the tabs.
 */
export const WORK_QUEUES = ['grid', 'department', 'dispatch', 'verify'] as const;
export type WorkQueue = (typeof WORK_QUEUES)[number];

/** The queues each role works, the first being what the desk opens. */
export const QUEUES_BY_ROLE: Readonly<Record<Role, readonly WorkQueue[]>> = {
  resident: [],
  gridWorker: ['grid', 'verify'],
  gridLeader: ['grid', 'verify'],
  supervisor: ['grid', 'verify'],
  dispatcher: ['dispatch'],
  departmentHandler: ['department'],
  admin: ['dispatch'],
};

/** Roles that read the 考核 figures of their own areas. */
export const STATS_ROLES: readonly Role[] = ['supervisor', 'dispatcher', 'admin'];
