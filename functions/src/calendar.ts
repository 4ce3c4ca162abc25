import { createWorkingCalendar, type WorkingCalendar } from '@gridtong/shared/deadlines/index';

let calendar: WorkingCalendar | null = null;

/** The official holiday table with default working hours, built once per container. */
export function workingCalendar(): WorkingCalendar {
  calendar ??= createWorkingCalendar();
  return calendar;
}
