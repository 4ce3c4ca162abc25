import type { ListMessagesResponse } from '@gridtong/shared/api/messages';
import type { StatsResponse } from '@gridtong/shared/api/stats';
import type { WorkActionRequest, WorkCaseRow, WorkCaseView, WorkQueueResponse, WorkTimelineEntry } from '@gridtong/shared/api/desk';
import type { CaseActionInput } from '@gridtong/shared/case/actions';
import type { CaseStatus, Satisfaction } from '@gridtong/shared/schemas/case';
import { api, type ApiClient } from '../../services/api';
import { formatTime } from './desk-model';
import type { CaseDetail, MessagePage, Option, QueuePage, QueueRow, Stage, StatsReport, TimelineLine, WorkQueue } from './work-types';

/*
 * The staff API (shared/src/api/desk.ts), as the desk uses it. Answers are read field by
 * field into the desk's own types (work-types.ts): a screen shows what is named here, and a
 * change in the wire format touches this file only.
 */

type Transport = Pick<ApiClient, 'request'>;

/** What the desk's forms send: a staff action without the version (added here). */
export type StaffActionInput = Exclude<CaseActionInput, { type: 'cancel' | 'supplement' | 'rate' | 'expireRating' | 'requestReopen' | 'urge' }>;


const STAGES: readonly Stage[] = ['normal', 'yellow', 'orange', 'red', 'overdue'];
/** The domain calls the quiet stage 'none'; the desk calls it 'normal'. */
export function toStage(v: unknown): Stage {
  if (v === 'none') return 'normal';
  return STAGES.includes(v as Stage) ? (v as Stage) : 'normal';
}

export function toQueueRow(r: WorkCaseRow): QueueRow {
  return {
    id: r.id,
    itemName: r.itemName,
    status: r.status,
    statusLabel: r.statusLabel,
    address: r.address,
    gridName: r.gridName,
    departmentName: r.departmentName,
    urgency: r.urgency,
    dueAt: r.deadline,
    stage: toStage(r.warning),
    followerCount: r.followerCount,
    urgeCount: r.urgeCount,
    returnCount: r.returnCount,
    escalated: r.escalationLevel > 0,
    pendingRequest: r.pendingRequest,
  };
}

function toTimelineLine(e: WorkTimelineEntry): TimelineLine {
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
  return { seq: e.seq, at: e.at, title: e.actionLabel, who: e.actorName ? `${e.actorRoleLabel} ${e.actorName}` : e.actorRoleLabel, lines };
}

const BEFORE_KINDS: ReadonlySet<string> = new Set(['report', 'supplement']);

export function toCaseDetail(c: WorkCaseView): CaseDetail {
  // The picker offers the 权责清单's department first, then the departments the server lists
  // for the case's area (sent to dispatchers), then any the case has already met.
  const departments: Option[] = [];
  const offer = (id: string | undefined, name: string | undefined) => {
    if (id && !departments.some((d) => d.id === id)) departments.push({ id, name: name ?? id });
  };
  offer(c.dispatchDefaults.departmentId, c.dispatchDefaults.departmentName);
  for (const d of c.departmentOptions ?? []) offer(d.id, d.name);
  offer(c.routing.departmentId, c.routing.departmentName);
  for (const e of c.timeline) offer(e.departmentId, e.departmentName);

  return {
    id: c.id,
    version: c.version,
    status: c.status,
    statusLabel: c.statusLabel,
    itemName: c.itemName,
    urgencyLabel: c.urgencyLabel,
    description: c.description,
    address: c.location.address,
    gridName: c.location.gridName,
    stage: toStage(c.deadlines.warning),
    dueAt: c.deadlines.current,
    dueKind: c.deadlines.currentKind,
    dispatchDeadline: c.deadlines.dispatchDeadline,
    handlingDeadline: c.deadlines.handlingDeadline,
    department: { id: c.routing.departmentId, name: c.routing.departmentName },
    routedByMatrix: c.routing.via === 'matrix',
    returnCount: c.returnCount,
    escalationLevel: c.escalationLevel,
    urgeCount: c.urgeCount,
    followerCount: c.followerCount,
    pendingExtension: c.pendingExtension ? { until: c.pendingExtension.until, reason: c.pendingExtension.reason } : undefined,
    suspendedUntil: c.suspendedUntil,
    duplicateOf: c.duplicateOf,
    rating: c.rating ? { label: c.rating.levelLabel, comment: c.rating.comment } : undefined,
    createdAt: c.createdAt,
    closedAt: c.closedAt,
    hasContactPhone: c.hasContactPhone,
    contactPhone: c.contactPhone,
    beforePhotos: c.photos.filter((p) => BEFORE_KINDS.has(p.kind)).map((p) => p.url),
    afterPhotos: c.photos.filter((p) => !BEFORE_KINDS.has(p.kind)).map((p) => p.url),
    timeline: c.timeline.map(toTimelineLine),
    availableActions: c.availableActions.map((a) => ({ type: a.type, label: a.label })),
    dispatchDefaults: { departmentId: c.dispatchDefaults.departmentId, departmentName: c.dispatchDefaults.departmentName, handlingDeadline: c.dispatchDefaults.handlingDeadline },
    departments,
  };
}

