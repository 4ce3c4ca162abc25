import type { Message } from '@gridtong/shared/api/messages';
import type { MessageStore, NewMessage } from '../../src/messages/message-store';
import type { MessageStorePort } from '../../src/messages/inbox';

interface Stored extends NewMessage {
  sk: string;
  readAt?: string;
}

/**
 * The message centre in memory: one message per (recipient, event) however often it is
 * delivered, newest first, read state per message and only the owner's own.
 */
export class InMemoryMessageStore implements MessageStorePort, Pick<MessageStore, 'put'> {
  private readonly byUser = new Map<string, Map<string, Stored>>();

  async put(m: NewMessage): Promise<boolean> {
    const mine = this.byUser.get(m.userId) ?? new Map<string, Stored>();
    this.byUser.set(m.userId, mine);
    const sk = `${m.at}#${m.eventId}`;
    if (mine.has(sk)) return false;
    mine.set(sk, { ...structuredClone(m), sk });
    return true;
  }

  /** Everything one person has, newest first (for assertions). */
  of(userId: string): Stored[] {
    return [...(this.byUser.get(userId)?.values() ?? [])].sort((a, b) => b.sk.localeCompare(a.sk));
  }

  async list(userId: string, limit: number, cursor?: string): Promise<{ messages: Message[]; nextCursor: string | null }> {
    const all = this.of(userId).filter((m) => !cursor || m.sk < cursor);
    const page = all.slice(0, limit);
    return {
      messages: page.map((m) => ({ id: m.sk, at: m.at, title: m.title, body: m.body, ...m.subject, read: m.readAt !== undefined })),
      nextCursor: all.length > limit ? page[page.length - 1]!.sk : null,
    };
  }

  async unreadCount(userId: string): Promise<number> {
    return this.of(userId).filter((m) => m.readAt === undefined).length;
  }

  async markRead(userId: string, ids: readonly string[], now: Date): Promise<void> {
    const mine = this.byUser.get(userId);
    for (const id of ids) {
      const m = mine?.get(id);
      if (m && m.readAt === undefined) m.readAt = now.toISOString();
    }
  }

  async markAllRead(userId: string, now: Date): Promise<void> {
    await this.markRead(userId, this.of(userId).map((m) => m.sk), now);
  }
}
