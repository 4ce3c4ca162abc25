import { Text, View } from '@tarojs/components';

/** One labelled fact of a booking (上门时间, 网格员, 办理机关…), label left, value right. */
export function Row({ label, value }: { label: string; value: string }) {
  return (
    <View className='bk-row'>
      <Text className='bk-row-label'>{label}</Text>
      <Text className='bk-row-value'>{value}</Text>
    </View>
  );
}
