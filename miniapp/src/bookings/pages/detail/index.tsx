import { useState } from 'react';
import { Text, Textarea, View } from '@tarojs/components';
import { usePullDownRefresh } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import type { Satisfaction } from '@gridtong/shared/schemas/case';
import { a11y } from '../../../components/a11y';
import { LoadError, Loading } from '../../../components/load-state';
import { Screen } from '../../../components/screen';
import { useRequest } from '../../../hooks/use-request';
import { useRefreshOnShow } from '../../../hooks/use-refresh-on-show';
import { useSession } from '../../../hooks/use-session';
import { call } from '../../../services/api';
import { formatTime } from '../../../services/format';
import { platform } from '../../../services/platform';
import { RatingFaces } from '../../components/rating-faces';
import { Row } from '../../components/row';
import { SlotButtons, SlotPicker } from '../../components/slot-picker';
import { currentBookingOf, nextSlotsOf, type BookingAction, type BookingView, type SlotView } from '../../services/booking-api';
import { BOOKING_PAGES } from '../../services/pages';
import { B } from '../../texts';
import { errorText } from '../../../hooks/error-text';
import '../../components/bookings.css';

type Panel = 'cancel' | 'reschedule' | 'rate' | undefined;

const TONE: Record<string, string> = { completed: 'bk-status--done', declined: 'bk-status--stopped', cancelled: 'bk-status--stopped', noShow: 'bk-status--stopped' };

/** Reschedule: the same day-by-day picker as booking, for this booking's service. */
function Reschedule({ b, busy, onSend }: { b: BookingView; busy: boolean; onSend: (slot: SlotView) => void }) {
  const slots = useRequest(() => call('list-booking-slots', { query: { service: b.service.code } }), [b.id, b.version]);
  const [slot, setSlot] = useState<SlotView | undefined>();
  const [missing, setMissing] = useState(false);
  return (
    <View>
      <Text className='hint'>{B.detail.rescheduleHint}</Text>
      {slots.state.status === 'loading' ? <Loading /> : null}
      {slots.state.status === 'error' ? <LoadError title={B.book.slotsFailed} message={slots.state.error} onRetry={slots.retry} /> : null}
      {slots.state.status === 'ready' ? <SlotPicker days={slots.state.data.days} selected={slot} onPick={(s) => (setSlot(s), setMissing(false))} /> : null}
      {missing ? <Text className='error-text' {...a11y('alert')}>{B.book.pickSlot}</Text> : null}
      <Button block size='large' type='primary' className='big-button gap-above' loading={busy} onClick={() => (busy ? undefined : slot ? onSend(slot) : setMissing(true))}>
        {B.detail.rescheduleYes}
      </Button>
    </View>
  );
}

function Actions({ b, onDone }: { b: BookingView; onDone: (next: BookingView | undefined, notice: string) => void }) {
  const [panel, setPanel] = useState<Panel>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [alternatives, setAlternatives] = useState<SlotView[] | undefined>();
  const [reason, setReason] = useState('');
  const [level, setLevel] = useState<Satisfaction | undefined>();
  const [comment, setComment] = useState('');
  const can = (a: string) => b.availableActions.includes(a);

  const send = async (action: BookingAction, notice: string) => {
    setBusy(true);
    setError(undefined);
    setAlternatives(undefined);
    try {
      const next = await call('act-on-my-booking', { params: { id: b.id }, body: action });
      setPanel(undefined);
      onDone(next, notice);
    } catch (e) {
      const current = currentBookingOf(e);
      if (current) {
        setPanel(undefined);
        onDone(current, B.detail.stale);
        return;
      }
      setError(errorText(e));
      setAlternatives(nextSlotsOf(e));
    } finally {
      setBusy(false);
    }
  };

  if (!can('cancel') && !can('reschedule') && !can('rate')) return null;
  const toggle = (p: Panel) => {
    setError(undefined);
    setAlternatives(undefined);
    setPanel(panel === p ? undefined : p);
  };
  return (
    <View className='card' {...a11y('region', B.detail.actions)}>
      <Text className='field-label'>{B.detail.actions}</Text>
      {can('cancel') || can('reschedule') ? <Text className='hint'>{B.detail.changeBy(formatTime(b.changeDeadline))}</Text> : null}
      {can('reschedule') ? <Text className='hint'>{B.detail.reschedulesLeft(b.reschedulesLeft)}</Text> : null}

      {can('rate') ? (
        <View {...a11y('form', B.detail.rate)}>
          <Text className='field-label'>{B.detail.rate}</Text>
          <Text className='hint'>{B.detail.rateHint}</Text>
          <RatingFaces value={level} onChange={setLevel} />
          <Textarea className='text-area' value={comment} maxlength={500} placeholder={B.detail.comment} ariaLabel={B.detail.comment} onInput={(e) => setComment(e.detail.value)} />
          <Button
            block
            size='large'
            type='primary'
            className='big-button gap-above'
            loading={busy}
            onClick={() => (busy ? undefined : level ? void send({ type: 'rate', version: b.version, level, comment: comment.trim() || undefined }, B.detail.rateDone) : setError(B.detail.pickLevel))}
          >
            {B.detail.rateYes}
          </Button>
        </View>
      ) : null}

      {can('reschedule') ? (
        <Button block size='large' className='big-button gap-above' onClick={() => toggle('reschedule')}>{panel === 'reschedule' ? B.detail.close : B.detail.reschedule}</Button>
      ) : null}
      {panel === 'reschedule' ? (
        <View {...a11y('form', B.detail.reschedule)}>
          <Reschedule b={b} busy={busy} onSend={(slot) => void send({ type: 'reschedule', version: b.version, start: slot.start }, B.detail.rescheduleDone)} />
        </View>
      ) : null}

      {can('cancel') ? (
        <Button block size='large' type={panel === 'cancel' ? 'default' : 'danger'} className='big-button gap-above' onClick={() => toggle('cancel')}>
          {panel === 'cancel' ? B.detail.keep : B.detail.cancel}
        </Button>
      ) : null}
      {panel === 'cancel' ? (
        <View {...a11y('form', B.detail.cancel)}>
          <Text className='field-label'>{B.detail.cancelConfirm}</Text>
          <Textarea className='text-area' value={reason} maxlength={200} placeholder={B.detail.cancelReason} ariaLabel={B.detail.cancelReason} onInput={(e) => setReason(e.detail.value)} />
          <Button block size='large' type='danger' className='big-button gap-above' loading={busy} onClick={() => !busy && void send({ type: 'cancel', version: b.version, reason: reason.trim() || undefined }, B.detail.cancelDone)}>
            {B.detail.cancelYes}
          </Button>
        </View>
      ) : null}

      {error ? <Text className='alert-box gap-above' {...a11y('alert')}>{error}</Text> : null}
      {alternatives && alternatives.length > 0 && panel === 'reschedule' ? (
        <SlotButtons slots={alternatives} onPick={(slot) => void send({ type: 'reschedule', version: b.version, start: slot.start }, B.detail.rescheduleDone)} name={B.book.pickAnother} withDate />
      ) : null}
    </View>
  );
}

