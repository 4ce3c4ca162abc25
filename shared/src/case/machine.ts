import type { Actor, Case, CaseStatus, TimelineEvent } from '../schemas/case';
import { GRID_TEAM_ROLES, type Principal, type Role, scopeCoversArea } from '../schemas/roles';
import { type CaseAction, type CaseActionInput, type CaseActionOf, type CaseActionType, CASE_ACTION_TYPES, caseActionSchema } from './actions';
import { DomainError } from './errors';

export interface SystemActor {
  role: 'system';
}
export type CaseActor = Principal | SystemActor;

/** Tunable rules; every writer passes the same values so the UI and the API agree. */
export interface CaseRules {
  /** 催办 at most once per this many hours. */
  urgeIntervalHours: number;
  /** After 结案 the resident has this long to rate; then the case becomes 未评价. */
  ratingWindowHours: number;
  /** A second (or later) 延期 needs a written reason at least this long. */
  repeatExtensionMinReasonLength: number;
  /** Every this many 退单 the case goes one level up for arbitration. */
  returnsPerEscalation: number;
}

export const DEFAULT_CASE_RULES: Readonly<CaseRules> = {
  urgeIntervalHours: 24,
  ratingWindowHours: 7 * 24,
  repeatExtensionMinReasonLength: 15,
  returnsPerEscalation: 2,
};

export interface ActionContext {
  actor: CaseActor;
  now: Date;
  options?: Partial<CaseRules>;
  /** Shown to staff in the timeline; never shown to residents. */
  actorName?: string;
}

export interface ActionResult {
  next: Case;
  event: TimelineEvent;
}

type ActorRole = Role | 'system';

/**
 * status × action → next status. Anything not listed is an illegal transition. Actions
 * that leave the status as it is (催办, 延期 requests, 重办 requests) map a status to itself.
 */
export const TRANSITIONS: Readonly<Record<CaseStatus, Readonly<Partial<Record<CaseActionType, CaseStatus>>>>> = {
  submitted: { cancel: 'cancelled', file: 'filed', reject: 'rejected', requestInfo: 'needsInfo', urge: 'submitted' },
  // The resident holds the ball here, so no 催办; staff may still decide on what they have.
  needsInfo: { cancel: 'cancelled', supplement: 'submitted', file: 'filed', reject: 'rejected' },
  rejected: {},
  cancelled: {},
  filed: { dispatch: 'dispatched', urge: 'filed' },
  dispatched: { accept: 'accepted', return: 'returned', urge: 'dispatched' },
  returned: { dispatch: 'dispatched', urge: 'returned' },
  accepted: {
    startHandling: 'handling',
    return: 'returned',
    requestExtension: 'accepted',
    approveExtension: 'accepted',
    denyExtension: 'accepted',
    suspend: 'suspended',
    urge: 'accepted',
  },
  handling: {
    handle: 'handled',
    requestExtension: 'handling',
    approveExtension: 'handling',
    denyExtension: 'handling',
    suspend: 'suspended',
    urge: 'handling',
  },
  suspended: { resume: 'handling', approveExtension: 'suspended', denyExtension: 'suspended', urge: 'suspended' },
  handled: { checkPass: 'closed', checkFail: 'handling', urge: 'handled' },
  closed: { rate: 'rated', expireRating: 'unrated' },
  rated: { requestReopen: 'rated', approveReopen: 'filed', denyReopen: 'rated' },
  unrated: {},
};

