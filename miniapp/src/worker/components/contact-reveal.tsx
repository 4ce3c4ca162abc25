import { useState } from 'react';
import { Text, Textarea, View } from '@tarojs/components';
import { a11y } from '../../components/a11y';
import { platform } from '../../services/platform';
import { W } from '../texts';

/**
 * The reporter's phone, behind a stated reason: PIPL wants every staff read of personal
 * data recorded, so the number is fetched only when asked for, with why.
 */
export function ContactReveal({ phone, onReveal }: { phone?: string; onReveal: (reason: string) => Promise<string | undefined> }) {
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  if (phone) {
    return (
      <View className='wd-field'>
        <Text className='wd-field-label'>{W.detail.contact}</Text>
        <Text className='wd-field-value'>{phone}</Text>
        <Text className='wd-link' {...a11y('button', `${W.detail.call} ${phone}`)} onClick={() => platform.makePhoneCall(phone)}>{W.detail.call}</Text>
      </View>
    );
  }
  if (!asking) {
    return <Text className='wd-link' {...a11y('button', W.detail.reveal)} onClick={() => setAsking(true)}>{W.detail.reveal}</Text>;
  }
  const confirm = async () => {
    if (reason.trim().length < 2) {
      setProblem(W.detail.revealReasonShort);
      return;
    }
    setBusy(true);
    setProblem(await onReveal(reason.trim()));
    setBusy(false);
  };
  return (
    <View {...a11y('form', W.detail.reveal)}>
      <Text className='wd-muted'>{W.detail.revealHint}</Text>
      <Text className='wd-form-label'>{W.detail.revealReason}</Text>
      <Textarea
        className='wd-textarea'
        value={reason}
        maxlength={200}
        placeholder={W.form.textPlaceholder}
        aria-label={W.detail.revealReason}
        onInput={(e) => {
          const value: unknown = e.detail?.value;
          if (typeof value === 'string') setReason(value);
        }}
      />
      {problem ? <Text className='wd-error' {...a11y('alert')}>{problem}</Text> : null}
      <View className='wd-form-buttons'>
        <View className='wd-action wd-action--secondary' {...a11y('button', W.form.cancel)} onClick={() => setAsking(false)}>{W.form.cancel}</View>
        <View className='wd-action' {...a11y('button', W.detail.revealConfirm)} onClick={busy ? undefined : () => void confirm()}>{W.detail.revealConfirm}</View>
      </View>
    </View>
  );
}
