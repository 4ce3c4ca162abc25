import * as z from 'zod';
import { satisfactionSchema } from '../schemas/case';
import { communityCodeSchema } from '../schemas/common';
import { TEMPLATE_KINDS } from '../wechat/templates';

/** Issue 8 (hear back and rate): subscribe grants, follower votes, a community's public figures. */

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

/** A follower's own satisfaction vote on a finished case (counted apart from the reporter's rating). */
export const voteRequestSchema = z.object({ level: satisfactionSchema }).strict();
export const voteResponseSchema = z.object({
  level: satisfactionSchema,
  /** False when this vote was already there (a repeat changes nothing). */
  counted: z.boolean(),
});

export const communityParamsSchema = z.object({ code: communityCodeSchema });

/** This month (Beijing) in one community, from the counters kept on write. */
export const communityStatsSchema = z.object({
  communityCode: z.string(),
  communityName: z.string(),
  /** YYYY-MM */
  month: z.string(),
  reported: z.number().int().nonnegative(),
  closed: z.number().int().nonnegative(),
  /** Handled within the deadline ÷ handled; null before anything was handled. */
  onTimeRate: z.number().nullable(),
  /** 非常满意 + 满意 + 基本满意 ÷ ratings given; null before any rating. */
  satisfactionRate: z.number().nullable(),
  ratings: z.number().int().nonnegative(),
  /** Mean dispatch → handled time, hours. */
  meanHandlingHours: z.number().nullable(),
  /** Followers' votes, apart from the reporters' ratings. */
  followerVotes: z.number().int().nonnegative(),
  followerSatisfactionRate: z.number().nullable(),
});
export type CommunityStats = z.infer<typeof communityStatsSchema>;

/** WeChat's message-push signature parameters; missing ones fail the signature check (401). */
export const callbackQuerySchema = z.object({
  signature: z.string().max(64).optional(),
  timestamp: z.string().max(16).optional(),
  nonce: z.string().max(64).optional(),
});
/** Read strictly only after the signature holds: a forger learns nothing from a 400. */
export const callbackBodySchema = z.record(z.string(), z.unknown());
/** WeChat expects "success" or an empty answer; we answer JSON like every route. */
export const callbackResponseSchema = z.object({ ok: z.literal(true) });

/** The verdict WeChat posts for a mediaCheckAsync request (event wxa_media_check, version 2). */
export const mediaCheckVerdictSchema = z.object({
  Event: z.literal('wxa_media_check'),
  trace_id: z.string().min(1).max(128),
  result: z.object({ suggest: z.enum(['pass', 'review', 'risky']), label: z.number().optional() }),
});
