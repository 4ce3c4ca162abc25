import type { MyCasesResponse } from '@gridtong/shared/api/cases';
import type { Principal } from '@gridtong/shared/schemas/roles';
import type { Runtime } from '../runtime';
import { myCaseSummary } from './resident-views';

/** 我的上报: reported and followed cases in one list, newest first, cursor paging. */
export async function listMyCases(rt: Runtime, principal: Principal, limit: number, cursor: string | undefined, now: Date): Promise<MyCasesResponse> {
  const page = await rt.cases.listByResident(principal.userId, limit, cursor);
  const followedIds = page.items.flatMap((e) => (e.relation === 'followed' ? [e.caseId] : []));
  const [followed, city] = await Promise.all([rt.cases.getMany(followedIds), rt.city.get()]);
  const cases = page.items.flatMap((entry) => {
    if (entry.relation === 'reported') return [myCaseSummary(entry.caseItem, 'reported', entry.caseItem.createdAt, city, now)];
    const c = followed.get(entry.caseId);
    return c ? [myCaseSummary(c, 'followed', entry.since, city, now)] : [];
  });
  return { cases, nextCursor: page.nextCursor };
}
