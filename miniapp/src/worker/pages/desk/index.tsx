import { Text, View } from '@tarojs/components';
import { useSession } from '../../../hooks/use-session';
import { ROLE_LABELS, T } from '../../../texts';

/** Placeholder: the worker desk (verify, file, dispatch, check) is a later issue. */
export default function WorkerDeskPage() {
  const current = useSession({ required: true });
  return (
    <View className='page'>
      <Text className='page-title'>{T.worker.title}</Text>
      {current ? <Text className='hint'>{ROLE_LABELS[current.user.role]}</Text> : null}
      <Text className='hint'>{T.worker.comingSoon}</Text>
    </View>
  );
}
