import {
  MINUTE_MS,
  dayStartMs,
  minutesOfClock,
  shanghaiDayIndex,
  toEpochMs,
  weekdayOfDay,
  type InstantInput,
} from '../deadlines/shanghai-time';
import type { Worker } from '../schemas/city';
import { weekdayName } from '../deadlines/beijing-format';

type DutyHours = Worker['dutyHours'][number];

/** ISO weekday (1 = Monday ... 7 = Sunday) of a Shanghai local day. */
const isoWeekday = (dayIndex: number) => weekdayOfDay(dayIndex) || 7;

/**
 * Whether a worker is on duty at `now` (Asia/Shanghai wall time; the caller passes the
 * clock). `to` is exclusive. A shift whose `to` is not after `from` runs past midnight
 * and belongs to the weekday it starts on.
 */
export function onDuty(worker: Pick<Worker, 'dutyHours'>, now: InstantInput): boolean {
  const ms = toEpochMs(now);
  const day = shanghaiDayIndex(ms);
  const minute = Math.floor((ms - dayStartMs(day)) / MINUTE_MS);
  const today = isoWeekday(day);
  const yesterday = isoWeekday(day - 1);
  return worker.dutyHours.some((shift) => {
    const from = minutesOfClock(shift.from);
    const to = minutesOfClock(shift.to);
    if (from < to) return shift.weekdays.includes(today) && minute >= from && minute < to;
    return (shift.weekdays.includes(today) && minute >= from) || (shift.weekdays.includes(yesterday) && minute < to);
  });
}

function weekdaysLabel(weekdays: readonly number[]): string {
  const days = [...new Set(weekdays)].sort((a, b) => a - b);
  const first = days[0];
  const last = days[days.length - 1];
  if (first === undefined || last === undefined) return '';
  if (days.length >= 3 && last - first === days.length - 1) return `${weekdayName(first)}至${weekdayName(last)}`;
  return days.map((d) => weekdayName(d)).join('、');
}

/** Duty hours as a resident reads them: "周一至周五 08:30–17:30；周六 09:00–17:00". */
export function formatDutyHours(dutyHours: readonly DutyHours[]): string {
  return dutyHours.map((s) => `${weekdaysLabel(s.weekdays)} ${s.from}–${s.to}`).join('；');
}
