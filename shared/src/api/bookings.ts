import * as z from 'zod';
import { availabilitySchema, isoDateSchema } from '../booking/availability';
import { bookingStatusSchema, checklistEntrySchema } from '../booking/schema';
import { instantSchema, phoneSchema } from '../schemas/common';
import { photoRefSchema, satisfactionSchema } from '../schemas/case';
import { freeText, requiredText } from '../schemas/text';
import { limitQuery } from './query';

// 代办 visits — contracts for residents (book, follow, cancel, reschedule,
// rate) and for grid workers (their day, each step of a visit, their weekly availability).

const serviceCodeSchema = z.string().regex(/^S[0-9]{2,4}$/, '服务编码不正确');
const workerIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, '网格员编号不正确');

export const bookingIdParamsSchema = z.object({ id: z.string().regex(/^B[0-9A-Z]{10,40}$/) });

export const slotsQuerySchema = z.object({
  service: serviceCodeSchema,
  /** First Beijing date to list (default today); slots end 14 days from today. */
  from: isoDateSchema.optional(),
});

export const slotViewSchema = z.object({
  workerId: z.string(),
  workerName: z.string(),
  start: instantSchema,
  end: instantSchema,
  /** Beijing 'YYYY-MM-DD' and 'HH:MM'. */
  date: z.string(),
  time: z.string(),
});
export type SlotView = z.infer<typeof slotViewSchema>;

export const materialViewSchema = z.object({ name: z.string(), note: z.string().optional(), required: z.boolean() });

export const serviceSummarySchema = z.object({
  code: z.string(),
  name: z.string(),
  agency: z.string(),
  visitMinutes: z.number().int(),
  eligibility: z.string().optional(),
  materials: z.array(materialViewSchema),
});

export const slotsResponseSchema = z.object({
  service: serviceSummarySchema,
  gridCode: z.string(),
  /** Each Beijing day from `from` to the end of the horizon, with its free slots (possibly none). */
  days: z.array(z.object({ date: z.string(), label: z.string(), slots: z.array(slotViewSchema) })),
});

export const createBookingRequestSchema = z.object({
  serviceCode: serviceCodeSchema,
  workerId: workerIdSchema,
  start: instantSchema,
  /** Names from the service's materials list that the resident has ready. */
  materialsReady: z.array(requiredText(60)).max(20).default([]),
  /** Where the worker should come: building, unit, room. */
  address: requiredText(100, '请填写上门地址'),
  contactPhone: phoneSchema.optional(),
  note: freeText(200).optional(),
});
export type CreateBookingRequest = z.infer<typeof createBookingRequestSchema>;

const timelineLineSchema = z.object({ at: instantSchema, action: z.string(), label: z.string(), reason: z.string().optional() });

/** What a resident sees of their own booking: no staff notes, no ids but the booking's. */
export const residentBookingViewSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  status: bookingStatusSchema,
  statusLabel: z.string(),
  service: serviceSummarySchema.omit({ materials: true }),
  workerName: z.string(),
  start: instantSchema,
  end: instantSchema,
  slotLabel: z.string(),
  materials: z.array(materialViewSchema.extend({ ready: z.boolean() })),
  address: z.string(),
  contactPhone: z.string().optional(),
  note: z.string().optional(),
  /** Until when cancel/reschedule work online (2 h before the visit). */
  changeDeadline: instantSchema,
  reschedulesLeft: z.number().int(),
  availableActions: z.array(z.string()),
  rating: z.object({ level: satisfactionSchema, label: z.string(), comment: z.string() }).optional(),
  timeline: z.array(timelineLineSchema),
  createdAt: instantSchema,
});
export type ResidentBookingView = z.infer<typeof residentBookingViewSchema>;

export const myBookingsQuerySchema = z.object({ limit: limitQuery(50, 20), cursor: z.string().max(2048).optional() });
export const myBookingsResponseSchema = z.object({
  bookings: z.array(residentBookingViewSchema.pick({ id: true, status: true, statusLabel: true, service: true, workerName: true, start: true, slotLabel: true, availableActions: true, createdAt: true })),
  nextCursor: z.string().nullable(),
});

export const residentBookingActionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('cancel'), version: z.number().int().positive(), reason: freeText(200).optional() }),
  z.object({ type: z.literal('reschedule'), version: z.number().int().positive(), start: instantSchema, reason: freeText(200).optional() }),
  z.object({ type: z.literal('rate'), version: z.number().int().positive(), level: satisfactionSchema, comment: freeText(500).optional() }),
]);
export type ResidentBookingAction = z.infer<typeof residentBookingActionSchema>;

