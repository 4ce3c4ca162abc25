import * as z from 'zod';

/**
 * Who acts. Staff roles follow the grid practice: 网格员 works the grid, 网格长 leads a
 * community's grids, 督导员 supervises; dispatchers sit in the street/district centre.
 */
export const roleSchema = z.enum([
  'resident',
  'gridWorker',
  'gridLeader',
  'supervisor',
  'dispatcher',
  'departmentHandler',
  'admin',
]);
export type Role = z.infer<typeof roleSchema>;

export { ROLE_LABELS } from '../labels';

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

/**
 * What a principal may see and act on: area codes (any level; a prefix match covers
 * everything below) and, for department handlers, their department.
 */
export const scopeSchema = z.object({
  areas: z.array(z.string().regex(/^(\d{6}|\d{9}|\d{12}|\d{15})$/)).default([]),
  departmentId: z.string().min(1).optional(),
});
export type Scope = z.infer<typeof scopeSchema>;

export const principalSchema = z.object({
  userId: z.string().min(1),
  role: roleSchema,
  scope: scopeSchema,
});
export type Principal = z.infer<typeof principalSchema>;

export function scopeCoversArea(scope: Scope, areaCode: string): boolean {
  return scope.areas.some((a) => areaCode.startsWith(a));
}
