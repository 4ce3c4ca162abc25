import { runSweep, type SweepReport } from '../cases/sweep';
import { getRuntime } from '../runtime';
import { sendDueReminders } from '../bookings/jobs';

/** The sweep on AWS: an EventBridge schedule runs the same code as the local timer. */
export async function handler(): Promise<SweepReport> {
  const report = await runSweep(getRuntime());
  // The day-before reminders ride on the same schedule
  await sendDueReminders(getRuntime());
  return report;
}
