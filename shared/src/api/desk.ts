import * as z from 'zod';
import {
  acceptActionSchema,
  approveExtensionActionSchema,
  approveReopenActionSchema,
  caseActionTypeSchema,
  checkFailActionSchema,
  checkPassActionSchema,
  denyExtensionActionSchema,
  denyReopenActionSchema,
  fileActionSchema,
  handleActionSchema,
  rejectActionSchema,
  requestExtensionActionSchema,
  requestInfoActionSchema,
  resumeActionSchema,
  returnActionSchema,
  startHandlingActionSchema,
  suspendActionSchema,
} from '../case/actions';
import { CASE_NUMBER_PATTERN, normalizeCaseNumber } from '../case/case-number';
import { caseNumberSchema, caseStatusSchema, satisfactionSchema } from '../schemas/case';
import { instantSchema } from '../schemas/common';
import { roleSchema } from '../schemas/roles';
import { freeText, requiredText } from '../schemas/text';
import { WORK_QUEUES } from '../case/desk';
import { limitQuery } from './query';
import { urgencySchema, warningStageSchema } from '../deadlines';

/**
 * The staff desk's API: queues, the staff view of a case, staff actions.
 * Residents have their own, smaller views in ./contracts.ts.
 */

export { WORK_QUEUES, type WorkQueue } from '../case/desk';
export const workQueueSchema = z.enum(WORK_QUEUES);

/** Comma-separated statuses, e.g. `status=filed,returned`. */
const statusListSchema = z
  .string()
  .trim()
  .min(1, '不能为空')
  .transform((s) => s.split(',').map((p) => p.trim()))
  .pipe(z.array(caseStatusSchema).min(1).max(14));

export const workQueueQuerySchema = z.object({
  /** Defaults by role: grid staff → grid, dispatcher/admin → dispatch, department handler → department. */
  queue: workQueueSchema.optional(),
  status: statusListSchema.optional(),
  /** Only cases whose current deadline is before this instant. */
  dueBefore: instantSchema.optional(),
  limit: limitQuery(50, 20),
  cursor: z.string().max(4096).optional(),
});
export type WorkQueueQuery = z.infer<typeof workQueueQuerySchema>;

/** Which deadline the case is running against now. */
export const deadlineKindSchema = z.enum(['dispatch', 'handling']);

export const workCaseRowSchema = z.object({
  id: z.string(),
  /** 受理编号 (cases filed before numbering have none). */
  caseNumber: caseNumberSchema.optional(),
  version: z.number().int(),
  itemCode: z.string(),
  itemName: z.string(),
  status: caseStatusSchema,
  statusLabel: z.string(),
  urgency: urgencySchema,
  urgencyLabel: z.string(),
  address: z.string(),
  gridCode: z.string(),
  gridName: z.string(),
  departmentId: z.string(),
  departmentName: z.string(),
  deadline: instantSchema,
  deadlineKind: deadlineKindSchema,
  /** none (正常) / yellow / orange / red / overdue, computed at read time. */
  warning: warningStageSchema,
  warningLabel: z.string(),
  followerCount: z.number().int(),
  urgeCount: z.number().int(),
  returnCount: z.number().int(),
  /** > 0: returned too often, arbitrated by the district centre (仲裁). */
  escalationLevel: z.number().int(),
  /** A request waiting for the centre's decision. */
  pendingRequest: z.enum(['extension', 'reopen']).optional(),
  createdAt: instantSchema,
  updatedAt: instantSchema,
});
export type WorkCaseRow = z.infer<typeof workCaseRowSchema>;

export const workQueueResponseSchema = z.object({
  queue: workQueueSchema,
  cases: z.array(workCaseRowSchema),
  nextCursor: z.string().nullable(),
});
export type WorkQueueResponse = z.infer<typeof workQueueResponseSchema>;

export const workCaseParamsSchema = z.object({ id: z.string().regex(/^C[0-9A-Z]{10,40}$/) });

/** A 受理编号 as a person types it: case, spaces and dashes do not matter. */
export const caseNumberParamsSchema = z.object({
  number: z
    .string()
    .max(40)
    .transform((s) => normalizeCaseNumber(s) ?? s)
    .pipe(z.string().regex(CASE_NUMBER_PATTERN, '受理编号格式不正确，例如 TH2612080001')),
});

/** Which case a 受理编号 names (the caller then opens it by id). */
export const foundWorkCaseSchema = z.object({ id: z.string(), caseNumber: caseNumberSchema });
export type FoundWorkCase = z.infer<typeof foundWorkCaseSchema>;

export const workCaseQuerySchema = z
  .object({
    /** `contact`: include the reporter's phone. Every such read is recorded on the case. */
    reveal: z.literal('contact').optional(),
    /** Why the phone is needed; required with reveal=contact (PIPL audit). */
    reason: requiredText(200, '请说明查看联系电话的原因').optional(),
  })
  .refine((q) => q.reveal === undefined || q.reason !== undefined, { message: '查看联系电话须说明原因', path: ['reason'] });

export const workPhotoSchema = z.object({
  url: z.string(),
  /** report: the resident's; supplement: added later by the resident; result: the department's; check: the grid's on-site check. */
  kind: z.enum(['report', 'supplement', 'result', 'check']),
  at: instantSchema,
});

