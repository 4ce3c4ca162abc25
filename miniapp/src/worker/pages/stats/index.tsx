import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { usePullDownRefresh } from '@tarojs/taro';
import { SATISFACTION_LABELS } from '@gridtong/shared/labels';
import { a11y } from '../../../components/a11y';
import { ChipRow, ChoiceChip } from '../../../components/chip';
import { LoadError, Loading } from '../../../components/load-state';
import { useRequest } from '../../../hooks/use-request';
import { Screen } from '../../../components/screen';
import { useSession } from '../../../hooks/use-session';
import { call, type ResponseOf } from '../../../services/api';
import { platform } from '../../../services/platform';
import { BarChart, type Bar } from '../../components/bar-chart';
import { Kpi } from '../../components/kpi';
import { VisitFigures } from '../../components/visit-figures';
import { V } from '../../visits-texts';
import { lastDays, onTimeShare, percent, ratingCounts } from '../../services/desk-model';
import { W } from '../../texts';
import '../../components/desk.css';

type StatsReport = ResponseOf<'get-stats'>;

const RANGES = [7, 30] as const;


const share = (n: number | null): number => (n === null ? 0 : n * 100);
const VISIT_ROLES: readonly string[] = ['gridWorker', 'gridLeader', 'supervisor', 'dispatcher', 'admin'];

/** 考核 figures for the caller's own scope: on time, overdue, returns, satisfaction. */
export default function WorkStatsPage() {
  const current = useSession({ required: true });
  const scope = current?.user.areas[0] ?? current?.user.departmentId ?? '';
  const [days, setDays] = useState<(typeof RANGES)[number]>(7);
  const stats = useRequest(() => call('get-stats', { query: { scope, ...lastDays(Date.now(), days) } }), [scope, days]);
  const state = stats.state;
  usePullDownRefresh(() => {
    void stats.refresh().finally(() => platform.stopPullDownRefresh());
  });

  return (
    <Screen className='wd-page'>
      <View className='wd-head'>
        <Text className='wd-title' {...a11y('heading')}>{W.stats.title}</Text>
      </View>
      <ChipRow role='tablist' scroll>
        {RANGES.map((n) => (
          <ChoiceChip key={n} role='tab' className='wd-tab' on={n === days} label={n === 7 ? W.stats.last7 : W.stats.last30} onPick={() => setDays(n)}>
            {n === 7 ? W.stats.last7 : W.stats.last30}
          </ChoiceChip>
        ))}
      </ChipRow>
      {state.status === 'loading' ? <Loading /> : null}
      {state.status === 'error' ? <LoadError title={W.stats.loadFailed} message={state.error} onRetry={stats.retry} /> : null}
      {state.status === 'ready' ? <Report report={state.data} /> : null}
      {current && VISIT_ROLES.includes(current.user.role) && current.user.areas[0] ? (
        <VisitFigures scope={current.user.areas[0]} days={days} title={V.figures.area} token={current.token} />
      ) : null}
    </Screen>
  );
}

function Report({ report }: { report: StatsReport }) {
  const t = report.totals;
  const onTime = onTimeShare(t);
  const { responseRate, resolutionRate, satisfactionRate } = report.rates;
  const ratings = ratingCounts(t);
  const rates: Bar[] = [
    { label: W.stats.onTimeRate, value: share(onTime), text: percent(onTime), tone: 'good' },
    { label: W.stats.responseRate, value: share(responseRate), text: percent(responseRate) },
    { label: W.stats.resolutionRate, value: share(resolutionRate), text: percent(resolutionRate) },
    { label: W.stats.satisfaction, value: share(satisfactionRate), text: percent(satisfactionRate), tone: 'good' },
  ];
  const ratingBars: Bar[] = (Object.keys(SATISFACTION_LABELS) as (keyof typeof SATISFACTION_LABELS)[]).map((level) => ({
    label: SATISFACTION_LABELS[level],
    value: ratings[level],
    text: String(ratings[level]),
    tone: level === 'dissatisfied' || level === 'veryDissatisfied' ? 'bad' : 'good',
  }));
  const dayBars: Bar[] = report.days.map((d) => {
    const c = (name: string) => d.counters[name] ?? 0;
    return {
      label: d.date.slice(5),
      value: c('received'),
      text: W.stats.dayLine(c('received'), c('closed'), c('overdue')),
      tone: c('overdue') > 0 ? 'warn' : undefined,
    };
  });
  return (
    <View>
      <Text className='wd-muted'>{`${report.scope.name} · ${W.stats.range(report.from, report.to)}`}</Text>
      <View className='wd-kpis'>
        <Kpi label={W.stats.onTimeRate} value={percent(onTime)} />
        <Kpi label={W.stats.overdue} value={String(t.overdue ?? 0)} />
        <Kpi label={W.stats.returned} value={String(t.returned ?? 0)} />
        <Kpi label={W.stats.satisfaction} value={percent(satisfactionRate)} />
        <Kpi label={W.stats.received} value={String(t.received ?? 0)} />
        <Kpi label={W.stats.meanHandling} value={report.handling.meanHours === null ? W.stats.none : W.stats.hours(report.handling.meanHours)} />
      </View>
      <BarChart title={W.stats.rates} bars={rates} max={100} />
      <BarChart title={W.stats.ratings} bars={ratingBars} />
      {dayBars.length > 0 ? <BarChart title={W.stats.byDay} bars={dayBars} /> : <Text className='wd-muted'>{W.stats.noData}</Text>}
    </View>
  );
}
