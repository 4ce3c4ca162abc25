import { Text, View } from '@tarojs/components';
import { a11y } from '../../components/a11y';

export interface Bar {
  label: string;
  /** What the bar's length measures, against `max`. */
  value: number;
  /** What is written at its end ('87%', '12'). */
  text: string;
  tone?: 'good' | 'bad' | 'warn';
}

/**
 * Horizontal bars in plain views and percentage widths: no canvas, no chart library, so it
 * draws the same on weapp and H5 and reads out as text to a screen reader.
 */
export function BarChart({ title, bars, max }: { title: string; bars: Bar[]; max?: number }) {
  const top = max ?? Math.max(1, ...bars.map((b) => b.value));
  return (
    <View className='wd-card' {...a11y('figure', title)}>
      <Text className='wd-card-title' {...a11y('heading')}>{title}</Text>
      {bars.map((b) => {
        const width = top > 0 ? Math.max(0, Math.min(100, (b.value / top) * 100)) : 0;
        return (
          <View key={b.label} className='wd-bar-row' {...a11y('img', `${b.label} ${b.text}`)}>
            <View className='wd-bar-label'>
              <Text>{b.label}</Text>
              <Text>{b.text}</Text>
            </View>
            <View className='wd-bar-track'>
              <View className={`wd-bar-fill${b.tone ? ` wd-bar-fill--${b.tone}` : ''}`} style={{ width: `${width.toFixed(1)}%` }} />
            </View>
          </View>
        );
      })}
    </View>
  );
}
