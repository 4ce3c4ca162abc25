import { areaAt, areaLevelOf } from '@gridtong/shared/schemas/common';
import type { WorkQueue, WorkQueueQuery, WorkQueueResponse } from '@gridtong/shared/api/desk';
import { QUEUES_BY_ROLE } from '@gridtong/shared/case/desk';
import { DomainError } from '@gridtong/shared/errors';
import { scopeCoversArea, type Principal } from '@gridtong/shared/schemas/roles';
import { workingCalendar } from '../calendar';
import type { RequestContext } from '../context';
import { dispatchPartition, verifyPartition, type QueueCase } from './case-store';
import type { CityProvider, CityReference } from '../city/city-snapshot';
import type { QueuePartition, WorkQueueStore } from './queue-store';
import { workCaseRow } from './staff-views';

/** A queue spans at most this many grid partitions (a 网格长 or 督导员 over a community or street). */
const MAX_GRID_PARTITIONS = 200;


/** Every grid inside the caller's areas (a grid worker's four grids, a leader's community). */
function gridsOf(principal: Principal, city: CityReference): string[] {
  const grids = city.directory.data.grids.map((g) => g.code).filter((code) => principal.scope.areas.some((a) => code.startsWith(a)));
  if (grids.length > MAX_GRID_PARTITIONS) {
    throw new DomainError('WORK.QUEUE_FORBIDDEN', '管辖网格过多，请按社区或网格查看', { details: { grids: grids.length } });
  }
  return grids;
}

/** Street centres see their streets; a district centre its own arbitration queue and every street under it. */
function dispatchAreas(principal: Principal, city: CityReference): string[] {
  const areas = new Set<string>();
  for (const area of principal.scope.areas) {
    if (areaLevelOf(area) === 'district') {
      areas.add(area);
      for (const s of city.directory.data.streets) if (s.districtCode === area) areas.add(s.code);
    } else if (areaLevelOf(area)) {
      // A centre scoped below a street still reads its street's partition; rows outside its scope are dropped.
      areas.add(areaAt(area, 'street'));
    }
  }
  return [...areas];
}

export function queuePartitions(queue: WorkQueue, principal: Principal, city: CityReference): QueuePartition[] {
  switch (queue) {
    case 'grid':
      return gridsOf(principal, city).map((g) => ({ index: 'gsi2', key: `GRID#${g}` }));
    case 'verify':
      return gridsOf(principal, city).map((g) => ({ index: 'gsi6', key: verifyPartition(g) }));
    case 'department':
      return principal.scope.departmentId ? [{ index: 'gsi3', key: `DEPT#${principal.scope.departmentId}` }] : [];
    case 'dispatch':
      return dispatchAreas(principal, city).map((a) => ({ index: 'gsi6', key: dispatchPartition(a) }));
  }
}

/** The domain's scope rule (actorCoversCase) on what a queue row carries: a department's own cases, else the caller's areas. */
function rowInScope(c: QueueCase, principal: Principal): boolean {
  if (principal.role === 'departmentHandler') return principal.scope.departmentId !== undefined && c.routing.departmentId === principal.scope.departmentId;
  return scopeCoversArea(principal.scope, c.location.gridCode);
}

export interface WorkQueuePorts {
  city: Pick<CityProvider, 'get'>;
  workQueues: Pick<WorkQueueStore, 'page'>;
}

/** The caller's queue, ordered by deadline, each row with its warning light and counts. */
export async function listWorkQueue(ports: WorkQueuePorts, ctx: RequestContext, query: WorkQueueQuery): Promise<WorkQueueResponse> {
  const { principal, now } = ctx;
  const allowed = QUEUES_BY_ROLE[principal.role];
  const queue = query.queue ?? allowed[0];
  if (!queue || !allowed.includes(queue)) {
    throw new DomainError('WORK.QUEUE_FORBIDDEN', '当前身份无权查看该队列', { problems: [{ path: 'query.queue', message: `allowed: ${allowed.join(', ')}` }] });
  }
  const city = await ports.city.get();
  const partitions = queuePartitions(queue, principal, city);
  const page = await ports.workQueues.page(
    partitions,
    query.limit,
    {
      ...(query.status ? { statuses: query.status } : {}),
      ...(query.dueBefore ? { dueBefore: new Date(query.dueBefore).toISOString() } : {}),
    },
    query.cursor,
  );
  const calendar = workingCalendar();
  return {
    queue,
    // The index keys already confine each partition; the caller's scope is the last word.
    cases: page.items.filter((c) => rowInScope(c, principal)).map((c) => workCaseRow(c, city, calendar, now)),
    nextCursor: page.nextCursor,
  };
}
