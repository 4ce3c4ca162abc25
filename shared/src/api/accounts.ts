import * as z from 'zod';
import { coordSystemSchema } from '../schemas/case';
import { communityCodeSchema, gridCodeSchema, instantSchema, streetCodeSchema } from '../schemas/common';
import { roleSchema } from '../schemas/roles';
import { workerCardSchema } from './city';

/** 我的住址: a point (the grid is found from it) or a grid picked from /v1/areas. */
export const homeRequestSchema = z.object({
  location: z.object({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180), coord: coordSystemSchema }).optional(),
  gridCode: gridCodeSchema.optional(),
}).strict().refine((b) => (b.location === undefined) !== (b.gridCode === undefined), {
  message: '请提供位置或所选网格（二选一）',
  path: ['gridCode'],
});
export type HomeRequest = z.infer<typeof homeRequestSchema>;

const named = <C extends z.ZodType>(code: C) => z.object({ code, name: z.string() });

export const homeSchema = z.object({
  source: z.enum(['location', 'picker']),
  grid: named(gridCodeSchema).extend({ landmark: z.string() }),
  community: named(communityCodeSchema),
  street: named(streetCodeSchema),
  updatedAt: instantSchema,
});
export type Home = z.infer<typeof homeSchema>;

export const meResponseSchema = z.object({
  user: z.object({
    userId: z.string(),
    role: roleSchema,
    roleLabel: z.string(),
    name: z.string().optional(),
    /** The areas a staff member serves, by the names people use (empty for residents). */
    areas: z.array(z.object({ code: z.string(), name: z.string() })),
  }),
  home: homeSchema.nullable(),
  /** The home grid's 网格员 and 网格长, with their public duty phone. */
  workers: z.array(workerCardSchema),
});
export type MeResponse = z.infer<typeof meResponseSchema>;

export const homeResponseSchema = meResponseSchema;