/** What the worker sees: the visit's who, where and what, their own notes and receipts. */
export const workerBookingViewSchema = residentBookingViewSchema.omit({ timeline: true, changeDeadline: true, reschedulesLeft: true }).extend({
  gridCode: z.string(),
  checklist: z.array(checklistEntrySchema),
  receiptPhotoUrls: z.array(z.string()),
  residentReschedules: z.number().int(),
  timeline: z.array(timelineLineSchema.extend({ note: z.string().optional(), actorName: z.string().optional() })),
  /** Whether the caller is the worker making the visit: only they see the address, phone and note the resident gave for it. */
  mine: z.boolean(),
  address: z.string().optional(),
});
export type WorkerBookingView = z.infer<typeof workerBookingViewSchema>;

export const workDayQuerySchema = z.object({ day: isoDateSchema.optional() });
export const workDayResponseSchema = z.object({
  day: z.string(),
  bookings: z.array(workerBookingViewSchema),
  /**
   * The worker's next 14 Beijing days from today, each with how many visits it holds (not
   * called off) and how many of those still wait for their confirmation — the calendar's
   * day strip, so nothing waiting is hidden on a day not opened.
   */
  ahead: z.array(z.object({ date: z.string(), visits: z.number().int(), toConfirm: z.number().int() })),
});

export const workerBookingActionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('confirm'), version: z.number().int().positive(), note: freeText(200).optional() }),
  z.object({ type: z.literal('decline'), version: z.number().int().positive(), reason: requiredText(200, '请填写原因') }),
  z.object({ type: z.literal('reschedule'), version: z.number().int().positive(), start: instantSchema, reason: requiredText(200, '请填写原因') }),
  z.object({
    type: z.literal('visited'),
    version: z.number().int().positive(),
    checklist: z.array(z.object({ name: requiredText(60), collected: z.boolean() })).max(20).default([]),
    photos: z.array(photoRefSchema).max(6).default([]),
    note: freeText(200).optional(),
  }),
  z.object({ type: z.literal('submitted'), version: z.number().int().positive(), note: freeText(200).optional() }),
  z.object({ type: z.literal('completed'), version: z.number().int().positive(), note: freeText(200).optional() }),
  z.object({ type: z.literal('noShow'), version: z.number().int().positive(), note: freeText(200).optional() }),
]);
export type WorkerBookingAction = z.infer<typeof workerBookingActionSchema>;

export const availabilityRequestSchema = availabilitySchema.and(z.object({
  /** The grid to publish for; may be left out when the worker serves exactly one. */
  gridCode: z.string().regex(/^\d{15}$/, '网格编码应为 15 位数字').optional(),
}));
export const availabilityQuerySchema = z.object({ gridCode: z.string().regex(/^\d{15}$/, '网格编码应为 15 位数字').optional() });

export const availabilityResponseSchema = z.object({
  gridCode: z.string(),
  workerName: z.string(),
  /** Null until the worker first publishes. */
  availability: availabilitySchema.nullable(),
  updatedAt: instantSchema.nullable(),
  /** The slots this opens in the next 14 days (booked ones included), as residents would see the calendar. */
  upcomingSlots: z.number().int(),
});

/** Where the worker may move a visit: their own free slots ahead long enough for it, by day. */
export const workBookingSlotsResponseSchema = z.object({
  bookingId: z.string(),
  visitMinutes: z.number().int(),
  days: z.array(z.object({ date: z.string(), label: z.string(), slots: z.array(slotViewSchema) })),
});

/** 代办 figures: an area the caller covers (district, street, community or grid code), or `me` — the caller's own visits. */
export const visitStatsQuerySchema = z.object({
  scope: z.string().regex(/^(me|\d{6}|\d{9}|\d{12}|\d{15})$/, '范围应为 me 或区、街道、社区、网格编码'),
  from: isoDateSchema,
  to: isoDateSchema,
});

const visitTotalsSchema = z.object({
  booked: z.number().int(),
  confirmed: z.number().int(),
  declined: z.number().int(),
  cancelled: z.number().int(),
  rescheduled: z.number().int(),
  completed: z.number().int(),
  noShow: z.number().int(),
  rated: z.number().int(),
});

export const visitStatsResponseSchema = z.object({
  scope: z.object({ kind: z.enum(['worker', 'grid', 'community', 'street', 'district']), code: z.string(), name: z.string() }),
  from: z.string(),
  to: z.string(),
  totals: visitTotalsSchema,
  /** Ratings by level (every level present, zero when none). */
  ratings: z.record(satisfactionSchema, z.number().int()),
  /** 满意率: 非常满意 + 满意 + 基本满意 ÷ ratings; null with no rating yet. */
  satisfactionRate: z.number().nullable(),
  days: z.array(z.object({ date: z.string(), booked: z.number().int(), completed: z.number().int(), rated: z.number().int() })),
});
export type VisitStatsResponse = z.infer<typeof visitStatsResponseSchema>;
