import { Text, View } from '@tarojs/components';
import type { AgencyService } from '@gridtong/shared/schemas/catalog';
import { a11y } from '../../../../components/a11y';
import { B } from '../../../texts';
import { NavButtons } from './nav';
import type { StepNav } from './types';

/** Step 2: the materials the service needs, ticked as the resident has them ready. */
export function MaterialsStep({ service, ready, onToggle, onBack, onNext }: StepNav & { service: AgencyService; ready: string[]; onToggle: (name: string) => void }) {
  return (
    <View>
      <Text className='field-label'>{service.name}</Text>
      <Text className='hint'>{B.book.materialsHint}</Text>
      <View {...a11y('group', B.book.steps[1])}>
        {service.materials.map((m) => {
          const on = ready.includes(m.name);
          return (
            <View key={m.name} className={`bk-option${on ? ' bk-option--on' : ''}`} {...a11y('checkbox', m.name)} aria-checked={on ? 'true' : 'false'} onClick={() => onToggle(m.name)}>
              <Text className={`bk-box${on ? ' bk-box--on' : ''}`}>{on ? '✓' : ''}</Text>
              <View className='bk-option-body'>
                <Text className='bk-option-title'>{m.name}</Text>
                <Text className='bk-option-sub'>{[m.required ? B.book.required : B.book.optional, m.note].filter(Boolean).join(' · ')}</Text>
              </View>
            </View>
          );
        })}
      </View>
      <Text className='hint' {...a11y('status')}>{B.book.readyCount(ready.length, service.materials.length)}</Text>
      <NavButtons onBack={onBack} onNext={onNext} />
    </View>
  );
}
