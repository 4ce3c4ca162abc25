import * as z from 'zod';
import { AREA_LEVELS } from './area-levels';

/** ISO-8601 instant with offset, as stored and sent everywhere. */
export const instantSchema = z.iso.datetime({ offset: true });

export const districtCodeSchema = z.string().regex(/^\d{6}$/, '区县代码应为 6 位数字');
export const streetCodeSchema = z.string().regex(/^\d{9}$/, '街道代码应为 9 位数字');
export const communityCodeSchema = z.string().regex(/^\d{12}$/, '社区代码应为 12 位数字');
/** 6-digit district (GB/T 2260) + 3 street + 3 community + 3 grid sequence. */
export const gridCodeSchema = z.string().regex(/^\d{15}$/, '网格编码应为 15 位数字');
/** Any level of the area hierarchy, identified by its code length. */
export const areaCodeSchema = z.string().regex(/^(\d{6}|\d{9}|\d{12}|\d{15})$/, '区域代码格式不正确');

export const areaLevelSchema = z.enum(AREA_LEVELS);
export { AREA_LEVELS, areaLevelOf, areaAt, ancestors, areaChain, type AreaLevel } from './area-levels';

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
