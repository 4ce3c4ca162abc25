import { BatchGetCommand, GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type * as z from 'zod';
import { caseSchema, type Case, type TimelineEvent } from '@gridtong/shared/schemas/case';
import { AT_DEPARTMENT_STATUSES, decisionQueueOf, ENDED_STATUSES } from '@gridtong/shared/case/index';
import { DomainError } from '@gridtong/shared/errors';
import { duePartition, newEntry, outboxAttribute, outboxIndexKey, OUTBOX_REV } from '../outbox/outbox';
import { conditionalWrite } from '../store/conditional';
import { queryPage, queryPages } from '../store/paging';

/** Geohash length 6 cells are ~1.2 km × 0.6 km: a 250 m circle touches at most four. */
export const NEARBY_CELL_PRECISION = 6;

export const caseKey = (id: string) => ({ pk: `CASE#${id}`, sk: 'CASE' });

/**
 * gsi1 holds a resident's own things (later also bookings). Reported cases and follows
 * share one sort-key prefix, ordered by time, so "my cases" is one query that sees both
 * and nothing else: `MINE#<time>#R#<caseId>` for a report, `MINE#<time>#F#<caseId>` for a follow.
 */
export const MY_CASES_PREFIX = 'MINE#';
export const residentPartition = (residentId: string) => `RES#${residentId}`;

/** Kept on the case item by their own guarded writes; a save never writes them. */
export const CASE_COUNTERS: ReadonlySet<string> = new Set([
  'followerCount',
  // Content-check verdicts arrive on their own writes
  'moderation',
]);
/** Every attribute a stored case may carry, so a save can remove what the case dropped. */
const STORED_ATTRIBUTES: readonly string[] = [
  ...Object.keys(caseSchema.shape).filter((name) => !CASE_COUNTERS.has(name)),
  // gsi5 (sweeps, outbox) is not derived from the case here, so a save leaves it alone.
  ...['gsi1', 'gsi2', 'gsi3', 'gsi4', 'gsi6'].flatMap((g) => [`${g}pk`, `${g}sk`]),
  // Derived for the queue indexes, which do not carry the timeline
  'dispatchedAt',
  // The sweep's due key (gsi7) is derived from the case like the queues.
  'gsi7pk',
  'gsi7sk',
];

// The centre's and the grid's decision queues (gsi6)
/** A street centre's queue: its own cases, until two 退单 send a case up to the district (仲裁). */
export const dispatchPartition = (areaCode: string) => `DSP#${areaCode}`;
/** A grid's handled cases, waiting for the on-site check (核查). */
export const verifyPartition = (gridCode: string) => `VFY#${gridCode}`;

/** When the handling clock last started: the latest 派遣 (queue rows cannot read the timeline). */
export function lastDispatchAt(c: Case): string | undefined {
  for (let i = c.timeline.length - 1; i >= 0; i--) if (c.timeline[i]!.action === 'dispatch') return c.timeline[i]!.at;
  return undefined;
}

/** What a queue index holds of a case (QUEUE_ROW_ATTRIBUTES in table-def.ts): enough for a row, nothing personal. */
export const queueCaseSchema = caseSchema
  .pick({
    id: true, caseNumber: true, version: true, status: true, itemCode: true, itemName: true, urgency: true, location: true, routing: true, dispatchDeadline: true,
    handlingDeadline: true, followerCount: true, urgeCount: true, returnCount: true, escalationLevel: true, pendingExtension: true, reopenRequested: true,
    createdAt: true, updatedAt: true,
  })
  .extend({ dispatchedAt: caseSchema.shape.createdAt.optional() });
export type QueueCase = z.infer<typeof queueCaseSchema>;

/** The decision queue the domain puts the case in (decisionQueueOf): both share one sparse index, gsi6. */
function decisionQueueKeys(c: Case, deadline: string): Record<string, string> {
  const queue = decisionQueueOf(c);
  if (!queue) return {};
  const gsi6pk = queue.kind === 'verify' ? verifyPartition(queue.gridCode) : dispatchPartition(queue.areaCode);
  return { gsi6pk, gsi6sk: `${deadline}#${c.id}` };
}

/**
 * The stored item: the case itself plus the sparse index keys for the access patterns it
 * currently belongs to. Index keys are derived from the case on every write, so a case
 * leaves the open-case queues the moment it closes.
 */
export function toItem(c: Case, dueAt: string | null = null): Record<string, unknown> {
  const open = !ENDED_STATUSES.has(c.status);
  const deadline = c.handlingDeadline ?? c.dispatchDeadline;
  return {
    ...caseKey(c.id),
    ...c,
    gsi1pk: residentPartition(c.residentId),
    gsi1sk: `${MY_CASES_PREFIX}${c.createdAt}#R#${c.id}`,
    ...(open ? { gsi2pk: `GRID#${c.location.gridCode}`, gsi2sk: `${deadline}#${c.id}` } : {}),
    ...(AT_DEPARTMENT_STATUSES.has(c.status) ? { gsi3pk: `DEPT#${c.routing.departmentId}`, gsi3sk: `${deadline}#${c.id}` } : {}),
    ...(open ? { gsi4pk: `GH${NEARBY_CELL_PRECISION}#${c.location.geohash.slice(0, NEARBY_CELL_PRECISION)}`, gsi4sk: `${c.itemCode}#${c.id}` } : {}),
    // The centre's and the grid's decision queues
    ...decisionQueueKeys(c, deadline),
    ...(lastDispatchAt(c) ? { dispatchedAt: lastDispatchAt(c) } : {}),
    // The sweep finds the case here once its next warning, deadline or rating-window end is due.
    ...(dueAt ? { gsi7pk: duePartition(c.id), gsi7sk: `${dueAt}#${c.id}` } : {}),
  };
}

/** When the sweep must next look at a case (null: never); the runtime plans it from the catalog and calendar. */
export type SweepPlanner = (c: Case) => string | null;

/**
 * The event(s) a write records — the newest timeline event, and any other written at
 * the same instant. Re-recording an older one is harmless: every channel is idempotent by event id.
 */
function newestEvents(c: Case): TimelineEvent[] {
  const last = c.timeline[c.timeline.length - 1];
  return last ? c.timeline.filter((e) => e.at === last.at) : [];
}

/**
 * The outbox entries a write adds (one attribute per event, pending on every channel)
 * and the gsi5 key that puts the case in the deliverer's way at once.
 */
function outboxAttributes(c: Case): Record<string, unknown> {
  const entries = newestEvents(c).map((e) => newEntry(e));
  return { ...Object.fromEntries(entries.map((e) => [outboxAttribute(e.seq), e])), ...outboxIndexKey(c.id, entries) };
}

export function fromItem(item: Record<string, unknown>): Case {
  const { pk: _pk, sk: _sk, gsi1pk: _a, gsi1sk: _b, gsi2pk: _c, gsi2sk: _d, gsi3pk: _e, gsi3sk: _f, gsi4pk: _g, gsi4sk: _h, ...rest } = item;
  return caseSchema.parse(rest);
}

/** A save that lost to another write since the case was read. */
export const staleCaseWrite = () => new DomainError('CASE.VERSION_CONFLICT', '案件已被他人更新，请刷新后重试');

export type MyCaseEntry =
  | { relation: 'reported'; caseItem: Case }
  | { relation: 'followed'; caseId: string; since: string };

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export class CaseRepository {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
    // Plans the sweep key of every write
    private readonly planSweep: SweepPlanner = () => null,
  ) {}

  /** The new case with its first event's outbox entry and its sweep key, in one conditional put. */
  async create(c: Case): Promise<void> {
    await this.doc.send(new PutCommand({
      TableName: this.table,
      Item: { ...toItem(c, this.planSweep(c)), ...outboxAttributes(c), [OUTBOX_REV]: 1 },
      ConditionExpression: 'attribute_not_exists(pk)',
    }));
  }

  /**
   * One conditional write: succeeds only if nobody else changed the case since it was read.
   * An update rather than a put, so counters kept beside the version (followerCount, moved
   * by follows without a version bump) are never overwritten with the value read earlier.
   * The same write adds the new event's outbox entry (and bumps `obRev`) without
   * disturbing the entries of earlier events the deliverer has not finished.
   */
  async save(next: Case): Promise<void> {
    const item = toItem(next, this.planSweep(next));
    const outbox = outboxAttributes(next);
    const names: Record<string, string> = { '#v': 'version', '#rev': OUTBOX_REV };
    const values: Record<string, unknown> = { ':expected': next.version - 1, ':one': 1 };
    const sets: string[] = [];
    Object.entries(item).forEach(([name, value], i) => {
      if (name === 'pk' || name === 'sk' || CASE_COUNTERS.has(name) || value === undefined) return;
      names[`#a${i}`] = name;
      values[`:a${i}`] = value;
      sets.push(`#a${i} = :a${i}`);
    });
    Object.entries(outbox).forEach(([name, value], i) => {
      names[`#o${i}`] = name;
      values[`:o${i}`] = value;
      sets.push(`#o${i} = :o${i}`);
    });
    // Whatever the case no longer has (an unset deadline, a queue it left) is removed.
    const removes = STORED_ATTRIBUTES.filter((name) => item[name] === undefined).map((name, i) => {
      names[`#r${i}`] = name;
      return `#r${i}`;
    });
    await conditionalWrite(this.doc.send(new UpdateCommand({
      TableName: this.table,
      Key: caseKey(next.id),
      UpdateExpression: `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''} ADD #rev :one`,
      ConditionExpression: 'attribute_exists(pk) AND #v = :expected',
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    })), staleCaseWrite());
  }

  /** `consistent` when the case may have been written a moment ago (read-your-write). */
  async get(id: string, options: { consistent?: boolean } = {}): Promise<Case | null> {
    const out = await this.doc.send(new GetCommand({ TableName: this.table, Key: caseKey(id), ConsistentRead: options.consistent === true }));
    return out.Item ? fromItem(out.Item) : null;
  }

  /** Several cases by id (a page of followed cases): one batch read, missing ones left out. */
  async getMany(ids: readonly string[]): Promise<Map<string, Case>> {
    const found = new Map<string, Case>();
    let keys = [...new Set(ids)].map(caseKey);
    // BatchGet answers at most 100 keys and may hand some back unprocessed.
    for (let attempt = 0; keys.length > 0 && attempt < 5; attempt++) {
      const batch = keys.slice(0, 100);
      const out = await this.doc.send(new BatchGetCommand({ RequestItems: { [this.table]: { Keys: batch } } }));
      for (const item of out.Responses?.[this.table] ?? []) {
        const c = fromItem(item);
        found.set(c.id, c);
      }
      keys = [...keys.slice(100), ...((out.UnprocessedKeys?.[this.table]?.Keys ?? []) as typeof keys)];
    }
    return found;
  }

  /** 我的上报: the resident's reports and follows, newest first, one query on gsi1. */
  async listByResident(residentId: string, limit: number, cursor?: string): Promise<Page<MyCaseEntry>> {
    const partition = residentPartition(residentId);
    const page = await queryPage(this.doc, {
      TableName: this.table,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :p AND begins_with(gsi1sk, :mine)',
      ExpressionAttributeValues: { ':p': partition, ':mine': MY_CASES_PREFIX },
      ScanIndexForward: false,
    }, { limit, cursor, partition: { name: 'gsi1pk', value: partition }, keyNames: ['pk', 'sk', 'gsi1pk', 'gsi1sk'] });
    const entries = page.items.map((item): MyCaseEntry => (
      item.sk === 'CASE'
        ? { relation: 'reported', caseItem: fromItem(item) }
        : { relation: 'followed', caseId: String(item.caseId), since: String(item.followedAt) }
    ));
    return { items: entries, nextCursor: page.nextCursor };
  }

  /** Open cases of one item in one geohash cell (precision NEARBY_CELL_PRECISION), from gsi4. */
  async listOpenInCell(cell: string, itemCode: string): Promise<Case[]> {
    const found: Case[] = [];
    for await (const out of queryPages(this.doc, {
      TableName: this.table,
      IndexName: 'gsi4',
      KeyConditionExpression: 'gsi4pk = :cell AND begins_with(gsi4sk, :item)',
      ExpressionAttributeValues: { ':cell': `GH${NEARBY_CELL_PRECISION}#${cell}`, ':item': `${itemCode}#` },
    })) {
      found.push(...(out.Items ?? []).map(fromItem));
    }
    return found;
  }
}
