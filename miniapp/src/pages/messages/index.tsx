import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { usePullDownRefresh } from '@tarojs/taro';
import { a11y } from '../../components/a11y';
import { Chip } from '../../components/chip';
import { LoadError, Loading } from '../../components/load-state';
import { Screen } from '../../components/screen';
import { errorText } from '../../hooks/error-text';
import { usePagedList } from '../../hooks/use-paged-list';
import { useRefreshOnShow } from '../../hooks/use-refresh-on-show';
import { useSession } from '../../hooks/use-session';
import { call, type ResponseOf } from '../../services/api';
import { formatTime } from '../../services/format';
import { platform } from '../../services/platform';
import { bookingUrl, caseUrl } from '../../services/routes';
import { unreadBadge } from '../../services/unread-badge';
import { T } from '../../texts';
import './index.css';
import { markedRead, type ReadSelection } from '../../services/inbox';

type Inbox = ResponseOf<'list-messages'>;
type Message = Inbox['messages'][number];

const PAGE_SIZE = 20;

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
  const inbox = usePagedList('messages', (cursor) => (current ? call('list-messages', { query: { limit: PAGE_SIZE, cursor } }) : undefined), [current?.token]);
  const [error, setError] = useState<string | undefined>();
  const data = inbox.state.data;

  // The badge follows whatever the server last said.
  const unreadCount = data?.unreadCount;
  useEffect(() => {
    if (unreadCount !== undefined) unreadBadge.show(unreadCount);
  }, [unreadCount]);

  useRefreshOnShow(inbox);
  usePullDownRefresh(() => {
    void inbox.refresh().finally(() => platform.stopPullDownRefresh());
  });

  const markRead = async (which: ReadSelection) => {
    setError(undefined);
    try {
      const { unreadCount } = await call('read-messages', { body: which });
      const latest = inbox.state.data;
      if (latest) inbox.set(markedRead(latest, which, unreadCount));
    } catch (e) {
      setError(errorText(e));
    }
  };

  const open = (m: Message) => {
    if (!m.read) void markRead({ ids: [m.id] });
    if (m.bookingId) platform.navigateTo(bookingUrl(m.bookingId));
    else if (m.caseId) platform.navigateTo(caseUrl(m.caseId, 'result'));
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
          {inbox.moreError ? <Text className='error-text' {...a11y('alert')}>{inbox.moreError}</Text> : null}
          {inbox.hasMore ? (
            <Button block size='large' className='big-button' loading={inbox.loadingMore} onClick={() => void inbox.loadMore()}>
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
