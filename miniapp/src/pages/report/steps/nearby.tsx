import { useEffect, useState } from 'react';
import { Image, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { a11y } from '../../../components/a11y';
import { Loading } from '../../../components/load-state';
import { useRequest } from '../../../hooks/use-request';
import { call } from '../../../services/api';
import type { NearbyCase } from '../../../services/api-track';
import { caseProgress } from '../../../services/case-progress';
import { formatDate, roundMetres } from '../../../services/format';
import { platform } from '../../../services/platform';
import { PAGES } from '../../../services/routes';
import { T } from '../../../texts';
import type { StepProps } from './types';
import { errorText } from '../../../hooks/error-text';

interface NearbyResult {
  cases: NearbyCase[];
  located: boolean;
}

/**
 * 附近已有人上报: open cases of this item within 250 m of where the resident stands. Following
 * one (我也遇到) replaces a duplicate report. Finding the spot here also fills the location step.
 */
export function NearbyStep({ item, draft, change, onNone, onFound }: StepProps & { onNone: () => void; onFound: (shown: boolean) => void }) {
  const [followed, setFollowed] = useState<Record<string, boolean>>({});
  const [counts, setCounts] = useState<Record<string, number>>({});
  const [busy, setBusy] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();

  const nearby = useRequest<NearbyResult>(async () => {
    let at = draft.location;
    if (!at) {
      try {
        const here = await platform.currentLocation();
        at = { ...here, source: 'gps' };
        const found = at;
        change((d) => (d.location ? d : { ...d, location: found }));
      } catch {
        return { cases: [], located: false };
      }
    }
    try {
      const res = await call('list-nearby-cases', { query: { lat: String(at.lat), lng: String(at.lng), coord: at.coord, itemCode: item.code } });
      return { cases: res.cases.slice(0, 5), located: true };
    } catch {
      // Looking for duplicates must never stop a report.
      return { cases: [], located: true };
    }
  }, []);

  const cases = nearby.state.status === 'ready' ? nearby.state.data.cases : undefined;
  useEffect(() => {
    if (cases) onFound(cases.length > 0);
    if (cases && cases.length === 0) onNone();
    // Only when the answer arrives: the parent's callbacks are new on each of its renders.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [cases]);

  const follow = async (c: NearbyCase) => {
    setBusy(c.id);
    setError(undefined);
    try {
      const res = await call('follow-case', { params: { id: c.id } });
      setFollowed((f) => ({ ...f, [c.id]: res.following }));
      setCounts((n) => ({ ...n, [c.id]: res.followerCount }));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(undefined);
    }
  };

  if (nearby.state.status !== 'ready') return <Loading text={T.location.locating} />;
  if (!cases || cases.length === 0) return <Text className='hint'>{nearby.state.data.located ? T.report.nearbyNone : T.report.nearbyNeedsLocation}</Text>;
  const anyFollowed = Object.values(followed).some(Boolean);

  return (
    <View>
      <Text className='hint'>{T.report.nearbyHint}</Text>
      <View {...a11y('list', T.report.steps.nearby)}>
        {cases.map((c) => {
          const isFollowing = followed[c.id] || c.following;
          const count = counts[c.id] ?? c.followerCount;
          return (
            <View key={c.id} className='card nearby-case' {...a11y('listitem', `${c.itemName}，${T.report.nearbyDistance(roundMetres(c.distanceMetres))}`)}>
              <View className='nearby-row'>
                {c.photoUrl ? <Image className='nearby-photo' src={c.photoUrl} mode='aspectFill' /> : null}
                <View className='nearby-text'>
                  <Text className='nearby-title'>{`${item.icon} ${c.itemName}`}</Text>
                  <Text className='hint nearby-line'>{`${T.report.nearbyDistance(roundMetres(c.distanceMetres))} · ${caseProgress(c.status).tag}${c.mine ? ` · ${T.report.mine}` : ''}`}</Text>
                  <Text className='hint nearby-line'>{count > 0 ? `${T.report.nearbyReported(formatDate(c.reportedAt))} · ${T.report.followers(count)}` : T.report.nearbyReported(formatDate(c.reportedAt))}</Text>
                </View>
              </View>
              {isFollowing || c.mine ? (
                <View className='tap followed-badge' {...a11y('status')}>
                  <Text>{c.mine ? T.report.mine : T.report.following}</Text>
                </View>
              ) : (
                <Button block size='large' type='primary' className='big-button' loading={busy === c.id} onClick={() => void follow(c)}>
                  {T.report.follow}
                </Button>
              )}
            </View>
          );
        })}
      </View>
      {error ? <Text className='error-text' {...a11y('alert')}>{error}</Text> : null}
      {anyFollowed ? (
        <View className='card' {...a11y('status')}>
          <Text className='nearby-done'>{T.report.followDone}</Text>
          <Button block size='large' type='primary' className='big-button' onClick={() => platform.switchTab(PAGES.cases)}>
            {T.report.goCases}
          </Button>
        </View>
      ) : null}
    </View>
  );
}
