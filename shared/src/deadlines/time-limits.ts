import * as z from 'zod';
import { type InstantInput, DAY_MS, HOUR_MS, toEpochMs } from './shanghai-time';
import type { WorkingCalendar } from './working-calendar';

/** 一级 / 二级 / 三级. */
export const urgencySchema = z.enum(['urgent', 'important', 'normal']);
export type Urgency = z.infer<typeof urgencySchema>;

export const durationUnitSchema = z.enum(['calendarHours', 'workingHours', 'workingDays', 'calendarDays']);
export type DurationUnit = z.infer<typeof durationUnitSchema>;

// Caps keep a typo (5000 working days) from becoming a deadline nobody will see.
const MAX_AMOUNT: Record<DurationUnit, number> = {
  calendarHours: 24 * 366,
  workingHours: 8 * 250,
  workingDays: 250,
  calendarDays: 366,
};

export const durationSchema = z.object({
  amount: z.number().positive(),
  unit: durationUnitSchema,
}).superRefine((duration, ctx) => {
  const isDays = duration.unit === 'workingDays' || duration.unit === 'calendarDays';
  if (isDays && !Number.isInteger(duration.amount)) {
    ctx.addIssue({ code: 'custom', message: '按天计的时限应为整数', path: ['amount'] });
  }
  if (duration.amount > MAX_AMOUNT[duration.unit]) {
    ctx.addIssue({ code: 'custom', message: `时限不应超过 ${MAX_AMOUNT[duration.unit]}`, path: ['amount'] });
  }
});
export type Duration = z.infer<typeof durationSchema>;

/** Whether a limit in this unit runs on the working calendar (skips nights, weekends, holidays). */
export function isWorkingTimeUnit(unit: DurationUnit): boolean {
  return unit === 'workingHours' || unit === 'workingDays';
}

export const DEFAULT_DISPATCH_LIMIT: Duration = { amount: 24, unit: 'calendarHours' };

export const DEFAULT_HANDLING_LIMITS: Record<Urgency, Duration> = {
  urgent: { amount: 2, unit: 'calendarHours' },
  important: { amount: 24, unit: 'calendarHours' },
  normal: { amount: 5, unit: 'workingDays' },
};

// Defaults are copied so a caller mutating a parsed item cannot change everyone's defaults.
const copyOf = (duration: Duration) => (): Duration => ({ ...duration });

export const handlingLimitsSchema = z.object({
  urgent: durationSchema.default(copyOf(DEFAULT_HANDLING_LIMITS.urgent)),
  important: durationSchema.default(copyOf(DEFAULT_HANDLING_LIMITS.important)),
  normal: durationSchema.default(copyOf(DEFAULT_HANDLING_LIMITS.normal)),
});

export const timeLimitsSchema = z.object({
  /** From submission to dispatch (分流): 24 h in Shenzhen's rule. */
  dispatch: durationSchema.default(copyOf(DEFAULT_DISPATCH_LIMIT)),
  /** From dispatch to handled, per urgency level; a level left out takes its default. */
  handling: handlingLimitsSchema.prefault({}),
});
export type TimeLimits = z.infer<typeof timeLimitsSchema>;

export const DEFAULT_TIME_LIMITS: TimeLimits = {
  dispatch: DEFAULT_DISPATCH_LIMIT,
  handling: DEFAULT_HANDLING_LIMITS,
};

/**
 * When a limit that starts at `start` runs out. Calendar hours and days are elapsed
 * time (holidays included: an emergency does not wait for 春节); working hours and
 * days follow the calendar's rules.
 */
export function computeDeadline(calendar: WorkingCalendar, start: InstantInput, duration: Duration): Date {
  const startMs = toEpochMs(start);
  switch (duration.unit) {
    case 'calendarHours': return new Date(startMs + Math.round(duration.amount * HOUR_MS));
    case 'calendarDays': return new Date(startMs + duration.amount * DAY_MS);
    case 'workingHours': return calendar.addWorkingHours(startMs, duration.amount);
    case 'workingDays': return calendar.addWorkingDays(startMs, duration.amount);
  }
}

export interface DispatchPlanInput {
  calendar: WorkingCalendar;
  limits: TimeLimits;
  urgency: Urgency;
  submittedAt: InstantInput;
}

/**
 * Dispatch deadline (UTC ISO string, sortable as a key). It is never later than the
 * handling deadline would be if the case were dispatched at once: an urgent case
 * with 2 hours to be handled cannot wait 24 hours to be dispatched.
 */
export function planDispatchDeadline({ calendar, limits, urgency, submittedAt }: DispatchPlanInput): string {
  const dispatchBy = computeDeadline(calendar, submittedAt, limits.dispatch);
  const handledBy = computeDeadline(calendar, submittedAt, limits.handling[urgency]);
  return new Date(Math.min(dispatchBy.getTime(), handledBy.getTime())).toISOString();
}

export interface HandlingPlanInput {
  calendar: WorkingCalendar;
  limits: TimeLimits;
  urgency: Urgency;
  dispatchedAt: InstantInput;
}

/** Handling deadline (UTC ISO string), counted from the dispatch instant. */
export function planHandlingDeadline({ calendar, limits, urgency, dispatchedAt }: HandlingPlanInput): string {
  return computeDeadline(calendar, dispatchedAt, limits.handling[urgency]).toISOString();
}
