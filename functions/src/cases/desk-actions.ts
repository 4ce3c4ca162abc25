import type { FoundWorkCase, WorkActionRequest } from '@gridtong/shared/api/desk';
import { caseOpenTo, recordContactRead, type CaseActionInput } from '@gridtong/shared/case/index';
import { DomainError, isDomainError } from '@gridtong/shared/errors';
import type { Case } from '@gridtong/shared/schemas/case';
import type { Principal } from '@gridtong/shared/schemas/roles';
import { workingCalendar } from '../calendar';
import type { CityProvider } from '../city/city-snapshot';
import type { RequestContext } from '../context';
import type { CaseRepository } from './case-store';
import type { CaseNumberStore } from './case-number-store';
import type { FollowRepository } from './follow-store';
import { actOnCase, caseNotFound, type CaseActionPorts } from './case-actions';
import { dispatchDefaults } from './staff-views';

/** What an audited staff read touches: the case, which records the read. */
export interface WorkCaseReadPorts {
  cases: Pick<CaseRepository, 'get' | 'save'>;
}

/** What a staff action touches beyond acting: the catalog (dispatch defaults) and follows (并案). */
export interface WorkCaseActionPorts extends CaseActionPorts {
  city: Pick<CityProvider, 'get'>;
  follows: Pick<FollowRepository, 'follow'>;
}

/** A staff read: the case, and whether the reporter's phone may be shown (the read was recorded). */
export interface WorkCaseRead {
  caseItem: Case;
  revealContact: boolean;
}

/** A reveal that loses a race with a staff action is recorded on the newer case instead. */
const REVEAL_ATTEMPTS = 3;

/**
 * The staff read. With `reveal`, the reporter's phone may be shown, and the read is
 * recorded on the case first (who, when, why): no record, no number.
 */
export async function readWorkCase(ports: WorkCaseReadPorts, ctx: RequestContext, caseId: string, reveal: { reason: string } | null): Promise<WorkCaseRead> {
  const { principal, actorName, now } = ctx;
  let current = await ports.cases.get(caseId);
  if (!current || !caseOpenTo(current, principal)) throw caseNotFound();
  if (!reveal || current.contactPhone === undefined) return { caseItem: current, revealContact: false };
  for (let attempt = 1; ; attempt++) {
    const next = recordContactRead(current, principal, actorName, reveal.reason, now);
    try {
      await ports.cases.save(next);
      return { caseItem: next, revealContact: true };
    } catch (err) {
      if (!isDomainError(err, 'CASE.VERSION_CONFLICT') || attempt >= REVEAL_ATTEMPTS) throw err;
      current = await ports.cases.get(caseId, { consistent: true });
      if (!current || !caseOpenTo(current, principal)) throw caseNotFound();
    }
  }
}

/** What finding a case by its 受理编号 touches: the number's lookup and the case. */
export interface FindWorkCasePorts {
  caseNumbers: Pick<CaseNumberStore, 'find'>;
  cases: Pick<CaseRepository, 'get'>;
}

/**
 * The case a 受理编号 names, under the same scope rule as the staff read: a number outside the
 * caller's reach answers exactly like one that does not exist.
 */
export async function findWorkCase(ports: FindWorkCasePorts, ctx: RequestContext, caseNumber: string): Promise<FoundWorkCase> {
  const id = await ports.caseNumbers.find(caseNumber);
  const found = id ? await ports.cases.get(id) : null;
  if (!found || found.caseNumber !== caseNumber || !caseOpenTo(found, ctx.principal)) throw caseNotFound();
  return { id: found.id, caseNumber };
}

/** A duplicate must point at a real case the caller can see, other than itself. */
async function assertOriginal(ports: WorkCaseActionPorts, principal: Principal, caseId: string, originalId: string): Promise<Case> {
  const original = originalId === caseId ? null : await ports.cases.get(originalId);
  if (!original || !caseOpenTo(original, principal)) {
    throw new DomainError('CASE.VALIDATION', '未找到被重复的原案件', { problems: [{ path: 'body.duplicateOf', message: 'no such case in your scope' }] });
  }
  return original;
}

/** Roles whose reach is narrower than the domain's actorCoversCase (see caseOpenTo): checked before anything else. */
const NARROWER_THAN_DOMAIN: ReadonlySet<Principal['role']> = new Set(['departmentHandler', 'admin']);

/**
 * A staff action: dispatch defaults filled in (the 权责清单 department, the item's
 * handling limit from now), then the shared case-actions service decides and writes.
 * A conflict carries the current case (the route shows the caller their view of it).
 */
export async function actOnWorkCase(ports: WorkCaseActionPorts, ctx: RequestContext, caseId: string, body: WorkActionRequest): Promise<Case> {
  const { principal, now } = ctx;
  let input = body as CaseActionInput & { version: number };
  const needsDefaults = body.type === 'dispatch' && (body.departmentId === undefined || body.handlingDeadline === undefined);
  // A department must not learn, by a 409, that a case it was never sent exists (nor an admin one outside their areas).
  const current = needsDefaults || NARROWER_THAN_DOMAIN.has(principal.role) ? await ports.cases.get(caseId, { consistent: true }) : undefined;
  if (current !== undefined && (!current || !caseOpenTo(current, principal))) throw caseNotFound();
  if (needsDefaults && current && body.type === 'dispatch') {
    const defaults = dispatchDefaults(current, await ports.city.get(), workingCalendar(), now);
    input = { ...body, departmentId: body.departmentId ?? defaults.departmentId, handlingDeadline: body.handlingDeadline ?? defaults.handlingDeadline };
  }
  if (body.type === 'dispatch') {
    const departmentId = (input as { departmentId: string }).departmentId;
    if (!(await ports.city.get()).directory.department(departmentId)) {
      throw new DomainError('CASE.VALIDATION', '所选部门不存在', { problems: [{ path: 'body.departmentId', message: 'unknown department' }] });
    }
  }
  const original = body.type === 'reject' && body.kind === 'duplicate' ? await assertOriginal(ports, principal, caseId, body.duplicateOf) : null;
  const { caseItem } = await actOnCase(ports, ctx, caseId, input);
  // 并案: the duplicate's reporter follows the original from now on (我的上报 lists it, its
  // steps reach them). A follow is idempotent, so a retry after a failure here repeats nothing.
  if (original && original.residentId !== caseItem.residentId) await ports.follows.follow(original.id, caseItem.residentId, now);
  return caseItem;
}
