import * as z from 'zod';
import { instantSchema } from '../schemas/common';
import { actorSchema, photoRefSchema, ratingSchema } from '../schemas/case';

export const bookingStatusSchema = z.enum(['requested', 'confirmed', 'declined', 'visited', 'submitted', 'completed', 'cancelled', 'noShow']);
export type BookingStatus = z.infer<typeof bookingStatusSchema>;

/** Statuses that hold one of the resident's open-booking places and the worker's slot. */
export const OPEN_BOOKING_STATUSES: readonly BookingStatus[] = ['requested', 'confirmed', 'visited', 'submitted'];
/** Statuses after which the slot is free again for someone else. */
export const SLOT_RELEASING_STATUSES: readonly BookingStatus[] = ['declined', 'cancelled'];

export const isOpenBooking = (status: BookingStatus) => OPEN_BOOKING_STATUSES.includes(status);

/** One line of the booking's own timeline: appended, never edited. */
export const bookingEventSchema = z.object({
  seq: z.number().int().nonnegative(),
  at: instantSchema,
  actor: actorSchema,
  action: z.string().min(1),
  from: bookingStatusSchema.nullable(),
  to: bookingStatusSchema,
  /** Said to the resident (a decline's or a worker reschedule's reason). */
  reason: z.string().optional(),
  /** Staff's own note: never shown to the resident. */
  note: z.string().optional(),
  /** Slot moves: { fromStart, toStart }. */
  data: z.record(z.string(), z.unknown()).optional(),
});
export type BookingEvent = z.infer<typeof bookingEventSchema>;

export const checklistEntrySchema = z.object({ name: z.string().min(1), collected: z.boolean() });
export type ChecklistEntry = z.infer<typeof checklistEntrySchema>;

/** The booking as stored: one item holding its state, version and timeline. */
export const bookingSchema = z.object({
  id: z.string().regex(/^B[0-9A-Z]{10,40}$/),
  residentId: z.string().min(1),
  workerId: z.string().min(1),
  workerName: z.string().min(1),
  gridCode: z.string().regex(/^\d{15}$/),
  serviceCode: z.string().min(1),
  slotStart: instantSchema,
  slotEnd: instantSchema,
  /** Every slot the visit holds (a long visit takes consecutive slots); released together. */
  claimedStarts: z.array(instantSchema).min(1),
  /** Materials the resident said they have ready (names from the service's list). */
  materialsReady: z.array(z.string()),
  address: z.string().min(1),
  contactPhone: z.string().optional(),
  note: z.string().optional(),
  status: bookingStatusSchema,
  version: z.number().int().positive(),
  /** Reschedules made by the resident (at most BOOKING_RULES.maxResidentReschedules). */
  residentReschedules: z.number().int().nonnegative(),
  /** Which of the resident's open-booking places this booking holds (1 or 2). */
  seat: z.number().int().min(1),
  /** What the worker collected on the visit. */
  checklist: z.array(checklistEntrySchema).default([]),
  receiptPhotos: z.array(photoRefSchema).default([]),
  rating: ratingSchema.optional(),
  createdAt: instantSchema,
  updatedAt: instantSchema,
  timeline: z.array(bookingEventSchema).min(1),
});
export type Booking = z.infer<typeof bookingSchema>;
