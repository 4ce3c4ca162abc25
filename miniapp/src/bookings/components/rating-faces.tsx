import { Text, View } from '@tarojs/components';
import type { Satisfaction } from '@gridtong/shared/schemas/case';
import { a11y } from '../../components/a11y';
import { FACES } from '../texts';

/** The five 好差评 levels as faces with their words: one tap each, no pop-up. */
export function RatingFaces({ value, onChange }: { value?: Satisfaction; onChange: (level: Satisfaction) => void }) {
  return (
    <View className='bk-faces' {...a11y('radiogroup', '评价')}>
      {FACES.map((f) => {
        const on = f.level === value;
        return (
          <View key={f.level} className={`bk-face${on ? ' bk-face--on' : ''}`} {...a11y('radio', f.label)} aria-checked={on ? 'true' : 'false'} onClick={() => onChange(f.level)}>
            <Text className='bk-face-icon'>{f.face}</Text>
            <Text>{f.label}</Text>
          </View>
        );
      })}
    </View>
  );
}
