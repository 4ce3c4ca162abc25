import { applyAction, caseOpenTo, type CaseActionInput, type CaseRules } from '@gridtong/shared/case/index';
import { DomainError, isDomainError } from '@gridtong/shared/errors';
import type { Case, PhotoRef, TimelineEvent } from '@gridtong/shared/schemas/case';
import type { RequestContext } from '../context';
import { conflictWith } from '../conflict';
import type { PhotoStore } from '../store/photos';
import type { CaseRepository } from './case-store';

/** An action as a caller sends it: the domain's action plus the case version it was decided on. */
export type VersionedActionInput = CaseActionInput & { version: number };

/** What acting on a case touches: the case itself, and the photos an action attaches. */
export interface CaseActionPorts {
  cases: Pick<CaseRepository, 'get' | 'save'>;
  photos: Pick<PhotoStore, 'assertOwnedAndPresent' | 'adopt'>;
}

export interface ActResult {
  caseItem: Case;
  event: TimelineEvent;
}

export const caseNotFound = () => new DomainError('CASE.NOT_FOUND', '未找到该案件');

/** A stale or lost write: carries the case as it is now, which the route reduces to the caller's view. */
export const caseConflict = (current: Case) => conflictWith('CASE.VERSION_CONFLICT', '案件已有新的进展，请查看最新状态后再操作', current);

function photosOf(input: CaseActionInput): PhotoRef[] {
  const photos = (input as { photos?: unknown }).photos;
  return Array.isArray(photos) ? (photos as PhotoRef[]) : [];
}

/**
 * Any principal's action on a case, for every route that acts (resident and staff):
 * a consistent read; not found or not open to the actor (caseOpenTo) → CASE.NOT_FOUND (ids
 * cannot be probed); a stale `version` → CASE.VERSION_CONFLICT with the current case; the
 * domain decides; then one version-guarded write, where a concurrent change is a conflict too.
 */
export async function actOnCase(
  ports: CaseActionPorts,
  ctx: RequestContext,
  caseId: string,
  input: VersionedActionInput,
  rules?: Partial<CaseRules>,
): Promise<ActResult> {
  const { principal, now, actorName } = ctx;
  const current = await ports.cases.get(caseId, { consistent: true });
  if (!current || !caseOpenTo(current, principal)) throw caseNotFound();
  const { version, ...action } = input;
  if (current.version !== version) throw caseConflict(current);

  const decide = (a: CaseActionInput) => {
    try {
      return applyAction(current, a, {
        actor: principal,
        now,
        ...(actorName === undefined ? {} : { actorName }),
        ...(rules === undefined ? {} : { options: rules }),
      });
    } catch (err) {
      // The domain names fields of the action; the caller sent them in the body.
      throw isDomainError(err) && err.problems.length > 0 ? err.under('body') : err;
    }
  };
  let result = decide(action as CaseActionInput);
  const photos = photosOf(action as CaseActionInput);
  if (photos.length > 0) {
    // Photos attached to an action must be the actor's own uploads, really in the bucket;
    // the case keeps its own copies (cases/<id>/…), which nobody can replace afterwards.
    await ports.photos.assertOwnedAndPresent(principal.userId, photos);
    result = decide({ ...action, photos: await ports.photos.adopt(caseId, photos) } as CaseActionInput);
  }

  try {
    await ports.cases.save(result.next);
  } catch (err) {
    if (!isDomainError(err, 'CASE.VERSION_CONFLICT')) throw err;
    // Someone changed the case between our read and our write: show them what it is now.
    const latest = await ports.cases.get(caseId, { consistent: true });
    if (!latest || !caseOpenTo(latest, principal)) throw caseNotFound();
    throw caseConflict(latest);
  }
  return { caseItem: result.next, event: result.event };
}
