import type { Case } from '../schemas/case';
import { scopeCoversArea, type Principal } from '../schemas/roles';
import { actorCoversCase } from './machine';

/**
 * What a principal may open (and so act on through any route): the domain's scope rule
 * (actorCoversCase), narrowed where reading is stricter than acting. An admin may act
 * anywhere but reads only within the areas they administer; a department reads only what
 * was ever dispatched to it (a case the 权责清单 points at is not theirs until dispatched).
 */
export function caseOpenTo(c: Case, principal: Principal): boolean {
  if (!actorCoversCase(c, principal)) return false;
  if (principal.role === 'admin') return scopeCoversArea(principal.scope, c.location.gridCode);
  if (principal.role !== 'departmentHandler') return true;
  return c.timeline.some((e) => e.action === 'dispatch' && e.data?.['departmentId'] === principal.scope.departmentId);
}

/** Which view of a case a resident gets: their own report, a followed case's anonymised view, or nothing at all. */
export type ResidentCaseAccess = 'reporter' | 'follower' | 'none';

/**
 * The reporter sees their own case; a follower the anonymised view; anyone else's case is
 * indistinguishable from no case at all (`none` answers as not found).
 */
export function residentCaseAccess(c: Case | null, residentId: string, following: boolean): ResidentCaseAccess {
  if (!c) return 'none';
  if (c.residentId === residentId) return 'reporter';
  return following ? 'follower' : 'none';
}
