import { isOpenBooking, SLOT_RELEASING_STATUSES, type BookingStatus } from './schema';

/**
 * When a claimed place (a worker's slot, a resident's open-booking seat) may be taken over
 * from the booking that holds it. The store claims with one conditional write; when that
 * fails it reads the holder, asks these rules, and takes over conditioned on that holder.
 */

/** A claim whose booking never appeared (the request died between the two writes) is void after this. */
export const ORPHAN_CLAIM_MS = 60_000;

/** What the rules need of the booking behind a claim. */
export interface ClaimHolder {
  status: BookingStatus;
  workerId: string;
  claimedStarts: readonly string[];
}

/** No booking behind a claim: its request may still be writing it, so only an old claim is void. */
const orphanVoid = (claimAgeMs: number) => claimAgeMs > ORPHAN_CLAIM_MS;

/**
 * A slot may be taken over when its holder let it go (cancelled, declined) but the release
 * write was lost, or when the holder no longer holds this slot (it moved elsewhere) and the
 * claim is old enough that it is not a reschedule still between its claim and its write.
 */
export function slotMayBeTakenOver(holder: ClaimHolder | null, slot: { workerId: string; start: string }, claimAgeMs: number): boolean {
  if (holder === null) return orphanVoid(claimAgeMs);
  if (SLOT_RELEASING_STATUSES.includes(holder.status)) return true;
  const holdsIt = holder.workerId === slot.workerId && holder.claimedStarts.includes(slot.start);
  return !holdsIt && orphanVoid(claimAgeMs);
}

/** A seat may be taken over once its booking is no longer open (or never appeared and the claim is old). */
export function seatMayBeTakenOver(holder: Pick<ClaimHolder, 'status'> | null, claimAgeMs: number): boolean {
  if (holder === null) return orphanVoid(claimAgeMs);
  return !isOpenBooking(holder.status);
}
