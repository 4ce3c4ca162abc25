import type { CatalogItem } from '@gridtong/shared/schemas/catalog';
import type { CatalogResponse } from '@gridtong/shared/api/contracts';
import { KIND_LABELS } from '../texts';
import { api, type ApiClient } from './api';

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

/**
 * The 点菜 menu: active items grouped by kind (部件 then 事件) and then by category,
 * categories and items in the order the catalog lists them.
 */
export function groupCatalog(items: readonly CatalogItem[]): KindGroup[] {
  return KIND_ORDER.map((kind) => {
    const categories: CategoryGroup[] = [];
    for (const item of items) {
      if (item.kind !== kind || item.active === false) continue;
      let group = categories.find((c) => c.name === item.category);
      if (!group) {
        group = { name: item.category, items: [] };
        categories.push(group);
      }
      group.items.push(item);
    }
    return { kind, label: KIND_LABELS[kind], categories };
  }).filter((k) => k.categories.length > 0);
}

let cached: Promise<CatalogResponse> | undefined;

/** The catalog changes rarely: fetch it once per app run, again after a failure. */
export function loadCatalog(client: ApiClient = api, { refresh = false } = {}): Promise<CatalogResponse> {
  if (!cached || refresh) {
    const p = client.catalog();
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
