import * as z from 'zod';
import { cancelActionSchema, supplementActionSchema, urgeActionSchema, caseActionTypeSchema, rateActionSchema, requestReopenActionSchema } from '../case/actions';
import { caseStatusSchema, coordSystemSchema } from '../schemas/case';
import { communityCodeSchema, gridCodeSchema, instantSchema, streetCodeSchema } from '../schemas/common';
import { roleSchema } from '../schemas/roles';
import { warningStageSchema } from '../deadlines/warnings';
import { workerCardSchema } from './contracts';

/*
 * Report and track (issue 6): nearby open cases, following (我也遇到), the resident's own
 * actions on a case, the list of reported and followed cases, and 我的住址.
 */

// Query values arrive as text; an empty value must not quietly become 0.
const queryNumber = (min: number, max: number) => z.string().trim().min(1, '不能为空').pipe(z.coerce.number<string>().min(min).max(max));

/** How far "nearby" reaches, in metres (FixMyStreet's duplicate radius), and how many are shown. */
export const NEARBY_RADIUS_METRES = 250;
export const NEARBY_MAX_RESULTS = 5;

export const nearbyQuerySchema = z.object({
  lat: queryNumber(-90, 90),
  lng: queryNumber(-180, 180),
  coord: coordSystemSchema.default('gcj02'),
  itemCode: z.string().regex(/^[A-Z0-9]{2,10}$/, '事项编码格式不正确'),
});

/** Someone else's case as any resident may see it: no reporter, text, answers or other photos. */
export const nearbyCaseSchema = z.object({
  id: z.string(),
  itemCode: z.string(),
  itemName: z.string(),
  status: caseStatusSchema,
  statusLabel: z.string(),
  distanceMetres: z.number().int().nonnegative(),
  reportedAt: instantSchema,
  followerCount: z.number().int().nonnegative(),
  /** A short-lived link to the first photo, only when the item's reports are public. */
  photoUrl: z.string().nullable(),
  /** The caller reported it themselves. */
  mine: z.boolean(),
  /** The caller already follows it. */
  following: z.boolean(),
});
export type NearbyCase = z.infer<typeof nearbyCaseSchema>;

export const nearbyResponseSchema = z.object({
  cases: z.array(nearbyCaseSchema),
  radiusMetres: z.number(),
});
export type NearbyResponse = z.infer<typeof nearbyResponseSchema>;

export const followResponseSchema = z.object({
  caseId: z.string(),
  following: z.boolean(),
  followerCount: z.number().int().nonnegative(),
});
export type FollowResponse = z.infer<typeof followResponseSchema>;

const version = z.number().int().nonnegative();

/** The actions a resident takes on their own case, each with the version it was decided on. */
export const residentActionRequestSchema = z.discriminatedUnion('type', [
  cancelActionSchema.extend({ version }),
  urgeActionSchema.extend({ version }),
  supplementActionSchema.safeExtend({ version }),
  // wechat (issue 8): 评价 (reporter, once, within the window) and 申请重办 after a bad rating
  rateActionSchema.extend({ version }),
  requestReopenActionSchema.extend({ version }),
]);
export type ResidentActionRequest = z.infer<typeof residentActionRequestSchema>;

export const myCaseRelationSchema = z.enum(['reported', 'followed']);
export type MyCaseRelation = z.infer<typeof myCaseRelationSchema>;

/** One line of 我的上报: a case the resident reported or follows. */
export const myCaseSummarySchema = z.object({
  id: z.string(),
  relation: myCaseRelationSchema,
  itemCode: z.string(),
  itemName: z.string(),
  status: caseStatusSchema,
  statusLabel: z.string(),
  /** Own cases only: a followed case's address is the reporter's words. */
  address: z.string().optional(),
  createdAt: instantSchema,
  updatedAt: instantSchema,
  /** When the resident reported or started following it. */
  since: instantSchema,
  followerCount: z.number().int().nonnegative(),
  /** The next promise on the clock: dispatch, then handling; null when nothing is running. */
  nextDeadline: z.object({ kind: z.enum(['dispatch', 'handling']), at: instantSchema, label: z.string() }).nullable(),
  warningStage: warningStageSchema,
  warningLabel: z.string(),
});
export type MyCaseSummary = z.infer<typeof myCaseSummarySchema>;

export const myCasesResponseSchema = z.object({
  cases: z.array(myCaseSummarySchema),
  nextCursor: z.string().nullable(),
});
export type MyCasesResponse = z.infer<typeof myCasesResponseSchema>;

/** What a follower sees of a case they follow: anonymised like nearby, plus its public progress. */
export const followerCaseViewSchema = z.object({
  relation: z.literal('followed'),
  id: z.string(),
  version: z.number().int(),
  itemCode: z.string(),
  itemName: z.string(),
  status: caseStatusSchema,
  statusLabel: z.string(),
  reportedAt: instantSchema,
  updatedAt: instantSchema,
  followerCount: z.number().int().nonnegative(),
  location: z.object({ gridName: z.string(), communityName: z.string(), streetName: z.string() }),
  departmentName: z.string().nullable(),
  photoUrl: z.string().nullable(),
  timelineView: z.array(z.object({ at: instantSchema, title: z.string(), detail: z.string().optional() })),
  availableActions: z.array(caseActionTypeSchema),
});
export type FollowerCaseView = z.infer<typeof followerCaseViewSchema>;

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
  user: z.object({ userId: z.string(), role: roleSchema, roleLabel: z.string(), name: z.string().optional() }),
  home: homeSchema.nullable(),
  /** The home grid's 网格员 and 网格长, with their public duty phone. */
  workers: z.array(workerCardSchema),
});
export type MeResponse = z.infer<typeof meResponseSchema>;

export const homeResponseSchema = meResponseSchema;

export const areasResponseSchema = z.object({
  streets: z.array(z.object({
    code: streetCodeSchema,
    name: z.string(),
    communities: z.array(z.object({
      code: communityCodeSchema,
      name: z.string(),
      grids: z.array(z.object({
        code: gridCodeSchema,
        name: z.string(),
        landmark: z.string(),
        /** A WGS-84 point well inside the grid: places a report there when the phone gives no location. */
        center: z.object({ lat: z.number(), lng: z.number() }).optional(),
      })),
    })),
  })),
});
export type AreasResponse = z.infer<typeof areasResponseSchema>;
