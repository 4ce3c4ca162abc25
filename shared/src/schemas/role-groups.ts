// No zod here: the mini-program imports these groups, and its main package must not carry zod.

/**
 * Who acts. Staff roles follow the grid practice: 网格员 works the grid, 网格长 leads a
 * community's grids, 督导员 supervises; dispatchers sit in the street/district centre.
 */
export const ROLES = ['resident', 'gridWorker', 'gridLeader', 'supervisor', 'dispatcher', 'departmentHandler', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Role groups, named once. The grid staff: 网格员 and 网格长, who serve residents in person (visits, public duty phones). */
export const GRID_STAFF_ROLES = ['gridWorker', 'gridLeader'] as const satisfies readonly Role[];
/** The grid team: the grid staff and the 督导员 who supervises them. */
export const GRID_TEAM_ROLES = ['gridWorker', 'gridLeader', 'supervisor'] as const satisfies readonly Role[];
/** Every staff role. */
export const ALL_STAFF_ROLES = ['gridWorker', 'gridLeader', 'supervisor', 'dispatcher', 'departmentHandler', 'admin'] as const satisfies readonly Role[];
/** Everyone signed in: residents and staff. */
export const SIGNED_IN_ROLES = ['resident', ...ALL_STAFF_ROLES] as const satisfies readonly Role[];

export function isGridStaff(role: Role): boolean {
  return (GRID_STAFF_ROLES as readonly Role[]).includes(role);
}

