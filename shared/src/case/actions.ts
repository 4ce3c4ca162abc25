import * as z from 'zod';
import { photoRefSchema, RATING_TAGS, ratingTagSchema, satisfactionSchema } from '../schemas/case';
import { instantSchema } from '../schemas/common';
import { freeText, requiredText } from '../schemas/text';

// Free text written by staff or residents. Required reasons must say something.
const reasonSchema = requiredText(500, '请填写原因');
const noteSchema = freeText(500).optional();
const photosSchema = z.array(photoRefSchema).max(9);

const action = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.object({ type: z.literal(type), ...shape });

/** 撤单: the resident withdraws a report that has not been filed yet. */
export const cancelActionSchema = action('cancel', { reason: noteSchema });

/** 补充: the resident answers a request for more information. */
export const supplementActionSchema = action('supplement', {
  text: freeText(1000).optional(),
  photos: photosSchema.optional(),
}).refine((a) => (a.text?.length ?? 0) > 0 || (a.photos?.length ?? 0) > 0, {
  message: '请填写补充说明或上传照片',
  path: ['text'],
});

/** 立案. */
export const fileActionSchema = action('file', { note: noteSchema });

/** 不予立案: a duplicate links the original; anything else needs a written note. */
export const rejectActionSchema = z.discriminatedUnion('kind', [
  action('reject', { kind: z.literal('duplicate'), duplicateOf: z.string().min(1), note: noteSchema }),
  action('reject', { kind: z.literal('outOfScope'), note: reasonSchema }),
]);

/** 补充: back to the resident with a question. */
export const requestInfoActionSchema = action('requestInfo', { question: reasonSchema });

/** 派遣 (and re-dispatch after a 退单) to one department with a handling deadline. */
export const dispatchActionSchema = action('dispatch', {
  departmentId: z.string().min(1),
  handlingDeadline: instantSchema,
  note: noteSchema,
});

/** 签收. */
export const acceptActionSchema = action('accept', { note: noteSchema });

/** 退单: "not ours", always with a reason. */
export const returnActionSchema = action('return', { reason: reasonSchema });

export const startHandlingActionSchema = action('startHandling', { note: noteSchema });

/** 延期 request; the centre approves or denies it. */
export const requestExtensionActionSchema = action('requestExtension', { until: instantSchema, reason: reasonSchema });
export const approveExtensionActionSchema = action('approveExtension', { note: noteSchema });
export const denyExtensionActionSchema = action('denyExtension', { reason: reasonSchema });

/** 挂账: seasonal or engineering work, parked with a reason and a review date. */
export const suspendActionSchema = action('suspend', { reason: reasonSchema, reviewDate: instantSchema });
/** Back to work; the centre may set a new deadline, since the old one ran while parked. */
export const resumeActionSchema = action('resume', { note: noteSchema, handlingDeadline: instantSchema.optional() });

/** 处理反馈: what was done, in words or photos or both. */
export const handleActionSchema = action('handle', {
  notes: freeText(1000).optional(),
  photos: photosSchema.optional(),
}).refine((a) => (a.notes?.length ?? 0) > 0 || (a.photos?.length ?? 0) > 0, {
  message: '请填写处置结果或上传处置后照片',
  path: ['notes'],
});

/** 核查 on site by the grid. */
export const checkPassActionSchema = action('checkPass', { note: noteSchema, photos: photosSchema.optional() });
export const checkFailActionSchema = action('checkFail', { reason: reasonSchema, photos: photosSchema.optional() });

/** 好差评 by the resident. */
export const rateActionSchema = action('rate', {
  level: satisfactionSchema,
  comment: freeText(500).default(''),
  // 处理及时 / 态度好 / 未解决, each at most once
  tags: z.array(ratingTagSchema).max(RATING_TAGS.length).refine((t) => new Set(t).size === t.length, '标签不能重复').default([]),
});
/** The rating window ran out: 未评价, never a silent 满意. */
export const expireRatingActionSchema = action('expireRating', {});

/** 重办: only after a 不满意/非常不满意 rating; the centre reviews it. */
export const requestReopenActionSchema = action('requestReopen', { reason: reasonSchema });
export const approveReopenActionSchema = action('approveReopen', { note: noteSchema });
export const denyReopenActionSchema = action('denyReopen', { reason: reasonSchema });

/** 催办: rate-limited, visible to whoever holds the case. */
export const urgeActionSchema = action('urge', { note: freeText(200).optional() });

export const caseActionSchema = z.discriminatedUnion('type', [
  cancelActionSchema,
  supplementActionSchema,
  fileActionSchema,
  rejectActionSchema,
  requestInfoActionSchema,
  dispatchActionSchema,
  acceptActionSchema,
  returnActionSchema,
  startHandlingActionSchema,
  requestExtensionActionSchema,
  approveExtensionActionSchema,
  denyExtensionActionSchema,
  suspendActionSchema,
  resumeActionSchema,
  handleActionSchema,
  checkPassActionSchema,
  checkFailActionSchema,
  rateActionSchema,
  expireRatingActionSchema,
  requestReopenActionSchema,
  approveReopenActionSchema,
  denyReopenActionSchema,
  urgeActionSchema,
]);
export type CaseAction = z.infer<typeof caseActionSchema>;
/** What a caller may send: defaults (e.g. an empty rating comment) are filled in by parsing. */
export type CaseActionInput = z.input<typeof caseActionSchema>;
export type CaseActionType = CaseAction['type'];
export type CaseActionOf<T extends CaseActionType> = Extract<CaseAction, { type: T }>;

export const CASE_ACTION_TYPES = [
  'cancel',
  'supplement',
  'file',
  'reject',
  'requestInfo',
  'dispatch',
  'accept',
  'return',
  'startHandling',
  'requestExtension',
  'approveExtension',
  'denyExtension',
  'suspend',
  'resume',
  'handle',
  'checkPass',
  'checkFail',
  'rate',
  'expireRating',
  'requestReopen',
  'approveReopen',
  'denyReopen',
  'urge',
] as const satisfies readonly CaseActionType[];

// Fails to compile if an action is added to the union but not to the list above.
type MissingActionType = Exclude<CaseActionType, (typeof CASE_ACTION_TYPES)[number]>;
const _allActionTypesListed: [MissingActionType] extends [never] ? true : never = true;

export const caseActionTypeSchema = z.enum(CASE_ACTION_TYPES);

/** Staff-facing labels for buttons and logs (zod-free, in ../labels, so the mini-program can use them). */
export { CASE_ACTION_LABELS } from '../labels';
