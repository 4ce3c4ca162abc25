import { runSweep, type SweepReport } from '../events/sweep-job';
import { getRuntime } from '../runtime';

/** The sweep on AWS: an EventBridge schedule runs the same code as the local timer. */
export async function handler(): Promise<SweepReport> {
  return runSweep(getRuntime());
}
