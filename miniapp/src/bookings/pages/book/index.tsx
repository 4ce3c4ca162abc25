import { useEffect, useRef, useState } from 'react';
import { Input, Text, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { AgencyService } from '@gridtong/shared/schemas/catalog';
import { a11y } from '../../../components/a11y';
import { LoadError, Loading } from '../../../components/load-state';
import { Screen } from '../../../components/screen';
import { useCatalog } from '../../../hooks/use-catalog';
import { useRequest } from '../../../hooks/use-request';
import { useSession } from '../../../hooks/use-session';
import { ApiError, call } from '../../../services/api';
import { randomId } from '../../../services/ids';
import { platform } from '../../../services/platform';
import { subscribe } from '../../../services/subscribe';
import { PAGES } from '../../../services/routes';
import { Row } from '../../components/row';
import { SlotButtons, SlotPicker } from '../../components/slot-picker';
import { nextSlotsOf, type SlotView } from '../../services/booking-api';
import { bookingUrl } from '../../services/pages';
import { B } from '../../texts';
import { errorText } from '../../../hooks/error-text';
import '../../components/bookings.css';

type Step = 0 | 1 | 2 | 3 | 4;

interface Draft {
  /** One idempotency key per draft: every retry of this booking carries it. */
  key: string;
  service?: AgencyService;
  ready: string[];
  slot?: SlotView;
  address: string;
  phone: string;
  note: string;
}

const PHONE = /^1\d{10}$/;

function Steps({ step }: { step: Step }) {
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

/** 预约上门代办: service → materials → time → address and contact → confirm. */
export default function BookPage() {
  const current = useSession({ required: true });
  const catalog = useCatalog();
  const [step, setStep] = useState<Step>(0);
  const [draft, setDraft] = useState<Draft>(() => ({ key: randomId(), ready: [], address: '', phone: '', note: '' }));
  const [error, setError] = useState<string | undefined>();
  const [errorCode, setErrorCode] = useState<string | undefined>();
  const [alternatives, setAlternatives] = useState<SlotView[] | undefined>();
  const [sending, setSending] = useState(false);
  const sendingRef = useRef(false);
  const serviceCode = draft.service?.code;
  const slots = useRequest(() => (current && serviceCode && step >= 2 ? call('list-booking-slots', { query: { service: serviceCode } }) : undefined), [current?.token, serviceCode, step >= 2]);

  // WeChat asks "receive booking updates?" only inside the confirm tap: the template ids are fetched now.
  useEffect(() => {
    void subscribe.prefetch();
  }, []);

  const patch = (change: Partial<Draft>) => setDraft((d) => ({ ...d, ...change }));
  const go = (next: Step) => {
    setError(undefined);
    setErrorCode(undefined);
    setStep(next);
    platform.scrollToTop();
  };

  const chooseService = (s: AgencyService) => {
    // Another service is another booking: its materials start unticked.
    if (s.code !== draft.service?.code) patch({ service: s, ready: [], slot: undefined });
    go(1);
  };
  const toggle = (name: string) => setDraft((d) => ({ ...d, ready: d.ready.includes(name) ? d.ready.filter((n) => n !== name) : [...d.ready, name] }));

  const checkContact = (): string | undefined => {
    if (!draft.address.trim()) return B.book.addressMissing;
    if (draft.phone.trim() && !PHONE.test(draft.phone.trim())) return B.book.phoneBad;
    return undefined;
  };

  const confirm = async () => {
    if (sendingRef.current || !draft.service || !draft.slot) return;
    setErrorCode(undefined);
    sendingRef.current = true;
    // On this same tap (no-op on H5): the worker's confirmation, a new time, the reminder the day before.
    void subscribe.ask('booking');
    setSending(true);
    setError(undefined);
    setAlternatives(undefined);
    try {
      const booking = await call('create-booking', {
        body: {
          serviceCode: draft.service.code,
          workerId: draft.slot.workerId,
          start: draft.slot.start,
          materialsReady: draft.ready,
          address: draft.address.trim(),
          contactPhone: draft.phone.trim() || undefined,
          note: draft.note.trim() || undefined,
        },
        idempotencyKey: draft.key,
      });
      platform.redirectTo(`${bookingUrl(booking.id)}&created=1`);
    } catch (e) {
      const next = nextSlotsOf(e);
      setError(errorText(e));
      setErrorCode(e instanceof ApiError ? e.code : undefined);
      if (next) {
        // Lost the race: the slot is gone; offer the next free ones right here.
        setAlternatives(next);
        patch({ slot: undefined });
        void slots.refresh();
      }
    } finally {
      sendingRef.current = false;
      setSending(false);
    }
  };

  const s = draft.service;
  return (
    <Screen className='bk elder-floor'>
      <Text className='page-title' {...a11y('heading')}>{B.book.title}</Text>
      <Steps step={step} />

      {step === 0 ? (
        <View>
          <Text className='hint'>{B.book.serviceHint}</Text>
          {catalog.state.status === 'loading' ? <Loading /> : null}
          {catalog.state.status === 'error' ? <LoadError title={B.book.slotsFailed} message={catalog.state.message} onRetry={catalog.retry} /> : null}
          {catalog.state.status === 'ready' ? (
            <View {...a11y('list', B.book.steps[0])}>
              {catalog.state.catalog.services.map((svc) => (
                <View key={svc.code} className={`bk-option${svc.code === s?.code ? ' bk-option--on' : ''}`} {...a11y('button', svc.name)} onClick={() => chooseService(svc)}>
                  <View className='bk-option-body'>
                    <Text className='bk-option-title'>{svc.name}</Text>
                    <Text className='bk-option-sub'>{`${B.book.agency(svc.agency)} · ${B.book.visitLength(svc.visitMinutes)}`}</Text>
                    {svc.eligibility ? <Text className='bk-option-sub'>{B.book.eligibility(svc.eligibility)}</Text> : null}
                  </View>
                </View>
              ))}
            </View>
          ) : null}
        </View>
      ) : null}

      {step === 1 && s ? (
        <View>
          <Text className='field-label'>{s.name}</Text>
          <Text className='hint'>{B.book.materialsHint}</Text>
          <View {...a11y('group', B.book.steps[1])}>
            {s.materials.map((m) => {
              const on = draft.ready.includes(m.name);
              return (
                <View key={m.name} className={`bk-option${on ? ' bk-option--on' : ''}`} {...a11y('checkbox', m.name)} aria-checked={on ? 'true' : 'false'} onClick={() => toggle(m.name)}>
                  <Text className={`bk-box${on ? ' bk-box--on' : ''}`}>{on ? '✓' : ''}</Text>
                  <View className='bk-option-body'>
                    <Text className='bk-option-title'>{m.name}</Text>
                    <Text className='bk-option-sub'>{[m.required ? B.book.required : B.book.optional, m.note].filter(Boolean).join(' · ')}</Text>
                  </View>
                </View>
              );
            })}
          </View>
          <Text className='hint' {...a11y('status')}>{B.book.readyCount(draft.ready.length, s.materials.length)}</Text>
          <View className='button-row'>
            <Button size='large' className='big-button' onClick={() => go(0)}>{B.book.prev}</Button>
            <Button size='large' type='primary' className='big-button' onClick={() => go(2)}>{B.book.next}</Button>
          </View>
        </View>
      ) : null}

      {step === 2 && s ? (
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
          {slots.state.status === 'ready' ? <SlotPicker days={slots.state.data.days} selected={draft.slot} onPick={(slot) => (patch({ slot }), setError(undefined))} /> : null}
          {error ? <Text className='error-text' {...a11y('alert')}>{error}</Text> : null}
          <View className='button-row'>
            <Button size='large' className='big-button' onClick={() => go(1)}>{B.book.prev}</Button>
            <Button size='large' type='primary' className='big-button' onClick={() => (draft.slot ? go(3) : setError(B.book.pickSlot))}>{B.book.next}</Button>
          </View>
        </View>
      ) : null}

      {step === 3 && s ? (
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
          <View className='button-row'>
            <Button size='large' className='big-button' onClick={() => go(2)}>{B.book.prev}</Button>
            <Button
              size='large'
              type='primary'
              className='big-button'
              onClick={() => {
                const problem = checkContact();
                if (problem) setError(problem);
                else go(4);
              }}
            >
              {B.book.next}
            </Button>
          </View>
        </View>
      ) : null}

      {step === 4 && s ? (
        <View>
          <View className='card' {...a11y('region', B.book.review)}>
            <Text className='field-label'>{B.book.review}</Text>
            <Row label={B.book.service} value={s.name} />
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
            <SlotButtons slots={alternatives} selected={draft.slot} onPick={(slot) => patch({ slot })} name={B.book.pickAnother} withDate />
          ) : null}
          {errorCode === 'BOOKING.HOME_REQUIRED' ? (
            <Button block size='large' className='big-button gap-above' onClick={() => platform.navigateTo(PAGES.homeAddress)}>{B.book.homeRequired}</Button>
          ) : null}
          <Button block size='large' type='primary' className='big-button gap-above' loading={sending} onClick={() => (draft.slot ? void confirm() : setError(B.book.pickSlot))}>
            {B.book.confirm}
          </Button>
          <View className='button-row'>
            <Button size='large' className='big-button' onClick={() => go(3)}>{B.book.prev}</Button>
            <Button size='large' className='big-button' onClick={() => go(2)}>{B.book.pickAnother}</Button>
          </View>
        </View>
      ) : null}
    </Screen>
  );
}
