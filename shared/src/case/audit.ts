import type { Case, TimelineEvent } from '../schemas/case';
import type { Principal } from '../schemas/roles';

/** Timeline action of a staff read of the reporter's phone (PIPL: such reads are recorded). */
export const CONTACT_READ_ACTION = 'readContact';

/**
 * The case with one more timeline entry: who read the reporter's contact phone, when and
 * why. The status does not change; the version does, so the write is one conditional put
 * like any other and a concurrent staff action cannot erase the record.
 */
export function recordContactRead(caseItem: Case, actor: Principal, actorName: string | undefined, reason: string, now: Date): Case {
  const last = caseItem.timeline[caseItem.timeline.length - 1];
  const at = now.toISOString();
  const event: TimelineEvent = {
    seq: last ? last.seq + 1 : 0,
    at,
    actor: { role: actor.role, userId: actor.userId, ...(actorName ? { name: actorName } : {}) },
    action: CONTACT_READ_ACTION,
    from: caseItem.status,
    to: caseItem.status,
    reason,
  };
  // updatedAt stays: a read is recorded, but the case itself did not change.
  return { ...caseItem, version: caseItem.version + 1, timeline: [...caseItem.timeline, event] };
}
