import { Text, View } from '@tarojs/components';
import type { ResponseOf } from '../../services/api-types';
import { platform } from '../../services/platform';
import { T } from '../../texts';
import { a11y } from '../a11y';
import './index.css';

type Worker = ResponseOf<'get-me'>['workers'][number];

/** One grid worker: name, title, duty hours, on duty now, and a large call button. */
export function WorkerCard({ worker }: { worker: Worker }) {
  return (
    <View className='worker' {...a11y('group', `${worker.titleLabel} ${worker.name}`)}>
      <View className='worker-text'>
        <Text className='worker-name'>
          {worker.name}
          <Text className='worker-title'>{worker.titleLabel}</Text>
        </Text>
        <Text className='worker-line'>
          <Text className={worker.onDuty ? 'duty-on' : 'duty-off'}>{worker.onDuty ? `● ${T.gridWorker.onDuty}` : `○ ${T.gridWorker.offDuty}`}</Text>
          {` · ${T.gridWorker.dutyHours(worker.dutyHours)}`}
        </Text>
      </View>
      <View className='tap worker-call' {...a11y('button', T.gridWorker.call(worker.name))} onClick={() => platform.makePhoneCall(worker.phone)}>
        <Text>{`📞 ${T.gridWorker.callShort}`}</Text>
      </View>
    </View>
  );
}
