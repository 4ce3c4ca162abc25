import * as z from 'zod';
import { DISTRICT_SHORT_CODE_PATTERN } from '../case/case-number';
import {
  communityCodeSchema,
  districtCodeSchema,
  geometrySchema,
  gridCodeSchema,
  areaCodeSchema,
  instantSchema,
  phoneSchema,
  streetCodeSchema,
} from './common';

export const districtSchema = z.object({
  code: districtCodeSchema,
  name: z.string().min(1),
  city: z.string().min(1),
  /** Two capital letters opening its 受理编号 (天河 → TH); a stable one is derived when missing. */
  shortCode: z.string().regex(DISTRICT_SHORT_CODE_PATTERN, '区县简码应为 2 个大写字母').optional(),
});
export type District = z.infer<typeof districtSchema>;

export const streetSchema = z.object({
  code: streetCodeSchema,
  name: z.string().min(1),
  districtCode: districtCodeSchema,
  geometry: geometrySchema,
});
export type Street = z.infer<typeof streetSchema>;

export const communitySchema = z.object({
  code: communityCodeSchema,
  name: z.string().min(1),
  streetCode: streetCodeSchema,
  geometry: geometrySchema,
  /** Buildings/landmarks for the non-map way of giving a location. */
  places: z.array(z.object({ name: z.string().min(1), lng: z.number(), lat: z.number() })).default([]),
});
export type Community = z.infer<typeof communitySchema>;

export const gridSchema = z.object({
  code: gridCodeSchema,
  name: z.string().min(1),
  communityCode: communityCodeSchema,
  /** WGS-84 (CGCS2000 for practical purposes). */
  geometry: geometrySchema,
  households: z.number().int().nonnegative().optional(),
});
export type Grid = z.infer<typeof gridSchema>;

export const workerTitleSchema = z.enum(['gridWorker', 'gridLeader', 'supervisor']);
export type WorkerTitle = z.infer<typeof workerTitleSchema>;

export { WORKER_TITLE_LABELS } from '../labels';

const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

export const dutyHoursSchema = z.object({
  /** ISO weekdays 1 (Mon) – 7 (Sun). */
  weekdays: z.array(z.number().int().min(1).max(7)).min(1),
  from: timeOfDay,
  to: timeOfDay,
});

export const workerSchema = z.object({
  id: z.string().regex(/^W[0-9A-Za-z-]+$/),
  name: z.string().min(1),
  title: workerTitleSchema,
  /** The public duty phone (工作电话) residents may call; never a personal number. */
  phone: phoneSchema,
  gridCode: gridCodeSchema,
  dutyHours: z.array(dutyHoursSchema).min(1),
  /** Demo/local login code (dev-<name>); absent for real staff. */
  devLogin: z.string().optional(),
});
export type Worker = z.infer<typeof workerSchema>;

export const departmentSchema = z.object({
  id: z.string().regex(/^D[0-9A-Za-z-]+$/),
  name: z.string().min(1),
  /** Area the department answers for (district-level bureau, street office, property company...). */
  areaCode: areaCodeSchema,
  phone: phoneSchema.optional(),
  /** True for the street/district command centre (分拨中心) that receives unmapped items. */
  isDispatcher: z.boolean().default(false),
});
export type Department = z.infer<typeof departmentSchema>;

/** One line of the 权责清单: (item, area scope) → owning department, as confirmed. */
export const matrixEntrySchema = z.object({
  itemCode: z.string().min(1),
  areaCode: areaCodeSchema,
  departmentId: z.string().min(1),
  confirmedBy: z.string().min(1),
  confirmedAt: instantSchema,
  note: z.string().optional(),
});
export type MatrixEntry = z.infer<typeof matrixEntrySchema>;

export { gridCodeSchema, communityCodeSchema, streetCodeSchema };
