import { Text, View } from '@tarojs/components';
import { a11y } from '../../components/a11y';
import { actorOf, formatTime, timelineLines, type WorkTimelineEntry } from '../services/desk-model';
import { W } from '../texts';

/** Every step of the case, oldest first, as staff see it: who, what, when, why. */
export function StaffTimeline({ entries }: { entries: readonly WorkTimelineEntry[] }) {
  return (
    <View className='wd-card' {...a11y('region', W.detail.timeline)}>
      <Text className='wd-card-title' {...a11y('heading')}>{W.detail.timeline}</Text>
      <View {...a11y('list', W.detail.timeline)}>
        {entries.map((e) => (
          <View key={e.seq} className='wd-tl-item' {...a11y('listitem')}>
            <View className='wd-tl-dot' />
            <Text className='wd-tl-head'>{e.actionLabel}</Text>
            <Text className='wd-tl-meta'>{`${formatTime(e.at)}${actorOf(e) ? ` · ${actorOf(e)}` : ''}`}</Text>
            {timelineLines(e).map((line, i) => <Text key={i} className='wd-tl-text'>{line}</Text>)}
          </View>
        ))}
      </View>
    </View>
  );
}
