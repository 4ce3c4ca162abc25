import * as z from 'zod';
import { agencyServiceSchema, catalogItemSchema } from '../schemas/catalog';
import { caseSchema, caseStatusSchema, coordSystemSchema, photoRefSchema, ratingTagSchema, satisfactionSchema } from '../schemas/case';
import { instantSchema, phoneSchema } from '../schemas/common';
import { roleSchema } from '../schemas/roles';
import { workerTitleSchema } from '../schemas/city';
import { urgencySchema } from '../deadlines';
import { freeText } from '../schemas/text';
import { latitudeQuery, limitQuery, longitudeQuery } from './query';
import { caseActionTypeSchema } from '../case/actions';

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

export const catalogResponseSchema = z.object({
  items: z.array(catalogItemSchema),
  services: z.array(agencyServiceSchema),
  version: z.string(),
});
export type CatalogResponse = z.infer<typeof catalogResponseSchema>;

export const locateQuerySchema = z.object({
  lat: latitudeQuery,
  lng: longitudeQuery,
  coord: coordSystemSchema.default('gcj02'),
});

export const workerCardSchema = z.object({
  id: z.string(),
  name: z.string(),
  title: workerTitleSchema,
  titleLabel: z.string(),
  phone: z.string(),
  dutyHours: z.string(),
  onDuty: z.boolean(),
});
export type WorkerCard = z.infer<typeof workerCardSchema>;

export const locateResponseSchema = z.object({
  grid: z.object({ code: z.string(), name: z.string() }),
  community: z.object({ code: z.string(), name: z.string() }),
  street: z.object({ code: z.string(), name: z.string() }),
  district: z.object({ code: z.string(), name: z.string() }),
  workers: z.array(workerCardSchema),
  wgs84: z.object({ lat: z.number(), lng: z.number() }),
});
export type LocateResponse = z.infer<typeof locateResponseSchema>;

export const UPLOAD_CONTENT_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/heic'] as const;
export const UPLOAD_MIN_BYTES = 1024;
export const UPLOAD_MAX_BYTES = 10 * 1024 * 1024;

export const uploadRequestSchema = z.object({
  contentType: z.enum(UPLOAD_CONTENT_TYPES),
  /** Bytes after on-device compression. Limits are checked by the handler (413 above the maximum). */
  size: z.number().int().positive(),
});
export const uploadResponseSchema = z.object({
  /** POST target for wx.uploadFile: `url` with `fields` as formData, file field name "file". */
  url: z.string(),
  fields: z.record(z.string(), z.string()),
  key: z.string(),
  expiresAt: instantSchema,
  maxBytes: z.number(),
});
export type UploadResponse = z.infer<typeof uploadResponseSchema>;

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
 * What the resident sees of their own case. Every field is named here: staff notes, staff
 * names and ids, routing internals and pending 延期 requests are simply not in it.
 */
export const caseViewSchema = z.object({
  id: z.string(),
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
  rating: z.object({ level: satisfactionSchema, comment: z.string(), /* wechat (issue 8) */ tags: z.array(ratingTagSchema).optional(), ratedAt: instantSchema }).optional(),
  reopenRequested: z.boolean(),
  createdAt: instantSchema,
  updatedAt: instantSchema,
  closedAt: instantSchema.optional(),
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

export const devAccountsResponseSchema = z.object({
  accounts: z.array(z.object({ name: z.string(), role: roleSchema, roleLabel: z.string(), areas: z.array(z.string()), departmentId: z.string().optional(), code: z.string(), description: z.string() })),
});

export { satisfactionSchema };
