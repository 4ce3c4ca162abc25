import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { usePullDownRefresh } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { a11y } from '../../../components/a11y';
import { ChipRow, ChoiceChip } from '../../../components/chip';
import { LoadError, Loading } from '../../../components/load-state';
import { errorText } from '../../../hooks/error-text';
import { useRefreshOnShow } from '../../../hooks/use-refresh-on-show';
import { useRequest } from '../../../hooks/use-request';
import { Screen } from '../../../components/screen';
import { useSession } from '../../../hooks/use-session';
import { call } from '../../../services/api';
import { platform } from '../../../services/platform';
import { ROLE_LABELS } from '../../../texts';
import { QueueRowView } from '../../components/queue-row';
import { CaseNumberSearch } from '../../components/case-number-search';
import { QUEUES_BY_ROLE, STATS_ROLES } from '@gridtong/shared/case/desk';
import { WARNING_STAGE_LABELS } from '@gridtong/shared/deadlines/labels';
import { byUrgency, countByStage, STAGE_ORDER, type WorkCaseRow, type WorkQueue } from '../../services/desk-model';
import { WORKER_PAGES } from '../../services/pages';
import type { CaseStatus } from '@gridtong/shared/schemas/case';
import { isGridStaff } from '@gridtong/shared/schemas/role-groups';
import { QUEUE_LABELS, W } from '../../texts';
import { V } from '../../visits-texts';
import '../../components/desk.css';

type QueueState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; rows: WorkCaseRow[]; nextCursor: string | null };

/** 待立案: reports the grid has not filed or refused yet. */
const TO_FILE: readonly CaseStatus[] = ['submitted', 'needsInfo'];

