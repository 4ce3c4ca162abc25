import * as z from 'zod';

/** ISO-8601 instant with offset, as stored and sent everywhere. */
export const instantSchema = z.iso.datetime({ offset: true });

export const districtCodeSchema = z.string().regex(/^\d{6}$/, '区县代码应为 6 位数字');
export const streetCodeSchema = z.string().regex(/^\d{9}$/, '街道代码应为 9 位数字');
export const communityCodeSchema = z.string().regex(/^\d{12}$/, '社区代码应为 12 位数字');
/** 6-digit district (GB/T 2260) + 3 street + 3 community + 3 grid sequence. */
export const gridCodeSchema = z.string().regex(/^\d{15}$/, '网格编码应为 15 位数字');
/** Any level of the area hierarchy, identified by its code length. */
export const areaCodeSchema = z.string().regex(/^(\d{6}|\d{9}|\d{12}|\d{15})$/, '区域代码格式不正确');

export const areaLevelSchema = z.enum(['district', 'street', 'community', 'grid']);
export type AreaLevel = z.infer<typeof areaLevelSchema>;

/**
 * An area code names its level by its length, and begins with the codes of every area above
 * it: grid 440106001001 001 → community 440106001001 → street 440106001 → district 440106.
 */
const CODE_LENGTH: Record<AreaLevel, number> = { district: 6, street: 9, community: 12, grid: 15 };

export function areaLevelOf(code: string): AreaLevel | null {
  return areaLevelSchema.options.find((level) => CODE_LENGTH[level] === code.length) ?? null;
}

/** The area at `level` that contains `code` (the code itself at its own level). */
export function areaAt(code: string, level: AreaLevel): string {
  return code.slice(0, CODE_LENGTH[level]);
}

/** A grid's own code and the codes of its community, street and district. */
export function ancestors(gridCode: string): Record<AreaLevel, string> {
  return { grid: gridCode, community: areaAt(gridCode, 'community'), street: areaAt(gridCode, 'street'), district: areaAt(gridCode, 'district') };
}

/** A grid's code, then its community's, street's and district's: the most specific first. */
export function areaChain(gridCode: string): string[] {
  const up = ancestors(gridCode);
  return [up.grid, up.community, up.street, up.district];
}

/** Mainland mobile or landline; stored, never logged. */
export const phoneSchema = z.string().regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, '电话号码格式不正确');

export const lngLatSchema = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);
export const ringSchema = z.array(lngLatSchema).min(4);
export const polygonSchema = z.array(ringSchema).min(1);
export const multiPolygonSchema = z.array(polygonSchema).min(1);
export const geometrySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Polygon'), coordinates: polygonSchema }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: multiPolygonSchema }),
]);
