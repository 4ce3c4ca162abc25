import * as z from 'zod';
import { TEMPLATE_KINDS } from '../wechat/templates';

/** One subscribe template the mini-program may ask for, and what the caller has granted for it. */
export const subscriptionSchema = z.object({
  kind: z.enum(TEMPLATE_KINDS),
  templateId: z.string(),
  /** 长期订阅 (政务民生): one acceptance lasts; otherwise each acceptance allows one message. */
  longTerm: z.boolean(),
  /** One-time messages still allowed. */
  remaining: z.number().int().nonnegative(),
  /** The caller's last answer for it was 允许. */
  accepted: z.boolean(),
});
export const subscriptionsResponseSchema = z.object({ subscriptions: z.array(subscriptionSchema) });
export type SubscriptionsResponse = z.infer<typeof subscriptionsResponseSchema>;

/**
 * What `wx.requestSubscribeMessage` answered, template id → accept / reject / ban / filter
 * (its `errMsg` key left out). At most 5 templates per call, as WeChat allows.
 */
export const reportSubscriptionsRequestSchema = z.object({
  results: z
    .record(z.string().min(1).max(128).regex(/^[\w-]+$/), z.enum(['accept', 'reject', 'ban', 'filter']))
    .refine((r) => Object.keys(r).length >= 1 && Object.keys(r).length <= 5, '每次最多上报 5 个模板的订阅结果'),
}).strict();
export type ReportSubscriptionsRequest = z.infer<typeof reportSubscriptionsRequestSchema>;
