import type { VisitStatsResponse } from '@gridtong/shared/api/bookings';
import { BOOKING_COUNTER_NAMES, visitStatsCode, type BookingCounterTotals } from '@gridtong/shared/booking/counters';
import { BOOKABLE_ROLES } from '@gridtong/shared/booking/rules';
import { dayOfIsoDate } from '@gridtong/shared/deadlines/shanghai-time';
import { DomainError } from '@gridtong/shared/errors';
import { satisfactionRate } from '@gridtong/shared/events/counters';
import { satisfactionSchema } from '@gridtong/shared/schemas/case';
import { ROLE_LABELS, scopeCoversArea } from '@gridtong/shared/schemas/roles';
import type { CounterStore } from '../cases/counter-store';
import type { CityReference } from '../city/city-snapshot';
import type { RequestContext } from '../context';

const MAX_DAYS = 366;
type Kind = VisitStatsResponse['scope']['kind'];

const KIND_BY_LENGTH: Record<number, Kind> = { 6: 'district', 9: 'street', 12: 'community', 15: 'grid' };

function areaName(city: CityReference, kind: Kind, code: string): string | undefined {
  const data = city.data;
  switch (kind) {
    case 'grid': return city.directory.grid(code)?.name;
    case 'community': return data.communities.find((c) => c.code === code)?.name;
    case 'street': return data.streets.find((s) => s.code === code)?.name;
    case 'district': return data.districts.find((d) => d.code === code)?.name;
    default: return undefined;
  }
}

/**
 * 代办 figures for the caller's own visits (`me`) or an area they cover, over Beijing dates
 * [from, to], read from the counters the booking deliverer keeps on write — never from the
 * bookings themselves.
 */
export interface VisitStatsPorts {
  counters: Pick<CounterStore, 'days'>;
  city: { get(): Promise<CityReference> };
}

export async function readVisitStats(rt: VisitStatsPorts, ctx: RequestContext, query: { scope: string; from: string; to: string }): Promise<VisitStatsResponse> {
  const { principal, actorName } = ctx;
  const fromDay = dayOfIsoDate(query.from)!;
  const toDay = dayOfIsoDate(query.to)!;
  if (toDay < fromDay || toDay - fromDay + 1 > MAX_DAYS) {
    throw new DomainError('STATS.INVALID_RANGE', `日期范围无效（截止日期不能早于开始日期，且不超过 ${MAX_DAYS} 天）`, { problems: [{ path: 'query.to', message: 'invalid date range' }] });
  }
  let scope: VisitStatsResponse['scope'];
  if (query.scope === 'me') {
    // Only those who make visits have visits of their own; others ask for an area.
    if (!(BOOKABLE_ROLES as readonly string[]).includes(principal.role)) throw new DomainError('STATS.SCOPE_NOT_FOUND', '您没有自己的上门代办，请选择所辖区域');
    scope = { kind: 'worker', code: principal.userId, name: actorName ?? ROLE_LABELS[principal.role] };
  } else {
    const kind = KIND_BY_LENGTH[query.scope.length]!;
    const name = areaName(await rt.city.get(), kind, query.scope);
    // Outside the caller's areas looks exactly like no such area.
    if (name === undefined || !scopeCoversArea(principal.scope, query.scope)) throw new DomainError('STATS.SCOPE_NOT_FOUND', '未找到该统计范围');
    scope = { kind, code: query.scope, name };
  }

  const byDay = await rt.counters.days(visitStatsCode(scope.code), query.from, query.to, BOOKING_COUNTER_NAMES);
  const totals: BookingCounterTotals = {};
  const days: VisitStatsResponse['days'] = [];
  for (const [date, counters] of [...byDay.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const c = counters as BookingCounterTotals;
    for (const name of BOOKING_COUNTER_NAMES) if (c[name]) totals[name] = (totals[name] ?? 0) + c[name];
    days.push({ date, booked: c.booked ?? 0, completed: c.completed ?? 0, rated: c.rated ?? 0 });
  }
  const n = (name: keyof BookingCounterTotals) => totals[name] ?? 0;
  return {
    scope,
    from: query.from,
    to: query.to,
    totals: {
      booked: n('booked'),
      confirmed: n('confirmed'),
      declined: n('declined'),
      cancelled: n('cancelled'),
      rescheduled: n('rescheduled'),
      completed: n('completed'),
      noShow: n('noShow'),
      rated: n('rated'),
    },
    ratings: Object.fromEntries(satisfactionSchema.options.map((level) => [level, n(`rating_${level}`)])) as VisitStatsResponse['ratings'],
    satisfactionRate: satisfactionRate(totals),
    days,
  };
}
