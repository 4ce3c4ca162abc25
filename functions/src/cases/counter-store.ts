import { UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { COUNTER_NAMES, HANDLING_HISTOGRAM_HOURS, type CounterTotals } from '@gridtong/shared/events/counters';
import { shardOf } from '../outbox/outbox';
import { writtenIf } from '../store/conditional';
import { queryPages } from '../store/paging';

/**
 * Sharded per day: each item also keeps the ids of the events it has counted (the guard that
 * makes a replay count once), and sharding keeps that list well under the item size limit
 * even for a district-wide department on a typhoon day.
 */
export const COUNTER_SHARDS = 8;

const ALL_COUNTERS = [...COUNTER_NAMES, ...Array.from({ length: HANDLING_HISTOGRAM_HOURS.length + 1 }, (_, i) => `hist_${i}`)];
const partition = (code: string) => `STATS#${code}`;

/** 考核 counters per (scope, Beijing date), kept on write by the counters channel. */
export class CounterStore {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  /** Adds `add` once per event id: a second delivery of the same event changes nothing. */
  async add(scope: { kind: string; code: string }, date: string, eventId: string, add: Partial<Record<string, number>>): Promise<boolean> {
    const entries = Object.entries(add).filter(([, v]) => typeof v === 'number' && v !== 0);
    if (entries.length === 0) return false;
    const names: Record<string, string> = { '#applied': 'applied', '#kind': 'kind' };
    const values: Record<string, unknown> = { ':id': eventId, ':ids': new Set([eventId]), ':kind': scope.kind };
    const adds = entries.map(([name, value], i) => {
      names[`#c${i}`] = name;
      values[`:c${i}`] = value;
      return `#c${i} :c${i}`;
    });
    return writtenIf(this.doc.send(new UpdateCommand({
      TableName: this.table,
      Key: { pk: partition(scope.code), sk: `D#${date}#${shardOf(eventId, COUNTER_SHARDS)}` },
      UpdateExpression: `SET #kind = :kind ADD ${[...adds, '#applied :ids'].join(', ')}`,
      ConditionExpression: 'attribute_not_exists(#applied) OR NOT contains(#applied, :id)',
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    })));
  }

  /**
   * Per-day totals for a scope over [from, to] (Beijing dates), days without counts left out.
   * `counters` names what to read: the cases' 考核 counters unless told otherwise (代办 visits).
   */
  async days(code: string, from: string, to: string, counters: readonly string[] = ALL_COUNTERS): Promise<Map<string, CounterTotals>> {
    const names: Record<string, string> = { '#sk': 'sk' };
    counters.forEach((c, i) => {
      names[`#n${i}`] = c;
    });
    const byDay = new Map<string, CounterTotals>();
    for await (const out of queryPages(this.doc, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :p AND #sk BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':p': partition(code), ':from': `D#${from}`, ':to': `D#${to}#~` },
      // The guard list of event ids stays in the table.
      ProjectionExpression: ['#sk', ...counters.map((_, i) => `#n${i}`)].join(', '),
      ExpressionAttributeNames: names,
    })) {
      for (const item of out.Items ?? []) {
        const date = String(item.sk).slice(2, 12);
        const totals = byDay.get(date) ?? {};
        for (const c of counters) {
          const v = item[c];
          if (typeof v === 'number') (totals as Record<string, number>)[c] = ((totals as Record<string, number>)[c] ?? 0) + v;
        }
        byDay.set(date, totals);
      }
    }
    return byDay;
  }
}
