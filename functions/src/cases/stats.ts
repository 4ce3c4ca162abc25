import { areaLevelOf } from '@gridtong/shared/schemas/common';
import type { StatsResponse } from '@gridtong/shared/api/stats';
import { dayOfIsoDate, isoDateOfDay } from '@gridtong/shared/deadlines/shanghai-time';
import { DomainError } from '@gridtong/shared/errors';
import { handlingTimes, statsRates, type CounterScopeKind, type CounterTotals } from '@gridtong/shared/events/counters';
import { scopeCoversArea, type Principal } from '@gridtong/shared/schemas/roles';
import type { RequestContext } from '../context';
import type { CityProvider, CityReference } from '../city/city-snapshot';
import type { CounterStore } from './counter-store';

const MAX_DAYS = 366;

interface StatsQuery {
  scope: string;
  from: string;
  to: string;
}

function kindOf(code: string): CounterScopeKind {
  if (code.startsWith('D')) return 'department';
  const level = areaLevelOf(code);
  return level === 'grid' || level === 'street' ? level : 'district';
}

/** The scope's display name if it exists and the caller may see it; otherwise null (answered as 404). */
function visibleScope(city: CityReference, principal: Principal, kind: CounterScopeKind, code: string): string | null {
  const data = city.data;
  if (kind === 'department') {
    const department = city.directory.department(code);
    if (!department) return null;
    const mine = principal.scope.departmentId === code || scopeCoversArea(principal.scope, department.areaCode);
    return mine ? department.name : null;
  }
  const name =
    kind === 'grid' ? city.directory.grid(code)?.name
    : kind === 'street' ? data.streets.find((s) => s.code === code)?.name
    : data.districts.find((d) => d.code === code)?.name;
  return name !== undefined && scopeCoversArea(principal.scope, code) ? name : null;
}

function sum(into: CounterTotals, add: CounterTotals): void {
  for (const [k, v] of Object.entries(add)) (into as Record<string, number>)[k] = ((into as Record<string, number>)[k] ?? 0) + (v ?? 0);
}

/** 考核 figures for one area or department over Beijing dates [from, to], from the counters kept on write. */
export interface StatsPorts {
  city: Pick<CityProvider, 'get'>;
  counters: Pick<CounterStore, 'days'>;
}

export async function readStats(ports: StatsPorts, ctx: RequestContext, query: StatsQuery): Promise<StatsResponse> {
  const { principal } = ctx;
  const fromDay = dayOfIsoDate(query.from);
  const toDay = dayOfIsoDate(query.to);
  if (fromDay === undefined || toDay === undefined || toDay < fromDay || toDay - fromDay + 1 > MAX_DAYS) {
    throw new DomainError('STATS.INVALID_RANGE', `日期范围无效（起止日期需有效，且不超过 ${MAX_DAYS} 天）`, {
      problems: [{ path: fromDay === undefined ? 'query.from' : 'query.to', message: 'invalid date range' }],
    });
  }
  const kind = kindOf(query.scope);
  const name = visibleScope(await ports.city.get(), principal, kind, query.scope);
  // Outside the caller's areas looks exactly like no such scope.
  if (name === null) throw new DomainError('STATS.SCOPE_NOT_FOUND', '未找到该统计范围');

  const byDay = await ports.counters.days(query.scope, query.from, query.to);
  const totals: CounterTotals = {};
  const days: StatsResponse['days'] = [];
  for (let day = fromDay; day <= toDay; day++) {
    const date = isoDateOfDay(day);
    const counters = byDay.get(date);
    if (!counters) continue;
    sum(totals, counters);
    days.push({ date, counters: counters as Record<string, number> });
  }
  return {
    scope: { kind, code: query.scope, name },
    from: query.from,
    to: query.to,
    totals: totals as Record<string, number>,
    rates: statsRates(totals),
    handling: handlingTimes(totals),
    days,
  };
}
