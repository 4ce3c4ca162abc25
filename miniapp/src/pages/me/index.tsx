import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { a11y } from '../../components/a11y';
import { Screen } from '../../components/screen';
import { useCareMode } from '../../hooks/use-care-mode';
import { useRequest } from '../../hooks/use-request';
import { useSession } from '../../hooks/use-session';
import { useUnreadBadge } from '../../hooks/use-unread-badge';
import { api, call } from '../../services/api';
import { careMode } from '../../services/care-mode';
import { forgetCatalog } from '../../services/catalog';
import { platform } from '../../services/platform';
import { PAGES } from '../../services/routes';
import { ROLE_LABELS, T } from '../../texts';
import './index.css';

function Row({ label, value }: { label: string; value: string }) {
  return (
    <View className='me-row'>
      <Text className='hint'>{`${label}：${value}`}</Text>
    </View>
  );
}

/** 关怀模式 as one large switch row: the whole row is the tap target. */
function CareSwitch() {
  const on = useCareMode();
  return (
    <View
      className='card care-switch tap'
      {...a11y('switch', T.care.label)}
      aria-checked={on}
      onClick={() => careMode.set(!on)}
    >
      <View className='care-switch-text'>
        <Text className='care-switch-label'>{T.care.label}</Text>
        <Text className='hint care-switch-hint'>{T.care.hint}</Text>
      </View>
      <View className={`care-toggle${on ? ' on' : ''}`}>
        <View className='care-knob' />
      </View>
    </View>
  );
}

/** The areas a staff member serves, by name: nobody reads 440106001001001. */
function StaffAreas() {
  const me = useRequest(() => call('get-me'), []);
  if (me.state.status !== 'ready') return null;
  return <Row label={T.me.areas} value={me.state.data.user.areas.map((a) => a.name).join('、')} />;
}

function HomeRow() {
  const me = useRequest(() => call('get-me'), []);
  const home = me.state.status === 'ready' ? me.state.data.home : undefined;
  const value = home ? `${home.community.name} ${home.grid.name}` : T.homeAddress.noAddress;
  return (
    <View className='card tap me-link' {...a11y('button', `${T.homeAddress.address}：${value}`)} onClick={() => platform.navigateTo(PAGES.homeAddress)}>
      <Text className='me-link-label'>{T.homeAddress.address}</Text>
      <Text className='hint me-link-value'>{`${value} ›`}</Text>
    </View>
  );
}

export default function MePage() {
  const current = useSession({ required: true });
  useUnreadBadge();
  const user = current?.user;

  const logout = () => {
    api.logout();
    forgetCatalog();
    platform.toast(T.me.loggedOut);
    platform.reLaunch(PAGES.login);
  };

  return (
    <Screen>
      <Text className='page-title' {...a11y('heading')}>{T.me.title}</Text>
      <View className='card'>
        {user ? (
          <>
            {user.name ? <Row label={T.me.name} value={user.name} /> : null}
            <Row label={T.me.role} value={ROLE_LABELS[user.role]} />
            {user.role !== 'resident' && user.areas.length > 0 ? <StaffAreas /> : null}
          </>
        ) : (
          <Text className='hint'>{T.me.notLoggedIn}</Text>
        )}
      </View>
      <CareSwitch />
      {user?.role === 'resident' ? <HomeRow /> : null}
      {user && user.role !== 'resident' ? (
        <Button block size='large' className='big-button' onClick={() => platform.navigateTo(PAGES.workerDesk)}>
          {T.me.workerDesk}
        </Button>
      ) : null}
      <View style={{ height: '24px' }} />
      <Button block type='danger' size='large' className='big-button' onClick={logout}>
        {T.me.logout}
      </Button>
    </Screen>
  );
}
