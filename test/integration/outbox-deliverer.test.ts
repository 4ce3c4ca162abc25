import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { LocalStack } from '@gridtong/functions/local/stack';
import type { Channel, Delivery } from '@gridtong/functions/outbox/channels';
import { client } from '../support/client';
import { staff, testClock, writeCase, TEAM_GRID } from '../support/case-writer';
import { openStack } from '../support/stack';

jest.setTimeout(60_000);

const clock = testClock('2026-11-23T02:00:00.000Z'); // a Monday, 10:00 in Beijing
let stack: LocalStack;
let api: ReturnType<typeof client>;

beforeAll(async () => {
  ({ stack, api } = await openStack({ now: clock.now, timers: false }));
});

afterAll(() => stack?.stop());

const MINUTE = 60_000;
const worker1 = staff('worker1');
const channelNamed = (name: string) => stack.runtime.channels.find((c) => c.name === name)!;
// Every event owes every channel of the runtime (counters, WeChat, content checks…).
const allBut = (name: string) => stack.runtime.channels.filter((c) => c.name !== name);

/** Wraps a real channel: fails the first `failures` calls (Infinity: always), counts every call. */
function flaky(inner: Channel, failures: number) {
  const calls: string[] = [];
  const channel: Channel = {
    name: inner.name,
    async deliver(delivery: Delivery) {
      calls.push(delivery.eventId);
      if (calls.length <= failures) throw new Error(`simulated outage ${calls.length}`);
      await inner.deliver(delivery);
    },
  };
  return { channel, calls };
}

async function messagesOf(userId: string) {
  return (await stack.runtime.messages.list(userId, 50)).messages;
}

async function receivedToday(code: string) {
  const days = await stack.runtime.counters.days(code, '2026-11-23', '2026-11-23');
  return days.get('2026-11-23')?.received ?? 0;
}

describe('the deliverer under faults', () => {
  it('delivers once when a channel fails three times and then succeeds, backing off in between', async () => {
    const created = await writeCase(stack.runtime, { residentId: 'Uresident-faults-1', itemCode: 'E0103', now: clock.now() });
    const messages = flaky(channelNamed('messages'), 3);
    const deliverer = stack.runtime.deliverer({ baseDelayMs: 60_000, random: () => 0.5, maxAttempts: 6 }, [messages.channel, ...allBut('messages')]);

    await deliverer.deliverDue();
    // Backing off: another run at the same instant does not call the channel again.
    await deliverer.deliverDue();
    expect(messages.calls).toHaveLength(1);
    for (let i = 0; i < 3; i++) {
      clock.advance(10 * MINUTE);
      await deliverer.deliverDue();
    }

    expect(messages.calls).toEqual(Array(4).fill(`${created.id}-0`));
    const inbox = (await messagesOf(worker1.userId)).filter((m) => m.caseId === created.id);
    expect(inbox.map((m) => m.title)).toEqual(['新上报待核实']);
    // The counters channel succeeded the first time and was not run again.
    expect(await receivedToday(created.location.gridCode)).toBe(1);
    expect((await stack.runtime.outbox.read(created.id))!.entries).toEqual([]);
  });

  it('parks a delivery that always fails, shows it to the operator and delivers it once retried', async () => {
    const created = await writeCase(stack.runtime, { residentId: 'Uresident-faults-2', itemCode: 'E0103', now: clock.now() });
    const broken = flaky(channelNamed('messages'), Infinity);
    const deliverer = stack.runtime.deliverer({ baseDelayMs: 1_000, random: () => 0, maxAttempts: 3 }, [broken.channel, ...allBut('messages')]);
    for (let i = 0; i < 5; i++) {
      await deliverer.deliverDue();
      clock.advance(10 * MINUTE);
    }
    expect(broken.calls).toHaveLength(3);

    const admin = await api.login('dev-admin');
    const listed = await api.get('/v1/work/outbox?state=parked', admin.token);
    expect(listed.status).toBe(200);
    const entry = listed.body.entries.find((e: any) => e.caseId === created.id);
    expect(entry).toMatchObject({ id: `${created.id}-0`, action: 'submit', channels: [{ channel: 'messages', state: 'parked', attempts: 3 }] });
    expect(entry.channels[0].lastError).toContain('simulated outage 3');
    // Not for anyone else: a grid worker is refused the operator routes.
    const worker = await api.login('dev-worker1');
    expect((await api.get('/v1/work/outbox', worker.token)).status).toBe(403);

    const retried = await api.post(`/v1/work/outbox/${created.id}-0/retry`, undefined, admin.token);
    expect(retried.status).toBe(200);
    expect(retried.body.channels).toEqual([expect.objectContaining({ channel: 'messages', state: 'pending', attempts: 0 })]);
    await stack.jobs.deliver();

    const inbox = (await messagesOf(worker1.userId)).filter((m) => m.caseId === created.id);
    expect(inbox).toHaveLength(1);
    expect((await api.get('/v1/work/outbox?state=parked', admin.token)).body.entries.map((e: any) => e.caseId)).not.toContain(created.id);
    expect((await api.post(`/v1/work/outbox/${created.id}-0/retry`, undefined, admin.token)).status).toBe(404);
  });

  it('shows and counts an event once however often it is delivered, even by two deliverers at once', async () => {
    const created = await writeCase(stack.runtime, { residentId: 'Uresident-faults-3', itemCode: 'E0103', now: clock.now() });
    const before = await receivedToday(TEAM_GRID);
    const [a, b] = [stack.runtime.deliverer(), stack.runtime.deliverer()];

    await Promise.all([a.deliverCase(created.id), b.deliverCase(created.id)]);
    // A stream replay hands the channels the same event again.
    const city = await stack.runtime.city.get();
    const event = created.timeline[0]!;
    for (const channel of stack.runtime.channels) {
      await channel.deliver({ eventId: `${created.id}-0`, event, caseItem: created, city, now: clock.now() });
    }

    const inbox = (await messagesOf(worker1.userId)).filter((m) => m.caseId === created.id);
    expect(inbox).toHaveLength(1);
    expect(await receivedToday(TEAM_GRID)).toBe(before + 1);
  });

  it('keeps delivering the other cases when one case item cannot be read as a case', async () => {
    const doc = DynamoDBDocumentClient.from(stack.runtime.dynamo);
    const broken = 'C9999999999999BROKEN';
    const at = clock.now().toISOString();
    await doc.send(new PutCommand({
      TableName: stack.config.tableName,
      Item: { pk: `CASE#${broken}`, sk: 'CASE', status: 'nonsense', ob_0: { seq: 0, at, action: 'submit', ch: { messages: { s: 'pending', n: 0, next: at } } }, gsi5pk: 'OUTBOX#0', gsi5sk: `${at}#${broken}` },
    }));
    const created = await writeCase(stack.runtime, { residentId: 'Uresident-faults-4', itemCode: 'E0103', now: clock.now() });

    await stack.jobs.deliver();

    expect((await messagesOf(worker1.userId)).filter((m) => m.caseId === created.id)).toHaveLength(1);
    // The broken one stays due for an operator to see; it never stopped the run.
    expect((await stack.runtime.outbox.read(broken))!.entries).toHaveLength(1);
  });

  it('never scans the table', () => {
    expect(stack.dynamoOperations).not.toContain('Scan');
  });
});
