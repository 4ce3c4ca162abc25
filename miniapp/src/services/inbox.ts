/** Which messages a tap marks as read: some, or all of them. */
export type ReadSelection = { ids: string[] } | { all: true };

/** The inbox as shown, after the server marked `which` read and answered the new unread count. */
export function markedRead<T extends { unreadCount: number; messages: { id: string; read: boolean }[] }>(inbox: T, which: ReadSelection, unreadCount: number): T {
  return { ...inbox, unreadCount, messages: inbox.messages.map((m) => ('all' in which || which.ids.includes(m.id) ? { ...m, read: true } : m)) };
}
