import { useCallback, useState } from 'react';
import { Image, Text, View } from '@tarojs/components';
import { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import type { CaseActionType } from '@gridtong/shared/case/actions';
import { ENDED_STATUSES } from '@gridtong/shared/case/statuses';
import { a11y } from '../../../components/a11y';
import { LoadError, Loading } from '../../../components/load-state';
import { useSession } from '../../../hooks/use-session';
import { ApiError } from '../../../services/api';
import { platform } from '../../../services/platform';
import { ActionForm } from '../../components/action-form';
import { ContactReveal } from '../../components/contact-reveal';
import { StageBadge } from '../../components/queue-row';
import { StaffTimeline } from '../../components/staff-timeline';
import { formatTime, NEGATIVE_ACTIONS, timeLeft } from '../../services/desk-model';
import { workApi, type StaffActionInput } from '../../services/work-api';
import type { CaseDetail } from '../../services/work-types';
import { W } from '../../texts';
import '../../components/desk.css';

type State = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; detail: CaseDetail };

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

function Field({ label, value }: { label: string; value: string }) {
  return (
    <View className='wd-field'>
      <Text className='wd-field-label'>{label}</Text>
      <Text className='wd-field-value'>{value}</Text>
    </View>
  );
}

function Photos({ title, urls }: { title: string; urls: string[] }) {
  return (
    <View {...a11y('group', title)}>
      <Text className='wd-form-label'>{title}</Text>
      {urls.length === 0 ? <Text className='wd-muted'>{W.detail.noPhotos}</Text> : (
        <View className='wd-photos'>
          {urls.map((url, i) => <Image key={url} className='wd-photo' src={url} mode='aspectFill' aria-label={`${title} ${i + 1}`} />)}
        </View>
      )}
    </View>
  );
}

