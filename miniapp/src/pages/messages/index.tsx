import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { a11y } from '../../components/a11y';
import { Chip } from '../../components/chip';
import { LoadError, Loading } from '../../components/load-state';
import { Screen } from '../../components/screen';
import { useRequest } from '../../hooks/use-request';
import { useSession } from '../../hooks/use-session';
import { api } from '../../services/api';
import type { ResponseOf } from '../../services/api-types';
import { formatTime } from '../../services/format';
import { platform } from '../../services/platform';
import { bookingUrl, caseUrl } from '../../services/routes';
import { unreadBadge } from '../../services/unread-badge';
import { T } from '../../texts';
import './index.css';

type Inbox = ResponseOf<'list-messages'>;
type Message = Inbox['messages'][number];

const PAGE_SIZE = 20;
const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

function MessageRow({ m, onOpen }: { m: Message; onOpen: (m: Message) => void }) {
  return (
    <View
      className={`card msg-row${m.read ? '' : ' unread'}`}
      {...a11y('button', `${m.read ? '' : `${T.messages.unread}，`}${m.title}`)}
      onClick={() => onOpen(m)}
    >
      <View className='msg-head'>
        <Text className='msg-title'>{m.title}</Text>
        {m.read ? null : <Chip tone='solid' className='msg-unread-tag'>{T.messages.unread}</Chip>}
      </View>
      <Text className='msg-body'>{m.body}</Text>
      <View className='msg-foot'>
        <Text className='msg-time'>{formatTime(m.at)}</Text>
        <Text className='msg-link'>{`${m.bookingId ? T.messages.viewBooking : T.messages.viewCase} ›`}</Text>
      </View>
    </View>
  );
}

/** 消息: every update on cases I reported or follow, newest first; tapping one opens its case. */
export default function MessagesPage() {
  const current = useSession({ required: true });
  const inbox = useRequest<Inbox>(() => (current ? api.messages({ limit: PAGE_SIZE }) : undefined), [current?.token]);
  const [more, setMore] = useState<{ busy: boolean; error?: string }>({ busy: false });
  const [error, setError] = useState<string | undefined>();
  const data = inbox.state.data;

  // The badge follows whatever the server last said.
  const unreadCount = data?.unreadCount;
  useEffect(() => {
    if (unreadCount !== undefined) unreadBadge.show(unreadCount);
  }, [unreadCount]);

  useDidShow(() => {
    if (inbox.state.status === 'ready') void inbox.refresh();
  });
  usePullDownRefresh(() => {
    void inbox.refresh().finally(() => platform.stopPullDownRefresh());
  });

  const markRead = async (which: { ids: string[] } | { all: true }) => {
    setError(undefined);
    try {
      const { unreadCount } = await api.markMessagesRead(which);
      const latest = inbox.state.data;
      if (latest) {
        inbox.set({
          ...latest,
          unreadCount,
          messages: latest.messages.map((m) => ('all' in which || which.ids.includes(m.id) ? { ...m, read: true } : m)),
        });
      }
    } catch (e) {
      setError(messageOf(e));
    }
  };

  const open = (m: Message) => {
    if (!m.read) void markRead({ ids: [m.id] });
    if (m.bookingId) platform.navigateTo(bookingUrl(m.bookingId));
    else if (m.caseId) platform.navigateTo(caseUrl(m.caseId));
  };

  const loadMore = async (page: Inbox) => {
    if (!page.nextCursor || more.busy) return;
    setMore({ busy: true });
    try {
      const next = await api.messages({ limit: PAGE_SIZE, cursor: page.nextCursor });
      const seen = new Set(page.messages.map((m) => m.id));
      inbox.set({ messages: [...page.messages, ...next.messages.filter((m) => !seen.has(m.id))], unreadCount: next.unreadCount, nextCursor: next.nextCursor });
      setMore({ busy: false });
    } catch (e) {
      setMore({ busy: false, error: messageOf(e) });
    }
  };

  return (
    <Screen>
      <Text className='page-title' {...a11y('heading')}>{T.messages.title}</Text>
      {inbox.state.status === 'loading' ? <Loading /> : null}
      {inbox.state.status === 'error' && !data ? <LoadError title={T.messages.loadFailed} message={inbox.state.error} onRetry={inbox.retry} /> : null}
      {inbox.state.status === 'error' && data ? <Text className='error-text' {...a11y('alert')}>{inbox.state.error}</Text> : null}
      {error ? <Text className='error-text' {...a11y('alert')}>{error}</Text> : null}
      {data && data.messages.length === 0 ? (
        <View className='state'>
          <Text className='state-text'>{T.messages.empty}</Text>
        </View>
      ) : null}
      {data && data.unreadCount > 0 ? (
        <View className='msg-summary'>
          <Text className='hint' {...a11y('status')}>{T.messages.unreadCount(data.unreadCount)}</Text>
          <Button size='large' className='big-button' onClick={() => void markRead({ all: true })}>
            {T.messages.allRead}
          </Button>
        </View>
      ) : null}
      {data && data.messages.length > 0 ? (
        <View {...a11y('list', T.messages.title)}>
          {data.messages.map((m) => (
            <MessageRow key={m.id} m={m} onOpen={open} />
          ))}
        </View>
      ) : null}
      {data && data.messages.length > 0 ? (
        <View className='list-foot'>
          {more.error ? <Text className='error-text' {...a11y('alert')}>{more.error}</Text> : null}
          {data.nextCursor ? (
            <Button block size='large' className='big-button' loading={more.busy} onClick={() => void loadMore(data)}>
              {T.messages.more}
            </Button>
          ) : (
            <Text className='hint list-end'>{T.messages.noMore}</Text>
          )}
          <Button block size='large' className='big-button gap' loading={inbox.refreshing} onClick={() => void inbox.refresh()}>
            {T.messages.refresh}
          </Button>
        </View>
      ) : null}
    </Screen>
  );
}
