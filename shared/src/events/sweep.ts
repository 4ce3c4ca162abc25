import { applyAction, DEFAULT_CASE_RULES, type CaseRules } from '../case/machine';
import type { Case, TimelineEvent } from '../schemas/case';
import {
  computeDeadline,
  nextWarningAt,
  warningStage,
  warningStageSchema,
  type DeadlineWindow,
  type TimeLimits,
  type WarningStage,
  type WarningThresholds,
  DEFAULT_WARNING_THRESHOLDS,
} from '../deadlines';
import type { WorkingCalendar } from '../deadlines/working-calendar';

/** The timeline action of a warning light recorded by the sweep (a system event, never a staff action). */
export const WARN_ACTION = 'warn';

const STAGE_ORDER = warningStageSchema.options;
const HOUR_MS = 3_600_000;
const stageRank = (stage: WarningStage) => STAGE_ORDER.indexOf(stage);

export interface SweepContext {
  calendar: WorkingCalendar;
  /** The case item's time limits from the catalog (its deadlines were set from them). */
  limits: TimeLimits;
  rules?: Partial<CaseRules>;
  thresholds?: WarningThresholds;
}

/** When the latest 派遣 happened: the handling clock starts there. */
function lastDispatchAt(c: Case): string | undefined {
  for (let i = c.timeline.length - 1; i >= 0; i--) {
    const event = c.timeline[i]!;
    if (event.action === 'dispatch') return event.at;
  }
  return undefined;
}

/**
 * The deadline the case is being measured against now, or null when no clock runs: the
 * dispatch limit until it is first dispatched, the handling limit while a department holds
 * it. A suspended (挂账) case, one waiting on the resident, on a check or on a re-dispatch
 * after a 退单 has no warning lights.
 */
export function deadlineWindow(c: Case, ctx: SweepContext): DeadlineWindow | null {
  switch (c.status) {
    case 'submitted':
    case 'filed': {
      // After a 重办 the first dispatch limit is long gone; the centre sets the new pace.
      if (c.reopenCount > 0) return null;
      // planDispatchDeadline took the earlier of the dispatch and handling limits: use the unit of that one.
      const byDispatchLimit = computeDeadline(ctx.calendar, Date.parse(c.createdAt), ctx.limits.dispatch).toISOString();
      const unit = byDispatchLimit === c.dispatchDeadline ? ctx.limits.dispatch.unit : ctx.limits.handling[c.urgency].unit;
      return { start: Date.parse(c.createdAt), deadline: Date.parse(c.dispatchDeadline), unit };
    }
    case 'dispatched':
    case 'accepted':
    case 'handling': {
      const start = lastDispatchAt(c);
      if (!c.handlingDeadline || !start) return null;
      return { start: Date.parse(start), deadline: Date.parse(c.handlingDeadline), unit: ctx.limits.handling[c.urgency].unit };
    }
    default:
      return null;
  }
}

/** The stage last recorded for the deadline now in force ('none' if it was recorded for another one). */
export function recordedStage(c: Case, window: DeadlineWindow | null): WarningStage {
  if (!window || !c.warning) return 'none';
  return Date.parse(c.warning.deadline) === window.deadline ? c.warning.stage : 'none';
}

function ratingWindowEnd(c: Case, rules: CaseRules): number | null {
  if (c.status !== 'closed') return null;
  return Date.parse(c.closedAt ?? c.updatedAt) + rules.ratingWindowHours * HOUR_MS;
}

/**
 * When the sweep must next look at this case: the start of the first stage after the one
 * already recorded (so a stage the sweep missed is due at once), or the end of the rating
 * window. Null when nothing will ever be due.
 */
export function nextSweepAt(c: Case, ctx: SweepContext): Date | null {
  const rules = { ...DEFAULT_CASE_RULES, ...ctx.rules };
  const ratingEnd = ratingWindowEnd(c, rules);
  if (ratingEnd !== null) return new Date(ratingEnd);
  const window = deadlineWindow(c, ctx);
  if (!window) return null;
  const thresholds = ctx.thresholds ?? DEFAULT_WARNING_THRESHOLDS;
  const recorded = stageRank(recordedStage(c, window));
  let at: number = window.start as number;
  for (let i = 0; i < STAGE_ORDER.length; i++) {
    const next = nextWarningAt(ctx.calendar, window, at, thresholds);
    if (!next) return null;
    if (stageRank(warningStage(ctx.calendar, window, next, thresholds)) > recorded) return next;
    at = next.getTime();
  }
  return null;
}

export type SweepOutcome =
  | { kind: 'none' }
  | { kind: 'warn'; stage: WarningStage; next: Case; event: TimelineEvent }
  | { kind: 'expireRating'; next: Case; event: TimelineEvent };

/**
 * What the sweep does to one case at `now` (pure). A stage is recorded once per deadline;
 * if the sweep was down across several boundaries, only the stage reached is recorded.
 * Running it again on its own result gives 'none'.
 */
export function sweepCase(c: Case, ctx: SweepContext, now: Date): SweepOutcome {
  const rules = { ...DEFAULT_CASE_RULES, ...ctx.rules };
  const ratingEnd = ratingWindowEnd(c, rules);
  if (ratingEnd !== null) {
    if (now.getTime() < ratingEnd) return { kind: 'none' };
    const { next, event } = applyAction(c, { type: 'expireRating' }, { actor: { role: 'system' }, now, options: ctx.rules });
    return { kind: 'expireRating', next, event };
  }
  const window = deadlineWindow(c, ctx);
  if (!window) return { kind: 'none' };
  const stage = warningStage(ctx.calendar, window, now, ctx.thresholds ?? DEFAULT_WARNING_THRESHOLDS);
  if (stageRank(stage) <= stageRank(recordedStage(c, window))) return { kind: 'none' };
  const { next, event } = recordWarning(c, stage, new Date(window.deadline).toISOString(), now);
  return { kind: 'warn', stage, next, event };
}

/** Appends the system's warning event and stores the stage with the deadline it measured. */
export function recordWarning(c: Case, stage: WarningStage, deadline: string, now: Date): { next: Case; event: TimelineEvent } {
  const at = now.toISOString();
  const last = c.timeline[c.timeline.length - 1];
  const event: TimelineEvent = {
    seq: last ? last.seq + 1 : 0,
    at,
    actor: { role: 'system' },
    action: WARN_ACTION,
    from: c.status,
    to: c.status,
    data: { stage, deadline },
  };
  const next: Case = { ...c, warning: { stage, deadline, at }, version: c.version + 1, updatedAt: at, timeline: [...c.timeline, event] };
  return { next, event };
}
