import type { WorkActionRequest, WorkCaseView } from '@gridtong/shared/api/desk';
import { actorCoversCase, recordContactRead, type CaseActionInput } from '@gridtong/shared/case/index';
import { DomainError, isDomainError } from '@gridtong/shared/errors';
import type { Case } from '@gridtong/shared/schemas/case';
import { scopeCoversArea, type Principal } from '@gridtong/shared/schemas/roles';
import { workingCalendar } from '../calendar';
import type { Runtime } from '../runtime';
import { dispatchDefaults, workCaseView } from './staff-views';
import { actOnCase, conflictWithView } from './resident-actions';

const notFound = () => new DomainError('CASE.NOT_FOUND', '未找到该案件');

/**
 * What a staff member may open: the domain's scope rule, and for a department only what
 * was ever dispatched to it (a case the 权责清单 points at is not theirs until dispatched).
 */
export function staffMayRead(c: Case, principal: Principal): boolean {
  if (!actorCoversCase(c, principal)) return false;
  // The domain lets an admin act anywhere; reading stays within the areas they administer.
  if (principal.role === 'admin') return scopeCoversArea(principal.scope, c.location.gridCode);
  if (principal.role !== 'departmentHandler') return true;
  return c.timeline.some((e) => e.action === 'dispatch' && e.data?.['departmentId'] === principal.scope.departmentId);
}

/** Roles whose reach is narrower here than in the domain's actorCoversCase: checked before acting. */
const NARROWER_THAN_DOMAIN: ReadonlySet<Principal['role']> = new Set(['departmentHandler', 'admin']);

async function view(rt: Runtime, c: Case, principal: Principal, now: Date, revealContact = false): Promise<WorkCaseView> {
  return workCaseView(c, { city: await rt.city.get(), photos: rt.photos, calendar: workingCalendar(), principal, now, revealContact });
}

/** A reveal that loses a race with a staff action is recorded on the newer case instead. */
const REVEAL_ATTEMPTS = 3;

/**
 * The staff view. With `reveal`, the reporter's phone is included and the read is
 * recorded on the case first (who, when, why) — no record, no number.
 */
export async function readWorkCase(
  rt: Runtime,
  principal: Principal,
  actorName: string | undefined,
  caseId: string,
  reveal: { reason: string } | null,
  now: Date,
): Promise<WorkCaseView> {
  let current = await rt.cases.get(caseId);
  if (!current || !staffMayRead(current, principal)) throw notFound();
  if (!reveal || current.contactPhone === undefined) return view(rt, current, principal, now);
  for (let attempt = 1; ; attempt++) {
    const next = recordContactRead(current, principal, actorName, reveal.reason, now);
    try {
      await rt.cases.save(next);
      return view(rt, next, principal, now, true);
    } catch (err) {
      if (!isDomainError(err, 'CASE.VERSION_CONFLICT') || attempt >= REVEAL_ATTEMPTS) throw err;
      current = await rt.cases.get(caseId, { consistent: true });
      if (!current || !staffMayRead(current, principal)) throw notFound();
    }
  }
}

/** A duplicate must point at a real case the caller can see, other than itself. */
async function assertOriginal(rt: Runtime, principal: Principal, caseId: string, originalId: string): Promise<Case> {
  const original = originalId === caseId ? null : await rt.cases.get(originalId);
  if (!original || !staffMayRead(original, principal)) {
    throw new DomainError('CASE.VALIDATION', '未找到被重复的原案件', { problems: [{ path: 'body.duplicateOf', message: 'no such case in your scope' }] });
  }
  return original;
}

/**
 * A staff action: dispatch defaults filled in (the 权责清单 department, the item's
 * handling limit from now), then the shared case-actions service decides and writes.
 * A conflict answers 409 with the caller's current view.
 */
export async function actOnWorkCase(
  rt: Runtime,
  principal: Principal,
  actorName: string | undefined,
  caseId: string,
  body: WorkActionRequest,
  now: Date,
): Promise<WorkCaseView> {
  let input = body as CaseActionInput & { version: number };
  const needsDefaults = body.type === 'dispatch' && (body.departmentId === undefined || body.handlingDeadline === undefined);
  // A department must not learn, by a 409, that a case it was never sent exists (nor an admin one outside their areas).
  const current = needsDefaults || NARROWER_THAN_DOMAIN.has(principal.role) ? await rt.cases.get(caseId, { consistent: true }) : undefined;
  if (current !== undefined && (!current || !staffMayRead(current, principal))) throw notFound();
  if (needsDefaults && current && body.type === 'dispatch') {
    const defaults = dispatchDefaults(current, await rt.city.get(), workingCalendar(), now);
    input = { ...body, departmentId: body.departmentId ?? defaults.departmentId, handlingDeadline: body.handlingDeadline ?? defaults.handlingDeadline };
  }
  if (body.type === 'dispatch') {
    const departmentId = (input as { departmentId: string }).departmentId;
    if (!(await rt.city.get()).directory.department(departmentId)) {
      throw new DomainError('CASE.VALIDATION', '所选部门不存在', { problems: [{ path: 'body.departmentId', message: 'unknown department' }] });
    }
  }
  const original = body.type === 'reject' && body.kind === 'duplicate' ? await assertOriginal(rt, principal, caseId, body.duplicateOf) : null;
  try {
    const { caseItem } = await actOnCase(rt, principal, caseId, input, now, actorName === undefined ? {} : { actorName });
    // 并案: the duplicate's reporter follows the original from now on (我的上报 lists it, its
    // steps reach them). A follow is idempotent, so a retry after a failure here repeats nothing.
    if (original && original.residentId !== caseItem.residentId) await rt.follows.follow(original.id, caseItem.residentId, now);
    return await view(rt, caseItem, principal, now);
  } catch (err) {
    throw await conflictWithView(err, (current) => view(rt, current, principal, now));
  }
}
