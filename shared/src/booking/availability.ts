import * as z from 'zod';
import { freeText } from '../schemas/text';
import type { WorkingCalendar } from '../deadlines/working-calendar';
import { MINUTE_MS, dayOfIsoDate, dayStartMs, isoDateOfDay, minutesOfClock, shanghaiDayIndex } from '../deadlines/shanghai-time';
import { BOOKING_RULES } from './rules';

const clockSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间应为 HH:MM');
export const isoDateSchema = z.string().refine((v) => dayOfIsoDate(v) !== undefined, '日期应为 YYYY-MM-DD');
/** ISO weekday: 1 = Monday … 7 = Sunday. */
export const isoWeekdaySchema = z.number().int().min(1, '星期应为 1–7').max(7, '星期应为 1–7');

export const SLOT_MINUTES = [15, 20, 30, 45, 60, 90, 120] as const;

/** One weekly window, e.g. Tuesday 14:00–17:00. */
export const availabilityWindowSchema = z.object({ weekday: isoWeekdaySchema, start: clockSchema, end: clockSchema })
  .refine((w) => w.end > w.start, { message: '结束时间应晚于开始时间', path: ['end'] });

/** A one-off closure (leave, a meeting day): no slots on these Beijing dates, both ends included. */
export const closureSchema = z.object({ from: isoDateSchema, to: isoDateSchema, reason: freeText(50).optional() })
  .refine((c) => c.to >= c.from, { message: '结束日期不能早于开始日期', path: ['to'] });

/**
 * A worker's published availability: weekly windows cut into slots, one-off closures, and
 * which weekday's windows a 调休 make-up working day follows (the calendar knows which
 * weekends are worked; public holidays never have slots).
 */
export const availabilitySchema = z.object({
  slotMinutes: z.number().int().refine((m) => (SLOT_MINUTES as readonly number[]).includes(m), `每个时段应为 ${SLOT_MINUTES.join('/')} 分钟`).default(30),
  weekly: z.array(availabilityWindowSchema).max(28, '每周最多 28 个时段'),
  closures: z.array(closureSchema).max(50, '最多 50 段停约日期').default([]),
  makeUpDayAs: isoWeekdaySchema.max(5, '调休上班日应按周一至周五之一安排').default(1),
}).superRefine((a, ctx) => {
  a.weekly.forEach((w, i) => {
    a.weekly.forEach((o, j) => {
      if (j > i && o.weekday === w.weekday && o.start < w.end && w.start < o.end) {
        ctx.addIssue({ code: 'custom', message: '同一天的时段不能重叠', path: ['weekly', j, 'start'] });
      }
    });
  });
});
export type Availability = z.infer<typeof availabilitySchema>;

export interface Slot {
  /** ISO instants (UTC). */
  start: string;
  end: string;
  /** Beijing date and time of the start, for display and grouping. */
  date: string;
  time: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const clockOf = (minutes: number) => `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;

/** The Beijing date of an instant, 'YYYY-MM-DD'. */
export const beijingDate = (at: Date | number) => isoDateOfDay(shanghaiDayIndex(at));

/** Slots the availability opens on one Beijing day, before anything is booked. */
export function slotsOnDay(availability: Availability, calendar: WorkingCalendar, date: string): Slot[] {
  const day = dayOfIsoDate(date);
  if (day === undefined) return [];
  if (availability.closures.some((c) => c.from <= date && date <= c.to)) return [];
  const info = calendar.describeDay(dayStartMs(day));
  if (info.kind === 'holiday') return [];
  const weekday = info.kind === 'makeUpWorkday' ? availability.makeUpDayAs : info.weekday === 0 ? 7 : info.weekday;
  const base = dayStartMs(day);
  const slots: Slot[] = [];
  const windows = availability.weekly.filter((w) => w.weekday === weekday).sort((a, b) => a.start.localeCompare(b.start));
  for (const w of windows) {
    const open = minutesOfClock(w.start);
    const close = minutesOfClock(w.end);
    for (let m = open; m + availability.slotMinutes <= close; m += availability.slotMinutes) {
      slots.push({
        start: new Date(base + m * MINUTE_MS).toISOString(),
        end: new Date(base + (m + availability.slotMinutes) * MINUTE_MS).toISOString(),
        date,
        time: clockOf(m),
      });
    }
  }
  return slots;
}

/** The Beijing dates residents may book on at `now`: today and the next horizonDays − 1. */
export function bookableDates(now: Date, from?: string): string[] {
  const today = shanghaiDayIndex(now);
  const first = Math.max(today, from ? (dayOfIsoDate(from) ?? today) : today);
  const dates: string[] = [];
  for (let d = first; d < today + BOOKING_RULES.horizonDays; d++) dates.push(isoDateOfDay(d));
  return dates;
}

/** Whether a slot may still be booked at `now` (far enough ahead, within the horizon). */
export function isBookableAt(slot: Pick<Slot, 'start'>, now: Date): boolean {
  const start = Date.parse(slot.start);
  const lastDay = shanghaiDayIndex(now) + BOOKING_RULES.horizonDays - 1;
  return start >= now.getTime() + BOOKING_RULES.minLeadMinutes * MINUTE_MS && shanghaiDayIndex(start) <= lastDay;
}

/** Every slot the availability offers from `from` (default today) to the end of the horizon, bookable at `now`. */
export function bookableSlots(availability: Availability, calendar: WorkingCalendar, now: Date, from?: string): Slot[] {
  return bookableDates(now, from).flatMap((date) => slotsOnDay(availability, calendar, date)).filter((s) => isBookableAt(s, now));
}

/** A visit of `visitMinutes` takes this many consecutive slots (a 45-minute visit, two 30-minute slots). */
export const slotsNeeded = (availability: Availability, visitMinutes: number) => Math.max(1, Math.ceil(visitMinutes / availability.slotMinutes));

export interface Visit {
  start: string;
  end: string;
  /** Starts of every slot the visit occupies, in order. */
  starts: string[];
}

/**
 * The visit starting at `start`: that slot and the ones right after it, as many as the visit
 * needs, back to back within one window — or undefined when the day has no such run.
 */
export function findVisit(availability: Availability, calendar: WorkingCalendar, start: string, visitMinutes: number): Visit | undefined {
  const ms = Date.parse(start);
  if (!Number.isFinite(ms)) return undefined;
  const iso = new Date(ms).toISOString();
  const day = slotsOnDay(availability, calendar, beijingDate(ms));
  const first = day.findIndex((s) => s.start === iso);
  if (first < 0) return undefined;
  const run = day.slice(first, first + slotsNeeded(availability, visitMinutes));
  if (run.length < slotsNeeded(availability, visitMinutes)) return undefined;
  for (let i = 1; i < run.length; i++) if (run[i]!.start !== run[i - 1]!.end) return undefined;
  return { start: run[0]!.start, end: run[run.length - 1]!.end, starts: run.map((s) => s.start) };
}

/** The slot of this availability starting exactly at `start`, if it offers one. */
export function findSlot(availability: Availability, calendar: WorkingCalendar, start: string): Slot | undefined {
  const ms = Date.parse(start);
  if (!Number.isFinite(ms)) return undefined;
  const iso = new Date(ms).toISOString();
  return slotsOnDay(availability, calendar, beijingDate(ms)).find((s) => s.start === iso);
}
