import { View, Text } from '@tarojs/components';
import { a11y } from '../../components/a11y';
import { CatalogMenu } from '../../components/catalog-menu';
import { useSession } from '../../hooks/use-session';
import { T } from '../../texts';

export default function HomePage() {
  const current = useSession({ required: true });
  return (
    <View className='page'>
      <Text className='page-title' {...a11y('heading')}>{T.home.title}</Text>
      <Text className='hint'>{T.home.hint}</Text>
      {current ? <CatalogMenu /> : null}
    </View>
  );
}
