import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { CatalogItem } from '@gridtong/shared/schemas/catalog';
import { a11y } from '../../components/a11y';
import { LoadError, Loading } from '../../components/load-state';
import { loadCatalog } from '../../services/catalog';
import { platform } from '../../services/platform';
import { PAGES } from '../../services/routes';
import { KIND_LABELS, T } from '../../texts';

type State = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; item: CatalogItem | undefined };

/** Placeholder for the reporting flow: shows the item the resident picked. */
export default function ReportPage() {
  const [code] = useState(() => platform.pageParams().code ?? '');
  const [state, setState] = useState<State>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    loadCatalog(undefined, { refresh: attempt > 0 }).then(
      (c) => live && setState({ status: 'ready', item: c.items.find((i) => i.code === code) }),
      (e: unknown) => live && setState({ status: 'error', message: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, [code, attempt]);

  return (
    <View className='page'>
      <Text className='page-title' {...a11y('heading')}>{T.report.title}</Text>
      {state.status === 'loading' ? <Loading /> : null}
      {state.status === 'error' ? <LoadError title={T.home.loadFailed} message={state.message} onRetry={() => setAttempt((n) => n + 1)} /> : null}
      {state.status === 'ready' && state.item ? (
        <View className='card' {...a11y('region', T.report.chosen)}>
          <Text className='hint'>{T.report.chosen}</Text>
          <Text className='page-title'>{`${state.item.icon} ${state.item.name}`}</Text>
          <Text className='hint'>{`${KIND_LABELS[state.item.kind]} · ${state.item.category}`}</Text>
          {state.item.description ? <Text className='hint'>{state.item.description}</Text> : null}
        </View>
      ) : null}
      {state.status === 'ready' ? <Text className='hint'>{state.item ? T.report.comingSoon : T.report.unknownItem}</Text> : null}
      <Button block size='large' className='big-button' onClick={() => platform.switchTab(PAGES.home)}>
        {T.report.back}
      </Button>
    </View>
  );
}