/** Who may ever perform each action (scope is checked separately). */
export const ACTION_ROLES: Readonly<Record<CaseActionType, readonly ActorRole[]>> = {
  cancel: ['resident'],
  supplement: ['resident'],
  file: [...GRID_TEAM_ROLES, 'dispatcher', 'admin'],
  reject: [...GRID_TEAM_ROLES, 'dispatcher', 'admin'],
  requestInfo: [...GRID_TEAM_ROLES, 'dispatcher', 'admin'],
  dispatch: ['dispatcher', 'admin'],
  accept: ['departmentHandler', 'admin'],
  return: ['departmentHandler', 'admin'],
  startHandling: ['departmentHandler', 'admin'],
  requestExtension: ['departmentHandler', 'admin'],
  approveExtension: ['dispatcher', 'admin'],
  denyExtension: ['dispatcher', 'admin'],
  // 挂账 stops the clock, so the centre decides it, not the department that would benefit.
  suspend: ['dispatcher', 'admin'],
  resume: ['departmentHandler', 'dispatcher', 'admin'],
  handle: ['departmentHandler', 'admin'],
  checkPass: [...GRID_TEAM_ROLES, 'admin'],
  checkFail: [...GRID_TEAM_ROLES, 'admin'],
  rate: ['resident'],
  expireRating: ['system'],
  requestReopen: ['resident'],
  approveReopen: ['dispatcher', 'admin'],
  denyReopen: ['dispatcher', 'admin'],
  urge: ['resident'],
};

const HOUR_MS = 3_600_000;
const DISTRICT_CODE_LENGTH = 6;

function rulesOf(ctx: ActionContext): CaseRules {
  return { ...DEFAULT_CASE_RULES, ...ctx.options };
}

function fail(code: ConstructorParameters<typeof DomainError>[0], message: string, details: Record<string, unknown>): DomainError {
  return new DomainError(code, message, { details });
}

function isPrincipal(actor: CaseActor): actor is Principal {
  return actor.role !== 'system';
}

/** Is this case inside what the actor may touch at all? */
export function actorCoversCase(caseItem: Case, actor: CaseActor): boolean {
  if (!isPrincipal(actor)) return true;
  switch (actor.role) {
    case 'admin':
      return true;
    case 'resident':
      return caseItem.residentId === actor.userId;
    case 'departmentHandler':
      return actor.scope.departmentId !== undefined && caseItem.routing.departmentId === actor.scope.departmentId;
    case 'gridWorker':
    case 'gridLeader':
    case 'supervisor':
    case 'dispatcher':
      return scopeCoversArea(actor.scope, caseItem.location.gridCode);
  }
}

function ms(instant: string): number {
  return Date.parse(instant);
}

function ratingDeadline(caseItem: Case, rules: CaseRules): number {
  return ms(caseItem.closedAt ?? caseItem.updatedAt) + rules.ratingWindowHours * HOUR_MS;
}

/** Preconditions that depend on the case and the clock, not on the payload. */
function readiness(caseItem: Case, type: CaseActionType, actor: CaseActor, now: Date, rules: CaseRules): DomainError | null {
  const at = now.getTime();
  switch (type) {
    case 'dispatch':
      // After repeated 退单 the case is arbitrated one level up: a street centre cannot
      // simply send it back to the same departments.
      if (caseItem.escalationLevel > 0 && isPrincipal(actor) && actor.role === 'dispatcher') {
        const districtLevel = actor.scope.areas.some((a) => a.length === DISTRICT_CODE_LENGTH && caseItem.location.gridCode.startsWith(a));
        if (!districtLevel) {
          return fail('CASE.OUT_OF_SCOPE', '该案件已提交上级指挥中心仲裁', { escalationLevel: caseItem.escalationLevel, requiredLevel: 'district' });
        }
      }
      return null;
    case 'requestExtension':
      return caseItem.pendingExtension
        ? fail('CASE.PRECONDITION_FAILED', '已有延期申请待审批', { rule: 'extensionPending' })
        : null;
    case 'approveExtension':
    case 'denyExtension':
      return caseItem.pendingExtension
        ? null
        : fail('CASE.PRECONDITION_FAILED', '没有待审批的延期申请', { rule: 'noPendingExtension' });
    case 'rate':
      return at <= ratingDeadline(caseItem, rules)
        ? null
        : fail('CASE.PRECONDITION_FAILED', '评价期已过', { rule: 'ratingWindowClosed' });
    case 'expireRating':
      return at >= ratingDeadline(caseItem, rules)
        ? null
        : fail('CASE.PRECONDITION_FAILED', '评价期尚未结束', { rule: 'ratingWindowOpen' });
    case 'requestReopen': {
      const level = caseItem.rating?.level;
      if (level !== 'dissatisfied' && level !== 'veryDissatisfied') {
        return fail('CASE.PRECONDITION_FAILED', '仅在评价为不满意或非常不满意时可申请重办', { rule: 'notDissatisfied' });
      }
      return caseItem.reopenRequested
        ? fail('CASE.PRECONDITION_FAILED', '重办申请已提交，请等待审核', { rule: 'reopenAlreadyRequested' })
        : null;
    }
    case 'approveReopen':
    case 'denyReopen':
      return caseItem.reopenRequested
        ? null
        : fail('CASE.PRECONDITION_FAILED', '没有待审核的重办申请', { rule: 'noReopenRequest' });
    case 'urge': {
      if (caseItem.lastUrgedAt === undefined) return null;
      const retryAt = ms(caseItem.lastUrgedAt) + rules.urgeIntervalHours * HOUR_MS;
      return at < retryAt
        ? new DomainError('CASE.RATE_LIMITED', `催办过于频繁，请在 ${rules.urgeIntervalHours} 小时后再试`, {
            details: { retryAfter: new Date(retryAt).toISOString(), intervalHours: rules.urgeIntervalHours },
            retryAfterSeconds: Math.ceil((retryAt - at) / 1000),
          })
        : null;
    }
    default:
      return null;
  }
}

