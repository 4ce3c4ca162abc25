import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { a11y } from '../../components/a11y';
import { CatalogMenu } from '../../components/catalog-menu';
import { LoadError, Loading } from '../../components/load-state';
import { Screen } from '../../components/screen';
import { WorkerCard } from '../../components/worker-card';
import { useRequest, type RequestHandle } from '../../hooks/use-request';
import { useSession } from '../../hooks/use-session';
import { useUnreadBadge } from '../../hooks/use-unread-badge';
import { call } from '../../services/api';
import type { MeResponse } from '../../services/api-track';
import { CommunityFigures } from '../../components/community-figures';
import { careMode } from '../../services/care-mode';
import { platform } from '../../services/platform';
import { PAGES } from '../../services/routes';
import { T } from '../../texts';
import './index.css';

/** 关怀模式 offered once, on first launch, in the page (never a pop-up). */
function CareOffer() {
  const [open, setOpen] = useState(() => !careMode.chosen());
  if (!open) return null;
  const choose = (on: boolean) => {
    careMode.set(on);
    setOpen(false);
  };
  return (
    <View className='card care-offer' {...a11y('region', T.care.offerTitle)}>
      <Text className='field-label'>{T.care.offerTitle}</Text>
      <Text className='hint'>{T.care.offerText}</Text>
      <View className='button-row'>
        <Button size='large' type='primary' className='big-button' onClick={() => choose(true)}>
          {T.care.offerYes}
        </Button>
        <Button size='large' className='big-button' onClick={() => choose(false)}>
          {T.care.offerNo}
        </Button>
      </View>
    </View>
  );
}

/** 我的网格员: who serves my home grid, with a call button; 设置住址 when there is none. */
function MyGridWorker({ me }: { me: RequestHandle<MeResponse> }) {
  return (
    <View className='card' {...a11y('region', T.gridWorker.cardTitle)}>
      <Text className='field-label'>{T.gridWorker.cardTitle}</Text>
      {me.state.status === 'loading' ? <Loading /> : null}
      {me.state.status === 'error' ? <LoadError title={T.gridWorker.loadFailed} message={me.state.error} onRetry={me.retry} /> : null}
      {me.state.status === 'ready' && me.state.data.home ? (
        <>
          <Text className='hint home-grid'>{`${me.state.data.home.community.name} ${me.state.data.home.grid.name}`}</Text>
          {me.state.data.workers.map((w) => (
            <WorkerCard key={w.id} worker={w} />
          ))}
        </>
      ) : null}
      {me.state.status === 'ready' && !me.state.data.home ? (
        <>
          <Text className='hint'>{T.gridWorker.noHome}</Text>
          <Button block size='large' type='primary' className='big-button' onClick={() => platform.navigateTo(PAGES.homeAddress)}>
            {T.gridWorker.setHome}
          </Button>
        </>
      ) : null}
    </View>
  );
}

// 代办 visits: the way in to booking a grid worker's home visit.
function BookingEntry() {
  return (
    <View className='card' {...a11y('region', T.bookings.cardTitle)}>
      <Text className='field-label'>{T.bookings.cardTitle}</Text>
      <Text className='hint'>{T.bookings.cardHint}</Text>
      <View className='button-row'>
        <Button size='large' type='primary' className='big-button' onClick={() => platform.navigateTo(PAGES.bookingNew)}>
          {T.bookings.book}
        </Button>
        <Button size='large' className='big-button' onClick={() => platform.navigateTo(PAGES.myBookings)}>
          {T.bookings.mine}
        </Button>
      </View>
    </View>
  );
}

export default function HomePage() {
  const current = useSession({ required: true });
  useUnreadBadge();
  const resident = current?.user.role === 'resident';
  const me = useRequest(() => (resident ? call('get-me') : undefined), [current?.token, resident]);
  const community = me.state.data?.home?.community.code;
  return (
    <Screen>
      {current ? <CareOffer /> : null}
      {resident ? <MyGridWorker me={me} /> : null}
      {resident ? <BookingEntry /> : null}
      {resident && community ? <CommunityFigures communityCode={community} /> : null}
      <Text className='page-title' {...a11y('heading')}>{T.home.title}</Text>
      <Text className='hint'>{T.home.hint}</Text>
      {current ? <CatalogMenu /> : null}
    </Screen>
  );
}
