import * as z from 'zod';
import { communityCodeSchema } from '../schemas/common';

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

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

export const statsQuerySchema = z.object({
  /** A grid (15 digits), street (9), district (6) code, or a department id (D…). */
  scope: z.string().regex(/^(\d{6}|\d{9}|\d{15}|D[0-9A-Za-z-]+)$/, '范围应为区、街道、网格编码或部门编号'),
  from: isoDate,
  to: isoDate,
});

const countersSchema = z.record(z.string(), z.number());
const ratesSchema = z.object({
  responseRate: z.number().nullable(),
  resolutionRate: z.number().nullable(),
  satisfactionRate: z.number().nullable(),
});

export const statsResponseSchema = z.object({
  scope: z.object({ kind: z.enum(['grid', 'street', 'district', 'department']), code: z.string(), name: z.string() }),
  from: isoDate,
  to: isoDate,
  totals: countersSchema,
  rates: ratesSchema,
  handling: z.object({ meanHours: z.number().nullable(), medianHoursAtMost: z.number().nullable() }),
  days: z.array(z.object({ date: isoDate, counters: countersSchema })),
});
export type StatsResponse = z.infer<typeof statsResponseSchema>;
