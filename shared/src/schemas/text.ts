import * as z from 'zod';

// C0 controls other than tab and newline, DEL, and C1 controls: invisible, and a NUL breaks
// storage and display downstream.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
// A surrogate half without its partner is not text (JSON.stringify would write "\ud800").
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text as people meant it: CRLF → LF, control characters and lone surrogates removed. */
export function cleanText(value: string): string {
  return value.replace(/\r\n?/g, '\n').replace(CONTROL, '').replace(LONE_SURROGATE, '');
}

/**
 * Every free-text field a person writes (descriptions, reasons, notes, comments, addresses):
 * cleaned, trimmed, bounded. Use it for any new text field so none stores a NUL.
 */
export const freeText = (max: number) => z.string().overwrite(cleanText).trim().max(max, `不能超过 ${max} 个字`);

/** A required free-text field: something must remain once cleaned. */
export const requiredText = (max: number, emptyMessage = '请填写内容') => freeText(max).min(1, emptyMessage);
