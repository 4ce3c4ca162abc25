import { shanghaiIsoDate, type InstantInput } from '../deadlines/shanghai-time';

/**
 * 受理编号: the short case number a person can read out on the phone, e.g. `TH2612080001` —
 * the district's two-letter short code, the Beijing date of the report (YYMMDD) and the day's
 * sequence in that district (four digits, more past 9999), at most 14 characters.
 * The long case id stays internal.
 */
export const CASE_NUMBER_MAX_LENGTH = 14;
const SEQUENCE_MIN_DIGITS = 4;
const SEQUENCE_MAX_DIGITS = CASE_NUMBER_MAX_LENGTH - 2 - 6;
export const CASE_NUMBER_PATTERN = new RegExp(`^[A-Z]{2}\\d{6}\\d{${SEQUENCE_MIN_DIGITS},${SEQUENCE_MAX_DIGITS}}$`);
export const DISTRICT_SHORT_CODE_PATTERN = /^[A-Z]{2}$/;

/**
 * The district's short code: its own (天河 → TH) when the city data gives one, else a stable
 * one spelled from the last two digits of its 6-digit code (440106 → AG: 0 → A … 9 → J).
 */
export function districtShortCode(district: { code: string; shortCode?: string | undefined }): string {
  if (district.shortCode !== undefined && DISTRICT_SHORT_CODE_PATTERN.test(district.shortCode)) return district.shortCode;
  return district.code
    .slice(-2)
    .padStart(2, '0')
    .split('')
    .map((d) => String.fromCharCode(65 + (Number.isInteger(Number(d)) ? Number(d) : 0)))
    .join('');
}

/**
 * What every number of one district and one Beijing day starts with (`TH261208`): the
 * sequence is counted per prefix, so two districts sharing a short code still never collide.
 */
export function caseNumberPrefix(shortCode: string, at: InstantInput): string {
  if (!DISTRICT_SHORT_CODE_PATTERN.test(shortCode)) throw new RangeError(`not a district short code: ${shortCode}`);
  const [year, month, day] = shanghaiIsoDate(at).split('-') as [string, string, string];
  return `${shortCode}${year.slice(2)}${month}${day}`;
}

/** The number for the `sequence`-th report (from 1) under a prefix. */
export function formatCaseNumber(prefix: string, sequence: number): string {
  const digits = String(sequence);
  if (!Number.isInteger(sequence) || sequence < 1 || digits.length > SEQUENCE_MAX_DIGITS) throw new RangeError(`case number sequence out of range: ${sequence}`);
  return `${prefix}${digits.padStart(SEQUENCE_MIN_DIGITS, '0')}`;
}

export interface CaseNumberParts {
  shortCode: string;
  /** YYMMDD, Beijing date. */
  date: string;
  sequence: number;
}

/**
 * A number as a person types or reads it: case, spaces and dashes do not matter
 * (`th 261208-0001` is `TH2612080001`). Null when it cannot be a case number.
 */
export function normalizeCaseNumber(text: string): string | null {
  const compact = text.replace(/[\s\-－—_]/g, '').toUpperCase();
  return CASE_NUMBER_PATTERN.test(compact) ? compact : null;
}

export function parseCaseNumber(text: string): CaseNumberParts | null {
  const number = normalizeCaseNumber(text);
  if (!number) return null;
  return { shortCode: number.slice(0, 2), date: number.slice(2, 8), sequence: Number(number.slice(8)) };
}

/** Read-out grouping for screens: `TH 261208 0001`. */
export function groupCaseNumber(number: string): string {
  return CASE_NUMBER_PATTERN.test(number) ? `${number.slice(0, 2)} ${number.slice(2, 8)} ${number.slice(8)}` : number;
}
