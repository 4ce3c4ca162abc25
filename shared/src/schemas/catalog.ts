import * as z from 'zod';
import { timeLimitsSchema, urgencySchema } from '../deadlines';
import { districtCodeSchema } from './common';
export { CITY_HOTLINE, hotlineNumber, OTHER_ITEM_CODE, type Hotline } from '../report/hotlines';

/** GB/T 30428: 部件 (components) and 事件 (events), each with its major classes. */
export const itemKindSchema = z.enum(['component', 'event']);
export type ItemKind = z.infer<typeof itemKindSchema>;

export { ITEM_KIND_LABELS } from '../labels';

export const COMPONENT_CLASSES = ['公用设施', '道路交通', '市容环境', '园林绿化', '房屋土地', '其他设施'] as const;
export const EVENT_CLASSES = ['市容环境', '宣传广告', '施工管理', '街面秩序', '突发事件', '其他事件'] as const;

/** Open311-style extra attribute asked when reporting. */
export const itemQuestionSchema = z.object({
  code: z.string().regex(/^[a-z][a-zA-Z0-9_]*$/),
  label: z.string().min(1),
  type: z.enum(['text', 'number', 'singleChoice', 'multiChoice', 'boolean']),
  required: z.boolean().default(false),
  options: z.array(z.object({ value: z.string().min(1), label: z.string().min(1) })).optional(),
  hint: z.string().optional(),
  /** For number questions: bounds (default 0 to 1,000,000) and whether only whole numbers make sense. */
  min: z.number().optional(),
  max: z.number().optional(),
  integer: z.boolean().optional(),
}).refine((q) => !(q.type === 'singleChoice' || q.type === 'multiChoice') || (q.options?.length ?? 0) >= 2, {
  message: '选择题至少需要两个选项',
  path: ['options'],
});
export type ItemQuestion = z.infer<typeof itemQuestionSchema>;

const phoneNumberSchema = z.string().regex(/^[0-9][0-9-]{2,19}$/, '电话号码只能包含数字和连字符');

/** A number to call at once (see report/hotlines.ts for how a district's own number is chosen). */
export const hotlineSchema = z.object({
  name: z.string().min(1).max(20),
  number: phoneNumberSchema,
  byDistrict: z.record(districtCodeSchema, phoneNumberSchema).optional(),
});

export const catalogItemSchema = z.object({
  /** Class code + sequence, e.g. "0401" (园林绿化 / 行道树). Stable: cases keep it. */
  code: z.string().regex(/^[A-Z0-9]{2,10}$/),
  name: z.string().min(1).max(20),
  kind: itemKindSchema,
  category: z.string().min(1),
  icon: z.string().min(1),
  description: z.string().default(''),
  defaultUrgency: urgencySchema,
  timeLimits: timeLimitsSchema,
  questions: z.array(itemQuestionSchema).default([]),
  minPhotos: z.number().int().min(0).max(9).default(1),
  maxPhotos: z.number().int().min(1).max(9).default(3),
  publicReports: z.boolean().default(true),
  allowAnonymous: z.boolean().default(false),
  active: z.boolean().default(true),
  /** What to do right now, shown before anything else (e.g. 远离现场，勿开关电器). */
  safetyNotice: z.string().min(1).max(200).optional(),
  /** Numbers to call at once, shown with the notice as one-tap calls. */
  hotlines: z.array(hotlineSchema).max(4).default([]),
  /** Must never wait in a queue: the notice and the calls only, no report. */
  hotlineOnly: z.boolean().default(false),
  /** The report must say what the problem is (the catch-all item has no questions). */
  descriptionRequired: z.boolean().default(false),
}).refine((i) => i.minPhotos <= i.maxPhotos, { message: '最少照片数不能大于最多照片数', path: ['minPhotos'] })
  .refine((i) => (i.kind === 'component' ? (COMPONENT_CLASSES as readonly string[]) : (EVENT_CLASSES as readonly string[])).includes(i.category), {
    message: '类别不属于该大类',
    path: ['category'],
  })
  .refine((i) => !i.hotlineOnly || (i.hotlines.length > 0 && i.safetyNotice !== undefined), {
    message: '仅电话求助的事项必须有安全提示和求助电话',
    path: ['hotlineOnly'],
  });
export type CatalogItem = z.infer<typeof catalogItemSchema>;

/** 代办 service a grid worker can do on a home visit. */
export const agencyServiceSchema = z.object({
  code: z.string().regex(/^S[0-9]{2,4}$/),
  name: z.string().min(1),
  agency: z.string().min(1),
  description: z.string().default(''),
  materials: z.array(z.object({ name: z.string().min(1), note: z.string().optional(), required: z.boolean().default(true) })).min(1),
  visitMinutes: z.number().int().positive(),
  eligibility: z.string().optional(),
});
export type AgencyService = z.infer<typeof agencyServiceSchema>;
