import * as z from 'zod';
import { instantSchema } from '../schemas/common';
import { roleSchema } from '../schemas/roles';

/** Every error answer: a stable code, a message a person can read, and details. */
export const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    /** On a version conflict: the resource as the caller may see it now, to show or retry against. */
    current: z.unknown().optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

export const loginRequestSchema = z.object({
  code: z.string().min(1).max(128),
});
export const loginResponseSchema = z.object({
  token: z.string(),
  expiresAt: instantSchema,
  user: z.object({ userId: z.string(), role: roleSchema, areas: z.array(z.string()), departmentId: z.string().optional(), name: z.string().optional() }),
});
export type LoginResponse = z.infer<typeof loginResponseSchema>;

export const devAccountsResponseSchema = z.object({
  accounts: z.array(z.object({ name: z.string(), role: roleSchema, roleLabel: z.string(), areas: z.array(z.string()), departmentId: z.string().optional(), code: z.string(), description: z.string() })),
});