/** The first reason this actor may not perform `type` on the case now, or null. */
function blocker(caseItem: Case, type: CaseActionType, actor: CaseActor, now: Date, rules: CaseRules): DomainError | null {
  if (!ACTION_ROLES[type].includes(actor.role)) {
    return fail('CASE.FORBIDDEN', '当前身份无权执行此操作', { action: type, role: actor.role });
  }
  if (!actorCoversCase(caseItem, actor)) {
    return fail('CASE.OUT_OF_SCOPE', '该案件不在您的管辖范围内', { action: type });
  }
  if (TRANSITIONS[caseItem.status][type] === undefined) {
    return fail('CASE.INVALID_TRANSITION', '案件当前状态不允许此操作', { status: caseItem.status, action: type });
  }
  return readiness(caseItem, type, actor, now, rules);
}

/** The actions this actor may take on the case now: the UI's buttons. */
export function availableActions(caseItem: Case, actor: CaseActor, now: Date, options?: Partial<CaseRules>): CaseActionType[] {
  const rules = { ...DEFAULT_CASE_RULES, ...options };
  return CASE_ACTION_TYPES.filter((type) => blocker(caseItem, type, actor, now, rules) === null);
}

// --- effects: what each action changes, and what its timeline event records -------------

type CaseKey = keyof Case;
interface Effect {
  set?: Partial<Case>;
  unset?: CaseKey[];
  reason?: string;
  note?: string;
  data?: Record<string, unknown>;
}
interface EffectContext {
  now: Date;
  nowIso: string;
  actor: CaseActor;
  rules: CaseRules;
}
type EffectFn<T extends CaseActionType> = (caseItem: Case, action: CaseActionOf<T>, ctx: EffectContext) => Effect;

function mustBeAfter(instant: string, now: Date, field: string, message: string): void {
  if (ms(instant) <= now.getTime()) throw fail('CASE.VALIDATION', message, { field, value: instant });
}

