import { shanghaiIsoDate } from '../deadlines';
import { satisfactionSchema, type Case, type Satisfaction, type TimelineEvent } from '../schemas/case';
import { WARN_ACTION } from './sweep';

/**
 * 考核 counters, kept on write: each event adds to the counters of the grid, street,
 * district and department it concerns, on its Beijing date. Nothing is ever computed by
 * scanning cases.
 */
export const COUNTER_NAMES = [
  'received', // 上报 (a new case)
  'filed', // 立案
  'dispatched', // 派遣 (each dispatch, re-dispatches included)
  'handled', // 处置反馈
  'onTime', // … within the handling deadline then in force
  'late', // … after it
  'overdue', // flagged overdue by the sweep
  'returned', // 退单
  'reopened', // 重办 approved
  'closed', // 核查结案
  'handlingMsSum', // handling time (dispatch → handled), sum …
  'handlingCount', // … and count, for the mean
  'unrated', // rating window ran out
  ...satisfactionSchema.options.map((level) => `rating_${level}` as const),
] as const;
export type CounterName = (typeof COUNTER_NAMES)[number] | `hist_${number}`;

/** Upper bounds (hours) of the handling-time histogram buckets; the last bucket is open. */
export const HANDLING_HISTOGRAM_HOURS = [2, 4, 8, 24, 48, 72, 120, 168, 360, 720] as const;

export type CounterScopeKind = 'grid' | 'street' | 'district' | 'department';
export interface CounterScope {
  kind: CounterScopeKind;
  code: string;
}

export interface CounterDelta {
  /** Beijing date of the event, YYYY-MM-DD. */
  date: string;
  scopes: CounterScope[];
  add: Partial<Record<CounterName, number>>;
}

interface Replay {
  departmentId: string;
  handlingDeadline?: string;
  dispatchedAt?: string;
}

/** Which department held the case, its deadline and when it was dispatched, as of just before event `seq`. */
export function replayTo(c: Case, seq: number): Replay {
  const first = c.timeline[0];
  const initial = first?.data?.['departmentId'];
  const state: Replay = { departmentId: typeof initial === 'string' ? initial : c.routing.departmentId };
  for (const e of c.timeline) {
    if (e.seq >= seq) break;
    const data = e.data ?? {};
    const text = (key: string) => (typeof data[key] === 'string' ? (data[key] as string) : undefined);
    switch (e.action) {
      case 'dispatch':
        state.departmentId = text('departmentId') ?? state.departmentId;
        state.handlingDeadline = text('handlingDeadline');
        state.dispatchedAt = e.at;
        break;
      case 'approveExtension':
        state.handlingDeadline = text('until') ?? state.handlingDeadline;
        break;
      case 'resume':
        state.handlingDeadline = text('handlingDeadline') ?? state.handlingDeadline;
        break;
      case 'return':
      case 'approveReopen':
        state.handlingDeadline = undefined;
        state.dispatchedAt = undefined;
        break;
    }
  }
  return state;
}

export function histogramBucket(ms: number): number {
  const hours = ms / 3_600_000;
  const index = HANDLING_HISTOGRAM_HOURS.findIndex((bound) => hours < bound);
  return index === -1 ? HANDLING_HISTOGRAM_HOURS.length : index;
}

/** What one event adds to the counters, or null when it counts for nothing. */
export function counterDelta(c: Case, event: TimelineEvent): CounterDelta | null {
  const before = replayTo(c, event.seq);
  const data = event.data ?? {};
  const add: Partial<Record<CounterName, number>> = {};
  let departmentId = before.departmentId;
  switch (event.action) {
    case 'submit':
      add.received = 1;
      break;
    case 'file':
      add.filed = 1;
      break;
    case 'dispatch':
      add.dispatched = 1;
      departmentId = typeof data['departmentId'] === 'string' ? data['departmentId'] : departmentId;
      break;
    case 'return':
      add.returned = 1;
      break;
    case 'handle': {
      add.handled = 1;
      const at = Date.parse(event.at);
      if (before.handlingDeadline) {
        if (at <= Date.parse(before.handlingDeadline)) add.onTime = 1;
        else add.late = 1;
      }
      if (before.dispatchedAt) {
        const ms = Math.max(0, at - Date.parse(before.dispatchedAt));
        add.handlingMsSum = ms;
        add.handlingCount = 1;
        add[`hist_${histogramBucket(ms)}`] = 1;
      }
      break;
    }
    case 'checkPass':
      add.closed = 1;
      break;
    case 'approveReopen':
      add.reopened = 1;
      break;
    case 'rate': {
      const level = satisfactionSchema.safeParse(data['level']);
      if (!level.success) return null;
      add[`rating_${level.data as Satisfaction}`] = 1;
      break;
    }
    case 'expireRating':
      add.unrated = 1;
      break;
    case WARN_ACTION:
      if (data['stage'] !== 'overdue') return null;
      add.overdue = 1;
      break;
    default:
      return null;
  }
  const { gridCode, streetCode, districtCode } = c.location;
  return {
    date: shanghaiIsoDate(Date.parse(event.at)),
    scopes: [
      { kind: 'grid', code: gridCode },
      { kind: 'street', code: streetCode },
      { kind: 'district', code: districtCode },
      { kind: 'department', code: departmentId },
    ],
    add,
  };
}

export type CounterTotals = Partial<Record<CounterName, number>>;

export interface StatsRates {
  /** 响应率: handled within the deadline ÷ handled (with a deadline). */
  responseRate: number | null;
  /** 解决率: closed after the on-site check ÷ dispatched. */
  resolutionRate: number | null;
  /** 满意率: 非常满意 + 满意 + 基本满意 ÷ ratings given (未评价 is not counted as satisfied). */
  satisfactionRate: number | null;
}

const ratio = (a: number, b: number): number | null => (b > 0 ? Math.min(1, Math.round((a / b) * 10_000) / 10_000) : null);

export type RatingTotals = Partial<Record<`rating_${Satisfaction}`, number>>;

/** 满意率 of any rated work (cases, 代办 visits): 非常满意 + 满意 + 基本满意 ÷ ratings given. */
export function satisfactionRate(t: RatingTotals): number | null {
  const n = (level: Satisfaction) => t[`rating_${level}`] ?? 0;
  const satisfied = n('verySatisfied') + n('satisfied') + n('basicallySatisfied');
  return ratio(satisfied, satisfied + n('dissatisfied') + n('veryDissatisfied'));
}

export function statsRates(t: CounterTotals): StatsRates {
  const n = (k: CounterName) => t[k] ?? 0;
  return {
    responseRate: ratio(n('onTime'), n('onTime') + n('late')),
    resolutionRate: ratio(n('closed'), n('dispatched')),
    satisfactionRate: satisfactionRate(t),
  };
}

/** Mean and (histogram-bucket) median handling time in hours; the median is the upper bound of its bucket. */
export function handlingTimes(t: CounterTotals): { meanHours: number | null; medianHoursAtMost: number | null } {
  const count = t.handlingCount ?? 0;
  if (count === 0) return { meanHours: null, medianHoursAtMost: null };
  const meanHours = Math.round(((t.handlingMsSum ?? 0) / count / 3_600_000) * 10) / 10;
  let seen = 0;
  for (let i = 0; i <= HANDLING_HISTOGRAM_HOURS.length; i++) {
    seen += t[`hist_${i}`] ?? 0;
    if (seen * 2 >= count) return { meanHours, medianHoursAtMost: HANDLING_HISTOGRAM_HOURS[i] ?? null };
  }
  return { meanHours, medianHoursAtMost: null };
}
