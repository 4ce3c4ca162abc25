import { useEffect, useRef, useState } from 'react';
import { Text } from '@tarojs/components';
import type { AgencyService } from '@gridtong/shared/schemas/catalog';
import { a11y } from '../../../components/a11y';
import { Screen } from '../../../components/screen';
import { useCatalog } from '../../../hooks/use-catalog';
import { useRequest } from '../../../hooks/use-request';
import { useSession } from '../../../hooks/use-session';
import { ApiError, call } from '../../../services/api';
import { randomId } from '../../../services/ids';
import { platform } from '../../../services/platform';
import { subscribe } from '../../../services/subscribe';
import { nextSlotsOf, type SlotView } from '../../services/booking-api';
import { errorText } from '../../../hooks/error-text';
import { bookingUrl } from '../../services/pages';
import { B } from '../../texts';
import { ContactStep } from './steps/contact';
import { MaterialsStep } from './steps/materials';
import { StepsBar } from './steps/progress';
import { ReviewStep } from './steps/review';
import { ServiceStep } from './steps/service';
import { TimeStep } from './steps/time';
import type { BookingDraft, Step } from './steps/types';
import '../../components/bookings.css';

const PHONE = /^1\d{10}$/;

/** 预约上门代办: service → materials → time → address and contact → confirm. */
export default function BookPage() {
  const current = useSession({ required: true });
  const catalog = useCatalog();
  const [step, setStep] = useState<Step>(0);
  const [draft, setDraft] = useState<BookingDraft>(() => ({ key: randomId(), ready: [], address: '', phone: '', note: '' }));
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

  const patch = (change: Partial<BookingDraft>) => setDraft((d) => ({ ...d, ...change }));
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
      <StepsBar step={step} />
      {step === 0 ? <ServiceStep catalog={catalog.state} retry={catalog.retry} chosen={s} onChoose={chooseService} /> : null}
      {step === 1 && s ? <MaterialsStep service={s} ready={draft.ready} onToggle={toggle} onBack={() => go(0)} onNext={() => go(2)} /> : null}
      {step === 2 && s ? (
        <TimeStep slots={slots} selected={draft.slot} onPick={(slot) => (patch({ slot }), setError(undefined))} error={error} onBack={() => go(1)} onNext={() => (draft.slot ? go(3) : setError(B.book.pickSlot))} />
      ) : null}
      {step === 3 && s ? (
        <ContactStep
          draft={draft}
          patch={patch}
          error={error}
          onBack={() => go(2)}
          onNext={() => {
            const problem = checkContact();
            if (problem) setError(problem);
            else go(4);
          }}
        />
      ) : null}
      {step === 4 && s ? (
        <ReviewStep
          service={s}
          draft={draft}
          error={error}
          errorCode={errorCode}
          alternatives={alternatives}
          sending={sending}
          onPick={(slot) => patch({ slot })}
          onConfirm={() => (draft.slot ? void confirm() : setError(B.book.pickSlot))}
          onBack={() => go(3)}
          onPickAnother={() => go(2)}
        />
      ) : null}
    </Screen>
  );
}
