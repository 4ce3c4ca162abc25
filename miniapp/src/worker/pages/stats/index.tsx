import { useCallback, useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { usePullDownRefresh } from '@tarojs/taro';
import { SATISFACTION_LABELS } from '@gridtong/shared/labels';
import { a11y } from '../../../components/a11y';
import { ChipRow, ChoiceChip } from '../../../components/chip';
import { LoadError, Loading } from '../../../components/load-state';
import { Screen } from '../../../components/screen';
import { useSession } from '../../../hooks/use-session';
import { platform } from '../../../services/platform';
import { BarChart, type Bar } from '../../components/bar-chart';
import { Kpi } from '../../components/kpi';
import { VisitFigures } from '../../components/visit-figures';
import { V } from '../../visits-texts';
import { lastDays, onTimeShare, percent } from '../../services/desk-model';
import { workApi } from '../../services/work-api';
import type { StatsReport } from '../../services/work-types';
import { W } from '../../texts';
import '../../components/desk.css';

type State = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; report: StatsReport };

const RANGES = [7, 30] as const;


const share = (n: number | null): number => (n === null ? 0 : n * 100);
const VISIT_ROLES: readonly string[] = ['gridWorker', 'gridLeader', 'supervisor', 'dispatcher', 'admin'];

/** 考核 figures for the caller's own scope: on time, overdue, returns, satisfaction. */
export default function WorkStatsPage() {
  const current = useSession({ required: true });
  const scope = current?.user.areas[0] ?? current?.user.departmentId ?? '';
  const [days, setDays] = useState<(typeof RANGES)[number]>(7);
  const [state, setState] = useState<State>({ status: 'loading' });

  const load = useCallback(async () => {
    setState((s) => (s.status === 'ready' ? s : { status: 'loading' }));
    try {
      const report = await workApi.stats({ scope, ...lastDays(Date.now(), days) });
      setState({ status: 'ready', report });
    } catch (e) {
      setState({ status: 'error', message: e instanceof Error ? e.message : String(e) });
    }
  }, [scope, days]);

  useEffect(() => {
    void load();
  }, [load]);
  usePullDownRefresh(() => {
    void load().finally(() => platform.stopPullDownRefresh());
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
      {state.status === 'error' ? <LoadError title={W.stats.loadFailed} message={state.message} onRetry={() => void load()} /> : null}
      {state.status === 'ready' ? <Report report={state.report} /> : null}
      {current && VISIT_ROLES.includes(current.user.role) && current.user.areas[0] ? (
        <VisitFigures scope={current.user.areas[0]} days={days} title={V.figures.area} token={current.token} />
      ) : null}
    </Screen>
  );
}

function Report({ report }: { report: StatsReport }) {
  const t = report.totals;
  const onTime = onTimeShare(t);
  const rates: Bar[] = [
    { label: W.stats.onTimeRate, value: share(onTime), text: percent(onTime), tone: 'good' },
    { label: W.stats.responseRate, value: share(report.responseRate), text: percent(report.responseRate) },
    { label: W.stats.resolutionRate, value: share(report.resolutionRate), text: percent(report.resolutionRate) },
    { label: W.stats.satisfaction, value: share(report.satisfactionRate), text: percent(report.satisfactionRate), tone: 'good' },
  ];
  const ratingBars: Bar[] = (Object.keys(SATISFACTION_LABELS) as (keyof typeof SATISFACTION_LABELS)[]).map((level) => ({
    label: SATISFACTION_LABELS[level],
    value: report.ratings[level],
    text: String(report.ratings[level]),
    tone: level === 'dissatisfied' || level === 'veryDissatisfied' ? 'bad' : 'good',
  }));
  const dayBars: Bar[] = report.days.map((d) => ({
    label: d.date.slice(5),
    value: d.received,
    text: W.stats.dayLine(d.received, d.closed, d.overdue),
    tone: d.overdue > 0 ? 'warn' : undefined,
  }));
  return (
    <View>
      <Text className='wd-muted'>{`${report.scopeName} · ${W.stats.range(report.from, report.to)}`}</Text>
      <View className='wd-kpis'>
        <Kpi label={W.stats.onTimeRate} value={percent(onTime)} />
        <Kpi label={W.stats.overdue} value={String(t.overdue ?? 0)} />
        <Kpi label={W.stats.returned} value={String(t.returned ?? 0)} />
        <Kpi label={W.stats.satisfaction} value={percent(report.satisfactionRate)} />
        <Kpi label={W.stats.received} value={String(t.received ?? 0)} />
        <Kpi label={W.stats.meanHandling} value={report.meanHandlingHours === null ? W.stats.none : W.stats.hours(report.meanHandlingHours)} />
      </View>
      <BarChart title={W.stats.rates} bars={rates} max={100} />
      <BarChart title={W.stats.ratings} bars={ratingBars} />
      {dayBars.length > 0 ? <BarChart title={W.stats.byDay} bars={dayBars} /> : <Text className='wd-muted'>{W.stats.noData}</Text>}
    </View>
  );
}
