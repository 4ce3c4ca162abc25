import { useEffect, useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { a11y } from '../../../components/a11y';
import { ChipRow, ChoiceChip } from '../../../components/chip';
import { LoadError, Loading } from '../../../components/load-state';
import { Screen } from '../../../components/screen';
import { useRequest } from '../../../hooks/use-request';
import { useSession } from '../../../hooks/use-session';
import { call } from '../../../services/api';
import type { AvailabilityAnswer } from '../../services/visits-api';
import { V, WEEKDAY_NAMES } from '../../visits-texts';
import { errorText } from '../../../hooks/error-text';
import '../../components/visits.css';

interface Window {
  weekday: number;
  start: string;
  end: string;
}
interface Closure {
  from: string;
  to: string;
  reason: string;
}

const SLOT_CHOICES = [30, 60] as const;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const toMinutes = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));
const toClock = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
/** Half an hour earlier or later, kept within the day. */
const shift = (clock: string, by: number) => toClock(Math.min(23 * 60 + 30, Math.max(0, toMinutes(clock) + by)));

const PRESET: Window[] = [
  { weekday: 2, start: '14:00', end: '17:00' },
  { weekday: 4, start: '14:00', end: '17:00' },
];

function Stepper({ label, value, onChange }: { label: string; value: string; onChange: (v: string) => void }) {
  return (
    <View className='wv-stepper' {...a11y('group', `${label} ${value}`)}>
      <Text className='wv-label'>{label}</Text>
      <View className='wv-step' {...a11y('button', V.availability.earlier(label))} onClick={() => onChange(shift(value, -30))}>−</View>
      <Text className='wv-stepper-value'>{value}</Text>
      <View className='wv-step' {...a11y('button', V.availability.later(label))} onClick={() => onChange(shift(value, 30))}>＋</View>
    </View>
  );
}

