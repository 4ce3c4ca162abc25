import { useState } from 'react';
import { Image, Text, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { a11y } from '../../components/a11y';
import { Chip, ChipRow, ChoiceChip } from '../../components/chip';
import { PhotoUploader } from '../../components/photo-uploader';
import type { DraftPhoto } from '../../services/draft-store';
import { formatClock, formatDayLabel } from '@gridtong/shared/deadlines/beijing-format';
import { formatTime } from '../../services/format';
import { platform } from '../../services/platform';
import { ApiError, call } from '../../services/api';
import { useRequest } from '../../hooks/use-request';
import { currentVisitOf, type RescheduleSlots, type Visit, type VisitAction } from '../services/visits-api';
import { V } from '../visits-texts';
import { errorText } from '../../hooks/error-text';

/** The buttons a visit offers, in the order of its life. */
const ORDER = ['confirm', 'visited', 'submitted', 'completed', 'reschedule', 'decline', 'noShow'] as const;
type Kind = (typeof ORDER)[number];
type Slot = RescheduleSlots['days'][number]['slots'][number];

/**
 * 改时间: the worker's own free slots ahead that fit this visit, a day row then big time
 * buttons, and a required reason the resident reads. A slot taken meanwhile refreshes the list.
 */
function RescheduleForm({ v, onDone }: { v: Visit; onDone: (next: Visit, notice: string) => void }) {
  const slots = useRequest(() => call('list-work-booking-slots', { params: { id: v.id } }), [v.id]);
  const [date, setDate] = useState<string | undefined>();
  const [picked, setPicked] = useState<Slot | undefined>();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const days = slots.state.data?.days ?? [];
  const firstOpen = days.find((d) => d.slots.length > 0)?.date;
  const day = days.find((d) => d.date === (date ?? firstOpen)) ?? days[0];

  const send = async () => {
    if (!picked) return setError(V.reschedule.pickSlot);
    if (!reason.trim()) return setError(V.reasonRequired);
    setBusy(true);
    setError(undefined);
    try {
      const next = await call('act-on-work-booking', { params: { id: v.id }, body: { type: 'reschedule', version: v.version, start: picked.start, reason: reason.trim() } });
      onDone(next, V.reschedule.done(`${formatDayLabel(picked.date)} ${picked.time}`));
    } catch (e) {
      const current = currentVisitOf(e);
      if (current) return onDone(current, V.stale);
      setError(errorText(e));
      if (e instanceof ApiError && e.code === 'BOOKING.SLOT_TAKEN') {
        // Someone took it first: show what is free now.
        setPicked(undefined);
        void slots.refresh();
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className='wv-form' {...a11y('form', V.actions.reschedule!)}>
      <Text className='wv-label'>{V.reschedule.pick(v.service.visitMinutes)}</Text>
      {slots.state.status === 'loading' ? <Text className='hint'>{V.reschedule.loading}</Text> : null}
      {slots.state.status === 'error' && !slots.state.data ? <Text className='error-text' {...a11y('alert')}>{slots.state.error}</Text> : null}
      {slots.state.data && !firstOpen ? <Text className='hint' {...a11y('status')}>{V.reschedule.none}</Text> : null}
      {firstOpen && day ? (
        <View>
          <ChipRow label={V.reschedule.days} scroll>
            {days.map((d) => {
              const on = d.date === day.date;
              const label = `${d.label}，${V.reschedule.count(d.slots.length)}`;
              return (
                <ChoiceChip key={d.date} tile className='wv-day' on={on} label={label} onPick={() => setDate(d.date)}>
                  <Text>{d.label}</Text>
                  <Text>{V.reschedule.count(d.slots.length)}</Text>
                </ChoiceChip>
              );
            })}
          </ChipRow>
          <ChipRow label={V.reschedule.times(day.label)}>
            {day.slots.map((sl) => {
              const on = picked?.start === sl.start;
              return (
                <ChoiceChip key={sl.start} className='wv-slot' on={on} label={`${day.label} ${sl.time}`} onPick={() => setPicked(sl)}>
                  {sl.time}
                </ChoiceChip>
              );
            })}
            {day.slots.length === 0 ? <Text className='hint'>{V.reschedule.noneThatDay}</Text> : null}
          </ChipRow>
        </View>
      ) : null}
      {picked ? <Text className='wv-line' {...a11y('status')}>{V.reschedule.chosen(`${formatDayLabel(picked.date)} ${picked.time}`)}</Text> : null}
      <Text className='wv-label'>{V.reason}</Text>
      <Textarea className='text-area' value={reason} maxlength={200} ariaLabel={V.reason} placeholder={V.reschedule.reasonHint} onInput={(e) => setReason(e.detail.value)} />
      {error ? <Text className='error-text' {...a11y('alert')}>{error}</Text> : null}
      <Button block size='large' type='primary' className='big-button gap-above' loading={busy} {...a11y('button', V.confirmAction(V.actions.reschedule!))} onClick={() => !busy && void send()}>
        {V.confirmAction(V.actions.reschedule!)}
      </Button>
    </View>
  );
}

/** One form at a time, in the card (no pop-ups): the fields each step needs. */
function ActionForm({ v, kind, onDone }: { v: Visit; kind: Exclude<Kind, 'reschedule'>; onDone: (next: Visit, notice: string) => void }) {
  const label = V.actions[kind]!;
  const [text, setText] = useState('');
  const [checklist, setChecklist] = useState(() => v.materials.map((m) => ({ name: m.name, collected: m.ready })));
  const [photos, setPhotos] = useState<DraftPhoto[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();

  const build = (): VisitAction | string => {
    const t = text.trim();
    switch (kind) {
      case 'decline':
        return t ? { type: 'decline', version: v.version, reason: t } : V.reasonRequired;
      case 'visited': {
        if (photos.some((p) => p.status !== 'uploaded')) return V.photosPending;
        const keys = photos.flatMap((p) => (p.key ? [{ key: p.key }] : []));
        return { type: 'visited', version: v.version, checklist, photos: keys, note: t || undefined };
      }
      default:
        return { type: kind, version: v.version, note: t || undefined };
    }
  };

  const send = async () => {
    const action = build();
    if (typeof action === 'string') {
      setError(action);
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      onDone(await call('act-on-work-booking', { params: { id: v.id }, body: action }), V.done(label));
    } catch (e) {
      const current = currentVisitOf(e);
      if (current) onDone(current, V.stale);
      else setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className='wv-form' {...a11y('form', label)}>
      {kind === 'visited' ? (
        <View {...a11y('group', V.checklist)}>
          <Text className='wv-label'>{V.checklist}</Text>
          {checklist.map((c, i) => (
            <View
              key={c.name}
              className={`wv-check${c.collected ? ' wv-check--on' : ''}`}
              {...a11y('checkbox', c.name)}
              aria-checked={c.collected ? 'true' : 'false'}
              onClick={() => setChecklist((list) => list.map((x, j) => (j === i ? { ...x, collected: !x.collected } : x)))}
            >
              <Text className='wv-box'>{c.collected ? '✓' : ''}</Text>
              <Text>{c.name}</Text>
            </View>
          ))}
          <Text className='wv-label'>{V.receipts}</Text>
          <PhotoUploader photos={photos} update={(change) => setPhotos(change)} min={0} max={6} />
        </View>
      ) : null}
      <Text className='wv-label'>{kind === 'decline' ? V.reason : V.noteOptional}</Text>
      <Textarea className='text-area' value={text} maxlength={200} ariaLabel={kind === 'decline' ? V.reason : V.noteOptional} onInput={(e) => setText(e.detail.value)} />
      {error ? <Text className='error-text' {...a11y('alert')}>{error}</Text> : null}
      <Button block size='large' type={kind === 'decline' || kind === 'noShow' ? 'danger' : 'primary'} className='big-button gap-above' loading={busy} {...a11y('button', V.confirmAction(label))} onClick={() => !busy && void send()}>
        {V.confirmAction(label)}
      </Button>
    </View>
  );
}

/** One visit of the day: when, what, where, who to call, the materials, and the next step. */
export function VisitCard({ v, focused, onChanged }: { v: Visit; focused?: boolean; onChanged: (next: Visit, notice: string) => void }) {
  const [open, setOpen] = useState<Kind | undefined>();
  // What the last step did, said where the worker's eyes are (a long day's page notice would be off screen).
  const [done, setDone] = useState<string | undefined>();
  const actions = ORDER.filter((k) => v.availableActions.includes(k));
  const time = `${formatClock(v.start)}–${formatClock(v.end)}`;
  return (
    <View id={`visit-${v.id}`} className={`wv-card${focused ? ' wv-card--focus' : ''}`} data-booking-id={v.id} {...a11y('region', V.visitLabel(time, v.service.name, v.statusLabel))}>
      {focused ? <Chip tone='solid' className='wv-focus-tag'>{V.fromMessage}</Chip> : null}
      <View className='wv-head'>
        <Text className='wv-time'>{time}</Text>
        <Text className='wv-status' {...a11y('status')}>{v.statusLabel}</Text>
      </View>
      <Text className='wv-title'>{v.service.name}</Text>
      {v.address ? <Text className='wv-line'>{`${V.address}：${v.address}`}</Text> : null}
      {v.mine === false ? <Text className='wv-line wv-private'>{V.addressHidden}</Text> : null}
      {v.contactPhone ? (
        <Text className='wv-link' {...a11y('link', V.call(v.contactPhone))} onClick={() => platform.makePhoneCall(v.contactPhone!)}>{V.call(v.contactPhone)}</Text>
      ) : null}
      {v.note ? <Text className='wv-line'>{`${V.note}：${v.note}`}</Text> : null}
      <Text className='wv-label'>{v.checklist.length ? V.checklist : V.materials}</Text>
      <View {...a11y('list', V.materials)}>
        {(v.checklist.length ? v.checklist.map((c) => ({ name: c.name, done: c.collected, mark: c.collected ? `✓ ${V.collected}` : V.notCollected })) : v.materials.map((m) => ({ name: m.name, done: m.ready, mark: m.ready ? `✓ ${V.ready}` : V.notReady }))).map((m) => (
          <View key={m.name} className='wv-material' {...a11y('listitem', `${m.name} ${m.mark}`)}>
            <Text>{m.name}</Text>
            <Text className={m.done ? 'wv-mark' : 'wv-mark wv-mark--missing'}>{m.mark}</Text>
          </View>
        ))}
      </View>
      {v.receiptPhotoUrls.length ? (
        <View className='wv-photos'>
          {v.receiptPhotoUrls.map((url) => (
            <Image key={url} className='wv-photo' src={url} mode='aspectFill' onClick={() => platform.previewImages(v.receiptPhotoUrls, url)} />
          ))}
        </View>
      ) : null}
      {v.rating ? <Text className='wv-line'>{`${V.rating}：${v.rating.label}${v.rating.comment ? `（${v.rating.comment}）` : ''}`}</Text> : null}
      {v.timeline.length ? (
        <Text className='wv-last'>{`${formatTime(v.timeline[v.timeline.length - 1]!.at)} ${v.timeline[v.timeline.length - 1]!.label}`}</Text>
      ) : null}
      {done ? <Text className='notice-box' {...a11y('status')}>{done}</Text> : null}
      {actions.length ? (
        <View className='wv-actions'>
          {actions.map((k) => (
            <Button key={k} size='large' type={open === k ? 'primary' : 'default'} className='big-button' {...a11y('button', V.actions[k]!)} onClick={() => setOpen(open === k ? undefined : k)}>
              {V.actions[k]}
            </Button>
          ))}
        </View>
      ) : null}
      {open === 'reschedule' ? (
        <RescheduleForm
          key={`${open}-${v.version}`}
          v={v}
          onDone={(next, notice) => {
            setOpen(undefined);
            setDone(notice);
            onChanged(next, notice);
          }}
        />
      ) : null}
      {open && open !== 'reschedule' ? (
        <ActionForm
          key={`${open}-${v.version}`}
          v={v}
          kind={open}
          onDone={(next, notice) => {
            setOpen(undefined);
            setDone(notice);
            onChanged(next, notice);
          }}
        />
      ) : null}
    </View>
  );
}
