import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { AgencyService } from '@gridtong/shared/schemas/catalog';
import { a11y } from '../../../../components/a11y';
import { platform } from '../../../../services/platform';
import { PAGES } from '../../../../services/routes';
import { Row } from '../../../components/row';
import { SlotButtons } from '../../../components/slot-picker';
import type { SlotView } from '../../../services/booking-api';
import { B } from '../../../texts';
import type { BookingDraft } from './types';

interface ReviewProps {
  service: AgencyService;
  draft: BookingDraft;
  /** The server's refusal of the last 确认预约, if any, and its code. */
  error?: string;
  errorCode?: string;
  /** When the slot was taken meanwhile: the next free ones, offered right here. */
  alternatives?: SlotView[];
  sending: boolean;
  onPick: (slot: SlotView) => void;
  onConfirm: () => void;
  onBack: () => void;
  onPickAnother: () => void;
}

/** Step 5: everything the booking will say, then 确认预约. */
export function ReviewStep({ service, draft, error, errorCode, alternatives, sending, onPick, onConfirm, onBack, onPickAnother }: ReviewProps) {
  return (
    <View>
      <View className='card' {...a11y('region', B.book.review)}>
        <Text className='field-label'>{B.book.review}</Text>
        <Row label={B.book.service} value={service.name} />
        <Row label={B.book.time} value={draft.slot ? `${draft.slot.date} ${draft.slot.time}` : B.book.none} />
        <Row label={B.book.worker} value={draft.slot?.workerName ?? B.book.none} />
        <Row label={B.book.address} value={draft.address.trim()} />
        <Row label={B.book.phone} value={draft.phone.trim() || B.book.none} />
        <Row label={B.book.note} value={draft.note.trim() || B.book.none} />
        <Row label={B.book.materials} value={draft.ready.length ? draft.ready.join('、') : B.book.none} />
      </View>
      {error ? (
        <Text className='alert-box' {...a11y('alert')}>{alternatives ? B.book.slotTaken : error}</Text>
      ) : null}
      {alternatives && alternatives.length > 0 ? (
        <SlotButtons slots={alternatives} selected={draft.slot} onPick={onPick} name={B.book.pickAnother} withDate />
      ) : null}
      {errorCode === 'BOOKING.HOME_REQUIRED' ? (
        <Button block size='large' className='big-button gap-above' onClick={() => platform.navigateTo(PAGES.homeAddress)}>{B.book.homeRequired}</Button>
      ) : null}
      <Button block size='large' type='primary' className='big-button gap-above' loading={sending} onClick={onConfirm}>
        {B.book.confirm}
      </Button>
      <View className='button-row'>
        <Button size='large' className='big-button' onClick={onBack}>{B.book.prev}</Button>
        <Button size='large' className='big-button' onClick={onPickAnother}>{B.book.pickAnother}</Button>
      </View>
    </View>
  );
}
