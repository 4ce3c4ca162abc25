import type { CaseActionInput } from '@gridtong/shared/case/actions';
import type { Satisfaction } from '@gridtong/shared/schemas/case';
import { api, type ApiClient } from '../../services/api';
import { formatTime } from './desk-model';
import type { CaseDetail, Option, QueuePage, QueueRow, Stage, StatsReport, TimelineLine, WorkQueue } from './work-types';

/*
 * The staff API, as the desk uses it. Answers are read field by field into the desk's own
 * types (work-types.ts): nothing the server adds reaches a screen by accident, and a change
 * in the wire format touches this file only.
 */

type Wire = Record<string, unknown>;
type Transport = Pick<ApiClient, 'request'>;

const obj = (v: unknown): Wire => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Wire) : {});
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const rate = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

const STAGES: readonly Stage[] = ['normal', 'yellow', 'orange', 'red', 'overdue'];
/** The domain calls the quiet stage 'none'; the desk calls it 'normal'. */
export function toStage(v: unknown): Stage {
  if (v === 'none') return 'normal';
  return STAGES.includes(v as Stage) ? (v as Stage) : 'normal';
}

export function toQueueRow(v: unknown): QueueRow {
  const o = obj(v);
  const pending = o.pendingRequest;
  return {
    id: String(o.id),
    itemName: str(o.itemName) ?? '',
    status: o.status as QueueRow['status'],
    statusLabel: str(o.statusLabel) ?? '',
    address: str(o.address) ?? '',
    gridName: str(o.gridName) ?? '',
    departmentName: str(o.departmentName) ?? '',
    urgency: (str(o.urgency) ?? 'normal') as QueueRow['urgency'],
    dueAt: str(o.deadline),
    stage: toStage(o.warning),
    followerCount: num(o.followerCount),
    urgeCount: num(o.urgeCount),
    returnCount: num(o.returnCount),
    escalated: num(o.escalationLevel) > 0,
    pendingRequest: pending === 'extension' || pending === 'reopen' ? pending : undefined,
  };
}

function toTimelineLine(v: unknown): TimelineLine {
  const e = obj(v);
  const lines: string[] = [];
  const reason = str(e.reason);
  const note = str(e.note);
  if (str(e.departmentName)) lines.push(`部门：${String(e.departmentName)}`);
  if (str(e.handlingDeadline)) lines.push(`处置期限：${formatTime(String(e.handlingDeadline))}`);
  if (str(e.until)) lines.push(`延期至：${formatTime(String(e.until))}`);
  if (str(e.reviewDate)) lines.push(`复查日期：${formatTime(String(e.reviewDate))}`);
  if (str(e.duplicateOf)) lines.push(`重复于：${String(e.duplicateOf)}`);
  if (typeof e.returnCount === 'number') lines.push(`累计退单 ${e.returnCount} 次${e.escalated === true ? '，已提交区级仲裁' : ''}`);
  if (reason) lines.push(`原因：${reason}`);
  if (note) lines.push(note);
  if (num(e.photoCount) > 0) lines.push(`照片 ${num(e.photoCount)} 张`);
  const name = str(e.actorName);
  const role = str(e.actorRoleLabel) ?? '';
  return { seq: num(e.seq), at: str(e.at) ?? '', title: str(e.actionLabel) ?? str(e.action) ?? '', who: name ? `${role} ${name}` : role, lines };
}

const BEFORE_KINDS = new Set(['report', 'supplement']);

