import { View, Text } from '@tarojs/components';
import type { CatalogItem } from '@gridtong/shared/schemas/catalog';
import { useCatalog } from '../hooks/use-catalog';
import { groupCatalog } from '../services/catalog';
import { platform } from '../services/platform';
import { PAGES } from '../services/routes';
import { T } from '../texts';
import { a11y } from './a11y';
import { LoadError, Loading } from './load-state';
import './catalog-menu.css';

export function reportUrl(item: CatalogItem): string {
  return `${PAGES.report}?code=${encodeURIComponent(item.code)}`;
}

function MenuItem({ item }: { item: CatalogItem }) {
  return (
    <View className='menu-item' {...a11y('button', item.name)} onClick={() => platform.navigateTo(reportUrl(item))}>
      <Text className='menu-icon' {...a11y('presentation')}>{item.icon}</Text>
      <Text className='menu-name'>{item.name}</Text>
    </View>
  );
}

/** The 点菜 menu of everything a resident can report: 部件 and 事件, each by category. */
export function CatalogMenu() {
  const { state, retry } = useCatalog();
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <LoadError title={T.home.loadFailed} message={state.message} onRetry={retry} />;

  const groups = groupCatalog(state.catalog.items);
  if (groups.length === 0) return <View className='state'><Text className='state-text'>{T.home.empty}</Text></View>;
  return (
    <View>
      {groups.map((kind) => (
        <View key={kind.kind} className='kind' {...a11y('region', kind.label)}>
          <Text className='kind-title' {...a11y('heading')}>{kind.label}</Text>
          {kind.categories.map((category) => (
            <View key={category.name} className='category' {...a11y('group', `${kind.label}·${category.name}`)}>
              <Text className='category-title' {...a11y('heading')}>{category.name}</Text>
              <View className='menu-grid'>
                {category.items.map((item) => <MenuItem key={item.code} item={item} />)}
              </View>
            </View>
          ))}
        </View>
      ))}
    </View>
  );
}
