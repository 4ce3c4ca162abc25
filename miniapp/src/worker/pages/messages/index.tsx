import { useCallback, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { a11y } from '../../../components/a11y';
import { Chip } from '../../../components/chip';
import { LoadError, Loading } from '../../../components/load-state';
import { Screen } from '../../../components/screen';
import { useSession } from '../../../hooks/use-session';
import { platform } from '../../../services/platform';
import { formatTime } from '../../services/desk-model';
import { WORKER_PAGES } from '../../services/pages';
import { workApi } from '../../services/work-api';
import type { DeskMessage } from '../../services/work-types';
import { W } from '../../texts';
import '../../components/desk.css';

type State = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; messages: DeskMessage[]; unread: number; nextCursor: string | null };

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** The staff message centre: new cases, returns, urges and warnings, newest first. */
export default function WorkMessagesPage() {
  useSession({ required: true });
  const [state, setState] = useState<State>({ status: 'loading' });

  const load = useCallback(async () => {
    try {
      const page = await workApi.messages();
      setState({ status: 'ready', messages: page.messages, unread: page.unreadCount, nextCursor: page.nextCursor });
    } catch (e) {
      setState({ status: 'error', message: messageOf(e) });
    }
  }, []);

  useDidShow(() => {
    void load();
  });
  usePullDownRefresh(() => {
    void load().finally(() => platform.stopPullDownRefresh());
  });

  const markRead = async (which: { ids: string[] } | { all: true }) => {
    try {
      const unread = await workApi.markRead(which);
      setState((s) => s.status !== 'ready' ? s : {
        ...s,
        unread,
        messages: s.messages.map((m) => ('all' in which || which.ids.includes(m.id) ? { ...m, read: true } : m)),
      });
    } catch (e) {
      platform.toast(messageOf(e));
    }
  };

  const open = (m: DeskMessage) => {
    if (!m.read) void markRead({ ids: [m.id] });
    if (m.bookingId) platform.navigateTo(`${WORKER_PAGES.visits}?booking=${encodeURIComponent(m.bookingId)}`);
    else if (m.caseId) platform.navigateTo(`${WORKER_PAGES.case}?id=${encodeURIComponent(m.caseId)}`);
  };

  const more = async (cursor: string) => {
    try {
      const page = await workApi.messages(cursor);
      setState((s) => s.status !== 'ready' ? s : { ...s, messages: [...s.messages, ...page.messages], unread: page.unreadCount, nextCursor: page.nextCursor });
    } catch (e) {
      platform.toast(messageOf(e));
    }
  };

  return (
    <Screen className='wd-page'>
      <View className='wd-head'>
        <Text className='wd-title' {...a11y('heading')}>{W.messages.title}</Text>
        {state.status === 'ready' && state.unread > 0 ? (
          <Text className='wd-link' {...a11y('button', W.messages.allRead)} onClick={() => void markRead({ all: true })}>{W.messages.allRead}</Text>
        ) : null}
      </View>
      {state.status === 'loading' ? <Loading /> : null}
      {state.status === 'error' ? <LoadError title={W.messages.loadFailed} message={state.message} onRetry={() => void load()} /> : null}
      {state.status === 'ready' && state.messages.length === 0 ? <View className='state'><Text className='state-text'>{W.messages.empty}</Text></View> : null}
      {state.status === 'ready' && state.messages.length > 0 ? (
        <View {...a11y('list', W.messages.title)}>
          {state.messages.map((m) => (
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
      {state.status === 'ready' && state.nextCursor ? (
        <Button block size='large' className='big-button' onClick={() => void more(state.nextCursor!)}>{W.messages.more}</Button>
      ) : null}
    </Screen>
  );
}