export function toCaseDetail(v: unknown): CaseDetail {
  const c = obj(v);
  const routing = obj(c.routing);
  const location = obj(c.location);
  const deadlines = obj(c.deadlines);
  const rating = obj(c.rating);
  const pending = obj(c.pendingExtension);
  const defaults = obj(c.dispatchDefaults);
  const photos = arr(c.photos).map(obj);
  const timeline = arr(c.timeline);

  // The picker offers the 权责清单's department first, then every department the case has met.
  const departments: Option[] = [];
  const offer = (id: unknown, name: unknown) => {
    const key = str(id);
    if (key && !departments.some((d) => d.id === key)) departments.push({ id: key, name: str(name) ?? key });
  };
  offer(defaults.departmentId, defaults.departmentName);
  offer(routing.departmentId, routing.departmentName);
  for (const e of timeline.map(obj)) offer(e.departmentId, e.departmentName);

  const departmentId = str(routing.departmentId);
  const kind = deadlines.currentKind;
  return {
    id: String(c.id),
    version: num(c.version),
    status: c.status as CaseDetail['status'],
    statusLabel: str(c.statusLabel) ?? '',
    itemName: str(c.itemName) ?? '',
    urgencyLabel: str(c.urgencyLabel) ?? '',
    description: str(c.description) ?? '',
    address: str(location.address) ?? '',
    gridName: str(location.gridName) ?? '',
    stage: toStage(deadlines.warning),
    dueAt: str(deadlines.current),
    dueKind: kind === 'dispatch' || kind === 'handling' ? kind : undefined,
    dispatchDeadline: str(deadlines.dispatchDeadline),
    handlingDeadline: str(deadlines.handlingDeadline),
    department: departmentId ? { id: departmentId, name: str(routing.departmentName) ?? departmentId } : undefined,
    routedByMatrix: routing.via === 'matrix',
    returnCount: num(c.returnCount),
    escalationLevel: num(c.escalationLevel),
    urgeCount: num(c.urgeCount),
    followerCount: num(c.followerCount),
    pendingExtension: str(pending.until) ? { until: String(pending.until), reason: str(pending.reason) ?? '' } : undefined,
    suspendedUntil: str(c.suspendedUntil),
    duplicateOf: str(c.duplicateOf),
    rating: str(rating.levelLabel) ? { label: String(rating.levelLabel), comment: str(rating.comment) ?? '' } : undefined,
    createdAt: str(c.createdAt) ?? '',
    beforePhotos: photos.filter((p) => BEFORE_KINDS.has(String(p.kind))).map((p) => String(p.url)),
    afterPhotos: photos.filter((p) => !BEFORE_KINDS.has(String(p.kind))).map((p) => String(p.url)),
    timeline: timeline.map(toTimelineLine),
    availableActions: arr(c.availableActions).map(obj).filter((a) => str(a.type)).map((a) => ({
      type: a.type as CaseDetail['availableActions'][number]['type'],
      label: str(a.label) ?? String(a.type),
    })),
    dispatchDefaults: str(defaults.departmentId) && str(defaults.handlingDeadline)
      ? { departmentId: String(defaults.departmentId), departmentName: str(defaults.departmentName) ?? String(defaults.departmentId), handlingDeadline: String(defaults.handlingDeadline) }
      : undefined,
    departments,
  };
}

const SATISFACTION: readonly Satisfaction[] = ['verySatisfied', 'satisfied', 'basicallySatisfied', 'dissatisfied', 'veryDissatisfied'];

export function toStatsReport(v: unknown): StatsReport {
  const o = obj(v);
  const totalsWire = obj(o.totals);
  const totals: Record<string, number> = {};
  for (const [k, n] of Object.entries(totalsWire)) totals[k] = num(n);
  const rates = obj(o.rates);
  const handling = obj(o.handling);
  return {
    scopeName: str(obj(o.scope).name) ?? '',
    from: str(o.from) ?? '',
    to: str(o.to) ?? '',
    totals,
    responseRate: rate(rates.responseRate),
    resolutionRate: rate(rates.resolutionRate),
    satisfactionRate: rate(rates.satisfactionRate),
    meanHandlingHours: rate(handling.meanHours),
    ratings: Object.fromEntries(SATISFACTION.map((s) => [s, num(totals[`rating_${s}`])])) as Record<Satisfaction, number>,
    days: arr(o.days).map(obj).map((d) => {
      const counters = obj(d.counters);
      return { date: str(d.date) ?? '', received: num(counters.received), closed: num(counters.closed), overdue: num(counters.overdue), returned: num(counters.returned) };
    }),
  };
}

const query = (params: Record<string, string | undefined>): string => {
  const parts = Object.entries(params)
    .filter((e): e is [string, string] => e[1] !== undefined && e[1] !== '')
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`);
  return parts.length ? `?${parts.join('&')}` : '';
};

export function createWorkApi(client: Transport = api) {
  return {
    async queue(queue: WorkQueue, cursor?: string): Promise<QueuePage> {
      const res = obj(await client.request<unknown>('GET', `/v1/work/cases${query({ queue, cursor })}`));
      return { rows: arr(res.cases).map(toQueueRow), nextCursor: str(res.nextCursor) ?? null };
    },
    async caseDetail(id: string): Promise<CaseDetail> {
      return toCaseDetail(await client.request<unknown>('GET', `/v1/work/cases/${encodeURIComponent(id)}`));
    },
    /** One action with the version the screen showed: a newer case answers 409. */
    async act(id: string, action: CaseActionInput, version: number): Promise<CaseDetail> {
      return toCaseDetail(await client.request<unknown>('POST', `/v1/work/cases/${encodeURIComponent(id)}/actions`, { ...action, version }));
    },
    async stats(range: { scope: string; from: string; to: string }): Promise<StatsReport> {
      return toStatsReport(await client.request<unknown>('GET', `/v1/work/stats${query(range)}`));
    },
  };
}

export type WorkApi = ReturnType<typeof createWorkApi>;

export const workApi = createWorkApi();
