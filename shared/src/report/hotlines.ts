/*
 * Numbers a resident can call at once, in a zod-free module the mini-program imports.
 */

/** A number to call at once, e.g. 燃气抢修 or 119, with a district's own number where it differs. */
export interface Hotline {
  name: string;
  number: string;
  /** District code → that district's number (a gas company per district). */
  byDistrict?: Record<string, string> | undefined;
}

/** The number to dial in a district: its own where it has one, the common one otherwise. */
export function hotlineNumber(hotline: Pick<Hotline, 'number' | 'byDistrict'>, districtCode?: string): string {
  return (districtCode && hotline.byDistrict?.[districtCode]) || hotline.number;
}

/** The district a grid, community or street code lies in (GB/T 2260: its first 6 digits). */
export function districtOf(areaCode: string | undefined): string | undefined {
  return areaCode && areaCode.length >= 6 ? areaCode.slice(0, 6) : undefined;
}

/** The city's service hotline, offered wherever the menu or the grids cannot help. */
export const CITY_HOTLINE: Hotline = { name: '12345 市民服务热线', number: '12345' };

/** The catch-all item: routed to the dispatcher (no 权责清单 entry), shown last, description required. */
export const OTHER_ITEM_CODE = 'E9901';
