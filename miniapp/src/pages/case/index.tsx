import { useEffect, useState } from 'react';
import { Image, Text, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { ENDED_STATUSES, RESOLVED_STATUSES } from '@gridtong/shared/case/statuses';
import { a11y } from '../../components/a11y';
import { ProgressChip } from '../../components/chip/progress-chip';
import { LoadError, Loading } from '../../components/load-state';
import { PhotoUploader } from '../../components/photo-uploader';
import { FollowerVote, RatingPanel } from '../../components/rating-panel';
import { subscribe } from '../../services/subscribe';
import { SafetyNotice } from '../../components/safety-notice';
import { Screen } from '../../components/screen';
import { errorText } from '../../hooks/error-text';
import { useRequest } from '../../hooks/use-request';
import { useSession } from '../../hooks/use-session';
import { ApiError, call } from '../../services/api';
import { isFollowerView, type CaseDetail, type CaseResult, type RateAction, type ReopenAction, type ResidentAction } from '../../services/api-track';
import { caseProgress } from '../../services/case-progress';
import { loadCatalog } from '../../services/catalog';
import { districtOf } from '@gridtong/shared/report/hotlines';
import type { DraftPhoto } from '../../services/draft-store';
import { caseNumberLine, formatTime } from '../../services/format';
import { platform } from '../../services/platform';
import { T } from '../../texts';
import './index.css';

function Steps({ c }: { c: CaseDetail }) {
  const progress = caseProgress(c.status, !isFollowerView(c) && c.reopenRequested);
  return (
    <View className='card' {...a11y('region', T.cases.stepTitle)}>
      <Text className='field-label'>{T.cases.stepTitle}</Text>
      <View className='steps' {...a11y('list', T.cases.stepTitle)}>
        {T.cases.steps.map((label, i) => {
          const state = i < progress.current ? 'done' : i === progress.current && progress.tone !== 'stopped' ? 'now' : 'todo';
          return (
            <View key={label} className={`step step-${state}`} {...a11y('listitem', `${label}${state === 'done' ? '，已完成' : state === 'now' ? '，进行中' : ''}`)}>
              <Text className='step-dot'>{state === 'done' ? '✓' : String(i + 1)}</Text>
              <Text className='step-label'>{label}</Text>
            </View>
          );
        })}
      </View>
      <ProgressChip progress={progress} />
      <Text className='hint step-explain'>{progress.explain}</Text>
    </View>
  );
}

export const RESULT_ANCHOR = 'case-result';

// How the case was handled: what the resident judges before rating it.
function Result({ result }: { result: CaseResult }) {
  const urls = result.photos.map((p) => p.url);
  return (
    <View id={RESULT_ANCHOR} className='card case-result' {...a11y('region', T.cases.result.title)}>
      <Text className='field-label'>{T.cases.result.title}</Text>
      <Text className='result-who'>{T.cases.result.handledBy(result.departmentName)}</Text>
      {result.notes ? (
        <>
          <Text className='field-label'>{T.cases.result.notes}</Text>
          <Text className='result-notes'>{result.notes}</Text>
        </>
      ) : null}
      {urls.length > 0 ? (
        <>
          <Text className='field-label'>{T.cases.result.photos}</Text>
          <View className='case-photos'>
            {result.photos.map((p, i) => {
              const kind = T.cases.result.kinds[p.kind];
              const n = result.photos.slice(0, i + 1).filter((q) => q.kind === p.kind).length;
              return (
                <View key={p.url} className='result-photo'>
                  <Image className='case-photo' src={p.url} mode='aspectFill' {...a11y('button', T.cases.result.photoLabel(kind, n))} onClick={() => platform.previewImages(urls, p.url)} />
                  <Text className='result-photo-kind'>{kind}</Text>
                </View>
              );
            })}
          </View>
        </>
      ) : null}
      <Text className='hint result-when'>{T.cases.result.handledAt(formatTime(result.handledAt))}</Text>
      <Text className='hint result-when'>{result.verifiedAt ? T.cases.result.verifiedAt(formatTime(result.verifiedAt)) : T.cases.result.awaitingCheck}</Text>
    </View>
  );
}

function Actions({ c, onDone }: { c: CaseDetail; onDone: (next: CaseDetail | undefined, message: string) => void }) {
  // 评价 and 申请重办 have their own card: this one lists the rest.
  const actions = (c.availableActions ?? []).filter((a) => a !== 'rate' && a !== 'requestReopen');
  const [busy, setBusy] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [text, setText] = useState('');
  const [photos, setPhotos] = useState<DraftPhoto[]>([]);

  const run = async (action: ResidentAction, message: string) => {
    setBusy(action.type);
    setError(undefined);
    try {
      const next = await call('act-on-my-case', { params: { id: c.id }, body: action });
      onDone(next, message);
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) onDone(undefined, T.cases.stale);
      else setError(errorText(e));
    } finally {
      setBusy(undefined);
    }
  };

  const cancel = async () => {
    if (!(await platform.alert(T.cases.cancel, T.cases.cancelConfirm, { confirmText: T.cases.cancel, cancelText: T.report.prev }))) return;
    await run({ type: 'cancel', version: c.version }, T.cases.cancelDone);
  };
  const unfollow = async () => {
    setBusy('unfollow');
    try {
      await call('unfollow-case', { params: { id: c.id } });
      onDone(undefined, T.cases.unfollowDone);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(undefined);
    }
  };

  if (actions.length === 0 && c.relation !== 'followed') return null;
  return (
    <View className='card' {...a11y('region', T.cases.actions)}>
      <Text className='field-label'>{T.cases.actions}</Text>
      {actions.includes('supplement') ? (
        <View className='supplement'>
          <Textarea className='text-area' value={text} placeholder={T.cases.supplementPlaceholder} maxlength={1000} ariaLabel={T.cases.supplement} onInput={(e) => setText(e.detail.value)} />
          <PhotoUploader photos={photos} update={(fn) => setPhotos((p) => fn(p))} min={0} max={3} />
          <Button
            block
            size='large'
            type='primary'
            className='big-button gap'
            loading={busy === 'supplement'}
            onClick={() =>
              void run(
                { type: 'supplement', text: text.trim() || undefined, photos: photos.filter((p) => p.key).map((p) => ({ key: p.key! })), version: c.version },
                T.cases.supplementDone,
              )
            }
          >
            {T.cases.supplementSend}
          </Button>
        </View>
      ) : null}
      {actions.includes('urge') ? (
        <Button block size='large' type='primary' className='big-button gap' loading={busy === 'urge'} onClick={() => void run({ type: 'urge', version: c.version }, T.cases.urgeDone)}>
          {T.cases.urge}
        </Button>
      ) : null}
      {actions.includes('cancel') ? (
        <Button block size='large' type='danger' className='big-button gap' loading={busy === 'cancel'} onClick={() => void cancel()}>
          {T.cases.cancel}
        </Button>
      ) : null}
      {c.relation === 'followed' ? (
        <Button block size='large' className='big-button gap' loading={busy === 'unfollow'} onClick={() => void unfollow()}>
          {T.cases.unfollow}
        </Button>
      ) : null}
      {error ? <Text className='error-text' {...a11y('alert')}>{error}</Text> : null}
    </View>
  );
}

