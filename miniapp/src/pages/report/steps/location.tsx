import { useEffect, useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { a11y } from '../../../components/a11y';
import { AreaPicker } from '../../../components/area-picker';
import { HotlineButton } from '../../../components/safety-notice';
import { CITY_HOTLINE } from '@gridtong/shared/report/hotlines';
import { ApiError, call } from '../../../services/api';
import type { DraftLocation } from '../../../services/draft-store';
import { platform, type PickedLocation } from '../../../services/platform';
import { T } from '../../../texts';
import { NearbyStep } from './nearby';
import type { StepProps } from './types';
import { errorText } from '../../../hooks/error-text';

/** Find the grid and its workers for a spot; the draft keeps what was found. */
export async function resolveLocation(at: PickedLocation, source: DraftLocation['source']): Promise<DraftLocation> {
  const res = await call('locate-grid', { query: { lat: String(at.lat), lng: String(at.lng), coord: at.coord } });
  return {
    ...at,
    source,
    gridCode: res.grid.code,
    gridName: `${res.street.name} ${res.community.name} ${res.grid.name}`,
    workerNames: res.workers.map((w) => `${w.titleLabel} ${w.name}`),
  };
}

/**
 * Where the problem is: WeChat's map picker, the phone's position, or — without GPS —
 * 街道 → 社区 → 网格 plus a typed address. The grid and its worker show before going on.
 */
export function LocationStep({ item, draft, change }: StepProps) {
  const [busy, setBusy] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();
  // The spot lies outside every grid: say why and offer the picker and 12345 instead.
  const [outside, setOutside] = useState(false);
  const [picking, setPicking] = useState(draft.location?.source === 'picker');
  const loc = draft.location;

  const resolve = async (at: PickedLocation, source: DraftLocation['source'], label: string) => {
    setBusy(label);
    setError(undefined);
    setOutside(false);
    try {
      const found = await resolveLocation(at, source);
      change((d) => ({ ...d, location: { ...found, address: at.address || d.location?.address || '' } }));
    } catch (e) {
      if (e instanceof ApiError && e.code === 'GRID.NOT_FOUND') setOutside(true);
      else setError(errorText(e));
    } finally {
      setBusy(undefined);
    }
  };

  // A spot found earlier (the nearby step's GPS fix) still needs its grid.
  useEffect(() => {
    if (loc && !loc.gridCode && !busy) void resolve(loc, loc.source, 'auto');
    // Once per spot: resolving it changes the draft (and `busy`) again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [loc?.lat, loc?.lng]);

  const locateByGps = async () => {
    setBusy('gps');
    setError(undefined);
    try {
      const here = await platform.currentLocation();
      await resolve({ ...here, address: loc?.address ?? '' }, 'gps', 'gps');
    } catch {
      setError(T.location.gpsFailed);
      setBusy(undefined);
    }
  };

  const pickOnMap = async () => {
    const picked = await platform.chooseLocation().catch(() => undefined);
    if (picked) await resolve(picked, 'map', 'map');
  };

  return (
    <View>
      <Text className='hint'>{T.location.hint}</Text>
      {loc?.gridCode ? (
        <View className='card located' {...a11y('region', T.location.resolved)}>
          <Text className='hint'>{T.location.resolved}</Text>
          <Text className='located-grid'>{loc.gridName}</Text>
          {(loc.workerNames ?? []).map((w) => (
            <Text key={w} className='located-worker'>{w}</Text>
          ))}
        </View>
      ) : null}
      {loc?.gridCode && loc.source !== 'gps' ? (
        // The nearby check ran at the phone's position (or could not run): the spot given
        // here may have its own open report of this item.
        <View className='card' {...a11y('region', T.report.steps.nearby)}>
          <Text className='field-label'>{T.report.steps.nearby}</Text>
          <NearbyStep key={`${loc.lat},${loc.lng}`} item={item} draft={draft} change={change} onNone={() => undefined} onFound={() => undefined} />
        </View>
      ) : null}
      {busy === 'auto' ? <Text className='hint' {...a11y('status')}>{T.location.resolving}</Text> : null}
      {error ? <Text className='error-text' {...a11y('alert')}>{error}</Text> : null}
      {outside ? (
        <View className='card outside' {...a11y('alert')}>
          <Text className='outside-title'>{T.location.notCoveredTitle}</Text>
          <Text className='hint'>{T.location.notCoveredWhy}</Text>
          {picking ? null : (
            <Button block size='large' type='primary' className='big-button gap' onClick={() => setPicking(true)}>
              {T.location.pickInstead}
            </Button>
          )}
          <HotlineButton hotline={CITY_HOTLINE} />
        </View>
      ) : null}

      {platform.name === 'weapp' ? (
        <Button block size='large' type={loc?.gridCode ? 'default' : 'primary'} className='big-button gap' loading={busy === 'map'} onClick={() => void pickOnMap()}>
          {T.location.chooseOnMap}
        </Button>
      ) : null}
      <Button block size='large' type={platform.name === 'weapp' || loc?.gridCode || outside ? 'default' : 'primary'} className='big-button gap' loading={busy === 'gps'} onClick={() => void locateByGps()}>
        {T.location.useGps}
      </Button>
      {picking ? (
        <AreaPicker
          selected={loc?.source === 'picker' ? loc.gridCode : undefined}
          onPick={(grid) => {
            if (!grid.center) {
              setError(T.location.pickerNoCoords);
              return;
            }
            void resolve({ lat: grid.center.lat, lng: grid.center.lng, coord: 'wgs84', address: loc?.address ?? '' }, 'picker', 'picker');
          }}
        />
      ) : (
        <Button block size='large' className='big-button gap' onClick={() => setPicking(true)}>
          {T.location.orPick}
        </Button>
      )}

      {loc ? <Text className='field-label'>{T.location.addressLabel}</Text> : null}
      {loc ? <Input
        className='text-input'
        value={loc?.address ?? ''}
        placeholder={T.location.addressPlaceholder}
        ariaLabel={T.location.addressLabel}
        maxlength={200}
        onInput={(e) => {
          const address = e.detail.value;
          change((d) => (d.location ? { ...d, location: { ...d.location, address } } : d));
        }}
      /> : null}
    </View>
  );
}
