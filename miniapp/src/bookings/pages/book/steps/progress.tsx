import { Text, View } from '@tarojs/components';
import { a11y } from '../../../../components/a11y';
import { B } from '../../../texts';
import type { Step } from './types';

/** Where the resident is in the flow: each step's name, done, current or still to come. */
export function StepsBar({ step }: { step: Step }) {
  return (
    <View className='bk-steps' {...a11y('list', B.book.stepOf(step + 1, B.book.steps.length, B.book.steps[step]!))}>
      {B.book.steps.map((name, i) => (
        <Text key={name} className={`bk-step${i === step ? ' bk-step--on' : i < step ? ' bk-step--done' : ''}`} {...a11y('listitem', `${name}${i < step ? '，已完成' : i === step ? '，当前' : ''}`)}>
          {name}
        </Text>
      ))}
    </View>
  );
}
