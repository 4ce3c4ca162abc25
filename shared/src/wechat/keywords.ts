import { formatDateTime, formatFullDate } from '../deadlines/beijing-format';

/**
 * WeChat subscribe-message keyword limits. A value outside its keyword's rules makes WeChat
 * refuse the whole message (47003), so every value is cut to fit before it is sent.
 */
export type KeywordType = 'thing' | 'phrase' | 'character_string' | 'name' | 'time' | 'date' | 'number';

const ELLIPSIS = '…';

/** Code points, so a character outside the BMP is never split in half. */
const chars = (text: string) => Array.from(text);

function cut(text: string, max: number, ellipsis: boolean): string {
  const all = chars(text);
  if (all.length <= max) return text;
  return ellipsis ? all.slice(0, max - 1).join('') + ELLIPSIS : all.slice(0, max).join('');
}

const HAN = /\p{Script=Han}/u;
const CONTROL = /[\p{Cc}\p{Cf}]/gu;
const clean = (text: string) => text.replace(/\s+/g, ' ').replace(CONTROL, '').trim();

/** thing: up to 20 characters of any kind; a longer text ends in "…" within the 20. */
export const thing = (text: string) => cut(clean(text), 20, true) || '—';

/** phrase: up to 5 Chinese characters and nothing else. */
export const phrase = (text: string) => chars(text).filter((c) => HAN.test(c)).slice(0, 5).join('') || '更新';

/** character_string: up to 32 letters, digits and symbols (no Chinese). */
export const characterString = (text: string) => chars(clean(text)).filter((c) => /^[\x21-\x7e]$/.test(c)).slice(0, 32).join('');

/** name: up to 10 Chinese characters, or 20 letters for a Latin name. */
export function personName(text: string): string {
  const value = clean(text);
  return chars(value).some((c) => HAN.test(c)) ? cut(value, 10, false) : cut(value, 20, false);
}

/** number: up to 32 digits (a decimal point allowed). */
export const numberText = (value: number) => cut(String(Math.max(0, Math.round(value))), 32, false);

/** time: "2026-11-22 10:30", Beijing time. */
export const timeText = formatDateTime;

/** date: "2026年11月22日", Beijing date. */
export const dateText = formatFullDate;

/** The value of one keyword, fitted to its type. */
export function fitKeyword(type: KeywordType, value: string): string {
  switch (type) {
    case 'thing':
      return thing(value);
    case 'phrase':
      return phrase(value);
    case 'character_string':
      return characterString(value);
    case 'name':
      return personName(value);
    case 'time':
      return timeText(value);
    case 'date':
      return dateText(value);
    case 'number':
      return numberText(Number(value));
  }
}

/** The keyword's type from its name as WeChat numbers it (thing1, phrase3, character_string2, time4…). */
export function keywordType(key: string): KeywordType | null {
  const match = /^(thing|phrase|character_string|name|time|date|number)\d+$/.exec(key);
  return match ? (match[1] as KeywordType) : null;
}
