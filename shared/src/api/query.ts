import * as z from 'zod';

// Query values arrive as text. Only plain decimals are numbers: no hex (0x17), no
// exponents, no empty value quietly read as 0.
const DECIMAL = /^-?\d{1,12}(\.\d{1,20})?$/;
const INTEGER = /^\d{1,9}$/;

/** A decimal query number within [min, max]. */
export const queryNumber = (min: number, max: number) =>
  z.string().trim().regex(DECIMAL, '应为十进制数字').pipe(z.coerce.number<string>().min(min).max(max));

/** A non-negative integer query value within [min, max]. */
export const queryInteger = (min: number, max: number) =>
  z.string().trim().regex(INTEGER, '应为整数').pipe(z.coerce.number<string>().int().min(min).max(max));

export const latitudeQuery = queryNumber(-90, 90);
export const longitudeQuery = queryNumber(-180, 180);

/** Page size: 1–`max`, default `fallback`. */
export const limitQuery = (max: number, fallback: number) => queryInteger(1, max).default(fallback);
