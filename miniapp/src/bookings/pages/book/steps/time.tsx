import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { a11y } from '../../../../components/a11y';
import { Loading } from '../../../../components/load-state';
import type { RequestHandle } from '../../../../hooks/use-request';
import { platform } from '../../../../services/platform';
import { PAGES } from '../../../../services/routes';
import { SlotPicker } from '../../../components/slot-picker';
import type { SlotsResponse, SlotView } from '../../../services/booking-api';
import { B } from '../../../texts';
import { NavButtons } from './nav';
import type { StepNav } from './types';

/** Step 3: a day, then a free time with its grid worker. */
export function TimeStep({ slots, selected, onPick, error, onBack, onNext }: StepNav & { slots: RequestHandle<SlotsResponse>; selected?: SlotView; onPick: (slot: SlotView) => void; error?: string }) {
  return (
    <View>
      <Text className='hint'>{B.book.slotHint}</Text>
      {slots.state.status === 'loading' ? <Loading /> : null}
      {slots.state.status === 'error' ? (
        <View>
          <Text className='alert-box' {...a11y('alert')}>{slots.state.error}</Text>
          {slots.state.code === 'BOOKING.HOME_REQUIRED' ? (
            <Button block size='large' type='primary' className='big-button' onClick={() => platform.navigateTo(PAGES.homeAddress)}>{B.book.homeRequired}</Button>
          ) : (
            <Button block size='large' className='big-button' onClick={slots.retry}>{'重试'}</Button>
          )}
        </View>
      ) : null}
      {slots.state.status === 'ready' ? <SlotPicker days={slots.state.data.days} selected={selected} onPick={onPick} /> : null}
      {error ? <Text className='error-text' {...a11y('alert')}>{error}</Text> : null}
      <NavButtons onBack={onBack} onNext={onNext} />
    </View>
  );
}
