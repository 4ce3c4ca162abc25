import { DEFAULT_TIME_LIMITS } from '@gridtong/shared/deadlines/index';
import { isDomainError } from '@gridtong/shared/errors';
import { nextSweepAt, sweepCase, type SweepContext } from '@gridtong/shared/events/sweep';
import { workingCalendar } from '../calendar';
import { logger } from '../log';
import type { Runtime } from '../runtime';

export interface SweepReport {
  examined: number;
  warned: number;
  expired: number;
  rescheduled: number;
  /** Another writer (a staff action, a second sweep) got there first. */
  skipped: number;
}

/**
 * The sweep (a timer locally, an EventBridge schedule on AWS): every case whose next warning,
 * deadline or rating-window end is due, found through gsi7. Each change is one conditional
 * write through the case repository, so its event reaches the outbox in the same write.
 * Running it twice, or two at once, changes nothing more: a stage is recorded once per
 * deadline, and of two sweeps writing the same version only one succeeds.
 */
export async function runSweep(rt: Runtime, limitPerShard = 200): Promise<SweepReport> {
  const now = rt.now();
  const city = await rt.city.get();
  const report: SweepReport = { examined: 0, warned: 0, expired: 0, rescheduled: 0, skipped: 0 };
  for (const id of await rt.sweepIndex.due(now, limitPerShard)) {
    const found = await rt.cases.get(id, { consistent: true });
    if (!found) continue;
    report.examined++;
    const ctx: SweepContext = { calendar: workingCalendar(), limits: city.directory.item(found.itemCode)?.timeLimits ?? DEFAULT_TIME_LIMITS };
    const outcome = sweepCase(found, ctx, now);
    if (outcome.kind === 'none') {
      const next = nextSweepAt(found, ctx);
      // Never due again in the past: that would be looked at on every run.
      const dueAt = next === null ? null : new Date(Math.max(next.getTime(), now.getTime() + 60_000)).toISOString();
      await rt.sweepIndex.reschedule(found.id, found.version, dueAt);
      report.rescheduled++;
      continue;
    }
    try {
      await rt.cases.save(outcome.next);
      if (outcome.kind === 'warn') report.warned++;
      else report.expired++;
    } catch (err) {
      if (!isDomainError(err, 'CASE.VERSION_CONFLICT')) throw err;
      report.skipped++;
    }
  }
  if (report.examined) logger.info('sweep done', { ...report });
  return report;
}
