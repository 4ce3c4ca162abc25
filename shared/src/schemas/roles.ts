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

export const STAFF_ROLES = roleSchema.options.filter((r) => r !== 'resident');

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
