import type { Principal } from '@gridtong/shared/schemas/roles';
import { listMessages, readMessages } from '../../src/messages/inbox';
import { InMemoryMessageStore } from '../doubles/message-store';

const me: Principal = { userId: 'Uresident1', role: 'resident', scope: { areas: [] } };
const other: Principal = { userId: 'Uresident2', role: 'resident', scope: { areas: [] } };
const ctx = (principal: Principal) => ({ principal, now: new Date('2026-11-23T01:00:00.000Z') });

async function inbox() {
  const messages = new InMemoryMessageStore();
  for (let seq = 0; seq < 3; seq++) {
    await messages.put({ userId: me.userId, eventId: `B01M82YNFM0HR501WGEV49RXBFH-${seq}`, at: `2026-11-2${seq}T01:00:00.000Z`, subject: { bookingId: 'B01M82YNFM0HR501WGEV49RXBFH' }, title: `第 ${seq} 步`, body: '…' });
  }
  return { messages };
}

describe('the message centre', () => {
  it('keeps one message per (person, event) however often it is delivered, newest first', async () => {
    const ports = await inbox();
    expect(await ports.messages.put({ userId: me.userId, eventId: 'B01M82YNFM0HR501WGEV49RXBFH-2', at: '2026-11-22T01:00:00.000Z', subject: { bookingId: 'B01M82YNFM0HR501WGEV49RXBFH' }, title: '第 2 步', body: '…' })).toBe(false);
    const page = await listMessages(ports, ctx(me), { limit: 2 });
    expect(page.messages.map((m) => m.title)).toEqual(['第 2 步', '第 1 步']);
    expect(page.unreadCount).toBe(3);
    const rest = await listMessages(ports, ctx(me), { limit: 2, cursor: page.nextCursor! });
    expect(rest.messages.map((m) => m.title)).toEqual(['第 0 步']);
    expect(rest.nextCursor).toBeNull();
  });

  it("marks the caller's own messages read, never someone else's", async () => {
    const ports = await inbox();
    const [newest] = (await listMessages(ports, ctx(me), { limit: 1 })).messages;
    expect(await readMessages(ports, ctx(other), { ids: [newest!.id] })).toEqual({ unreadCount: 0 });
    expect((await listMessages(ports, ctx(me), { limit: 10 })).unreadCount).toBe(3);
    expect(await readMessages(ports, ctx(me), { ids: [newest!.id] })).toEqual({ unreadCount: 2 });
    expect(await readMessages(ports, ctx(me), { all: true })).toEqual({ unreadCount: 0 });
  });
});
