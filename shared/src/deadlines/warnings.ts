import * as z from 'zod';
import { type InstantInput, toEpochMs } from './shanghai-time';
import { type DurationUnit, isWorkingTimeUnit } from './time-limits';
import type { WorkingCalendar } from './working-calendar';

export const warningStageSchema = z.enum(['none', 'yellow', 'orange', 'red', 'overdue']);
export type WarningStage = z.infer<typeof warningStageSchema>;

const STAGE_ORDER = warningStageSchema.options;

/** Share of the allowed time elapsed at which each warning light turns on. */
export const warningThresholdsSchema = z.object({
  yellow: z.number().gt(0).lt(1),
  orange: z.number().gt(0).lt(1),
  red: z.number().gt(0).lt(1),
}).refine((t) => t.yellow < t.orange && t.orange < t.red, { message: '预警比例应依次递增：黄 < 橙 < 红' });
export type WarningThresholds = z.infer<typeof warningThresholdsSchema>;

export const DEFAULT_WARNING_THRESHOLDS: WarningThresholds = { yellow: 0.5, orange: 0.75, red: 0.9 };

export interface DeadlineWindow {
  /** When the clock started (submission for dispatch, dispatch for handling). */
  start: InstantInput;
  deadline: InstantInput;
  /** Unit of the limit: working limits are measured in working time. */
  unit: DurationUnit;
}

/**
 * The stage a case is in at `now`. Overdue once `now` reaches the deadline; before
 * that, by the share of the allowed time elapsed, in the limit's own kind of time:
 * a 5-working-day case does not turn yellow over a weekend.
 */
export function warningStage(
  calendar: WorkingCalendar,
  window: DeadlineWindow,
  now: InstantInput,
  thresholds: WarningThresholds = DEFAULT_WARNING_THRESHOLDS,
): WarningStage {
  const nowMs = toEpochMs(now);
  if (nowMs >= toEpochMs(window.deadline)) return 'overdue';
  const measure = measureOf(calendar, window.unit);
  const allowed = measure(window.start, window.deadline);
  if (allowed <= 0) return 'none';
  const elapsed = measure(window.start, nowMs);
  if (elapsed >= thresholdMs(thresholds.red, allowed)) return 'red';
  if (elapsed >= thresholdMs(thresholds.orange, allowed)) return 'orange';
  if (elapsed >= thresholdMs(thresholds.yellow, allowed)) return 'yellow';
  return 'none';
}

/** Whole ms of elapsed time at which a fraction is reached; the margin absorbs float noise (0.9 × 2 h). */
function thresholdMs(fraction: number, allowed: number): number {
  return Math.ceil(fraction * allowed - 1e-3);
}

/**
 * The instant the next stage after the one at `now` begins, or null once overdue.
 * A sweep schedules its next look at the case for this instant.
 */
export function nextWarningAt(
  calendar: WorkingCalendar,
  window: DeadlineWindow,
  now: InstantInput,
  thresholds: WarningThresholds = DEFAULT_WARNING_THRESHOLDS,
): Date | null {
  const nowMs = toEpochMs(now);
  const current = STAGE_ORDER.indexOf(warningStage(calendar, window, nowMs, thresholds));
  const boundaries = stageBoundaries(calendar, window, thresholds);
  const next = boundaries.find((b) => STAGE_ORDER.indexOf(b.stage) > current && b.at > nowMs);
  return next ? new Date(next.at) : null;
}

function stageBoundaries(
  calendar: WorkingCalendar,
  window: DeadlineWindow,
  thresholds: WarningThresholds,
): Array<{ stage: WarningStage; at: number }> {
  const startMs = toEpochMs(window.start);
  const deadlineMs = toEpochMs(window.deadline);
  const overdue = { stage: 'overdue' as const, at: deadlineMs };
  const allowed = measureOf(calendar, window.unit)(startMs, deadlineMs);
  if (allowed <= 0) return [overdue];
  const working = isWorkingTimeUnit(window.unit);
  // The same rounding as warningStage, so a stage begins exactly at its boundary.
  const after = (fraction: number) => {
    const amount = thresholdMs(fraction, allowed);
    return working ? calendar.addWorkingMs(startMs, amount).getTime() : startMs + amount;
  };
  return [
    { stage: 'yellow' as const, at: after(thresholds.yellow) },
    { stage: 'orange' as const, at: after(thresholds.orange) },
    { stage: 'red' as const, at: after(thresholds.red) },
    overdue,
  ].filter((b) => b.stage === 'overdue' || b.at < deadlineMs);
}

function measureOf(calendar: WorkingCalendar, unit: DurationUnit): (a: InstantInput, b: InstantInput) => number {
  return isWorkingTimeUnit(unit)
    ? (a, b) => calendar.workingMsBetween(a, b)
    : (a, b) => toEpochMs(b) - toEpochMs(a);
}
