import { useCallback, useEffect, useRef, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { a11y } from '../../../components/a11y';
import { LoadError, Loading } from '../../../components/load-state';
import { useSession } from '../../../hooks/use-session';
import { platform } from '../../../services/platform';
import { ROLE_LABELS } from '../../../texts';
import { QueueRowView } from '../../components/queue-row';
import { QUEUES_BY_ROLE, STATS_ROLES } from '@gridtong/shared/case/desk';
import { byUrgency, countByStage, STAGE_ORDER } from '../../services/desk-model';
import { WORKER_PAGES } from '../../services/pages';
import { workApi } from '../../services/work-api';
import type { CaseStatus } from '@gridtong/shared/schemas/case';
import { isGridStaff } from '@gridtong/shared/schemas/roles';
import type { QueueRow, WorkQueue } from '../../services/work-types';
import { QUEUE_LABELS, STAGE_LABELS, W } from '../../texts';
import { V } from '../../visits-texts';
import '../../components/desk.css';

type QueueState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; rows: QueueRow[]; nextCursor: string | null };

/** 待立案: reports the grid has not filed or refused yet. */
const TO_FILE: readonly CaseStatus[] = ['submitted', 'needsInfo'];

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** The worker desk: the caller's queues, most urgent first, with the deadline lights counted. */
export default function WorkerDeskPage() {
  const current = useSession({ required: true });
  const role = current?.user.role ?? 'resident';
  const queues = QUEUES_BY_ROLE[role];
  const [active, setActive] = useState<WorkQueue | undefined>(queues[0]);
  const [states, setStates] = useState<Partial<Record<WorkQueue, QueueState>>>({});
  const [now, setNow] = useState(() => Date.now());
  const [toFileOnly, setToFileOnly] = useState(false);
  const [unread, setUnread] = useState(0);
  const generation = useRef(0);
  const filterOf = useCallback((q: WorkQueue) => (q === 'grid' && toFileOnly ? TO_FILE : undefined), [toFileOnly]);

  const loadAll = useCallback(async () => {
    const run = ++generation.current;
    setNow(Date.now());
    // The unread count is a hint: a failure here must not hide the queues.
    workApi.messages().then((page) => run === generation.current && setUnread(page.unreadCount), () => undefined);
    await Promise.all(
      queues.map(async (q) => {
        setStates((s) => ({ ...s, [q]: s[q]?.status === 'ready' ? s[q] : { status: 'loading' } }));
        try {
          const page = await workApi.queue(q, undefined, filterOf(q));
          if (run === generation.current) setStates((s) => ({ ...s, [q]: { status: 'ready', rows: page.rows, nextCursor: page.nextCursor } }));
        } catch (e) {
          if (run === generation.current) setStates((s) => ({ ...s, [q]: { status: 'error', message: messageOf(e) } }));
        }
      }),
    );
  }, [queues, filterOf]);

  // The filter changes what the grid queue holds: read it again.
  const firstRun = useRef(true);
  useEffect(() => {
    if (firstRun.current) {
      firstRun.current = false;
      return;
    }
    void loadAll();
  }, [toFileOnly]);

  // Coming back from a case (after acting on it) shows the queues as they are now.
  useDidShow(() => {
    void loadAll();
  });
  usePullDownRefresh(() => {
    void loadAll().finally(() => platform.stopPullDownRefresh());
  });

  const loadMore = async (q: WorkQueue, cursor: string) => {
    try {
      const page = await workApi.queue(q, cursor, filterOf(q));
      setStates((s) => {
        const prev = s[q];
        const rows = prev?.status === 'ready' ? prev.rows : [];
        return { ...s, [q]: { status: 'ready', rows: [...rows, ...page.rows], nextCursor: page.nextCursor } };
      });
    } catch (e) {
      platform.toast(messageOf(e));
    }
  };

  const open = (id: string) => platform.navigateTo(`${WORKER_PAGES.case}?id=${encodeURIComponent(id)}`);
  const state = active ? states[active] : undefined;

  return (
    <View className='wd-page'>
      <View className='wd-head'>
        <Text className='wd-title' {...a11y('heading')}>{`${W.desk.title} · ${ROLE_LABELS[role]}`}</Text>
        <View className='wd-head'>
          <Text className='wd-link' {...a11y('link', W.messages.link(unread))} onClick={() => platform.navigateTo(WORKER_PAGES.messages)}>{W.messages.link(unread)}</Text>
          {STATS_ROLES.includes(role) ? (
            <Text className='wd-link' {...a11y('link', W.desk.stats)} onClick={() => platform.navigateTo(WORKER_PAGES.stats)}>{W.desk.stats}</Text>
          ) : null}
          {/* 代办 visits: the grid's workers run their home visits from here */}
          {isGridStaff(role) ? (
            <Text className='wd-link' {...a11y('link', V.link)} onClick={() => platform.navigateTo(WORKER_PAGES.visits)}>{V.link}</Text>
          ) : null}
          <Text className='wd-link' {...a11y('button', W.desk.refresh)} onClick={() => void loadAll()}>{W.desk.refresh}</Text>
        </View>
      </View>

      {queues.length === 0 ? <Text className='hint'>{W.desk.noQueues}</Text> : null}
      {queues.length > 1 ? (
        <View className='wd-tabs' {...a11y('tablist')}>
          {queues.map((q) => {
            const s = states[q];
            const n = s?.status === 'ready' ? `${s.rows.length}${s.nextCursor ? '+' : ''}` : '…';
            const on = q === active;
            return (
              <View key={q} className={`wd-tab${on ? ' wd-tab--on' : ''}`} {...a11y('tab', `${QUEUE_LABELS[q]} ${n}`)} aria-selected={on ? 'true' : 'false'} onClick={() => setActive(q)}>
                {`${QUEUE_LABELS[q]} ${n}`}
              </View>
            );
          })}
        </View>
      ) : active ? (
        <Text className='wd-card-title'>{QUEUE_LABELS[active]}</Text>
      ) : null}

      {active === 'grid' ? (
        <View className='wd-chips wd-filter' {...a11y('radiogroup', W.desk.filter)}>
          <View className={`wd-chip${toFileOnly ? '' : ' wd-chip--on'}`} {...a11y('radio', W.desk.all)} aria-checked={toFileOnly ? 'false' : 'true'} onClick={() => setToFileOnly(false)}>{W.desk.all}</View>
          <View className={`wd-chip${toFileOnly ? ' wd-chip--on' : ''}`} {...a11y('radio', W.desk.toFile)} aria-checked={toFileOnly ? 'true' : 'false'} onClick={() => setToFileOnly(true)}>{W.desk.toFile}</View>
        </View>
      ) : null}
      {active && (!state || state.status === 'loading') ? <Loading /> : null}
      {active && state?.status === 'error' ? <LoadError title={W.desk.loadFailed} message={state.message} onRetry={() => void loadAll()} /> : null}
      {active && state?.status === 'ready' ? (
        <QueueList rows={state.rows} now={now} onOpen={open} showDepartment={active === 'dispatch' || active === 'grid'} more={state.nextCursor ? () => void loadMore(active, state.nextCursor!) : undefined} />
      ) : null}
    </View>
  );
}

function QueueList({ rows, now, onOpen, more, showDepartment }: { rows: QueueRow[]; now: number; onOpen: (id: string) => void; more?: () => void; showDepartment: boolean }) {
  if (rows.length === 0) return <View className='state'><Text className='state-text'>{W.desk.empty}</Text></View>;
  const counts = countByStage(rows);
  const sorted = [...rows].sort(byUrgency);
  return (
    <View>
      <View className='wd-counts' {...a11y('list', W.desk.stageCounts)}>
        {STAGE_ORDER.map((stage) => (
          <View key={stage} className={`wd-count wd-stage--${stage}`} {...a11y('listitem', `${STAGE_LABELS[stage]} ${counts[stage]}`)}>
            <Text className='wd-count-n'>{counts[stage]}</Text>
            <Text className='wd-count-label'>{STAGE_LABELS[stage]}</Text>
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