/** One case as staff see it, and exactly the actions the server allows this caller now. */
export default function WorkCasePage() {
  useSession({ required: true });
  const [id] = useState(() => platform.pageParams().id ?? '');
  const [state, setState] = useState<State>({ status: 'loading' });
  const [open, setOpen] = useState<{ type: CaseActionType; label: string } | undefined>();
  const [busy, setBusy] = useState(false);
  const [formError, setFormError] = useState<string | undefined>();
  const [now, setNow] = useState(() => Date.now());

  const load = useCallback(async () => {
    setNow(Date.now());
    try {
      const detail = await workApi.caseDetail(id);
      setState({ status: 'ready', detail });
    } catch (e) {
      setState({ status: 'error', message: messageOf(e) });
    }
  }, [id]);

  useDidShow(() => {
    void load();
  });
  usePullDownRefresh(() => {
    void load().finally(() => platform.stopPullDownRefresh());
  });

  const submit = async (detail: CaseDetail, label: string, action: StaffActionInput) => {
    setBusy(true);
    setFormError(undefined);
    try {
      const next = await workApi.act(detail.id, action, detail.version);
      setState({ status: 'ready', detail: next });
      setOpen(undefined);
      setNow(Date.now());
      platform.scrollToTop();
      platform.toast(W.form.done(label), 'success');
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        // Someone else acted first: show the case as it is now; the form closes, since
        // the action may no longer be on offer.
        setOpen(undefined);
        platform.toast(W.form.conflict);
        await load();
      } else {
        setFormError(messageOf(e));
      }
    } finally {
      setBusy(false);
    }
  };

  /** Reads the case again with the phone; answers the refusal to show, if any. */
  const reveal = async (reason: string): Promise<string | undefined> => {
    try {
      const detail = await workApi.caseDetail(id, reason);
      setState({ status: 'ready', detail });
      return undefined;
    } catch (e) {
      return messageOf(e);
    }
  };

  if (state.status === 'loading') return <View className='wd-page'><Loading /></View>;
  if (state.status === 'error') return <View className='wd-page'><LoadError title={W.detail.loadFailed} message={state.message} onRetry={() => void load()} /></View>;

  const d = state.detail;
  const finished = ENDED_STATUSES.has(d.status);
  const left = timeLeft(d.dueAt, now);
  return (
    <View className='wd-page'>
      <View className='wd-card' {...a11y('region', d.itemName)}>
        <View className='wd-row-top'>
          <Text className='wd-title' {...a11y('heading')}>{d.itemName}</Text>
          {finished ? null : <StageBadge stage={d.stage} />}
        </View>
        <Field label={W.detail.status} value={d.statusLabel} />
        {d.dueAt && !finished ? <Field label={d.dueKind === 'dispatch' ? W.detail.dispatchDeadline : W.detail.handlingDeadline} value={`${formatTime(d.dueAt)}（${left ?? ''}）`} /> : null}
        {finished && d.closedAt ? <Field label={W.detail.closedAt} value={formatTime(d.closedAt)} /> : null}
        <Field label={W.detail.urgency} value={d.urgencyLabel} />
        <Field label={W.detail.address} value={[d.gridName, d.address].filter(Boolean).join(' · ')} />
        {d.department ? <Field label={W.detail.department} value={`${d.department.name}（${d.routedByMatrix ? W.detail.viaMatrix : W.detail.viaDispatcher}）`} /> : null}
        <Field label={W.detail.description} value={d.description || W.detail.noDescription} />
        <View className='wd-tags'>
          {d.urgeCount > 0 ? <Text className='wd-tag wd-tag--warn'>{W.detail.urges(d.urgeCount)}</Text> : null}
          {d.returnCount > 0 ? <Text className='wd-tag wd-tag--warn'>{W.detail.returns(d.returnCount)}</Text> : null}
          {d.escalationLevel > 0 ? <Text className='wd-tag wd-tag--warn'>{W.detail.escalated}</Text> : null}
          {d.followerCount > 0 ? <Text className='wd-tag'>{W.detail.followers(d.followerCount)}</Text> : null}
        </View>
        {d.pendingExtension ? <Text className='wd-muted'>{W.detail.pendingExtension(formatTime(d.pendingExtension.until), d.pendingExtension.reason)}</Text> : null}
        {d.suspendedUntil ? <Text className='wd-muted'>{W.detail.suspendedUntil(formatTime(d.suspendedUntil))}</Text> : null}
        {d.duplicateOf ? <Text className='wd-muted'>{W.detail.duplicateOf(d.duplicateOf)}</Text> : null}
        {d.hasContactPhone ? <ContactReveal phone={d.contactPhone} onReveal={reveal} /> : null}
        {d.rating ? <Field label={W.detail.rating} value={[d.rating.label, d.rating.comment].filter(Boolean).join('：')} /> : null}
      </View>

      <View className='wd-card'>
        <Photos title={W.detail.before} urls={d.beforePhotos} />
        <Photos title={W.detail.after} urls={d.afterPhotos} />
      </View>

      {open ? (
        <ActionForm
          key={open.type}
          type={open.type}
          label={open.label}
          detail={d}
          now={now}
          busy={busy}
          error={formError}
          onCancel={() => {
            setOpen(undefined);
            setFormError(undefined);
          }}
          onSubmit={(action) => void submit(d, open.label, action)}
        />
      ) : (
        <View className='wd-card' {...a11y('region', W.detail.actions)}>
          <Text className='wd-card-title' {...a11y('heading')}>{W.detail.actions}</Text>
          {d.availableActions.length === 0 ? <Text className='wd-muted'>{W.detail.noActions}</Text> : (
            <View className='wd-actions'>
              {d.availableActions.map((a) => (
                <View
                  key={a.type}
                  className={`wd-action${NEGATIVE_ACTIONS.has(a.type) ? ' wd-action--secondary' : ''}`}
                  {...a11y('button', a.label)}
                  data-action={a.type}
                  onClick={() => setOpen(a)}
                >
                  {a.label}
                </View>
              ))}
            </View>
          )}
        </View>
      )}

      <StaffTimeline entries={d.timeline} />
    </View>
  );
}
