import { shanghaiIsoDate } from '../deadlines';
import { satisfactionSchema, type Satisfaction } from '../schemas/case';
import type { Booking, BookingEvent } from './schema';

/**
 * 代办 visit figures, kept on write like the cases' 考核 counters but under their own scope
 * codes (`BK-<code>`), so a grid's case figures and its visit figures never mix: each step
 * adds to the grid, community, street and district the booking belongs to and to the worker
 * who holds it, on the step's Beijing date.
 */
export const BOOKING_COUNTER_NAMES = [
  'booked', // 预约 (a new booking)
  'confirmed', // 确认
  'declined', // 婉拒
  'cancelled', // 居民取消
  'rescheduled', // 改约 (resident's or worker's)
  'completed', // 办结 (documents delivered)
  'noShow', // 上门未见
  'rated', // 评价
  ...satisfactionSchema.options.map((level) => `rating_${level}` as const),
] as const;
export type BookingCounterName = (typeof BOOKING_COUNTER_NAMES)[number];
export type BookingCounterTotals = Partial<Record<BookingCounterName, number>>;

export const visitStatsCode = (code: string) => `BK-${code}`;

export interface BookingPlace {
  grid: string;
  community?: string | undefined;
  street?: string | undefined;
  district?: string | undefined;
}

export interface BookingCounterDelta {
  date: string;
  /** Scope codes (already `BK-` prefixed) the step adds to. */
  codes: string[];
  add: BookingCounterTotals;
}

const SIMPLE: Partial<Record<string, BookingCounterName>> = {
  request: 'booked',
  confirm: 'confirmed',
  decline: 'declined',
  cancel: 'cancelled',
  reschedule: 'rescheduled',
  workerReschedule: 'rescheduled',
  completed: 'completed',
  noShow: 'noShow',
};

/** What one step adds to the visit figures, or null when it counts for nothing (a reminder, a 已上门). */
export function bookingCounterDelta(b: Booking, e: BookingEvent, place: BookingPlace): BookingCounterDelta | null {
  let add: BookingCounterTotals;
  if (e.action === 'rate') {
    const level = satisfactionSchema.safeParse(e.data?.level);
    if (!level.success) return null;
    add = { rated: 1, [`rating_${level.data satisfies Satisfaction}`]: 1 };
  } else {
    const name = SIMPLE[e.action];
    if (!name) return null;
    add = { [name]: 1 };
  }
  const areas = [place.grid, place.community, place.street, place.district].filter((c): c is string => !!c);
  return {
    date: shanghaiIsoDate(Date.parse(e.at)),
    codes: [...new Set([...areas, b.workerId])].map(visitStatsCode),
    add,
  };
}
