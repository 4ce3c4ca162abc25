import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { usePullDownRefresh } from '@tarojs/taro';
import { a11y } from '../../../components/a11y';
import { ChipRow, ChoiceChip } from '../../../components/chip';
import { LoadError, Loading } from '../../../components/load-state';
import { Screen } from '../../../components/screen';
import { useRequest } from '../../../hooks/use-request';
import { errorText } from '../../../hooks/error-text';
import { useRefreshOnShow } from '../../../hooks/use-refresh-on-show';
import { useSession } from '../../../hooks/use-session';
import { platform } from '../../../services/platform';
import { VisitCard } from '../../components/visit-card';
import { WORKER_PAGES } from '../../services/pages';
import { formatDayLabel } from '@gridtong/shared/deadlines/beijing-format';
import { call } from '../../../services/api';
import { beijingDay, type WorkDay } from '../../services/visits-api';
import { V } from '../../visits-texts';
import '../../components/visits.css';

/** The Beijing date `by` days after `date` ('YYYY-MM-DD'). */
const shiftDay = (date: string, by: number) => new Date(Date.parse(`${date}T00:00:00Z`) + by * 86_400_000).toISOString().slice(0, 10);

/** The next days after the server's today, as 'YYYY-MM-DD'. */
function daysFrom(today: string, n: number): string[] {
  const base = Date.parse(`${today}T00:00:00Z`);
  return Array.from({ length: n }, (_, i) => new Date(base + i * 86_400_000).toISOString().slice(0, 10));
}

type Ahead = NonNullable<WorkDay['ahead']>;

/** A called-off visit no longer holds its day; one still 待确认 counts as waiting. */
const contribution = (b: WorkDay['bookings'][number]) => ({
  date: beijingDay(Date.parse(b.start)),
  visits: b.status === 'declined' || b.status === 'cancelled' ? 0 : 1,
  toConfirm: b.status === 'requested' ? 1 : 0,
});

/** The day strip after one visit changed (confirmed, moved, declined…), without asking the server again. */
function recount(ahead: Ahead, before: WorkDay['bookings'][number], after: WorkDay['bookings'][number]): Ahead {
  const was = contribution(before);
  const now = contribution(after);
  return ahead.map((d) => ({
    ...d,
    visits: d.visits - (d.date === was.date ? was.visits : 0) + (d.date === now.date ? now.visits : 0),
    toConfirm: d.toConfirm - (d.date === was.date ? was.toConfirm : 0) + (d.date === now.date ? now.toConfirm : 0),
  }));
}