/** The worker desk: the caller's queues, most urgent first, with the deadline lights counted. */
export default function WorkerDeskPage() {
  const current = useSession({ required: true });
  const role = current?.user.role ?? 'resident';
  const queues = QUEUES_BY_ROLE[role];
  const [active, setActive] = useState<WorkQueue | undefined>(queues[0]);
  const [now, setNow] = useState(() => Date.now());
  const [toFileOnly, setToFileOnly] = useState(false);
  const pageOf = (q: WorkQueue, cursor?: string) =>
    call('list-work-cases', { query: { queue: q, status: q === 'grid' && toFileOnly ? TO_FILE.join(',') : undefined, cursor } });

  // Every queue at once; one that fails shows its own error next to the others. The filter
  // changes what the grid queue holds: the queues are read again when it changes.
  const desk = useRequest(async () => {
    setNow(Date.now());
    const states = await Promise.all(
      queues.map(async (q): Promise<[WorkQueue, QueueState]> => {
        try {
          const page = await pageOf(q);
          return [q, { status: 'ready', rows: page.cases, nextCursor: page.nextCursor }];
        } catch (e) {
          return [q, { status: 'error', message: errorText(e) }];
        }
      }),
    );
    return Object.fromEntries(states) as Partial<Record<WorkQueue, QueueState>>;
  }, [queues, toFileOnly]);
  // The unread count is a hint: a failure here must not hide the queues.
  const inbox = useRequest(() => call('list-messages'), []);
  const states = desk.state.data ?? {};
  const unread = inbox.state.data?.unreadCount ?? 0;

  const loadAll = () => Promise.all([desk.refresh(), inbox.refresh()]);
  // Coming back from a case (after acting on it) shows the queues as they are now.
  useRefreshOnShow(desk);
  useRefreshOnShow(inbox);
  usePullDownRefresh(() => {
    void loadAll().finally(() => platform.stopPullDownRefresh());
  });

  const loadMore = async (q: WorkQueue, cursor: string) => {
    try {
      const page = await pageOf(q, cursor);
      const prev = states[q];
      const rows = prev?.status === 'ready' ? prev.rows : [];
      desk.set({ ...states, [q]: { status: 'ready', rows: [...rows, ...page.cases], nextCursor: page.nextCursor } });
    } catch (e) {
      platform.toast(errorText(e));
    }
  };

  const open = (id: string) => platform.navigateTo(`${WORKER_PAGES.case}?id=${encodeURIComponent(id)}`);
  const state = active ? states[active] : undefined;

  return (
    <Screen className='wd-page'>
      <View className='wd-head'>
        <Text className='wd-title' {...a11y('heading')}>{`${W.desk.title} · ${ROLE_LABELS[role]}`}</Text>
        <View className='wd-links'>
          <Text className='wd-link' {...a11y('link', W.messages.link(unread))} onClick={() => platform.navigateTo(WORKER_PAGES.messages)}>{W.messages.link(unread)}</Text>
          {STATS_ROLES.includes(role) ? (
            <Text className='wd-link' {...a11y('link', W.desk.stats)} onClick={() => platform.navigateTo(WORKER_PAGES.stats)}>{W.desk.stats}</Text>
          ) : null}
              {/* The grid's workers run their 代办 home visits from here. */}
              {isGridStaff(role) ? (
            <Text className='wd-link' {...a11y('link', V.link)} onClick={() => platform.navigateTo(WORKER_PAGES.visits)}>{V.link}</Text>
          ) : null}
          <Text className='wd-link' {...a11y('button', W.desk.refresh)} onClick={() => void loadAll()}>{W.desk.refresh}</Text>
        </View>
      </View>

      <CaseNumberSearch onOpen={open} />
      {queues.length === 0 ? <Text className='hint'>{W.desk.noQueues}</Text> : null}
      {queues.length > 1 ? (
        <ChipRow role='tablist' scroll>
          {queues.map((q) => {
            const s = states[q];
            const n = s?.status === 'ready' ? `${s.rows.length}${s.nextCursor ? '+' : ''}` : '…';
            return (
              <ChoiceChip key={q} role='tab' className='wd-tab' on={q === active} label={`${QUEUE_LABELS[q]} ${n}`} onPick={() => setActive(q)}>
                {`${QUEUE_LABELS[q]} ${n}`}
              </ChoiceChip>
            );
          })}
        </ChipRow>
      ) : active ? (
        <Text className='wd-card-title'>{QUEUE_LABELS[active]}</Text>
      ) : null}

      {active === 'grid' ? (
        <ChipRow label={W.desk.filter}>
          <ChoiceChip on={!toFileOnly} label={W.desk.all} onPick={() => setToFileOnly(false)}>{W.desk.all}</ChoiceChip>
          <ChoiceChip on={toFileOnly} label={W.desk.toFile} onPick={() => setToFileOnly(true)}>{W.desk.toFile}</ChoiceChip>
        </ChipRow>
      ) : null}
      {active && (!state || state.status === 'loading') ? <Loading /> : null}
      {active && state?.status === 'error' ? <LoadError title={W.desk.loadFailed} message={state.message} onRetry={() => void loadAll()} /> : null}
      {active && state?.status === 'ready' ? (
        <QueueList rows={state.rows} now={now} onOpen={open} showDepartment={active === 'dispatch' || active === 'grid'} more={state.nextCursor ? () => void loadMore(active, state.nextCursor!) : undefined} />
      ) : null}
    </Screen>
  );
}

function QueueList({ rows, now, onOpen, more, showDepartment }: { rows: WorkCaseRow[]; now: number; onOpen: (id: string) => void; more?: () => void; showDepartment: boolean }) {
  if (rows.length === 0) return <View className='state'><Text className='state-text'>{W.desk.empty}</Text></View>;
  const counts = countByStage(rows);
  const sorted = [...rows].sort(byUrgency);
  return (
    <View>
      <View className='wd-counts' {...a11y('list', W.desk.stageCounts)}>
        {STAGE_ORDER.map((stage) => (
          <View key={stage} className={`wd-count wd-stage--${stage}`} {...a11y('listitem', `${WARNING_STAGE_LABELS[stage]} ${counts[stage]}`)}>
            <Text className='wd-count-n'>{counts[stage]}</Text>
            <Text className='wd-count-label'>{WARNING_STAGE_LABELS[stage]}</Text>
          </View>
        ))}
      </View>
      <View {...a11y('list', W.desk.summary(rows.length))}>
        {sorted.map((row) => <QueueRowView key={row.id} row={row} now={now} onOpen={onOpen} showDepartment={showDepartment} />)}
      </View>
      {more ? (
        <Button block size='large' className='big-button' onClick={more}>{W.desk.more}</Button>
      ) : null}
    </View>
  );
}
