import * as z from 'zod';
import { WARNING_STAGE_LABELS, type WarningStage } from '../deadlines';
import type { MessageText } from '../events/messages';
import { WARN_ACTION } from '../events/sweep';
import { CASE_STATUS_LABELS } from '../labels';
import type { Case, TimelineEvent } from '../schemas/case';
import { fitKeyword, keywordType } from './keywords';

/**
 * Subscribe-message templates, one per kind of news. Which WeChat template id serves a
 * kind, whether it is long-term (政务民生), and which keyword carries which field are
 * configuration: the ids come from the mini-program's template library.
 */
export const TEMPLATE_KINDS = [
  'accepted', // 受理
  'progress', // 进度更新
  'closed', // 办结待评价
  'needsInfo', // 补充材料
  'newCase', // staff: 新工单
  'warning', // staff: 预警 / 超期
  'booking', // 代办预约状态 (bookings, later)
] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

export const RESIDENT_TEMPLATE_KINDS: readonly TemplateKind[] = ['accepted', 'progress', 'closed', 'needsInfo', 'booking'];

/** What a keyword can carry. */
export const TEMPLATE_FIELDS = ['item', 'caseNo', 'status', 'note', 'time', 'address', 'deadline', 'stage'] as const;
export type TemplateField = (typeof TEMPLATE_FIELDS)[number];

export const templateConfigSchema = z.object({
  id: z.string().min(1).max(128),
  longTerm: z.boolean().default(false),
  /** keyword name (thing1, phrase2…) → the field it shows. */
  keywords: z.record(z.string().regex(/^(thing|phrase|character_string|name|time|date|number)\d+$/), z.enum(TEMPLATE_FIELDS)),
});
export type TemplateConfig = z.infer<typeof templateConfigSchema>;
export type TemplateSet = Partial<Record<TemplateKind, TemplateConfig>>;

/** Keyword layouts of the library templates we use; an operator can override any of it. */
export const DEFAULT_KEYWORDS: Record<TemplateKind, TemplateConfig['keywords']> = {
  accepted: { thing1: 'item', character_string2: 'caseNo', phrase3: 'status', time4: 'time', thing5: 'note' },
  progress: { thing1: 'item', phrase2: 'status', thing3: 'note', time4: 'time' },
  closed: { thing1: 'item', phrase2: 'status', time3: 'time', thing4: 'note' },
  needsInfo: { thing1: 'item', thing2: 'note', time3: 'time' },
  newCase: { thing1: 'item', thing2: 'address', thing3: 'note', time4: 'time' },
  warning: { thing1: 'item', phrase2: 'stage', time3: 'deadline', thing4: 'address' },
  booking: { thing1: 'item', phrase2: 'status', time3: 'time', thing4: 'note' },
};

/** Local ids for `npm start` and tests: `tpl-<kind>`; 受理 and 进度 act as long-term there. */
export function localTemplates(): TemplateSet {
  return Object.fromEntries(TEMPLATE_KINDS.map((kind) => [kind, { id: `tpl-${kind}`, longTerm: false, keywords: DEFAULT_KEYWORDS[kind] }]));
}

/** Reads `{"accepted":{"id":"…","longTerm":true}, …}`; missing keyword layouts take the defaults. */
export function parseTemplateSet(json: string): TemplateSet {
  const raw = z.partialRecord(z.enum(TEMPLATE_KINDS), templateConfigSchema.partial({ keywords: true, longTerm: true })).parse(JSON.parse(json));
  const set: TemplateSet = {};
  for (const kind of TEMPLATE_KINDS) {
    const t = raw[kind];
    if (t) set[kind] = { id: t.id, longTerm: t.longTerm ?? false, keywords: t.keywords ?? DEFAULT_KEYWORDS[kind] };
  }
  return set;
}

export interface SubscribeContent {
  kind: TemplateKind;
  fields: Partial<Record<TemplateField, string>>;
  /** Mini-program page the message opens. */
  page: string;
}

export type Listener = 'reporter' | 'follower' | 'staff';

// Staff hear on WeChat only of what waits for them; everything else stays in the message centre.
// (a report to verify, a case to dispatch, to accept, to check on site, to redo, a 重办 to review).
const STAFF_NEW_WORK = new Set(['submit', 'file', 'dispatch', 'return', 'handle', 'checkFail', 'requestReopen']);

/**
 * Which template (if any) carries an event to one listener, and its fields. `text` is what
 * the message centre shows the same person (null: the step is not theirs to hear of).
 */
export function subscribeContentFor(c: Case, event: TimelineEvent, as: Listener, text: MessageText | null): SubscribeContent | null {
  if (!text) return null;
  const base = { item: c.itemName, caseNo: c.caseNumber ?? c.id, time: event.at };
  if (as === 'staff') {
    const page = `worker/pages/desk/index?caseId=${c.id}`;
    const address = c.location.address ?? c.itemName;
    if (event.action === WARN_ACTION) {
      const stage = event.data?.['stage'] as WarningStage | undefined;
      const deadline = typeof event.data?.['deadline'] === 'string' ? (event.data['deadline'] as string) : event.at;
      return { kind: 'warning', page, fields: { ...base, stage: stage ? WARNING_STAGE_LABELS[stage] : '预警', deadline, address } };
    }
    if (!STAFF_NEW_WORK.has(event.action)) return null;
    return { kind: 'newCase', page, fields: { ...base, address, note: text.title } };
  }
  // The case page; 办结 opens it at the handling result, which the resident rates.
  const page = `pages/case/index?id=${c.id}`;
  const fields = { ...base, status: CASE_STATUS_LABELS[event.to], note: text.title };
  if (event.to === 'needsInfo') return { kind: 'needsInfo', page, fields: { ...fields, note: event.reason ?? text.title } };
  if (event.action === 'file') return { kind: 'accepted', page, fields };
  if (event.action === 'checkPass') return { kind: 'closed', page: `${page}&focus=result`, fields: { ...fields, status: '已办结', note: as === 'reporter' ? '请对办理结果进行评价' : text.title } };
  return { kind: 'progress', page, fields };
}

/** The `data` of a subscribe message: every keyword of the template, fitted to its type. */
export function templateData(template: TemplateConfig, fields: SubscribeContent['fields']): Record<string, { value: string }> {
  const data: Record<string, { value: string }> = {};
  for (const [key, field] of Object.entries(template.keywords)) {
    const type = keywordType(key);
    const value = fields[field];
    if (!type || value === undefined) continue;
    data[key] = { value: fitKeyword(type, value) };
  }
  return data;
}
