import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { normalizeCaseNumber } from '@gridtong/shared/case/case-number';
import { a11y } from '../../components/a11y';
import { errorText } from '../../hooks/error-text';
import { ApiError, call } from '../../services/api';
import { W } from '../texts';

/**
 * 按受理编号查找: the number a resident reads out on the phone, typed as heard (spaces,
 * dashes and small letters are fine), opens the case — only one within the caller's reach.
 */
export function CaseNumberSearch({ onOpen }: { onOpen: (id: string) => void }) {
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const find = async () => {
    const number = normalizeCaseNumber(text);
    if (busy) return;
    if (!number) {
      setProblem(W.find.invalid);
      return;
    }
    setBusy(true);
    setProblem(undefined);
    try {
      const found = await call('find-work-case', { params: { number } });
      onOpen(found.id);
    } catch (e) {
      setProblem(e instanceof ApiError && e.status === 404 ? W.find.notFound : errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className='wd-find' {...a11y('search', W.find.label)}>
      <View className='wd-find-line'>
        <Input
          className='text-input wd-find-input'
          type='text'
          confirmType='search'
          value={text}
          maxlength={24}
          placeholder={W.find.placeholder}
          ariaLabel={W.find.label}
          onInput={(e) => {
            setText(e.detail.value);
            setProblem(undefined);
          }}
          onConfirm={() => void find()}
        />
        <Button className='wd-find-button' type='primary' loading={busy} onClick={() => void find()}>
          {W.find.button}
        </Button>
      </View>
      {problem ? <Text className='wd-find-problem' {...a11y('alert')}>{problem}</Text> : null}
    </View>
  );
}
