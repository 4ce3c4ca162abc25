/*
 * Types of the resident case-tracking routes, derived from their schemas in shared/
 * (type-only: no zod in the bundle). Each client method's address is checked against the
 * route table (ROUTES in api.ts).
 */
import type * as z from 'zod';
import type { homeRequestSchema, meResponseSchema } from '@gridtong/shared/api/accounts';
import type { followerCaseViewSchema, followResponseSchema, myCaseSummarySchema, myCasesResponseSchema, nearbyCaseSchema, nearbyQuerySchema, nearbyResponseSchema, residentActionRequestSchema, CaseView } from '@gridtong/shared/api/cases';
import type { areasResponseSchema, LocateResponse } from '@gridtong/shared/api/city';

export type NearbyCase = z.output<typeof nearbyCaseSchema>;
export type NearbyResponse = z.output<typeof nearbyResponseSchema>;
export type NearbyQuery = z.input<typeof nearbyQuerySchema>;
export type FollowResponse = z.output<typeof followResponseSchema>;
export type ResidentAction = z.input<typeof residentActionRequestSchema>;
export type ResidentActionType = ResidentAction['type'];
export type CaseListEntry = z.output<typeof myCaseSummarySchema>;
export type MyCasesResponse = z.output<typeof myCasesResponseSchema>;
export type CaseRelation = CaseListEntry['relation'];
export type FollowerCaseView = z.output<typeof followerCaseViewSchema>;
/** My own case in full, or a followed one as any follower sees it. */
export type CaseDetail = (CaseView & { relation?: 'reported' }) | FollowerCaseView;
export type AreasResponse = z.output<typeof areasResponseSchema>;
export type AreaGrid = AreasResponse['streets'][number]['communities'][number]['grids'][number] & {
  /** A point inside the grid (WGS-84), when the server offers one: lets a report be placed without GPS. */
  center?: { lat: number; lng: number };
};
export interface AreaNode {
  code: string;
  name: string;
  landmark?: string;
}
export type HomeRequest = z.input<typeof homeRequestSchema>;
export type MeResponse = z.output<typeof meResponseSchema>;
export type HomeGrid = NonNullable<MeResponse['home']>;

export const isFollowerView = (c: CaseDetail): c is FollowerCaseView => c.relation === 'followed';

export type { LocateResponse };

// --- messages, subscriptions, votes and community figures ---
import type { RatingTag as SharedRatingTag, Satisfaction } from '@gridtong/shared/schemas/case';

export type { Satisfaction };
/** Quick tags a resident may add to a rating (the schema's list; a constant here keeps zod out of the bundle). */
export const RATING_TAGS = ['处理及时', '态度好', '未解决'] as const satisfies readonly SharedRatingTag[];
export type RatingTag = SharedRatingTag;
/** 评价 and 申请重办 through the resident actions route. */
export type RateAction = Extract<ResidentAction, { type: 'rate' }>;
export type ReopenAction = Extract<ResidentAction, { type: 'requestReopen' }>;
