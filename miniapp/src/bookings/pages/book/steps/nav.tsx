import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { B } from '../../../texts';
import type { StepNav } from './types';

/** 上一步 and 下一步, side by side under a step. */
export function NavButtons({ onBack, onNext }: StepNav) {
  return (
    <View className='button-row'>
      <Button size='large' className='big-button' onClick={onBack}>{B.book.prev}</Button>
      <Button size='large' type='primary' className='big-button' onClick={onNext}>{B.book.next}</Button>
    </View>
  );
}