/** 上门代办: one day's visits in time order, each with its materials and its next step. */
export default function VisitsPage() {
  const current = useSession({ required: true });
  const [day, setDay] = useState<string | undefined>();
  const [today, setToday] = useState<string | undefined>();
  const [notice, setNotice] = useState<string | undefined>();
  // Opened from a message or a subscribe message (?booking=<id>): that visit's day, its card marked.
  const [focus] = useState(() => platform.pageParams().booking);
  const [locating, setLocating] = useState(!!focus);
  const token = current?.token;
  useEffect(() => {
    if (!token || !focus) return;
    let live = true;
    call('get-work-booking', { params: { id: focus } }).then(
      (v) => {
        if (!live) return;
        setDay(beijingDay(Date.parse(v.start)));
        setLocating(false);
      },
      (e: unknown) => {
        if (!live) return;
        setNotice(V.focusMissing(errorText(e)));
        setLocating(false);
      },
    );
    return () => {
      live = false;
    };
  }, [token, focus]);
  // Without a day the server answers its own today (Beijing): the phone's clock is not trusted.
  // Today is asked for once, so a visit opened on another day still has 回到今天 and the 14 days.
  // The next 14 days' counts (every answer carries them): the day strip shows what waits where.
  const [ahead, setAhead] = useState<Ahead>([]);
  const visits = useRequest<WorkDay>(
    () => (current && !locating ? call('list-work-bookings', { query: { day } }).then((d) => (setToday((t) => t ?? (day ? undefined : d.day)), setAhead(d.ahead ?? []), d)) : undefined),
    [current?.token, day, locating],
  );
  useEffect(() => {
    if (!token || today || !day || locating) return;
    void call('list-work-bookings').then((d) => (setToday((t) => t ?? d.day), setAhead(d.ahead ?? [])), () => undefined);
  }, [token, today, day, locating]);
  const focusShown = !!focus && !!visits.state.data?.bookings.some((b) => b.id === focus);
  useEffect(() => {
    if (focusShown && focus) platform.scrollToSelector(`#visit-${focus}`);
  }, [focusShown, focus]);
  useRefreshOnShow(visits);
  usePullDownRefresh(() => {
    void visits.refresh().finally(() => platform.stopPullDownRefresh());
  });

  const data = visits.state.data;
  const shown = data?.day ?? day;
  return (
    <Screen className='wv elder-floor'>
      <Text className='page-title' {...a11y('heading')}>{V.title}</Text>
      <View className='wv-links'>
        <Text className='wv-link' {...a11y('link', V.availabilityLink)} onClick={() => platform.navigateTo(WORKER_PAGES.availability)}>{V.availabilityLink}</Text>
        <Text className='wv-link' {...a11y('link', V.figuresLink)} onClick={() => platform.navigateTo(WORKER_PAGES.visitStats)}>{V.figuresLink}</Text>
        <Text className='wv-link' {...a11y('button', V.refresh)} onClick={() => void visits.refresh()}>{V.refresh}</Text>
      </View>
      {today && shown ? (
        <View className='button-row'>
          <Button size='large' className='big-button' onClick={() => setDay(shiftDay(shown, -1))}>{V.previousDay}</Button>
          <Button size='large' className='big-button' onClick={() => setDay(today)}>{V.backToToday}</Button>
        </View>
      ) : null}
      {shown ? <Text className='wv-label' {...a11y('heading')}>{V.dayTitle(shown === today ? `${V.today} ${formatDayLabel(shown)}` : formatDayLabel(shown))}</Text> : null}
      {today ? (
        <ChipRow label={V.days} scroll>
          {daysFrom(today, 14).map((d, i) => {
            const on = d === shown;
            const label = i === 0 ? `${V.today} ${formatDayLabel(d)}` : formatDayLabel(d);
            const counts = ahead.find((a) => a.date === d);
            const spoken = counts && counts.visits > 0 ? `${label}，${V.aheadSpoken(counts.visits, counts.toConfirm)}` : label;
            return (
              <ChoiceChip key={d} tile className='wv-day' on={on} label={spoken} onPick={() => setDay(d)}>
                <Text>{label}</Text>
                {counts && counts.visits > 0 ? (
                  <Text className='wv-day-count'>
                    {V.aheadVisits(counts.visits)}
                    {counts.toConfirm > 0 ? <Text className='wv-day-confirm'>{` · ${V.aheadToConfirm(counts.toConfirm)}`}</Text> : null}
                  </Text>
                ) : null}
              </ChoiceChip>
            );
          })}
        </ChipRow>
      ) : null}
      {notice ? <Text className='notice-box' {...a11y('status')}>{notice}</Text> : null}
      {visits.state.status === 'loading' ? <Loading /> : null}
      {visits.state.status === 'error' && !data ? <LoadError title={V.loadFailed} message={visits.state.error} onRetry={visits.retry} /> : null}
      {data && data.bookings.length === 0 ? <Text className='hint'>{V.empty}</Text> : null}
      {data
        ? data.bookings.map((v) => (
          <VisitCard
            key={v.id}
            v={v}
            focused={v.id === focus}
            onChanged={(next, message) => {
              // A visit moved to another day leaves this one (the rest stay in time order), and
              // what happened is said at the top; otherwise the card itself says it.
              const moved = beijingDay(Date.parse(next.start)) !== data.day;
              setNotice(moved ? message : undefined);
              const bookings = data.bookings.flatMap((b) => (b.id !== next.id ? [b] : moved ? [] : [next]));
              visits.set({ ...data, bookings: bookings.sort((a, b) => Date.parse(a.start) - Date.parse(b.start)) });
              setAhead((a) => recount(a, v, next));
              if (moved) platform.scrollToTop();
            }}
          />
        ))
        : null}
    </Screen>
  );
}
