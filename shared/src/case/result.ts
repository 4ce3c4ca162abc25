import type { Case, PhotoRef, TimelineEvent } from '../schemas/case';
import { redact } from './timeline-view';

/** The statuses in which the department's reported work stands: from 处理反馈 until the case ends. */
const RESULT_STATUSES: ReadonlySet<Case['status']> = new Set(['handled', 'closed', 'rated', 'unrated']);

export interface CaseResultPhoto {
  ref: PhotoRef;
  /** 处置后 (the department's) or 核查 (the grid's on-site check). */
  kind: 'result' | 'check';
  at: string;
}

/** How a case was handled, as the timeline tells it; ids only, the views name and sign. */
export interface CaseResult {
  departmentId: string;
  /** The department's notes, phone numbers masked. */
  notes?: string;
  handledAt: string;
  verifiedAt?: string;
  photos: CaseResultPhoto[];
}

function photosOf(event: TimelineEvent): PhotoRef[] {
  const photos = event.data?.['photos'];
  return Array.isArray(photos) ? photos.filter((p): p is PhotoRef => typeof (p as PhotoRef | undefined)?.key === 'string') : [];
}

/**
 * The latest round's 处理反馈 and its 核查: what the department reported done, with its 处置后
 * photos, and the grid's passing check with its photos. Nothing before the case is handled, and
 * nothing while a failed check or a 重办 has sent it back to work.
 */
export function caseResult(c: Case): CaseResult | undefined {
  if (!RESULT_STATUSES.has(c.status)) return undefined;
  const handleIndex = c.timeline.findLastIndex((e) => e.action === 'handle');
  const handle = c.timeline[handleIndex];
  if (!handle) return undefined;
  const check = c.timeline.slice(handleIndex + 1).find((e) => e.action === 'checkPass');
  const dispatch = c.timeline.slice(0, handleIndex).findLast((e) => e.action === 'dispatch');
  const dispatchedTo = dispatch?.data?.['departmentId'];
  const notes = redact(handle.note);
  return {
    departmentId: typeof dispatchedTo === 'string' ? dispatchedTo : c.routing.departmentId,
    ...(notes ? { notes } : {}),
    handledAt: handle.at,
    ...(check ? { verifiedAt: check.at } : {}),
    photos: [
      ...photosOf(handle).map((ref) => ({ ref, kind: 'result' as const, at: handle.at })),
      ...(check ? photosOf(check).map((ref) => ({ ref, kind: 'check' as const, at: check.at })) : []),
    ],
  };
}
