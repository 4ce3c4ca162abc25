import type { CaseActionType } from '@gridtong/shared/case/actions';
import type { Satisfaction } from '@gridtong/shared/schemas/case';
import { shanghaiIsoDate } from '@gridtong/shared/deadlines/shanghai-time';
import type { BodyOf, ResponseOf } from '../../services/api';
import { formatTime } from '../../services/format';

/** One case in a staff queue, as the server sends it. */
export type WorkCaseRow = ResponseOf<'list-work-cases'>['cases'][number];
/** A case as staff see it, as the server sends it. */
export type WorkCaseView = ResponseOf<'get-work-case'>;
export type WorkTimelineEntry = WorkCaseView['timeline'][number];
/** The deadline light of a case (`none` while no warning runs): the server decides it; the desk only paints it. */
export type WarningStage = WorkCaseRow['warning'];
export type { WorkQueue } from '@gridtong/shared/case/desk';

type WithoutVersion<T> = T extends unknown ? Omit<T, 'version'> : never;
/** What the desk's forms send: a staff action, the version added when it is sent. */
export type StaffActionInput = WithoutVersion<BodyOf<'act-on-work-case'>>;

export const STAGE_ORDER: readonly WarningStage[] = ['overdue', 'red', 'orange', 'yellow', 'none'];

/** Most urgent first: the later light, then the earlier deadline; cases without one last. */
export function byUrgency(a: WorkCaseRow, b: WorkCaseRow): number {
  const stage = STAGE_ORDER.indexOf(a.warning) - STAGE_ORDER.indexOf(b.warning);
  if (stage !== 0) return stage;
  const due = (r: WorkCaseRow) => (r.deadline ? Date.parse(r.deadline) : Number.POSITIVE_INFINITY);
  return due(a) - due(b);
}

export function countByStage(rows: readonly WorkCaseRow[]): Record<WarningStage, number> {
  const counts: Record<WarningStage, number> = { overdue: 0, red: 0, orange: 0, yellow: 0, none: 0 };
  for (const r of rows) counts[r.warning] += 1;
  return counts;
}

/** Who took a step: the role, and the staff member's name when known. */
export function actorOf(e: WorkTimelineEntry): string {
  return e.actorName ? `${e.actorRoleLabel} ${e.actorName}` : e.actorRoleLabel;
}

/** The facts of a step (department, deadline, reason, note…), each its own line. */
export function timelineLines(e: WorkTimelineEntry): string[] {
  const lines: string[] = [];
  if (e.departmentName) lines.push(`部门：${e.departmentName}`);
  if (e.handlingDeadline) lines.push(`处置期限：${formatTime(e.handlingDeadline)}`);
  if (e.until) lines.push(`延期至：${formatTime(e.until)}`);
  if (e.reviewDate) lines.push(`复查日期：${formatTime(e.reviewDate)}`);
  if (e.duplicateOf) lines.push(`重复于：${e.duplicateOf}`);
  if (e.returnCount !== undefined) lines.push(`累计退单 ${e.returnCount} 次${e.escalated ? '，已提交区级仲裁' : ''}`);
  if (e.reason) lines.push(`原因：${e.reason}`);
  if (e.note) lines.push(e.note);
  if (e.photoCount) lines.push(`照片 ${e.photoCount} 张`);
  return lines;
}

const BEFORE_KINDS: ReadonlySet<string> = new Set(['report', 'supplement']);

/** Links minted for this read: what the resident sent, and what staff reported afterwards. */
export function photosOf(c: WorkCaseView): { before: string[]; after: string[] } {
  return {
    before: c.photos.filter((p) => BEFORE_KINDS.has(p.kind)).map((p) => p.url),
    after: c.photos.filter((p) => !BEFORE_KINDS.has(p.kind)).map((p) => p.url),
  };
}

export interface DepartmentOption {
  id: string;
  name: string;
}

/**
 * The departments a dispatcher may pick from: the 权责清单's department first, then the
 * departments the server lists for the case's area, then any the case has already met.
 */
export function departmentOptions(c: WorkCaseView): DepartmentOption[] {
  const departments: DepartmentOption[] = [];
  const offer = (id: string | undefined, name: string | undefined) => {
    if (id && !departments.some((d) => d.id === id)) departments.push({ id, name: name ?? id });
  };
  offer(c.dispatchDefaults.departmentId, c.dispatchDefaults.departmentName);
  for (const d of c.departmentOptions ?? []) offer(d.id, d.name);
  offer(c.routing.departmentId, c.routing.departmentName);
  for (const e of c.timeline) offer(e.departmentId, e.departmentName);
  return departments;
}

const SATISFACTION: readonly Satisfaction[] = ['verySatisfied', 'satisfied', 'basicallySatisfied', 'dissatisfied', 'veryDissatisfied'];

/** How many ratings of each level the 考核 totals hold (`rating_<level>` counters). */
export function ratingCounts(totals: Readonly<Record<string, number>>): Record<Satisfaction, number> {
  const count = (name: string) => (typeof totals[name] === 'number' && Number.isFinite(totals[name]) ? totals[name] : 0);
  return Object.fromEntries(SATISFACTION.map((s) => [s, count(`rating_${s}`)])) as Record<Satisfaction, number>;
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
export { formatTime };

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
