import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { a11y } from '../../components/a11y';
import { useSession } from '../../hooks/use-session';
import { platform } from '../../services/platform';
import { PAGES } from '../../services/routes';
import { T } from '../../texts';

/** Placeholder until the case list lands: explains what will be here. */
export default function CasesPage() {
  useSession({ required: true });
  return (
    <View className='page'>
      <Text className='page-title' {...a11y('heading')}>{T.cases.title}</Text>
      <View className='state'>
        <Text className='state-text'>{T.cases.empty}</Text>
        <Button type='primary' size='large' className='big-button' onClick={() => platform.switchTab(PAGES.home)}>
          {T.cases.goReport}
        </Button>
      </View>
    </View>
  );
}