/** 可预约时间: weekly windows cut into slots, one-off closures, and how 调休 days are worked. */
export default function AvailabilityPage() {
  const current = useSession({ required: true });
  const loaded = useRequest<AvailabilityAnswer>(() => (current ? call('get-availability') : undefined), [current?.token]);
  const [weekly, setWeekly] = useState<Window[]>([]);
  const [closures, setClosures] = useState<Closure[]>([]);
  const [slotMinutes, setSlotMinutes] = useState(30);
  const [makeUpDayAs, setMakeUpDayAs] = useState(1);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [notice, setNotice] = useState<string | undefined>();

  const answer = loaded.state.data;
  useEffect(() => {
    const a = answer?.availability;
    if (!a) return;
    setWeekly(a.weekly.map((w) => ({ ...w })));
    setClosures(a.closures.map((c) => ({ from: c.from, to: c.to, reason: c.reason ?? '' })));
    setSlotMinutes(a.slotMinutes);
    setMakeUpDayAs(a.makeUpDayAs);
  }, [answer]);

  const setWindow = (i: number, change: Partial<Window>) => setWeekly((list) => list.map((w, j) => (j === i ? { ...w, ...change } : w)));
  const setClosure = (i: number, change: Partial<Closure>) => setClosures((list) => list.map((c, j) => (j === i ? { ...c, ...change } : c)));

  const save = async () => {
    if (weekly.some((w) => w.end <= w.start)) return setError(V.availability.badWindow);
    if (closures.some((c) => !DATE.test(c.from) || !DATE.test(c.to) || c.to < c.from)) return setError(V.availability.badDate);
    setSaving(true);
    setError(undefined);
    setNotice(undefined);
    try {
      const next = await call('put-availability', {
        body: {
          slotMinutes,
          weekly: [...weekly].sort((a, b) => a.weekday - b.weekday || a.start.localeCompare(b.start)),
          closures: closures.map((c) => ({ from: c.from, to: c.to, reason: c.reason.trim() || undefined })),
          makeUpDayAs,
        },
      });
      loaded.set(next);
      setNotice(V.availability.saved(next.upcomingSlots));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Screen className='wv elder-floor'>
      <Text className='page-title' {...a11y('heading')}>{V.availability.title}</Text>
      {loaded.state.status === 'loading' ? <Loading /> : null}
      {loaded.state.status === 'error' && !answer ? <LoadError title={V.availability.loadFailed} message={loaded.state.error} onRetry={loaded.retry} /> : null}
      {answer ? (
        <View>
          <Text className='hint'>{V.availability.hint}</Text>
          <Text className='hint' {...a11y('status')}>{answer.availability ? V.availability.current(answer.upcomingSlots) : V.availability.notYet}</Text>

          <Text className='wv-label'>{V.availability.weekly}</Text>
          <Button block size='large' className='big-button' onClick={() => setWeekly(PRESET.map((w) => ({ ...w })))}>{V.availability.preset}</Button>
          <View {...a11y('list', V.availability.weekly)}>
            {weekly.map((w, i) => (
              <View key={i} className='wv-window' {...a11y('listitem', `${WEEKDAY_NAMES[w.weekday - 1]} ${w.start}–${w.end}`)}>
                <ChipRow label={V.availability.weekday}>
                  {WEEKDAY_NAMES.map((name, d) => (
                    <ChoiceChip key={name} on={w.weekday === d + 1} label={name} onPick={() => setWindow(i, { weekday: d + 1 })}>
                      {name.slice(1)}
                    </ChoiceChip>
                  ))}
                </ChipRow>
                <Stepper label={V.availability.from} value={w.start} onChange={(start) => setWindow(i, { start })} />
                <Stepper label={V.availability.to} value={w.end} onChange={(end) => setWindow(i, { end })} />
                <Button block size='large' className='big-button' onClick={() => setWeekly((list) => list.filter((_, j) => j !== i))}>{V.availability.removeWindow}</Button>
              </View>
            ))}
          </View>
          <Button block size='large' className='big-button' onClick={() => setWeekly((list) => [...list, { weekday: 2, start: '14:00', end: '17:00' }])}>{V.availability.addWindow}</Button>

          <Text className='wv-label'>{V.availability.slotMinutes}</Text>
          <ChipRow label={V.availability.slotMinutes}>
            {SLOT_CHOICES.map((m) => (
              <ChoiceChip key={m} on={slotMinutes === m} label={V.availability.minutes(m)} onPick={() => setSlotMinutes(m)}>
                {V.availability.minutes(m)}
              </ChoiceChip>
            ))}
          </ChipRow>

          <Text className='wv-label'>{V.availability.makeUp}</Text>
          <ChipRow label={V.availability.makeUp}>
            {WEEKDAY_NAMES.slice(0, 5).map((name, d) => (
              <ChoiceChip key={name} on={makeUpDayAs === d + 1} label={name} onPick={() => setMakeUpDayAs(d + 1)}>
                {name}
              </ChoiceChip>
            ))}
          </ChipRow>

          <Text className='wv-label'>{V.availability.closures}</Text>
          {closures.map((c, i) => (
            <View key={i} className='wv-window' {...a11y('group', `${V.availability.closures} ${i + 1}`)}>
              <Text className='wv-line'>{V.availability.closureFrom}</Text>
              <Input className='text-input' value={c.from} maxlength={10} placeholder='2026-12-01' ariaLabel={V.availability.closureFrom} onInput={(e) => setClosure(i, { from: e.detail.value })} />
              <Text className='wv-line'>{V.availability.closureTo}</Text>
              <Input className='text-input' value={c.to} maxlength={10} placeholder='2026-12-03' ariaLabel={V.availability.closureTo} onInput={(e) => setClosure(i, { to: e.detail.value })} />
              <Text className='wv-line'>{V.availability.closureReason}</Text>
              <Input className='text-input' value={c.reason} maxlength={50} ariaLabel={V.availability.closureReason} onInput={(e) => setClosure(i, { reason: e.detail.value })} />
              <Button block size='large' className='big-button gap-above' onClick={() => setClosures((list) => list.filter((_, j) => j !== i))}>{V.availability.removeClosure}</Button>
            </View>
          ))}
          <Button block size='large' className='big-button' onClick={() => setClosures((list) => [...list, { from: '', to: '', reason: '' }])}>{V.availability.addClosure}</Button>

          {error ? <Text className='error-text' {...a11y('alert')}>{error}</Text> : null}
          <Button block size='large' type='primary' className='big-button gap-above' loading={saving} onClick={() => !saving && void save()}>{V.availability.save}</Button>
          {notice ? <Text className='notice-box gap-above' {...a11y('status')}>{notice}</Text> : null}
        </View>
      ) : null}
    </Screen>
  );
}
