import { DEFAULT_TIME_LIMITS } from '@gridtong/shared/deadlines/index';
import { isDomainError } from '@gridtong/shared/errors';
import { nextSweepAt, sweepCase, type SweepContext } from '@gridtong/shared/events/sweep';
import { workingCalendar } from '../calendar';
import { logger } from '../log';
import type { CityProvider, CityReference } from '../city/city-snapshot';
import type { CaseRepository } from './case-store';
import type { SweepIndex } from './sweep-index';

/** What the sweep touches: its clock, the catalog's time limits, the due index and the cases. */
export interface SweepPorts {
  now: () => Date;
  city: Pick<CityProvider, 'get'>;
  sweepIndex: Pick<SweepIndex, 'due' | 'reschedule'>;
  cases: Pick<CaseRepository, 'get' | 'save'>;
}

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
export async function runSweep(rt: SweepPorts, limitPerShard = 200): Promise<SweepReport> {
  const now = rt.now();
  const city = await rt.city.get();
  const report: SweepReport = { examined: 0, warned: 0, expired: 0, rescheduled: 0, skipped: 0 };
  for (const id of await rt.sweepIndex.due(now, limitPerShard)) {
    try {
      await sweepOne(rt, id, now, city, report);
    } catch (err) {
      // One case that cannot be swept must not hold up the rest; it stays due for the next run.
      logger.error('could not sweep a case', { caseId: id, error: err as Error });
    }
  }
  if (report.examined) logger.info('sweep done', { ...report });
  return report;
}

/** One due case: record the stage or end the rating window it has reached, or set when to look again. */
async function sweepOne(rt: SweepPorts, id: string, now: Date, city: CityReference, report: SweepReport): Promise<void> {
  const found = await rt.cases.get(id, { consistent: true });
  if (!found) return;
  report.examined++;
  const ctx: SweepContext = { calendar: workingCalendar(), limits: city.directory.item(found.itemCode)?.timeLimits ?? DEFAULT_TIME_LIMITS };
  const outcome = sweepCase(found, ctx, now);
  if (outcome.kind === 'none') {
    const next = nextSweepAt(found, ctx);
    // Never due again in the past: that would be looked at on every run.
    const dueAt = next === null ? null : new Date(Math.max(next.getTime(), now.getTime() + 60_000)).toISOString();
    await rt.sweepIndex.reschedule(found.id, found.version, dueAt);
    report.rescheduled++;
    return;
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
