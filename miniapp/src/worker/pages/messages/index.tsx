import { useEffect } from 'react';
import { Text, View } from '@tarojs/components';
import { usePullDownRefresh } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { a11y } from '../../../components/a11y';
import { Chip } from '../../../components/chip';
import { LoadError, Loading } from '../../../components/load-state';
import { errorText } from '../../../hooks/error-text';
import { usePagedList } from '../../../hooks/use-paged-list';
import { useRefreshOnShow } from '../../../hooks/use-refresh-on-show';
import { Screen } from '../../../components/screen';
import { useSession } from '../../../hooks/use-session';
import { call, type ResponseOf } from '../../../services/api';
import { platform } from '../../../services/platform';
import { formatTime } from '../../services/desk-model';
import { WORKER_PAGES } from '../../services/pages';
import { W } from '../../texts';
import '../../components/desk.css';
import { markedRead, type ReadSelection } from '../../../services/inbox';

type DeskMessage = ResponseOf<'list-messages'>['messages'][number];

/** The staff message centre: new cases, returns, urges and warnings, newest first. */
export default function WorkMessagesPage() {
  useSession({ required: true });
  const inbox = usePagedList('messages', (cursor) => call('list-messages', { query: { cursor } }), []);
  useRefreshOnShow(inbox);
  usePullDownRefresh(() => {
    void inbox.refresh().finally(() => platform.stopPullDownRefresh());
  });
  const { moreError } = inbox;
  useEffect(() => {
    if (moreError) platform.toast(moreError);
  }, [moreError]);

  const markRead = async (which: ReadSelection) => {
    try {
      const { unreadCount } = await call('read-messages', { body: which });
      const latest = inbox.state.data;
      if (latest) inbox.set(markedRead(latest, which, unreadCount));
    } catch (e) {
      platform.toast(errorText(e));
    }
  };

  const open = (m: DeskMessage) => {
    if (!m.read) void markRead({ ids: [m.id] });
    if (m.bookingId) platform.navigateTo(`${WORKER_PAGES.visits}?booking=${encodeURIComponent(m.bookingId)}`);
    else if (m.caseId) platform.navigateTo(`${WORKER_PAGES.case}?id=${encodeURIComponent(m.caseId)}`);
  };

  const state = inbox.state;

  return (
    <Screen className='wd-page'>
      <View className='wd-head'>
        <Text className='wd-title' {...a11y('heading')}>{W.messages.title}</Text>
        {state.status === 'ready' && state.data.unreadCount > 0 ? (
          <Text className='wd-link' {...a11y('button', W.messages.allRead)} onClick={() => void markRead({ all: true })}>{W.messages.allRead}</Text>
        ) : null}
      </View>
      {state.status === 'loading' ? <Loading /> : null}
      {state.status === 'error' ? <LoadError title={W.messages.loadFailed} message={state.error} onRetry={inbox.retry} /> : null}
      {state.status === 'ready' && state.data.messages.length === 0 ? <View className='state'><Text className='state-text'>{W.messages.empty}</Text></View> : null}
      {state.status === 'ready' && state.data.messages.length > 0 ? (
        <View {...a11y('list', W.messages.title)}>
          {state.data.messages.map((m) => (
            <View key={m.id} className={`wd-card wd-msg${m.read ? '' : ' wd-msg--unread'}`} {...a11y('button', `${m.read ? '' : `${W.messages.unread}，`}${m.title}`)} onClick={() => open(m)}>
              <View className='wd-row-top'>
                <Text className='wd-msg-title'>{m.title}</Text>
                {m.read ? null : <Chip tone='red'>{W.messages.unread}</Chip>}
              </View>
              <Text className='wd-msg-body'>{m.body}</Text>
              <Text className='wd-muted'>{formatTime(m.at)}</Text>
            </View>
          ))}
        </View>
      ) : null}
      {state.status === 'ready' && inbox.hasMore ? (
        <Button block size='large' className='big-button' onClick={() => void inbox.loadMore()}>{W.messages.more}</Button>
      ) : null}
    </Screen>
  );
}
