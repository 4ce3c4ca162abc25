import { Text, View } from '@tarojs/components';
import { a11y } from '../../components/a11y';

/** One headline figure: the value large, what it counts beneath, read out as one phrase. */
export function Kpi({ label, value }: { label: string; value: string }) {
  return (
    <View className='wd-kpi' {...a11y('group', `${label} ${value}`)}>
      <Text className='wd-kpi-value'>{value}</Text>
      <Text className='wd-kpi-label'>{label}</Text>
    </View>
  );
}