const EFFECTS: { [T in CaseActionType]: EffectFn<T> } = {
  cancel: (_c, a) => ({ reason: a.reason }),
  supplement: (c, a) => ({
    set: a.photos?.length ? { photos: [...c.photos, ...a.photos] } : undefined,
    note: a.text,
    data: a.photos?.length ? { photos: a.photos } : undefined,
  }),
  file: (_c, a) => ({ note: a.note }),
  reject: (c, a) => {
    if (a.kind === 'duplicate') {
      if (a.duplicateOf === c.id) throw fail('CASE.VALIDATION', '不能标记为与自身重复', { field: 'duplicateOf' });
      return { set: { duplicateOf: a.duplicateOf }, note: a.note, data: { kind: a.kind, duplicateOf: a.duplicateOf } };
    }
    return { reason: a.note, data: { kind: a.kind } };
  },
  requestInfo: (_c, a) => ({ note: a.question }),
  dispatch: (c, a, ctx) => {
    mustBeAfter(a.handlingDeadline, ctx.now, 'handlingDeadline', '处置期限必须晚于当前时间');
    const previous = c.routing.departmentId;
    const routing = previous === a.departmentId ? c.routing : { departmentId: a.departmentId, via: 'dispatcher' as const };
    return {
      set: { routing, handlingDeadline: a.handlingDeadline },
      note: a.note,
      data: { departmentId: a.departmentId, handlingDeadline: a.handlingDeadline, ...(previous === a.departmentId ? {} : { previousDepartmentId: previous }) },
    };
  },
  accept: (c, a) => ({ note: a.note, data: { departmentId: c.routing.departmentId } }),
  return: (c, a, ctx) => {
    const returnCount = c.returnCount + 1;
    const escalated = returnCount % ctx.rules.returnsPerEscalation === 0;
    const escalationLevel = c.escalationLevel + (escalated ? 1 : 0);
    return {
      // Nobody is handling it any more: the next dispatch sets a fresh deadline.
      set: { returnCount, escalationLevel },
      unset: ['handlingDeadline', 'pendingExtension'],
      reason: a.reason,
      data: { departmentId: c.routing.departmentId, returnCount, escalated, escalationLevel },
    };
  },
  startHandling: (_c, a) => ({ note: a.note }),
  requestExtension: (c, a, ctx) => {
    const current = c.handlingDeadline ? ms(c.handlingDeadline) : 0;
    if (ms(a.until) <= Math.max(current, ctx.now.getTime())) {
      throw fail('CASE.VALIDATION', '延期后的期限必须晚于当前处置期限', { field: 'until', value: a.until });
    }
    const minLength = ctx.rules.repeatExtensionMinReasonLength;
    if (c.extensionCount >= 1 && a.reason.length < minLength) {
      throw fail('CASE.REASON_REQUIRED', `再次申请延期须书面说明理由（不少于 ${minLength} 字）`, { field: 'reason', minLength, extensionCount: c.extensionCount });
    }
    return { set: { pendingExtension: { until: a.until, reason: a.reason } }, reason: a.reason, data: { until: a.until, previousDeadline: c.handlingDeadline } };
  },
  approveExtension: (c, a) => {
    const pending = c.pendingExtension;
    if (!pending) throw fail('CASE.PRECONDITION_FAILED', '没有待审批的延期申请', { rule: 'noPendingExtension' });
    return {
      set: { handlingDeadline: pending.until, extensionCount: c.extensionCount + 1 },
      unset: ['pendingExtension'],
      note: a.note,
      data: { until: pending.until, requestReason: pending.reason, previousDeadline: c.handlingDeadline },
    };
  },
  denyExtension: (c, a) => ({ unset: ['pendingExtension'], reason: a.reason, data: { until: c.pendingExtension?.until } }),
  suspend: (_c, a, ctx) => {
    mustBeAfter(a.reviewDate, ctx.now, 'reviewDate', '复查日期必须晚于当前时间');
    return { set: { suspendedUntil: a.reviewDate }, reason: a.reason, data: { reviewDate: a.reviewDate } };
  },
  resume: (_c, a, ctx) => {
    if (a.handlingDeadline === undefined) return { unset: ['suspendedUntil'], note: a.note };
    // A department may not hand itself a new deadline; that is what 延期 is for.
    if (ctx.actor.role === 'departmentHandler') {
      throw fail('CASE.FORBIDDEN', '处置期限须由指挥中心调整', { action: 'resume', field: 'handlingDeadline' });
    }
    mustBeAfter(a.handlingDeadline, ctx.now, 'handlingDeadline', '处置期限必须晚于当前时间');
    return { set: { handlingDeadline: a.handlingDeadline }, unset: ['suspendedUntil'], note: a.note, data: { handlingDeadline: a.handlingDeadline } };
  },
  // A pending 延期 is moot once the work is reported done.
  handle: (_c, a) => ({ unset: ['pendingExtension'], note: a.notes, data: a.photos?.length ? { photos: a.photos } : undefined }),
  checkPass: (_c, a, ctx) => ({ set: { closedAt: ctx.nowIso }, note: a.note, data: a.photos?.length ? { photos: a.photos } : undefined }),
  checkFail: (_c, a) => ({ reason: a.reason, data: a.photos?.length ? { photos: a.photos } : undefined }),
  rate: (_c, a, ctx) => ({
    set: { rating: { level: a.level, comment: a.comment, ...(a.tags.length ? { tags: a.tags } : {}), ratedAt: ctx.nowIso } },
    note: a.comment || undefined,
    data: a.tags.length ? { level: a.level, tags: a.tags } : { level: a.level },
  }),
  expireRating: (c) => ({ data: { closedAt: c.closedAt } }),
  requestReopen: (c, a) => ({ set: { reopenRequested: true }, reason: a.reason, data: { level: c.rating?.level } }),
  approveReopen: (c, a) => ({
    set: { reopenRequested: false, reopenCount: c.reopenCount + 1 },
    // The case goes round the loop again; the old rating and dates stay in the timeline.
    unset: ['rating', 'closedAt', 'handlingDeadline', 'pendingExtension', 'suspendedUntil'],
    note: a.note,
    data: { reopenCount: c.reopenCount + 1, previousRating: c.rating },
  }),
  denyReopen: (_c, a) => ({ set: { reopenRequested: false }, reason: a.reason }),
  urge: (c, a, ctx) => ({ set: { urgeCount: c.urgeCount + 1, lastUrgedAt: ctx.nowIso }, note: a.note, data: { urgeCount: c.urgeCount + 1 } }),
};

