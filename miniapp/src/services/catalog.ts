import type { CatalogItem } from '@gridtong/shared/schemas/catalog';
import { OTHER_ITEM_CODE } from '@gridtong/shared/report/hotlines';
import { KIND_LABELS } from '../texts';
import { api, type ApiClient, type ResponseOf } from './api';

type CatalogResponse = ResponseOf<'get-catalog'>;

export interface CategoryGroup {
  name: string;
  items: CatalogItem[];
}

export interface KindGroup {
  kind: CatalogItem['kind'];
  label: string;
  categories: CategoryGroup[];
}

const KIND_ORDER: CatalogItem['kind'][] = ['component', 'event'];

/** The catch-all 其他问题, when the catalog offers it. */
export function otherItem(items: readonly CatalogItem[]): CatalogItem | undefined {
  return items.find((i) => i.code === OTHER_ITEM_CODE && i.active !== false);
}

/**
 * The 点菜 menu: active items grouped by kind (部件 then 事件) and then by category,
 * categories and items in the order the catalog lists them; 其他问题 always comes last.
 */
export function groupCatalog(items: readonly CatalogItem[]): KindGroup[] {
  const other = otherItem(items);
  const groups = KIND_ORDER.map((kind) => {
    const categories: CategoryGroup[] = [];
    for (const item of items) {
      if (item.kind !== kind || item.active === false || item === other) continue;
      let group = categories.find((c) => c.name === item.category);
      if (!group) {
        group = { name: item.category, items: [] };
        categories.push(group);
      }
      group.items.push(item);
    }
    return { kind, label: KIND_LABELS[kind], categories };
  }).filter((k) => k.categories.length > 0);
  if (other) {
    const last = groups.at(-1);
    const group = { name: other.category, items: [other] };
    if (last) last.categories.push(group);
    else groups.push({ kind: other.kind, label: KIND_LABELS[other.kind], categories: [group] });
  }
  return groups;
}

/** Items whose name, category or description contains the typed words (all of them). */
export function searchCatalog(items: readonly CatalogItem[], query: string): CatalogItem[] {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  return items.filter((i) => i.active !== false && words.every((w) => `${i.name} ${i.category} ${i.description}`.toLowerCase().includes(w)));
}

/** The resident's most used items, most used first (ties keep catalog order), at most `limit`. */
export function frequentItems(items: readonly CatalogItem[], counts: Record<string, number>, limit = 6): CatalogItem[] {
  return items
    .filter((i) => i.active !== false && (counts[i.code] ?? 0) > 0)
    .map((item, order) => ({ item, order, n: counts[item.code] ?? 0 }))
    .sort((a, b) => b.n - a.n || a.order - b.order)
    .slice(0, limit)
    .map((x) => x.item);
}

let cached: Promise<CatalogResponse> | undefined;

/** The catalog changes rarely: fetch it once per app run, again after a failure. */
export function loadCatalog(client: ApiClient = api, { refresh = false } = {}): Promise<CatalogResponse> {
  if (!cached || refresh) {
    const p = client.call('get-catalog');
    cached = p;
    p.catch(() => {
      if (cached === p) cached = undefined;
    });
  }
  return cached;
}

export function forgetCatalog(): void {
  cached = undefined;
}
