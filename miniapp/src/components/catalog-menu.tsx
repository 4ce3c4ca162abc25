import { useState } from 'react';
import { Input, View, Text } from '@tarojs/components';
import type { CatalogItem } from '@gridtong/shared/schemas/catalog';
import { useCatalog } from '../hooks/use-catalog';
import { CITY_HOTLINE } from '@gridtong/shared/report/hotlines';
import { frequentItems, groupCatalog, otherItem, searchCatalog } from '../services/catalog';
import { itemUseCounts } from '../services/item-usage';
import { platform } from '../services/platform';
import { PAGES } from '../services/routes';
import { T } from '../texts';
import { a11y } from './a11y';
import { LoadError, Loading } from './load-state';
import { HotlineButton } from './safety-notice';
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

/** A search result: the item with what it covers, so the resident can tell close ones apart. */
function FoundItem({ item }: { item: CatalogItem }) {
  return (
    <View className='found-item tap' {...a11y('button', item.name)} onClick={() => platform.navigateTo(reportUrl(item))}>
      <Text className='menu-icon found-icon' {...a11y('presentation')}>{item.icon}</Text>
      <View className='found-text'>
        <Text className='menu-name found-name'>{item.name}</Text>
        {item.description ? <Text className='found-description'>{item.description}</Text> : null}
      </View>
    </View>
  );
}

/** Nothing matched: 其他问题 and the city hotline, never a dead end. */
function NoMatch({ other }: { other: CatalogItem | undefined }) {
  return (
    <View className='no-match' {...a11y('status')}>
      <Text className='state-text'>{T.menu.noMatch}</Text>
      <Text className='hint'>{T.menu.noMatchHint}</Text>
      {other ? <FoundItem item={other} /> : null}
      <HotlineButton hotline={CITY_HOTLINE} />
    </View>
  );
}

/** The 点菜 menu of everything a resident can report: 部件 and 事件, each by category. */
export function CatalogMenu() {
  const { state, retry } = useCatalog();
  const [query, setQuery] = useState('');
  const [counts] = useState(itemUseCounts);
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <LoadError title={T.home.loadFailed} message={state.message} onRetry={retry} />;

  const groups = groupCatalog(state.catalog.items);
  if (groups.length === 0) return <View className='state'><Text className='state-text'>{T.home.empty}</Text></View>;
  const found = searchCatalog(state.catalog.items, query);
  const frequent = frequentItems(state.catalog.items, counts);
  return (
    <View>
      <Input
        className='text-input menu-search'
        type='text'
        confirmType='search'
        value={query}
        placeholder={T.menu.search}
        ariaLabel={T.menu.searchLabel}
        onInput={(e) => setQuery(e.detail.value)}
      />
      {query.trim() ? (
        <View className='category' {...a11y('region', T.menu.searchLabel)}>
          {found.length === 0 ? <NoMatch other={otherItem(state.catalog.items)} /> : null}
          {found.map((item) => <FoundItem key={item.code} item={item} />)}
        </View>
      ) : null}
      {!query.trim() && frequent.length > 0 ? (
        <View className='kind' {...a11y('region', T.menu.frequent)}>
          <Text className='kind-title' {...a11y('heading')}>{T.menu.frequent}</Text>
          <View className='menu-grid'>
            {frequent.map((item) => <MenuItem key={item.code} item={item} />)}
          </View>
        </View>
      ) : null}
      {query.trim() ? null : groups.map((kind) => (
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