function parseAction(input: CaseActionInput): CaseAction {
  const parsed = caseActionSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
  // A missing reason gets its own code so the UI can point at the reason box.
  const reasonMissing = parsed.error.issues.every(
    (i) => (i.code === 'too_small' || i.code === 'invalid_type') && ['reason', 'note', 'question'].includes(String(i.path[0])),
  );
  if (reasonMissing) throw new DomainError('CASE.REASON_REQUIRED', problems[0]?.message ?? '请填写原因', { problems, cause: parsed.error });
  throw new DomainError('CASE.VALIDATION', '操作内容不完整或格式不正确', { problems, cause: parsed.error });
}

function eventActor(actor: CaseActor, name: string | undefined): Actor {
  if (!isPrincipal(actor)) return { role: 'system' };
  return name === undefined ? { role: actor.role, userId: actor.userId } : { role: actor.role, userId: actor.userId, name };
}

function compact<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/**
 * Apply one action to a case. Pure: returns a new case (status, version + 1, updatedAt,
 * the event appended) and never touches the input or its earlier events.
 */
export function applyAction(caseItem: Case, input: CaseActionInput, ctx: ActionContext): ActionResult {
  if (Number.isNaN(ctx.now.getTime())) throw fail('CASE.VALIDATION', '时间无效', { field: 'now' });
  const action = parseAction(input);
  const rules = rulesOf(ctx);
  const blocked = blocker(caseItem, action.type, ctx.actor, ctx.now, rules);
  if (blocked) throw blocked;

  const from = caseItem.status;
  const to = TRANSITIONS[from][action.type] as CaseStatus;
  const nowIso = ctx.now.toISOString();
  const effectFn = EFFECTS[action.type] as EffectFn<CaseActionType>;
  const effect = effectFn(caseItem, action, { now: ctx.now, nowIso, actor: ctx.actor, rules });

  const last = caseItem.timeline[caseItem.timeline.length - 1];
  const event: TimelineEvent = compact({
    seq: last ? last.seq + 1 : 0,
    at: nowIso,
    actor: eventActor(ctx.actor, ctx.actorName),
    action: action.type,
    from,
    to,
    reason: effect.reason,
    note: effect.note,
    data: effect.data ? compact(effect.data) : undefined,
  });

  const next: Record<string, unknown> = { ...caseItem, ...effect.set };
  for (const key of effect.unset ?? []) delete next[key];
  Object.assign(next, { status: to, version: caseItem.version + 1, updatedAt: nowIso, timeline: [...caseItem.timeline, event] });
  return { next: next as Case, event };
}
