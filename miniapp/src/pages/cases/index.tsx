import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { usePullDownRefresh } from '@tarojs/taro';
import { a11y } from '../../components/a11y';
import { Chip } from '../../components/chip';
import { ProgressChip } from '../../components/chip/progress-chip';
import { LoadError, Loading } from '../../components/load-state';
import { Screen } from '../../components/screen';
import { usePagedList } from '../../hooks/use-paged-list';
import { useRefreshOnShow } from '../../hooks/use-refresh-on-show';
import { useSession } from '../../hooks/use-session';
import { useUnreadBadge } from '../../hooks/use-unread-badge';
import { call } from '../../services/api';
import type { CaseListEntry } from '../../services/api-track';
import { caseProgress } from '../../services/case-progress';
import { caseNumberLine, formatTime } from '../../services/format';
import { platform } from '../../services/platform';
import { caseUrl, PAGES } from '../../services/routes';
import { T } from '../../texts';
import './index.css';

const PAGE_SIZE = '20';

function CaseRow({ c }: { c: CaseListEntry }) {
  const progress = caseProgress(c.status);
  const followed = c.relation === 'followed';
  const warning = c.warningStage !== 'none' ? c.warningLabel || T.cases.warning[c.warningStage] : undefined;
  return (
    <View
      className='card case-row'
      {...a11y('button', `${c.itemName}，${progress.tag}${followed ? `，${T.cases.followed}` : ''}`)}
      onClick={() => platform.navigateTo(caseUrl(c.id))}
    >
      <View className='case-row-head'>
        <Text className='case-row-name'>{c.itemName}</Text>
        <ProgressChip progress={progress} />
      </View>
      <View className='case-row-tags'>
        <Chip tone={followed ? 'accent' : 'muted'}>{followed ? T.cases.followed : T.cases.mine}</Chip>
        {warning ? <Chip tone='warn'>{warning}</Chip> : null}
      </View>
      {c.caseNumber ? <Text className='hint case-row-line case-number'>{caseNumberLine(c.caseNumber)}</Text> : null}
      {c.address ? <Text className='hint case-row-line'>{c.address}</Text> : null}
      <Text className='hint case-row-line'>{`${T.cases.reportedAt} ${formatTime(c.createdAt)}`}</Text>
      {c.nextDeadline ? <Text className='hint case-row-line'>{c.nextDeadline.label}</Text> : null}
    </View>
  );
}

/** 我的上报: cases I reported and cases I follow, newest first, pull to refresh, paged. */
export default function CasesPage() {
  const current = useSession({ required: true });
  useUnreadBadge();
  const list = usePagedList('cases', (cursor) => (current ? call('list-my-cases', { query: { limit: PAGE_SIZE, cursor } }) : undefined), [current?.token]);
  useRefreshOnShow(list);
  usePullDownRefresh(() => {
    void list.refresh().finally(() => platform.stopPullDownRefresh());
  });

  const data = list.state.data;
  return (
    <Screen>
      <Text className='page-title' {...a11y('heading')}>{T.cases.title}</Text>
      {list.state.status === 'loading' ? <Loading /> : null}
      {list.state.status === 'error' && !data ? <LoadError title={T.cases.loadFailed} message={list.state.error} onRetry={list.retry} /> : null}
      {list.state.status === 'error' && data ? <Text className='error-text' {...a11y('alert')}>{list.state.error}</Text> : null}
      {data && data.cases.length === 0 ? (
        <View className='state'>
          <Text className='state-text'>{T.cases.empty}</Text>
          <Button type='primary' size='large' className='big-button' onClick={() => platform.switchTab(PAGES.home)}>
            {T.cases.goReport}
          </Button>
        </View>
      ) : null}
      {data && data.cases.length > 0 ? (
        <View {...a11y('list', T.cases.title)}>
          {data.cases.map((c) => (
            <CaseRow key={c.id} c={c} />
          ))}
        </View>
      ) : null}
      {data && data.cases.length > 0 ? (
        <View className='list-foot'>
          {list.moreError ? <Text className='error-text' {...a11y('alert')}>{list.moreError}</Text> : null}
          {list.hasMore ? (
            <Button block size='large' className='big-button' loading={list.loadingMore} onClick={() => void list.loadMore()}>
              {T.cases.loadMore}
            </Button>
          ) : (
            <Text className='hint list-end'>{T.cases.noMore}</Text>
          )}
          <Button block size='large' className='big-button gap' loading={list.refreshing} onClick={() => void list.refresh()}>
            {T.cases.refresh}
          </Button>
        </View>
      ) : null}
    </Screen>
  );
}
