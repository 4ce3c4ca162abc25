import { Text, View } from '@tarojs/components';
import { a11y } from '../../../components/a11y';
import { T } from '../../../texts';
import type { StepProps } from './types';

/** 匿名上报, offered only where the item allows it. */
export function AnonymousStep({ draft, change }: StepProps) {
  return (
    <View>
      <View className='options' {...a11y('radiogroup', T.report.anonymousLabel)}>
        {[false, true].map((anon) => (
          <View
            key={String(anon)}
            className={`option tap${draft.anonymous === anon ? ' option-chosen' : ''}`}
            {...a11y('radio', anon ? T.report.anonymous : T.report.named)}
            aria-checked={draft.anonymous === anon}
            onClick={() => change((d) => ({ ...d, anonymous: anon }))}
          >
            <Text>{`${draft.anonymous === anon ? '◉ ' : '○ '}${anon ? T.report.anonymousLabel : T.report.named}`}</Text>
          </View>
        ))}
      </View>
      <Text className='hint'>{T.report.anonymousHint}</Text>
    </View>
  );
}
