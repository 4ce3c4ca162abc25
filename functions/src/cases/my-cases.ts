import type { MyCasesResponse } from '@gridtong/shared/api/cases';
import type { CityProvider } from '../city/city-snapshot';
import type { RequestContext } from '../context';
import type { CaseRepository } from './case-store';
import { myCaseSummary } from './resident-views';

/** 我的上报: reported and followed cases in one list, newest first, cursor paging. */
export interface MyCasesPorts {
  cases: Pick<CaseRepository, 'listByResident' | 'getMany'>;
  city: Pick<CityProvider, 'get'>;
}

export async function listMyCases(ports: MyCasesPorts, ctx: RequestContext, page: { limit: number; cursor?: string | undefined }): Promise<MyCasesResponse> {
  const { principal, now } = ctx;
  const mine = await ports.cases.listByResident(principal.userId, page.limit, page.cursor);
  const followedIds = mine.items.flatMap((e) => (e.relation === 'followed' ? [e.caseId] : []));
  const [followed, city] = await Promise.all([ports.cases.getMany(followedIds), ports.city.get()]);
  const cases = mine.items.flatMap((entry) => {
    if (entry.relation === 'reported') return [myCaseSummary(entry.caseItem, 'reported', entry.caseItem.createdAt, city, now)];
    const c = followed.get(entry.caseId);
    return c ? [myCaseSummary(c, 'followed', entry.since, city, now)] : [];
  });
  return { cases, nextCursor: mine.nextCursor };
}
