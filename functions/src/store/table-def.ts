/**
 * The single table and the idempotency table, described once: the local stack creates
 * them from this and the CDK stack declares them from it.
 *
 * Main table items carry pk/sk, plus sparse GSI keys only when the item belongs to that
 * access pattern (a closed case drops out of the open-case queues by losing the attribute).
 */
export const GSI_NAMES = ['gsi1', 'gsi2', 'gsi3', 'gsi4', 'gsi5', 'gsi6', 'gsi7'] as const;
export type GsiName = (typeof GSI_NAMES)[number];

/**
 * What each index is for (the repositories own the key formats):
 * - gsi1: resident → own cases and followed cases (sort keys MINE#<time>#R|F#<caseId>), newest first; other resident-owned entities take their own prefix
 * - gsi2: grid → open cases by deadline
 * - gsi3: department → dispatched queue by deadline
 * - gsi4: geohash cell → open cases (nearby duplicates)
 * - gsi5: outbox shard → pending deliveries by next attempt; parked deliveries; a user → unread messages
 * - gsi6: dispatch queue (street or district: filed, returned, escalated, pending 延期/重办) and verify queue (grid: handled) by deadline
 * - gsi7: sweep shard → cases by the time their next warning, deadline or rating window end is due
 */

// Booking items use their own key prefixes in shared indexes, so no
// existing query ever meets them — gsi1 'RES#<resident>' / 'BOOKING#…' (my bookings; 我的上报
// reads only 'MINE#'), gsi2 'WDAY#<worker>' / '<slot start>#<id>' (a worker's day), gsi5
// 'BKOUTBOX#<shard>' / 'BKPARKED' (booking deliveries), gsi7 'BKREMIND#<shard>' (day-before
// reminders). Slot claims ('SLOT#<worker>'), open-booking places ('BOOKSEAT#<resident>') and
// availability ('AVAIL#<grid>') are table items read by key.

/**
 * Indexes whose readers need only keys — the deliverer and the sweep read the item
 * itself when they work on it, the unread count only counts — so a case write does not copy
 * the whole case (timeline included) into them.
 */
export const KEYS_ONLY_INDEXES: readonly GsiName[] = ['gsi5', 'gsi7'];

// The work queues (grid, department, dispatch/verify) project exactly what a
// queue row shows — never the timeline, the reporter, their phone or the photos.
export const QUEUE_INDEXES: readonly GsiName[] = ['gsi2', 'gsi3', 'gsi6'];
export const QUEUE_ROW_ATTRIBUTES = [
  'id', 'caseNumber', 'version', 'status', 'itemCode', 'itemName', 'urgency', 'location', 'routing', 'dispatchDeadline', 'handlingDeadline',
  'dispatchedAt', 'followerCount', 'urgeCount', 'returnCount', 'escalationLevel', 'pendingExtension', 'reopenRequested', 'createdAt', 'updatedAt',
] as const;

export type IndexProjection = { type: 'KEYS_ONLY' } | { type: 'ALL' } | { type: 'INCLUDE'; attributes: readonly string[] };

function projectionOf(name: GsiName): IndexProjection {
  if (KEYS_ONLY_INDEXES.includes(name)) return { type: 'KEYS_ONLY' };
  if (QUEUE_INDEXES.includes(name)) return { type: 'INCLUDE', attributes: QUEUE_ROW_ATTRIBUTES };
  return { type: 'ALL' };
}

export const mainTable = {
  partitionKey: 'pk',
  sortKey: 'sk',
  /** Epoch seconds after which DynamoDB deletes the item (TTL; dynalite ignores it). */
  ttlAttribute: 'expiresAt',
  indexes: GSI_NAMES.map((name) => ({
    name,
    partitionKey: `${name}pk`,
    sortKey: `${name}sk`,
    projection: projectionOf(name),
  })),
} as const;

/** Powertools idempotency persistence defaults. */
export const idempotencyTable = {
  partitionKey: 'id',
  ttlAttribute: 'expiration',
} as const;