const SATISFACTION: readonly Satisfaction[] = ['verySatisfied', 'satisfied', 'basicallySatisfied', 'dissatisfied', 'veryDissatisfied'];

export function toStatsReport(o: StatsResponse): StatsReport {
  const totals: Record<string, number> = { ...o.totals };
  const count = (name: string) => (typeof totals[name] === 'number' && Number.isFinite(totals[name]) ? totals[name] : 0);
  return {
    scopeName: o.scope.name,
    from: o.from,
    to: o.to,
    totals,
    responseRate: o.rates.responseRate,
    resolutionRate: o.rates.resolutionRate,
    satisfactionRate: o.rates.satisfactionRate,
    meanHandlingHours: o.handling.meanHours,
    ratings: Object.fromEntries(SATISFACTION.map((s) => [s, count(`rating_${s}`)])) as Record<Satisfaction, number>,
    days: o.days.map((d) => {
      const c = (name: string) => d.counters[name] ?? 0;
      return { date: d.date, received: c('received'), closed: c('closed'), overdue: c('overdue'), returned: c('returned') };
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
    /** One page of a queue; `statuses` narrows it (e.g. only reports still to be filed). */
    async queue(queue: WorkQueue, cursor?: string, statuses?: readonly CaseStatus[]): Promise<QueuePage> {
      const res = await client.request<WorkQueueResponse>('GET', `/v1/work/cases${query({ queue, status: statuses?.join(','), cursor })}`);
      return { rows: res.cases.map(toQueueRow), nextCursor: res.nextCursor };
    },
    /** The staff view; with `revealReason`, the reporter's phone too (the read is recorded on the case). */
    async caseDetail(id: string, revealReason?: string): Promise<CaseDetail> {
      const q = revealReason === undefined ? '' : query({ reveal: 'contact', reason: revealReason });
      return toCaseDetail(await client.request<WorkCaseView>('GET', `/v1/work/cases/${encodeURIComponent(id)}${q}`));
    },
    /** One action with the version the screen showed: a newer case answers 409. */
    async act(id: string, action: StaffActionInput, version: number): Promise<CaseDetail> {
      const body: WorkActionRequest = { ...action, version } as WorkActionRequest;
      return toCaseDetail(await client.request<WorkCaseView>('POST', `/v1/work/cases/${encodeURIComponent(id)}/actions`, body));
    },
    /** The message centre, newest first, with the unread count. */
    async messages(cursor?: string): Promise<MessagePage> {
      const res = await client.request<ListMessagesResponse>('GET', `/v1/messages${query({ cursor })}`);
      return {
        messages: res.messages.map((m) => ({ id: m.id, at: m.at, title: m.title, body: m.body, ...(m.caseId ? { caseId: m.caseId } : {}), ...(m.bookingId ? { bookingId: m.bookingId } : {}), read: m.read })),
        unreadCount: res.unreadCount,
        nextCursor: res.nextCursor,
      };
    },
    /** Marks these messages read (or all of them); answers the unread count left. */
    async markRead(which: { ids: string[] } | { all: true }): Promise<number> {
      const res = await client.request<{ unreadCount: number }>('POST', '/v1/messages/read', which);
      return res.unreadCount;
    },
    async stats(range: { scope: string; from: string; to: string }): Promise<StatsReport> {
      return toStatsReport(await client.request<StatsResponse>('GET', `/v1/work/stats${query(range)}`));
    },
  };
}

export type WorkApi = ReturnType<typeof createWorkApi>;

export const workApi = createWorkApi();
