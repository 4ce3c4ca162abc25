import { actorCoversCase, applyAction, type CaseActionInput, type CaseRules } from '@gridtong/shared/case/index';
import { DomainError, isDomainError } from '@gridtong/shared/errors';
import type { Case, PhotoRef, TimelineEvent } from '@gridtong/shared/schemas/case';
import type { Principal } from '@gridtong/shared/schemas/roles';
import type { Runtime } from '../runtime';

/** An action as a caller sends it: the domain's action plus the case version it was decided on. */
export type VersionedActionInput = CaseActionInput & { version: number };

export interface ActOptions {
  /** Shown to staff in the timeline (never to residents). */
  actorName?: string;
  rules?: Partial<CaseRules>;
}

export interface ActResult {
  caseItem: Case;
  event: TimelineEvent;
}

const notFound = () => new DomainError('CASE.NOT_FOUND', '未找到该案件');

/**
 * A version conflict carries the case as it is now (the raw case, in `details.current`):
 * the caller's edge reduces it to what that caller may see before it leaves (see
 * `conflictWithView`), so one error path serves residents and staff alike.
 */
function conflict(current: Case): DomainError {
  return new DomainError('CASE.VERSION_CONFLICT', '案件已有新的进展，请查看最新状态后再操作', { details: { current } });
}

function photosOf(input: CaseActionInput): PhotoRef[] {
  const photos = (input as { photos?: unknown }).photos;
  return Array.isArray(photos) ? (photos as PhotoRef[]) : [];
}

/**
 * Any principal's action on a case, for every route that acts (resident and staff):
 * a consistent read; not found or not the actor's → CASE.NOT_FOUND (ids cannot be
 * probed); a stale `version` → CASE.VERSION_CONFLICT with the current case; the domain
 * decides; then one version-guarded write, where a concurrent change is a conflict too.
 */
export async function actOnCase(
  rt: Pick<Runtime, 'cases' | 'photos'>,
  principal: Principal,
  caseId: string,
  input: VersionedActionInput,
  now: Date,
  options: ActOptions = {},
): Promise<ActResult> {
  const current = await rt.cases.get(caseId, { consistent: true });
  if (!current || !actorCoversCase(current, principal)) throw notFound();
  const { version, ...action } = input;
  if (current.version !== version) throw conflict(current);

  const decide = (a: CaseActionInput) => {
    try {
      return applyAction(current, a, {
        actor: principal,
        now,
        ...(options.actorName === undefined ? {} : { actorName: options.actorName }),
        ...(options.rules === undefined ? {} : { options: options.rules }),
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
    await rt.photos.assertOwnedAndPresent(principal.userId, photos);
    result = decide({ ...action, photos: await rt.photos.adopt(caseId, photos) } as CaseActionInput);
  }

  try {
    await rt.cases.save(result.next);
  } catch (err) {
    if (!isDomainError(err, 'CASE.VERSION_CONFLICT')) throw err;
    // Someone changed the case between our read and our write: show them what it is now.
    const latest = await rt.cases.get(caseId, { consistent: true });
    if (!latest || !actorCoversCase(latest, principal)) throw notFound();
    throw conflict(latest);
  }
  return { caseItem: result.next, event: result.event };
}

/**
 * At the edge: a version conflict leaves with `error.current` set to the caller's own
 * view of the case (resident, follower or staff view), never the stored case.
 */
export async function conflictWithView<T>(err: unknown, view: (current: Case) => Promise<T> | T): Promise<unknown> {
  if (!isDomainError(err, 'CASE.VERSION_CONFLICT')) return err;
  const current = err.details['current'] as Case | undefined;
  if (!current) return err;
  return err.withCurrent(await view(current));
}
