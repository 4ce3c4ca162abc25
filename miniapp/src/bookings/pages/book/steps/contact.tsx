import { Input, Text, Textarea, View } from '@tarojs/components';
import { a11y } from '../../../../components/a11y';
import { B } from '../../../texts';
import { NavButtons } from './nav';
import type { BookingDraft, StepNav } from './types';

/** Step 4: where the worker comes, and how to reach the resident. */
export function ContactStep({ draft, patch, error, onBack, onNext }: StepNav & { draft: BookingDraft; patch: (change: Partial<BookingDraft>) => void; error?: string }) {
  return (
    <View>
      <View className='bk-field'>
        <Text className='field-label'>{B.book.addressLabel}</Text>
        <Input className='text-input' value={draft.address} placeholder={B.book.addressPlaceholder} maxlength={100} ariaLabel={B.book.addressLabel} onInput={(e) => patch({ address: e.detail.value })} />
      </View>
      <View className='bk-field'>
        <Text className='field-label'>{B.book.phoneLabel}</Text>
        <Input className='text-input' type='number' value={draft.phone} placeholder={B.book.phonePlaceholder} maxlength={11} ariaLabel={B.book.phoneLabel} onInput={(e) => patch({ phone: e.detail.value })} />
      </View>
      <View className='bk-field'>
        <Text className='field-label'>{B.book.noteLabel}</Text>
        <Textarea className='text-area' value={draft.note} placeholder={B.book.notePlaceholder} maxlength={200} ariaLabel={B.book.noteLabel} onInput={(e) => patch({ note: e.detail.value })} />
      </View>
      {error ? <Text className='error-text' {...a11y('alert')}>{error}</Text> : null}
      <NavButtons onBack={onBack} onNext={onNext} />
    </View>
  );
}