// 评价 and 申请重办 on my own finished case; a follower's vote on one they follow.
function Judge({ c, onDone }: { c: CaseDetail; onDone: (next: CaseDetail | undefined, message: string) => void }) {
  const [busy, setBusy] = useState(false);
  if (isFollowerView(c)) {
    if (!RESOLVED_STATUSES.has(c.status)) return null;
    return <FollowerVote vote={async (level) => ((await call('vote-on-case', { params: { id: c.id }, body: { level } })).counted ? T.rating.voted : T.rating.votedBefore)} />;
  }
  const send = async (action: RateAction | ReopenAction, message: string) => {
    setBusy(true);
    try {
      onDone(await call('act-on-my-case', { params: { id: c.id }, body: action }), message);
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) onDone(undefined, T.cases.stale);
      else throw e;
    } finally {
      setBusy(false);
    }
  };
  return <RatingPanel c={c} send={send} busy={busy} />;
}

// WeChat reminders for my open case, asked on a tap (weapp only).
function Reminders({ c, onNotice }: { c: CaseDetail; onNotice: (message: string) => void }) {
  useEffect(() => {
    void subscribe.prefetch();
  }, []);
  if (!subscribe.available() || ENDED_STATUSES.has(c.status)) return null;
  const ask = () => {
    void subscribe.ask('case').then((accepted) => onNotice(accepted ? T.subscribe.done : T.subscribe.declined));
  };
  return (
    <View className='card' {...a11y('region', T.subscribe.title)}>
      <Text className='field-label'>{T.subscribe.title}</Text>
      <Text className='hint'>{T.subscribe.hint}</Text>
      <Button block size='large' className='big-button' onClick={ask}>
        {T.subscribe.button}
      </Button>
    </View>
  );
}

