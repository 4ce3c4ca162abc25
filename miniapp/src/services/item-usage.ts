import { platform } from './platform';

/** How often this resident reported each item, on this phone: the menu puts the most used first. */
const KEY = 'gridtong.itemUse';

export function itemUseCounts(): Record<string, number> {
  try {
    const parsed = JSON.parse(platform.getItem(KEY) ?? '{}') as unknown;
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, number>) : {};
  } catch {
    return {};
  }
}

export function recordItemUse(code: string): void {
  const counts = itemUseCounts();
  counts[code] = (counts[code] ?? 0) + 1;
  platform.setItem(KEY, JSON.stringify(counts));
}
