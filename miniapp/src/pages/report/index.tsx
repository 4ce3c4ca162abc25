import { useEffect, useRef, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { CatalogItem } from '@gridtong/shared/schemas/catalog';
import { districtOf } from '@gridtong/shared/report/hotlines';
import { a11y } from '../../components/a11y';
import { LoadError, Loading } from '../../components/load-state';
import { PhotoUploader } from '../../components/photo-uploader';
import { SafetyNotice } from '../../components/safety-notice';
import { Screen } from '../../components/screen';
import { useRequest } from '../../hooks/use-request';
import { useSession } from '../../hooks/use-session';
import { ApiError, call, type ResponseOf } from '../../services/api';
import { loadCatalog } from '../../services/catalog';
import { draftStore, editDraft, type Draft, type StepId } from '../../services/draft-store';
import { caseNumberLine, formatTime } from '../../services/format';
import { groupCaseNumber } from '@gridtong/shared/case/case-number';
import { randomId } from '../../services/ids';
import { platform } from '../../services/platform';
import { answersForRequest, stepProblem, stepsFor } from '../../services/report-steps';
import { recordItemUse } from '../../services/item-usage';
import { caseUrl, PAGES } from '../../services/routes';
import { subscribe } from '../../services/subscribe';
import { T } from '../../texts';
import { AnonymousStep } from './steps/anonymous';
import { DetailsStep } from './steps/details';
import { LocationStep } from './steps/location';
import { NearbyStep } from './steps/nearby';
import { ReviewStep } from './steps/review';
import type { DraftChange } from './steps/types';
import { errorText } from '../../hooks/error-text';
import './index.css';

type CaseView = ResponseOf<'create-case'>;

function Progress({ steps, current }: { steps: StepId[]; current: number }) {
  return (
    <View className='flow-progress' {...a11y('group', T.report.stepOf(current + 1, steps.length))}>
      <Text className='flow-progress-text'>{`${T.report.stepOf(current + 1, steps.length)}：${T.report.steps[steps[current]!]}`}</Text>
      <View className='flow-progress-bar'>
        {steps.map((s, i) => (
          <View key={s} className={`flow-progress-seg${i <= current ? ' done' : ''}`} />
        ))}
      </View>
    </View>
  );
}

function Success({ done }: { done: CaseView }) {
  return (
    <View className='card success' {...a11y('region', T.report.successTitle)}>
      <Text className='success-title'>{`✅ ${T.report.successTitle}`}</Text>
      {done.caseNumber ? (
        <>
          <Text className='hint'>{T.caseNumber}</Text>
          <Text className='success-number' {...a11y('text', caseNumberLine(done.caseNumber))}>{groupCaseNumber(done.caseNumber)}</Text>
          <Text className='hint'>{T.report.caseNumberHint}</Text>
        </>
      ) : null}
      <Text className='hint'>{T.report.dispatchBy}</Text>
      <Text className='success-deadline'>{T.report.dispatchByText(formatTime(done.dispatchDeadline))}</Text>
      <Text className='hint'>{T.report.successHint}</Text>
      <Button block size='large' type='primary' className='big-button gap' onClick={() => platform.redirectTo(caseUrl(done.id))}>
        {T.report.viewCase}
      </Button>
      <Button block size='large' className='big-button gap' onClick={() => platform.switchTab(PAGES.cases)}>
        {T.report.goCases}
      </Button>
      <Button block size='large' className='big-button gap' onClick={() => platform.switchTab(PAGES.home)}>
        {T.report.backHome}
      </Button>
    </View>
  );
}

/** What must never wait in a queue: the advice and the calls, and no report. */
function HotlineOnly({ item }: { item: CatalogItem }) {
  return (
    <View>
      <ItemHeading item={item} />
      <SafetyNotice notice={item.safetyNotice} hotlines={item.hotlines} />
      <Text className='hint'>{T.safety.hotlineOnly}</Text>
      <Button block size='large' className='big-button gap' onClick={() => platform.switchTab(PAGES.home)}>
        {T.report.back}
      </Button>
    </View>
  );
}

/** The chosen item, with what it covers on the flow's first screen. */
function ItemHeading({ item, described = true }: { item: CatalogItem; described?: boolean }) {
  return (
    <View className='flow-item'>
      <Text className='flow-item-name'>{`${item.icon} ${item.name}`}</Text>
      {described && item.description ? <Text className='flow-item-description'>{item.description}</Text> : null}
    </View>
  );
}

/** A new draft opens on the item's first step (its safety advice where it has any). */
const freshDraft = (item: CatalogItem): Draft => ({ ...draftStore.create(item.code), step: stepsFor(item)[0]! });

/** The report flow for one item: one screen per step, the draft saved after every change. */
function ReportFlow({ item }: { item: CatalogItem }) {
  const [restored] = useState(() => draftStore.load(item.code));
  const [draft, setDraft] = useState<Draft>(() => restored ?? freshDraft(item));
  const [problem, setProblem] = useState<string | undefined>();
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<string | undefined>();
  const [done, setDone] = useState<CaseView | undefined>();
  const forward = useRef(true);
  // Whether the nearby step is showing cases (then 我也遇到 is the main action, not going on).
  const [nearbyShown, setNearbyShown] = useState(false);
  const inFlight = useRef(false);

  // Template ids ready before the submit tap.
  useEffect(() => {
    void subscribe.prefetch();
  }, []);

  const steps = stepsFor(item);
  const index = Math.max(0, steps.indexOf(draft.step));
  const step = steps[index]!;

  useEffect(() => {
    if (!done) draftStore.save(draft);
  }, [draft, done]);

  const change: DraftChange = (fn) => {
    setProblem(undefined);
    setDraft((d) => {
      const next = fn(d);
      return next === d ? d : editDraft(d, next);
    });
  };
  const goTo = (i: number) => {
    forward.current = i > index;
    setProblem(undefined);
    setDraft((d) => ({ ...d, step: steps[Math.min(Math.max(i, 0), steps.length - 1)]! }));
  };
  const next = () => {
    const p = stepProblem(step, item, draft);
    if (p) {
      setProblem(p);
      return;
    }
    goTo(index + 1);
  };

  const submit = async () => {
    // A second tap while the first is on its way sends nothing; the key covers the rest.
    if (inFlight.current) return;
    const p = stepProblem('review', item, draft);
    if (p) {
      setProblem(p);
      return;
    }
    inFlight.current = true;
    // WeChat asks "receive updates?" on this same tap (no-op on H5).
    void subscribe.ask('submit');
    setSubmitting(true);
    setSubmitError(undefined);
    try {
      const created = await call('create-case', {
        body: {
          itemCode: item.code,
          description: draft.description.trim(),
          location: { lat: draft.location!.lat, lng: draft.location!.lng, coord: draft.location!.coord, address: draft.location!.address.trim() },
          photos: draft.photos.filter((x) => x.status === 'uploaded' && x.key).map((x) => ({ key: x.key! })),
          answers: answersForRequest(item, draft.answers),
          anonymous: item.allowAnonymous ? draft.anonymous : false,
        },
        idempotencyKey: draft.idempotencyKey,
      });
      draftStore.discard(item.code);
      recordItemUse(item.code);
      setDone(created);
    } catch (e) {
      const unknown = e instanceof ApiError && (e.status === 0 || e.status >= 500 || e.code === 'IDEMPOTENCY.IN_PROGRESS');
      // The server keeps a key bound to the body it first saw: a changed draft needs a new one.
      const reused = e instanceof ApiError && e.code === 'IDEMPOTENCY.KEY_REUSED';
      setDraft((d) => (reused ? { ...d, idempotencyKey: randomId(), lastAttempt: undefined } : { ...d, lastAttempt: unknown ? 'unknown' : 'refused' }));
      setSubmitError(unknown ? T.report.submitUnknown : errorText(e));
    } finally {
      inFlight.current = false;
      setSubmitting(false);
    }
  };

  const startOver = async () => {
    if (!(await platform.alert(T.report.startOver, T.report.startOverConfirm, { confirmText: T.report.startOver, cancelText: T.report.prev }))) return;
    draftStore.discard(item.code);
    setDraft(freshDraft(item));
  };

  if (done) return <Success done={done} />;

  const props = { item, draft, change };
  return (
    <View>
      <ItemHeading item={item} described={index === 0} />
      <Progress steps={steps} current={index} />
      {restored && index > 0 ? (
        <View className='restored' {...a11y('status')}>
          <Text className='hint'>{T.report.draftRestored}</Text>
          <View className='tap restored-action' {...a11y('button', T.report.startOver)} onClick={() => void startOver()}>
            <Text>{T.report.startOver}</Text>
          </View>
        </View>
      ) : null}
      <Text className='page-title' {...a11y('heading')}>{T.report.steps[step]}</Text>
      {step === 'safety' ? (
        <View>
          <SafetyNotice notice={item.safetyNotice} hotlines={item.hotlines} districtCode={districtOf(draft.location?.gridCode)} />
          <Text className='hint'>{T.safety.thenReport}</Text>
        </View>
      ) : null}
      {step === 'nearby' ? <NearbyStep {...props} onFound={setNearbyShown} onNone={() => forward.current && index === steps.indexOf('nearby') && goTo(index + 1)} /> : null}
      {step === 'photos' ? (
        <PhotoUploader photos={draft.photos} update={(fn) => change((d) => ({ ...d, photos: fn(d.photos) }))} min={item.minPhotos} max={item.maxPhotos} />
      ) : null}
      {step === 'location' ? <LocationStep {...props} /> : null}
      {step === 'details' ? <DetailsStep {...props} /> : null}
      {step === 'anonymous' ? <AnonymousStep {...props} /> : null}
      {step === 'review' ? <ReviewStep {...props} /> : null}

      {problem ? <Text className='error-text' {...a11y('alert')}>{problem}</Text> : null}
      {submitError ? (
        <View className='card submit-error' {...a11y('alert')}>
          <Text className='error-text'>{`${T.report.submitFailed}：${submitError}`}</Text>
        </View>
      ) : null}

      <View className='button-row'>
        {index > 0 ? (
          <Button size='large' className='big-button' onClick={() => goTo(index - 1)}>
            {T.report.prev}
          </Button>
        ) : null}
        {step === 'review' ? (
          <Button size='large' type='primary' className='big-button submit-button' loading={submitting} onClick={() => void submit()}>
            {submitting ? T.report.submitting : T.report.submit}
          </Button>
        ) : (
          <Button size='large' type={step === 'nearby' && nearbyShown ? 'default' : 'primary'} className='big-button' onClick={next}>
            {step === 'nearby' ? T.report.notSame : step === 'safety' ? T.safety.continueReport : T.report.next}
          </Button>
        )}
      </View>
    </View>
  );
}

export default function ReportPage() {
  const current = useSession({ required: true });
  const [code] = useState(() => platform.pageParams().code ?? '');
  const catalog = useRequest(() => (current ? loadCatalog() : undefined), [current?.token]);

  return (
    <Screen>
      {catalog.state.status === 'loading' ? <Loading /> : null}
      {catalog.state.status === 'error' ? <LoadError title={T.home.loadFailed} message={catalog.state.error} onRetry={catalog.retry} /> : null}
      {catalog.state.status === 'ready'
        ? (() => {
            const item = catalog.state.data.items.find((i) => i.code === code && i.active !== false);
            if (item?.hotlineOnly) return <HotlineOnly item={item} />;
            return item ? (
              <ReportFlow item={item} />
            ) : (
              <View className='state'>
                <Text className='state-text'>{T.report.unknownItem}</Text>
                <Button block size='large' className='big-button' onClick={() => platform.switchTab(PAGES.home)}>
                  {T.report.back}
                </Button>
              </View>
            );
          })()
        : null}
    </Screen>
  );
}
