import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { a11y } from '../../components/a11y';
import { useSession } from '../../hooks/use-session';
import { api } from '../../services/api';
import { forgetCatalog } from '../../services/catalog';
import { platform } from '../../services/platform';
import { PAGES } from '../../services/routes';
import { ROLE_LABELS, T } from '../../texts';

function Row({ label, value }: { label: string; value: string }) {
  return (
    <View className='me-row'>
      <Text className='hint'>{`${label}：${value}`}</Text>
    </View>
  );
}

export default function MePage() {
  const current = useSession({ required: true });
  const user = current?.user;

  const logout = () => {
    api.logout();
    forgetCatalog();
    platform.toast(T.me.loggedOut);
    platform.reLaunch(PAGES.login);
  };

  return (
    <View className='page'>
      <Text className='page-title' {...a11y('heading')}>{T.me.title}</Text>
      <View className='card'>
        {user ? (
          <>
            {user.name ? <Row label={T.me.name} value={user.name} /> : null}
            <Row label={T.me.role} value={ROLE_LABELS[user.role]} />
            {user.areas.length > 0 ? <Row label={T.me.areas} value={user.areas.join('、')} /> : null}
          </>
        ) : (
          <Text className='hint'>{T.me.notLoggedIn}</Text>
        )}
      </View>
      {user && user.role !== 'resident' ? (
        <Button block size='large' className='big-button' onClick={() => platform.navigateTo(PAGES.workerDesk)}>
          {T.me.workerDesk}
        </Button>
      ) : null}
      <View style={{ height: '24px' }} />
      <Button block type='danger' size='large' className='big-button' onClick={logout}>
        {T.me.logout}
      </Button>
    </View>
  );
}
