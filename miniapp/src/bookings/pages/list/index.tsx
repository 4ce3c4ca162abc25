import { Text, View } from '@tarojs/components';
import { usePullDownRefresh } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { a11y } from '../../../components/a11y';
import { LoadError, Loading } from '../../../components/load-state';
import { Screen } from '../../../components/screen';
import { usePagedList } from '../../../hooks/use-paged-list';
import { useRefreshOnShow } from '../../../hooks/use-refresh-on-show';
import { useSession } from '../../../hooks/use-session';
import { call } from '../../../services/api';
import { platform } from '../../../services/platform';
import { BOOKING_PAGES, bookingUrl } from '../../services/pages';
import { B } from '../../texts';
import '../../components/bookings.css';

/** 我的预约: newest first; each opens its detail. */
export default function MyBookingsPage() {
  const current = useSession({ required: true });
  const list = usePagedList('bookings', (cursor) => (current ? call('list-my-bookings', { query: { cursor } }) : undefined), [current?.token]);
  useRefreshOnShow(list);
  usePullDownRefresh(() => {
    void list.refresh().finally(() => platform.stopPullDownRefresh());
  });

  const data = list.state.data;
  const rows = data ? data.bookings : [];

  return (
    <Screen className='bk elder-floor'>
      <Text className='page-title' {...a11y('heading')}>{B.list.title}</Text>
      <Button block size='large' type='primary' className='big-button' onClick={() => platform.navigateTo(BOOKING_PAGES.book)}>{B.list.newBooking}</Button>
      <View className='gap-above' />
      {list.state.status === 'loading' ? <Loading /> : null}
      {list.state.status === 'error' && !data ? <LoadError title={B.list.loadFailed} message={list.state.error} onRetry={list.retry} /> : null}
      {data && rows.length === 0 ? <Text className='hint'>{B.list.empty}</Text> : null}
      <View {...a11y('list', B.list.title)}>
        {rows.map((r) => (
          <View key={r.id} className='bk-option' {...a11y('button', B.list.rowLabel(r.service.name, r.statusLabel, r.slotLabel))} onClick={() => platform.navigateTo(bookingUrl(r.id))}>
            <View className='bk-option-body'>
              <Text className='bk-option-title'>{r.service.name}</Text>
              <Text className='bk-option-sub'>{`${r.slotLabel} · ${r.workerName}`}</Text>
            </View>
            <Text className={`bk-status-tag`}>{r.statusLabel}</Text>
          </View>
        ))}
      </View>
      {list.hasMore ? <Button block size='large' className='big-button' onClick={() => void list.loadMore()}>{B.list.more}</Button> : null}
      {list.moreError ? <Text className='error-text' {...a11y('alert')}>{list.moreError}</Text> : null}
    </Screen>
  );
}
