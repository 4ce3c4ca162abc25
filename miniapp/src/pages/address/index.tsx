import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { a11y } from '../../components/a11y';
import { AreaPicker } from '../../components/area-picker';
import { Screen } from '../../components/screen';
import { WorkerCard } from '../../components/worker-card';
import { useSession } from '../../hooks/use-session';
import { call } from '../../services/api';
import type { HomeGrid, HomeRequest, MeResponse } from '../../services/api-track';
import { platform } from '../../services/platform';
import { T } from '../../texts';
import { errorText } from '../../hooks/error-text';

/**
 * 我的住址: by the phone's position or by 街道 → 社区 → 网格, so a resident without GPS
 * (or who prefers not to share it) still finds their grid worker.
 */
export default function AddressPage() {
  useSession({ required: true });
  const [address, setAddress] = useState('');
  const [busy, setBusy] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [saved, setSaved] = useState<{ home: HomeGrid; workers: MeResponse['workers'] } | undefined>();

  const save = async (body: HomeRequest, label: string) => {
    setBusy(label);
    setError(undefined);
    try {
      const res = await call('set-my-home', { body });
      setSaved(res.home ? { home: res.home, workers: res.workers } : undefined);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(undefined);
    }
  };

  const locateByGps = async () => {
    try {
      const here = await platform.currentLocation();
      await save({ location: { lat: here.lat, lng: here.lng, coord: here.coord } }, 'gps');
    } catch {
      setError(T.location.gpsFailed);
    }
  };

  return (
    <Screen>
      <Text className='page-title' {...a11y('heading')}>{T.homeAddress.setTitle}</Text>
      <Text className='hint'>{T.homeAddress.setHint}</Text>
      {saved ? (
        <View className='card' {...a11y('status')}>
          <Text className='field-label'>{`${T.homeAddress.saved}：${saved.home.community.name} ${saved.home.grid.name}`}</Text>
          {saved.workers.map((w) => (
            <WorkerCard key={w.id} worker={w} />
          ))}
        </View>
      ) : null}
      {error ? <Text className='error-text' {...a11y('alert')}>{error}</Text> : null}
      <Text className='field-label'>{T.location.addressLabel}</Text>
      <Input className='text-input' value={address} placeholder={T.location.addressPlaceholder} ariaLabel={T.location.addressLabel} maxlength={200} onInput={(e) => setAddress(e.detail.value)} />
      <Button block size='large' type='primary' className='big-button gap' loading={busy === 'gps'} onClick={() => void locateByGps()}>
        {T.location.useGps}
      </Button>
      <AreaPicker onPick={(grid) => void save({ gridCode: grid.code }, 'picker')} />
    </Screen>
  );
}
