import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { T } from '../texts';
import { a11y } from './a11y';

export function Loading({ text = T.loading }: { text?: string }) {
  return (
    <View className='state' {...a11y('status')}>
      <Text className='state-text'>{text}</Text>
    </View>
  );
}

export function LoadError({ title, message, onRetry }: { title: string; message: string; onRetry: () => void }) {
  return (
    <View className='state' {...a11y('alert')}>
      <Text className='state-text'>{`${title}：${message}`}</Text>
      <Button type='primary' size='large' className='big-button' onClick={onRetry}>
        {T.retry}
      </Button>
    </View>
  );
}
