import { Text, View } from '@tarojs/components';
import { SATISFACTION_LABELS } from '@gridtong/shared/labels';
import { a11y } from '../../components/a11y';
import { LoadError, Loading } from '../../components/load-state';
import { useRequest } from '../../hooks/use-request';
import { BarChart, type Bar } from './bar-chart';
import { Kpi } from './kpi';
import { lastDays, percent } from '../services/desk-model';
import { call } from '../../services/api';
import type { VisitStats } from '../services/visits-api';
import { V } from '../visits-texts';
import './visits.css';

/**
 * 上门代办 figures for a scope (`me`, or an area code the caller covers) over the last `days`
 * Beijing days: booked, completed, cancelled, no-show, 满意率 and the five rating levels.
 */
export function VisitFigures({ scope, days, title, token }: { scope: string; days: number; title: string; token?: string }) {
  const stats = useRequest<VisitStats>(() => (token ? call('get-visit-stats', { query: { scope, ...lastDays(Date.now(), days) } }) : undefined), [token, scope, days]);
  return (
    <View className='wv-figures' {...a11y('region', title)}>
      <Text className='wd-card-title' {...a11y('heading')}>{title}</Text>
      {stats.state.status === 'loading' ? <Loading /> : null}
      {stats.state.status === 'error' && !stats.state.data ? <LoadError title={V.figures.loadFailed} message={stats.state.error} onRetry={stats.retry} /> : null}
      {stats.state.data ? <Figures s={stats.state.data} /> : null}
    </View>
  );
}

function Figures({ s }: { s: VisitStats }) {
  const t = s.totals;
  const levels = Object.keys(SATISFACTION_LABELS) as (keyof typeof SATISFACTION_LABELS)[];
  const ratingBars: Bar[] = levels.map((level) => ({
    label: SATISFACTION_LABELS[level],
    value: s.ratings[level] ?? 0,
    text: String(s.ratings[level] ?? 0),
    tone: level === 'dissatisfied' || level === 'veryDissatisfied' ? 'bad' : 'good',
  }));
  return (
    <View>
      <Text className='wd-muted'>{`${s.scope.name} · ${V.figures.range(s.from, s.to)}`}</Text>
      <View className='wd-kpis'>
        <Kpi label={V.figures.booked} value={String(t.booked)} />
        <Kpi label={V.figures.completed} value={String(t.completed)} />
        <Kpi label={V.figures.cancelled} value={String(t.cancelled)} />
        <Kpi label={V.figures.noShow} value={String(t.noShow)} />
        <Kpi label={V.figures.satisfaction} value={percent(s.satisfactionRate)} />
        <Kpi label={V.figures.rated} value={String(t.rated)} />
      </View>
      {t.rated > 0 ? <BarChart title={V.figures.ratings} bars={ratingBars} /> : <Text className='wd-muted'>{V.figures.noRatings}</Text>}
    </View>
  );
}
