import { Text, View } from '@tarojs/components';
import { a11y } from '../a11y';
import { LoadError, Loading } from '../load-state';
import { useRequest } from '../../hooks/use-request';
import { useRefreshOnShow } from '../../hooks/use-refresh-on-show';
import { call, type ResponseOf } from '../../services/api';
import { T } from '../../texts';
import './index.css';

const F = T.figures;

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <View className='figure' {...a11y('listitem', `${label}：${value}`)}>
      <Text className='figure-value'>{value}</Text>
      <Text className='figure-label'>{label}</Text>
    </View>
  );
}

/** This month in my community, from the public figures: reported, closed, on time, satisfied, how long. */
export function CommunityFigures({ communityCode }: { communityCode: string }) {
  const stats = useRequest<ResponseOf<'get-community-stats'>>(() => call('get-community-stats', { params: { code: communityCode } }), [communityCode]);
  // Back on 首页 after a case moved: the figures move too, without a blank moment.
  useRefreshOnShow(stats);
  if (stats.state.status === 'loading') return <Loading />;
  if (stats.state.status === 'error') return <LoadError title={F.loadFailed} message={stats.state.error} onRetry={stats.retry} />;
  const s = stats.state.data;
  const month = Number(s.month.slice(5, 7));
  const title = F.title(s.communityName, month);
  return (
    <View className='card figures' {...a11y('region', title)}>
      <Text className='field-label'>{title}</Text>
      <View className='figure-grid' {...a11y('list', title)}>
        <Figure label={F.reported} value={F.count(s.reported)} />
        <Figure label={F.closed} value={F.count(s.closed)} />
        <Figure label={F.onTime} value={s.onTimeRate === null ? F.none : F.percent(s.onTimeRate)} />
        <Figure label={F.satisfaction} value={s.satisfactionRate === null ? F.none : F.percent(s.satisfactionRate)} />
        <Figure label={F.meanHours} value={s.meanHandlingHours === null ? F.none : F.hours(s.meanHandlingHours)} />
      </View>
      {s.ratings > 0 ? <Text className='hint figure-note'>{F.ratingsFrom(s.ratings)}</Text> : null}
    </View>
  );
}
