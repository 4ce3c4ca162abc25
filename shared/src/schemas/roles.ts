import * as z from 'zod';
import { ROLES } from './role-groups';

/** Who acts (the roles and their groups are in role-groups.ts, which the mini-program reads without zod). */
export const roleSchema = z.enum(ROLES);
export { ROLES, type Role } from './role-groups';

export { ROLE_LABELS } from '../labels';

export { GRID_STAFF_ROLES, GRID_TEAM_ROLES, ALL_STAFF_ROLES, SIGNED_IN_ROLES, isGridStaff } from './role-groups';

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
