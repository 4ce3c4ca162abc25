import type { CaseActionType } from '@gridtong/shared/case/actions';
import type { CaseStatus } from '@gridtong/shared/schemas/case';
import { shanghaiIsoDate } from '@gridtong/shared/deadlines/shanghai-time';
import type { QueueRow, Stage } from './work-types';


/** Finished one way or another: no deadline runs any more. */
export const FINISHED_STATUSES: ReadonlySet<CaseStatus> = new Set(['rejected', 'cancelled', 'closed', 'rated', 'unrated']);

export const STAGE_ORDER: readonly Stage[] = ['overdue', 'red', 'orange', 'yellow', 'normal'];

/** Most urgent first: the later light, then the earlier deadline; cases without one last. */
export function byUrgency(a: QueueRow, b: QueueRow): number {
  const stage = STAGE_ORDER.indexOf(a.stage) - STAGE_ORDER.indexOf(b.stage);
  if (stage !== 0) return stage;
  const due = (r: QueueRow) => (r.dueAt ? Date.parse(r.dueAt) : Number.POSITIVE_INFINITY);
  return due(a) - due(b);
}

export function countByStage(rows: readonly QueueRow[]): Record<Stage, number> {
  const counts: Record<Stage, number> = { overdue: 0, red: 0, orange: 0, yellow: 0, normal: 0 };
  for (const r of rows) counts[r.stage] += 1;
  return counts;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const SHANGHAI_OFFSET = 8 * HOUR;

function span(ms: number): string {
  if (ms >= DAY) return `${Math.floor(ms / DAY)}天${Math.floor((ms % DAY) / HOUR)}小时`;
  if (ms >= HOUR) return `${Math.floor(ms / HOUR)}小时${Math.floor((ms % HOUR) / MINUTE)}分`;
  return `${Math.max(1, Math.floor(ms / MINUTE))}分钟`;
}

/** '剩 3小时20分' or '超期 1天2小时', against the case's running deadline. */
export function timeLeft(dueAt: string | undefined, now: number): string | undefined {
  if (!dueAt) return undefined;
  const left = Date.parse(dueAt) - now;
  return left > 0 ? `剩 ${span(left)}` : `超期 ${span(-left)}`;
}

/** '11月23日 17:00', Beijing time. */
export { formatTime } from '../../services/format';

/** What each action's short form asks for. */
export interface ActionForm {
  /** Free text and whether the action is refused without it. */
  text?: { field: 'note' | 'reason' | 'question' | 'notes'; required: boolean };
  /** 派遣: department picker and deadline. */
  dispatch?: true;
  /** A date in the future (延期 until, 挂账 review date). */
  date?: 'until' | 'reviewDate';
  /** 不予立案: duplicate of another case, or out of scope. */
  rejectKind?: true;
  photos?: { required: boolean };
}

export const ACTION_FORMS: Partial<Record<CaseActionType, ActionForm>> = {
  file: { text: { field: 'note', required: false } },
  reject: { rejectKind: true, text: { field: 'note', required: false } },
  requestInfo: { text: { field: 'question', required: true } },
  dispatch: { dispatch: true, text: { field: 'note', required: false } },
  accept: { text: { field: 'note', required: false } },
  return: { text: { field: 'reason', required: true } },
  startHandling: { text: { field: 'note', required: false } },
  requestExtension: { date: 'until', text: { field: 'reason', required: true } },
  approveExtension: { text: { field: 'note', required: false } },
  denyExtension: { text: { field: 'reason', required: true } },
  suspend: { date: 'reviewDate', text: { field: 'reason', required: true } },
  resume: { text: { field: 'note', required: false } },
  handle: { text: { field: 'notes', required: false }, photos: { required: false } },
  checkPass: { text: { field: 'note', required: false }, photos: { required: false } },
  checkFail: { text: { field: 'reason', required: true }, photos: { required: false } },
  approveReopen: { text: { field: 'note', required: false } },
  denyReopen: { text: { field: 'reason', required: true } },
};

/** Actions that move a case backwards or refuse it: drawn as secondary buttons. */
export const NEGATIVE_ACTIONS: ReadonlySet<CaseActionType> = new Set(['reject', 'requestInfo', 'return', 'denyExtension', 'checkFail', 'denyReopen', 'suspend']);

/** Deadline choices offered next to a default: whole days later, same clock time. */
export const DAY_OFFSETS = [1, 2, 3, 5, 7, 15] as const;

export function addDays(instant: string | number, days: number): string {
  const base = typeof instant === 'number' ? instant : Date.parse(instant);
  return new Date(base + days * DAY).toISOString();
}

/** 17:00 Beijing time on the day `days` days after `now`: a deadline a person would choose. */
export function endOfWorkday(now: number, days: number): string {
  const day = Math.floor((now + SHANGHAI_OFFSET) / DAY) + days;
  return new Date(day * DAY + 17 * HOUR - SHANGHAI_OFFSET).toISOString();
}

/** '87%' or '—' when nothing was there to measure. */
export function percent(share: number | null): string {
  return share === null ? '—' : `${Math.round(share * 100)}%`;
}

/** On time among the cases handled in the range (处置反馈 before the deadline then in force). */
export function onTimeShare(totals: Readonly<Record<string, number>>): number | null {
  const onTime = totals.onTime ?? 0;
  const late = totals.late ?? 0;
  return onTime + late === 0 ? null : onTime / (onTime + late);
}

/** The last `days` Beijing dates up to today, as the stats route takes them. */
export function lastDays(now: number, days: number): { from: string; to: string } {
  return { from: shanghaiIsoDate(now - (days - 1) * DAY), to: shanghaiIsoDate(now) };
}
