import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { startLocalStack, type LocalStack } from '@gridtong/functions/local/stack';
import type { QueueCase } from '@gridtong/functions/cases/case-store';
import type { QueuePartition } from '@gridtong/functions/cases/queue-store';
import { isDomainError } from '@gridtong/shared/errors';
import type { Case } from '@gridtong/shared/schemas/case';
import { city, pointInGrid } from '../support/places';
import { seeder, type Seeder } from '../support/seed-cases';

/**
 * The merge behind every multi-grid queue (a grid worker with four grids, a district with
 * its streets): pages across partitions in deadline order, exact at every page size, with
 * filters that drop rows inside a partition.
 */

jest.setTimeout(120_000);

let stack: LocalStack;
let seed: Seeder;
const grids = city.grids.slice(20, 24).map((g) => g.code);
const partitions: QueuePartition[] = grids.map((g) => ({ index: 'gsi2', key: `GRID#${g}` }));
const seeded: Case[] = [];

beforeAll(async () => {
  stack = await startLocalStack({ quiet: true });
  seed = seeder(stack.runtime);
  // Uneven partitions with interleaved deadlines: 7, 1, 4 and 0 cases; every third one filed.
  const counts = [7, 1, 4, 0];
  let n = 0;
  for (const [i, grid] of grids.entries()) {
    for (let k = 0; k < counts[i]!; k++) {
      const at = new Date(Date.parse('2026-05-11T02:00:00Z') + (n++ * 37 % 23) * 600_000);
      const reported = await seed.report(`Rqueue${i}${k}`, { ...pointInGrid(grid), at });
      seeded.push(n % 3 === 0 ? await seed.staff(reported, { type: 'file' }) : reported);
    }
  }
});

afterAll(async () => {
  await stack?.stop();
});

async function everything(limit: number, filter: Parameters<LocalStack['runtime']['workQueues']['page']>[2]): Promise<QueueCase[]> {
  const all: QueueCase[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 100; pages++) {
    const page = await stack.runtime.workQueues.page(partitions, limit, filter, cursor);
    expect(page.items.length).toBeLessThanOrEqual(limit);
    all.push(...page.items);
    if (!page.nextCursor) return all;
    cursor = page.nextCursor;
  }
  throw new Error('paging did not end');
}

const key = (c: QueueCase) => `${c.handlingDeadline ?? c.dispatchDeadline}#${c.id}`;

describe('WorkQueueStore', () => {
  it.each([1, 2, 3, 5, 50])('returns every open case of the grids once, by deadline, %i per page', async (limit) => {
    const all = await everything(limit, {});

    expect(all.map((c) => c.id)).toEqual([...seeded].sort((a, b) => (key(a) < key(b) ? -1 : 1)).map((c) => c.id));
  });

  it.each([1, 2, 4])('keeps order and completeness when a status filter drops rows, %i per page', async (limit) => {
    const filed = await everything(limit, { statuses: ['filed'] });

    const expected = seeded.filter((c) => c.status === 'filed').sort((a, b) => (key(a) < key(b) ? -1 : 1));
    expect(expected.length).toBeGreaterThan(1);
    expect(filed.map((c) => c.id)).toEqual(expected.map((c) => c.id));
  });

  it('refuses a cursor made for other partitions', async () => {
    const first = await stack.runtime.workQueues.page(partitions, 2, {});
    let error: unknown;
    try {
      await stack.runtime.workQueues.page(partitions.slice(1), 2, {}, first.nextCursor!);
    } catch (err) {
      error = err;
    }
    expect(isDomainError(error, 'REQUEST.INVALID_CURSOR')).toBe(true);
  });

  it('holds in its indexes only what a row shows: no timeline, reporter, phone or photos', async () => {
    const doc = DynamoDBDocumentClient.from(stack.runtime.dynamo);
    const out = await doc.send(new QueryCommand({ TableName: stack.config.tableName, IndexName: 'gsi2', KeyConditionExpression: 'gsi2pk = :p', ExpressionAttributeValues: { ':p': `GRID#${grids[0]}` } }));

    const attributes = new Set((out.Items ?? []).flatMap((item) => Object.keys(item)));
    expect(attributes.has('id')).toBe(true);
    for (const hidden of ['timeline', 'residentId', 'contactPhone', 'photos', 'description', 'answers']) expect(attributes.has(hidden)).toBe(false);
  });
});