/** One booking: where it stands, when and who, the materials, what happened, what I may do. */
export default function BookingDetailPage() {
  const current = useSession({ required: true });
  const [params] = useState(() => platform.pageParams());
  const id = params.id ?? '';
  const detail = useRequest<BookingView>(() => (current ? call('get-my-booking', { params: { id } }) : undefined), [current?.token, id]);
  const [notice, setNotice] = useState<string | undefined>();
  useRefreshOnShow(detail);
  usePullDownRefresh(() => {
    void detail.refresh().finally(() => platform.stopPullDownRefresh());
  });

  const b = detail.state.data;
  // Just booked: said while the booking still waits for the worker (a reload keeps ?created=1).
  const shown = notice ?? (params.created && b?.status === 'requested' ? B.book.done : undefined);
  return (
    <Screen className='bk elder-floor'>
      {detail.state.status === 'loading' ? <Loading /> : null}
      {detail.state.status === 'error' && !b ? <LoadError title={B.detail.loadFailed} message={detail.state.error} onRetry={detail.retry} /> : null}
      {b ? (
        <View>
          <Text className='page-title' {...a11y('heading')}>{b.service.name}</Text>
          <View className='card' {...a11y('region', B.detail.status)}>
            <Text className='bk-row-label bk-block'>{B.detail.status}</Text>
            <Text className={`bk-status ${TONE[b.status] ?? ''}`} {...a11y('status', `${B.detail.status}：${b.statusLabel}`)}>{b.statusLabel}</Text>
            <Row label={B.detail.time} value={b.slotLabel} />
            <Row label={B.detail.worker} value={b.workerName} />
            <Row label={B.detail.agency} value={b.service.agency} />
          </View>
          {shown ? <Text className='notice-box' {...a11y('status')}>{shown}</Text> : null}
          <Actions
            b={b}
            onDone={(next, message) => {
              setNotice(message);
              if (next) detail.set(next);
              else void detail.refresh();
              platform.scrollToTop();
            }}
          />
          {b.rating ? (
            <View className='card'>
              <Text className='field-label'>{B.detail.rating}</Text>
              <Text>{b.rating.label}</Text>
              {b.rating.comment ? <Text className='hint'>{b.rating.comment}</Text> : null}
            </View>
          ) : null}
          <View className='card' {...a11y('region', B.detail.materials)}>
            <Text className='field-label'>{B.detail.materials}</Text>
            {b.materials.map((m) => (
              <Row key={m.name} label={m.name} value={m.ready ? `✓ ${B.detail.ready}` : B.detail.notReady} />
            ))}
          </View>
          <View className='card'>
            <Row label={B.detail.address} value={b.address} />
            {b.contactPhone ? <Row label={B.detail.phone} value={b.contactPhone} /> : null}
            {b.note ? <Row label={B.detail.note} value={b.note} /> : null}
            <Text className='hint gap-above'>{B.detail.bookingNo(b.id)}</Text>
          </View>
          <View className='card' {...a11y('region', B.detail.timeline)}>
            <Text className='field-label'>{B.detail.timeline}</Text>
            <View {...a11y('list', B.detail.timeline)}>
              {[...b.timeline].reverse().map((e, i) => (
                <View key={`${e.at}-${i}`} className='bk-tl' {...a11y('listitem', `${formatTime(e.at)} ${e.label}`)}>
                  <Text className='bk-tl-time'>{formatTime(e.at)}</Text>
                  <Text className='bk-tl-title'>{e.label}</Text>
                  {e.reason ? <Text className='hint'>{e.reason}</Text> : null}
                </View>
              ))}
            </View>
          </View>
          <Button block size='large' className='big-button' onClick={() => platform.navigateTo(BOOKING_PAGES.list)}>{B.list.title}</Button>
        </View>
      ) : null}
    </Screen>
  );
}