export const workTimelineEntrySchema = z.object({
  seq: z.number().int(),
  at: instantSchema,
  action: z.string(),
  actionLabel: z.string(),
  from: caseStatusSchema.nullable(),
  to: caseStatusSchema,
  actorRole: z.union([roleSchema, z.literal('system')]),
  actorRoleLabel: z.string(),
  /** Staff names are for staff; residents never see them. */
  actorName: z.string().optional(),
  reason: z.string().optional(),
  note: z.string().optional(),
  departmentId: z.string().optional(),
  departmentName: z.string().optional(),
  handlingDeadline: instantSchema.optional(),
  returnCount: z.number().int().optional(),
  escalated: z.boolean().optional(),
  duplicateOf: z.string().optional(),
  until: instantSchema.optional(),
  reviewDate: instantSchema.optional(),
  level: satisfactionSchema.optional(),
  photoCount: z.number().int().optional(),
});
export type WorkTimelineEntry = z.infer<typeof workTimelineEntrySchema>;

export const availableActionSchema = z.object({ type: caseActionTypeSchema, label: z.string() });

export const workCaseViewSchema = z.object({
  id: z.string(),
  /** 受理编号 (cases filed before numbering have none). */
  caseNumber: caseNumberSchema.optional(),
  version: z.number().int(),
  status: caseStatusSchema,
  statusLabel: z.string(),
  itemCode: z.string(),
  itemName: z.string(),
  urgency: urgencySchema,
  urgencyLabel: z.string(),
  description: z.string(),
  answers: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.array(z.string())])),
  anonymous: z.boolean(),
  /** Whether the reporter left a phone; the number itself only with ?reveal=contact. */
  hasContactPhone: z.boolean(),
  contactPhone: z.string().optional(),
  location: z.object({
    address: z.string(),
    lat: z.number(),
    lng: z.number(),
    gridCode: z.string(),
    gridName: z.string(),
    communityCode: z.string(),
    communityName: z.string(),
    streetCode: z.string(),
    streetName: z.string(),
    districtCode: z.string(),
  }),
  routing: z.object({
    departmentId: z.string(),
    departmentName: z.string(),
    via: z.enum(['matrix', 'dispatcher']),
    matrixAreaCode: z.string().optional(),
  }),
  deadlines: z.object({
    dispatchDeadline: instantSchema,
    handlingDeadline: instantSchema.optional(),
    current: instantSchema,
    currentKind: deadlineKindSchema,
    warning: warningStageSchema,
    warningLabel: z.string(),
  }),
  returnCount: z.number().int(),
  escalationLevel: z.number().int(),
  extensionCount: z.number().int(),
  pendingExtension: z.object({ until: instantSchema, reason: z.string() }).optional(),
  suspendedUntil: instantSchema.optional(),
  duplicateOf: z.string().optional(),
  followerCount: z.number().int(),
  urgeCount: z.number().int(),
  lastUrgedAt: instantSchema.optional(),
  rating: z.object({ level: satisfactionSchema, levelLabel: z.string(), comment: z.string(), ratedAt: instantSchema }).optional(),
  reopenRequested: z.boolean(),
  reopenCount: z.number().int(),
  createdAt: instantSchema,
  updatedAt: instantSchema,
  closedAt: instantSchema.optional(),
  photos: z.array(workPhotoSchema),
  timeline: z.array(workTimelineEntrySchema),
  // Content security. What a check flagged (or has not finished) is hidden
  // from staff; reviewers (督导员, 管理员) see it, and this list says what to review.
  contentReview: z.array(z.object({ key: z.string(), verdict: z.enum(['pending', 'review', 'risky']) })).optional(),
  /** Exactly the actions this caller may take now (the desk's buttons). */
  availableActions: z.array(availableActionSchema),
  /** What a dispatch sends when the form is left as it is: the 权责清单 department and the handling deadline for the case's urgency. */
  dispatchDefaults: z.object({ departmentId: z.string(), departmentName: z.string(), handlingDeadline: instantSchema }),
  /** The departments serving the case's place, for the dispatch picker: the default first, then narrowest area first (always sent; optional for older clients' fixtures). */
  departmentOptions: z.array(z.object({ id: z.string(), name: z.string(), areaCode: z.string() })).optional(),
});
export type WorkCaseView = z.infer<typeof workCaseViewSchema>;

/** 派遣 from the desk: department and deadline default to the 权责清单 and the item's limit. */
export const workDispatchActionSchema = z.object({
  type: z.literal('dispatch'),
  departmentId: z.string().min(1).optional(),
  handlingDeadline: instantSchema.optional(),
  note: freeText(500).optional(),
});

/** Every action a staff member can send (resident actions are not accepted here). */
export const staffActionSchema = z.discriminatedUnion('type', [
  fileActionSchema,
  rejectActionSchema,
  requestInfoActionSchema,
  workDispatchActionSchema,
  acceptActionSchema,
  returnActionSchema,
  startHandlingActionSchema,
  requestExtensionActionSchema,
  approveExtensionActionSchema,
  denyExtensionActionSchema,
  suspendActionSchema,
  resumeActionSchema,
  handleActionSchema,
  checkPassActionSchema,
  checkFailActionSchema,
  approveReopenActionSchema,
  denyReopenActionSchema,
]);

/** The action plus the case version the caller saw: a stale version is a 409 with the current case. */
export const workActionRequestSchema = z.intersection(staffActionSchema, z.object({ version: z.number().int().nonnegative() }));
export type WorkActionRequest = z.infer<typeof workActionRequestSchema>;