/** The item's safety advice and calls while the case is open (from the cached catalog). */
function CaseSafety({ c }: { c: CaseDetail }) {
  const catalog = useRequest(() => (ENDED_STATUSES.has(c.status) ? undefined : loadCatalog()), [c.itemCode, c.status]);
  const item = catalog.state.data?.items.find((i) => i.code === c.itemCode);
  if (!item?.safetyNotice || ENDED_STATUSES.has(c.status)) return null;
  return <SafetyNotice notice={item.safetyNotice} hotlines={item.hotlines} districtCode={isFollowerView(c) ? undefined : districtOf(c.location.gridCode)} />;
}

/** One case: where it stands, what happened, its photos, who handles it, what I may do. */
export default function CasePage() {
  const current = useSession({ required: true });
  const [{ id, focus }] = useState(() => {
    const params = platform.pageParams();
    return { id: params.id ?? '', focus: params.focus };
  });
  const detail = useRequest<CaseDetail>(() => (current ? call('get-my-case', { params: { id } }) : undefined), [current?.token, id]);
  const [notice, setNotice] = useState<string | undefined>();

  const c = detail.state.data;
  // Opened from the 办结 message: once, at the result the resident is asked to rate.
  const [focused, setFocused] = useState(false);
  const hasResult = Boolean(c?.result);
  useEffect(() => {
    if (focus !== 'result' || focused || !hasResult) return;
    setFocused(true);
    platform.scrollToSelector(`#${RESULT_ANCHOR}`);
  }, [focus, focused, hasResult]);
  const photoUrls = !c ? [] : isFollowerView(c) ? (c.photoUrl ? [c.photoUrl] : []) : c.photoUrls;
  const place = !c ? '' : isFollowerView(c) ? `${c.location.streetName} ${c.location.communityName} ${c.location.gridName}` : c.location.address || `${c.location.streetName} ${c.location.communityName} ${c.location.gridName}`;
  return (
    <Screen>
      {detail.state.status === 'loading' ? <Loading /> : null}
      {detail.state.status === 'error' && !c ? <LoadError title={T.cases.loadFailed} message={detail.state.error} onRetry={detail.retry} /> : null}
      {c ? (
        <View>
          <Text className='page-title' {...a11y('heading')}>{c.itemName}</Text>
          {c.caseNumber ? <Text className='hint case-number'>{caseNumberLine(c.caseNumber)}</Text> : null}
          {notice ? (
            <View className='card notice' {...a11y('status')}>
              <Text>{notice}</Text>
            </View>
          ) : null}
          <CaseSafety c={c} />
          <Steps c={c} />
          {c.result ? <Result result={c.result} /> : null}
          <Judge
            c={c}
            onDone={(next, message) => {
              setNotice(message);
              if (next) detail.set(next);
              else void detail.refresh();
            }}
          />
          <Actions
            c={c}
            onDone={(next, message) => {
              setNotice(message);
              if (next) detail.set(next);
              else void detail.refresh();
            }}
          />
          <Reminders c={c} onNotice={setNotice} />
          <View className='card'>
            <Text className='field-label'>{T.cases.department}</Text>
            <Text>{c.departmentName ?? T.cases.departmentPending}</Text>
            <Text className='field-label'>{T.cases.address}</Text>
            <Text>{place}</Text>
            {!isFollowerView(c) && c.description ? (
              <>
                <Text className='field-label'>{T.cases.description}</Text>
                <Text>{c.description}</Text>
              </>
            ) : null}
            {c.followerCount > 0 ? <Text className='hint'>{T.cases.followerCount(c.followerCount)}</Text> : null}
          </View>
          {photoUrls.length > 0 ? (
            <View className='card' {...a11y('region', T.cases.photos)}>
              <Text className='field-label'>{T.cases.photos}</Text>
              <View className='case-photos'>
                {photoUrls.map((url, i) => (
                  <Image key={url} className='case-photo' src={url} mode='aspectFill' {...a11y('button', `${T.photos.preview}，${T.photos.photoLabel(i + 1)}`)} onClick={() => platform.previewImages(photoUrls, url)} />
                ))}
              </View>
            </View>
          ) : null}
          <View className='card' {...a11y('region', T.cases.timeline)}>
            <Text className='field-label'>{T.cases.timeline}</Text>
            {[...c.timelineView].reverse().map((e, i) => (
              <View key={`${e.at}-${i}`} className='timeline-entry'>
                <Text className='timeline-time'>{formatTime(e.at)}</Text>
                <Text className='timeline-title'>{e.title}</Text>
                {e.detail ? <Text className='hint'>{e.detail}</Text> : null}
              </View>
            ))}
          </View>
        </View>
      ) : null}
    </Screen>
  );
}
