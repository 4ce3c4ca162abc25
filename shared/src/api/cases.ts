import * as z from 'zod';
import { cancelActionSchema, caseActionTypeSchema, rateActionSchema, requestReopenActionSchema, supplementActionSchema, urgeActionSchema } from '../case/actions';
import { urgencySchema } from '../deadlines';
import { warningStageSchema } from '../deadlines/warnings';
import { caseNumberSchema, caseSchema, caseStatusSchema, coordSystemSchema, photoRefSchema, ratingTagSchema, satisfactionSchema } from '../schemas/case';
import { instantSchema, phoneSchema } from '../schemas/common';
import { freeText } from '../schemas/text';
import { limitQuery } from './query';

/**
 * Numbers a resident types (counts, sizes): finite, within what DynamoDB stores exactly, and
 * at most two decimals, so 1e126 or 1e-130 is a 400, never a failed write. The question
 * itself may bound them further (validate-report).
 */
const answerNumber = z.number().min(-1e9).max(1e9).refine((n) => Math.round(n * 100) / 100 === n, '最多保留两位小数');

export const createCaseRequestSchema = z.object({
  itemCode: z.string().min(1).max(10),
  description: freeText(1000).default(''),
  urgency: urgencySchema.optional(),
  location: z.object({
    lat: z.number().min(-90).max(90),
    lng: z.number().min(-180).max(180),
    coord: coordSystemSchema,
    address: freeText(200).default(''),
  }),
  photos: z.array(photoRefSchema).max(9).default([]),
  answers: z.record(z.string().max(40), z.union([freeText(500), answerNumber, z.boolean(), z.array(freeText(100)).max(20)])).default({}),
  anonymous: z.boolean().default(false),
  contactPhone: phoneSchema.optional(),
});
export type CreateCaseRequest = z.infer<typeof createCaseRequestSchema>;

/**
 * How the case was handled, from 处理反馈 on: the department, its notes in plain words, its
 * 处置后 photos and the grid's 核查 photos as short-lived links. Only photos cleared for others
 * are linked; a follower gets photos only of a public item.
 */
export const caseResultViewSchema = z.object({
  departmentName: z.string(),
  notes: z.string().optional(),
  handledAt: instantSchema,
  /** When the grid checked it on site; absent while 核查 is still to come. */
  verifiedAt: instantSchema.optional(),
  photos: z.array(z.object({ url: z.string(), kind: z.enum(['result', 'check']), at: instantSchema })),
});
export type CaseResultView = z.infer<typeof caseResultViewSchema>;

/**
 * What the resident sees of their own case. Every field is named here: staff notes, staff
 * names and ids, routing internals and pending 延期 requests are simply not in it.
 */
export const caseViewSchema = z.object({
  id: z.string(),
  /** 受理编号 (cases filed before numbering have none). */
  caseNumber: caseNumberSchema.optional(),
  version: z.number().int(),
  status: caseStatusSchema,
  statusLabel: z.string(),
  itemCode: z.string(),
  itemName: z.string(),
  urgency: urgencySchema,
  description: z.string(),
  answers: caseSchema.shape.answers,
  anonymous: z.boolean(),
  /** The resident's own number, as they gave it. */
  contactPhone: z.string().optional(),
  location: z.object({
    lat: z.number(),
    lng: z.number(),
    address: z.string(),
    gridCode: z.string(),
    gridName: z.string(),
    communityName: z.string(),
    streetName: z.string(),
  }),
  photoUrls: z.array(z.string()),
  /** The department handling it, once dispatched; before that the centre is still deciding. */
  departmentName: z.string().nullable(),
  dispatchDeadline: instantSchema,
  handlingDeadline: instantSchema.optional(),
  followerCount: z.number().int(),
  urgeCount: z.number().int(),
  rating: z.object({ level: satisfactionSchema, comment: z.string(), tags: z.array(ratingTagSchema).optional(), ratedAt: instantSchema }).optional(),
  reopenRequested: z.boolean(),
  createdAt: instantSchema,
  updatedAt: instantSchema,
  closedAt: instantSchema.optional(),
  result: caseResultViewSchema.optional(),
  timelineView: z.array(z.object({ at: instantSchema, title: z.string(), detail: z.string().optional() })),
  /** What the resident may do now (the domain decides: cancel, urge, supplement, rate…). */
  availableActions: z.array(caseActionTypeSchema),
});
export type CaseView = z.infer<typeof caseViewSchema>;

export const listCasesQuerySchema = z.object({
  limit: limitQuery(50, 20),
  cursor: z.string().max(512).optional(),
});
export const caseIdParamsSchema = z.object({ id: z.string().regex(/^C[0-9A-Z]{10,40}$/) });

export { satisfactionSchema };

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
  // 评价 (reporter, once, within the window) and 申请重办 after a bad rating
  rateActionSchema.extend({ version }),
  requestReopenActionSchema.extend({ version }),
]);

export const myCaseRelationSchema = z.enum(['reported', 'followed']);
export type MyCaseRelation = z.infer<typeof myCaseRelationSchema>;

/** One line of 我的上报: a case the resident reported or follows. */
export const myCaseSummarySchema = z.object({
  id: z.string(),
  /** 受理编号 (cases filed before numbering have none). */
  caseNumber: caseNumberSchema.optional(),
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
  /** 受理编号 (cases filed before numbering have none). */
  caseNumber: caseNumberSchema.optional(),
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
  result: caseResultViewSchema.optional(),
  timelineView: z.array(z.object({ at: instantSchema, title: z.string(), detail: z.string().optional() })),
  availableActions: z.array(caseActionTypeSchema),
});
export type FollowerCaseView = z.infer<typeof followerCaseViewSchema>;

/** A follower's own satisfaction vote on a finished case (counted apart from the reporter's rating). */
export const voteRequestSchema = z.object({ level: satisfactionSchema }).strict();
export const voteResponseSchema = z.object({
  level: satisfactionSchema,
  /** False when this vote was already there (a repeat changes nothing). */
  counted: z.boolean(),
});
