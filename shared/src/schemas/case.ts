import * as z from 'zod';
import { urgencySchema, warningStageSchema } from '../deadlines';
import { communityCodeSchema, districtCodeSchema, gridCodeSchema, instantSchema, phoneSchema, streetCodeSchema } from './common';
import { roleSchema } from './roles';
import { CASE_NUMBER_PATTERN } from '../case/case-number';

/**
 * The closed loop: 立案 → 派遣 → 处置 → 核查结案 → 评价. The machine that moves between
 * these lives in ../case; every writer goes through it.
 */
export const caseStatusSchema = z.enum([
  'submitted', // 已上报: routed, waiting to be filed
  'needsInfo', // 待补充: sent back to the resident for more information
  'rejected', // 不予立案 (duplicate / out of scope)
  'cancelled', // 已撤单 by the resident before filing
  'filed', // 已立案: waiting for dispatch
  'dispatched', // 已派遣 to one department
  'returned', // 已退单 by the department: back to the dispatcher
  'accepted', // 已签收
  'handling', // 处置中
  'suspended', // 挂账 (seasonal / engineering work) with a review date
  'handled', // 已处置: result reported, waiting for the on-site check
  'closed', // 已结案 after 核查
  'rated', // 已评价
  'unrated', // 未评价 after the window: never silently "satisfied"
]);
export type CaseStatus = z.infer<typeof caseStatusSchema>;

export { CASE_STATUS_LABELS } from '../labels';

/** 好差评 five levels (GB/T 39734/39735). */
export const satisfactionSchema = z.enum(['verySatisfied', 'satisfied', 'basicallySatisfied', 'dissatisfied', 'veryDissatisfied']);
export type Satisfaction = z.infer<typeof satisfactionSchema>;
export { SATISFACTION_LABELS } from '../labels';

// Quick tags a resident may add to a rating.
export const RATING_TAGS = ['处理及时', '态度好', '未解决'] as const;
export const ratingTagSchema = z.enum(RATING_TAGS);
export type RatingTag = z.infer<typeof ratingTagSchema>;

export const ratingSchema = z.object({
  level: satisfactionSchema,
  comment: z.string().max(500).default(''),
  tags: z.array(ratingTagSchema).optional(),
  ratedAt: instantSchema,
});
export type Rating = z.infer<typeof ratingSchema>;

/**
 * An S3 object key, never a URL (links are minted on read): a fresh upload under the
 * uploader's own prefix, or a photo a case holds under the case's prefix.
 */
export const photoRefSchema = z.object({
  key: z.string().regex(/^(uploads|cases)\/[A-Za-z0-9_-]+\/[A-Za-z0-9_-]+\.(jpg|png|webp|heic)$/),
});
export type PhotoRef = z.infer<typeof photoRefSchema>;

export const coordSystemSchema = z.enum(['gcj02', 'wgs84']);
export type CoordSystem = z.infer<typeof coordSystemSchema>;

export const caseLocationSchema = z.object({
  /** WGS-84, converted on the way in: grid polygons are WGS-84. */
  lng: z.number(),
  lat: z.number(),
  address: z.string().max(200).default(''),
  gridCode: gridCodeSchema,
  communityCode: communityCodeSchema,
  streetCode: streetCodeSchema,
  districtCode: districtCodeSchema,
  geohash: z.string().min(5).max(12),
});
export type CaseLocation = z.infer<typeof caseLocationSchema>;

export const caseRoutingSchema = z.object({
  departmentId: z.string().min(1),
  /** 'matrix' when a 权责清单 entry matched; 'dispatcher' when none did and the centre must decide. */
  via: z.enum(['matrix', 'dispatcher']),
  matrixAreaCode: z.string().optional(),
});
export type CaseRouting = z.infer<typeof caseRoutingSchema>;

export const actorSchema = z.object({
  role: z.union([roleSchema, z.literal('system')]),
  userId: z.string().optional(),
  name: z.string().optional(),
});
export type Actor = z.infer<typeof actorSchema>;

/** One line of the case's own timeline (痕迹管理): appended, never edited. */
export const timelineEventSchema = z.object({
  seq: z.number().int().nonnegative(),
  at: instantSchema,
  actor: actorSchema,
  action: z.string().min(1),
  from: caseStatusSchema.nullable(),
  to: caseStatusSchema,
  reason: z.string().optional(),
  note: z.string().optional(),
  data: z.record(z.string(), z.unknown()).optional(),
});
export type TimelineEvent = z.infer<typeof timelineEventSchema>;

export const caseNumberSchema = z.string().regex(CASE_NUMBER_PATTERN);

export const caseSchema = z.object({
  id: z.string().min(1),
  /** 受理编号, the number people read out (cases filed before numbering have none). */
  caseNumber: caseNumberSchema.optional(),
  version: z.number().int().nonnegative(),
  status: caseStatusSchema,
  residentId: z.string().min(1),
  anonymous: z.boolean().default(false),
  contactPhone: phoneSchema.optional(),
  itemCode: z.string().min(1),
  itemName: z.string().min(1),
  urgency: urgencySchema,
  description: z.string().max(1000),
  answers: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.array(z.string())])).default({}),
  photos: z.array(photoRefSchema),
  location: caseLocationSchema,
  routing: caseRoutingSchema,
  dispatchDeadline: instantSchema,
  handlingDeadline: instantSchema.optional(),
  returnCount: z.number().int().nonnegative().default(0),
  /** 0 = street centre; each escalation after repeated returns moves up one level. */
  escalationLevel: z.number().int().nonnegative().default(0),
  urgeCount: z.number().int().nonnegative().default(0),
  lastUrgedAt: instantSchema.optional(),
  extensionCount: z.number().int().nonnegative().default(0),
  pendingExtension: z.object({ until: instantSchema, reason: z.string() }).optional(),
  suspendedUntil: instantSchema.optional(),
  duplicateOf: z.string().optional(),
  followerCount: z.number().int().nonnegative().default(0),
  rating: ratingSchema.optional(),
  reopenRequested: z.boolean().default(false),
  reopenCount: z.number().int().nonnegative().default(0),
  createdAt: instantSchema,
  updatedAt: instantSchema,
  closedAt: instantSchema.optional(),
  // The warning light the sweep last recorded, for the deadline it was measured against
  // (a new deadline, after a re-dispatch or an extension, starts again from none).
  warning: z.object({ stage: warningStageSchema, deadline: instantSchema, at: instantSchema }).optional(),
  timeline: z.array(timelineEventSchema).min(1),
  // Content-security verdicts on the resident's own words and photos,
  // `text:<event seq>` / `photo:<key>` → verdict, written by the checks (never by a save).
  moderation: z.record(z.string(), z.enum(['pending', 'pass', 'review', 'risky'])).optional(),
});
export type Case = z.infer<typeof caseSchema>;
export type ModerationVerdict = NonNullable<Case['moderation']>[string];

/** Whether content may be shown to people other than its author (flagged or still being checked: no). */
export const shownToOthers = (c: Pick<Case, 'moderation'>, key: string): boolean => {
  const verdict = c.moderation?.[key];
  return verdict === undefined || verdict === 'pass';
};
/** Judged risky or sent to review: hidden from everyone but reviewers (staff still see content being checked). */
export const flaggedContent = (c: Pick<Case, 'moderation'>, key: string): boolean => {
  const verdict = c.moderation?.[key];
  return verdict === 'review' || verdict === 'risky';
};
export const textKey = (seq: number) => `text:${seq}`;
export const photoKey = (key: string) => `photo:${key}`;
