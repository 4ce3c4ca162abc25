import { useState } from 'react';
import { Image, Text, View } from '@tarojs/components';
import { usePullDownRefresh } from '@tarojs/taro';
import type { CaseActionType } from '@gridtong/shared/case/actions';
import { groupCaseNumber } from '@gridtong/shared/case/case-number';
import { ENDED_STATUSES } from '@gridtong/shared/case/statuses';
import { a11y } from '../../../components/a11y';
import { Chip } from '../../../components/chip';
import { LoadError, Loading } from '../../../components/load-state';
import { errorText } from '../../../hooks/error-text';
import { useRefreshOnShow } from '../../../hooks/use-refresh-on-show';
import { useRequest } from '../../../hooks/use-request';
import { Screen } from '../../../components/screen';
import { useSession } from '../../../hooks/use-session';
import { ApiError, call, type BodyOf } from '../../../services/api';
import { platform } from '../../../services/platform';
import { ActionForm } from '../../components/action-form';
import { ContactReveal } from '../../components/contact-reveal';
import { StageBadge } from '../../components/queue-row';
import { StaffTimeline } from '../../components/staff-timeline';
import { formatTime, NEGATIVE_ACTIONS, photosOf, timeLeft, type StaffActionInput, type WorkCaseView } from '../../services/desk-model';
import { T } from '../../../texts';
import { W } from '../../texts';
import '../../components/desk.css';

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
  const [now, setNow] = useState(() => Date.now());
  const detail = useRequest(() => {
    setNow(Date.now());
    return call('get-work-case', { params: { id } });
  }, [id]);
  const [open, setOpen] = useState<{ type: CaseActionType; label: string } | undefined>();
  const [busy, setBusy] = useState(false);
  const [formError, setFormError] = useState<string | undefined>();

  useRefreshOnShow(detail);
  usePullDownRefresh(() => {
    void detail.refresh().finally(() => platform.stopPullDownRefresh());
  });

  const submit = async (shown: WorkCaseView, label: string, action: StaffActionInput) => {
    setBusy(true);
    setFormError(undefined);
    try {
      const body = { ...action, version: shown.version } as BodyOf<'act-on-work-case'>;
      const next = await call('act-on-work-case', { params: { id: shown.id }, body });
      detail.set(next);
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
        await detail.refresh();
      } else {
        setFormError(errorText(e));
      }
    } finally {
      setBusy(false);
    }
  };

  /** Reads the case again with the phone; answers the refusal to show, if any. */
  const reveal = async (reason: string): Promise<string | undefined> => {
    try {
      detail.set(await call('get-work-case', { params: { id }, query: { reveal: 'contact', reason } }));
      return undefined;
    } catch (e) {
      return errorText(e);
    }
  };

  if (detail.state.status === 'loading') return <Screen className='wd-page'><Loading /></Screen>;
  if (detail.state.status === 'error') return <Screen className='wd-page'><LoadError title={W.detail.loadFailed} message={detail.state.error} onRetry={detail.retry} /></Screen>;

  const d = detail.state.data;
  const finished = ENDED_STATUSES.has(d.status);
  const left = timeLeft(d.deadlines.current, now);
  const photos = photosOf(d);
  return (
    <Screen className='wd-page'>
      <View className='wd-card' {...a11y('region', d.itemName)}>
        <View className='wd-row-top'>
          <Text className='wd-title' {...a11y('heading')}>{d.itemName}</Text>
          {finished ? null : <StageBadge stage={d.deadlines.warning} />}
        </View>
        {d.caseNumber ? <Field label={T.caseNumber} value={groupCaseNumber(d.caseNumber)} /> : null}
        <Field label={W.detail.status} value={d.statusLabel} />
        {d.deadlines.current && !finished ? <Field label={d.deadlines.currentKind === 'dispatch' ? W.detail.dispatchDeadline : W.detail.handlingDeadline} value={`${formatTime(d.deadlines.current)}（${left ?? ''}）`} /> : null}
        {finished && d.closedAt ? <Field label={W.detail.closedAt} value={formatTime(d.closedAt)} /> : null}
        <Field label={W.detail.urgency} value={d.urgencyLabel} />
        <Field label={W.detail.address} value={[d.location.gridName, d.location.address].filter(Boolean).join(' · ')} />
        <Field label={W.detail.department} value={`${d.routing.departmentName}（${d.routing.via === 'matrix' ? W.detail.viaMatrix : W.detail.viaDispatcher}）`} />
        <Field label={W.detail.description} value={d.description || W.detail.noDescription} />
        <View className='wd-tags'>
          {d.urgeCount > 0 ? <Chip tone='danger'>{W.detail.urges(d.urgeCount)}</Chip> : null}
          {d.returnCount > 0 ? <Chip tone='danger'>{W.detail.returns(d.returnCount)}</Chip> : null}
          {d.escalationLevel > 0 ? <Chip tone='danger'>{W.detail.escalated}</Chip> : null}
          {d.followerCount > 0 ? <Chip>{W.detail.followers(d.followerCount)}</Chip> : null}
        </View>
        {d.pendingExtension ? <Text className='wd-muted'>{W.detail.pendingExtension(formatTime(d.pendingExtension.until), d.pendingExtension.reason)}</Text> : null}
        {d.suspendedUntil ? <Text className='wd-muted'>{W.detail.suspendedUntil(formatTime(d.suspendedUntil))}</Text> : null}
        {d.duplicateOf ? <Text className='wd-muted'>{W.detail.duplicateOf(d.duplicateOf)}</Text> : null}
        {d.hasContactPhone ? <ContactReveal phone={d.contactPhone} onReveal={reveal} /> : null}
        {d.rating ? <Field label={W.detail.rating} value={[d.rating.levelLabel, d.rating.comment].filter(Boolean).join('：')} /> : null}
      </View>

      <View className='wd-card'>
        <Photos title={W.detail.before} urls={photos.before} />
        <Photos title={W.detail.after} urls={photos.after} />
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
    </Screen>
  );
}
