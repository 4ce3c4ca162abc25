/*
 * The resident's case routes as the pages name them: types from the route table's schemas
 * (type-only: no zod in the bundle).
 */
import type { RatingTag as SharedRatingTag, Satisfaction } from '@gridtong/shared/schemas/case';
import type { BodyOf, QueryOf, ResponseOf } from './api-types';

export type NearbyResponse = ResponseOf<'list-nearby-cases'>;
export type NearbyCase = NearbyResponse['cases'][number];
export type NearbyQuery = QueryOf<'list-nearby-cases'>;
export type FollowResponse = ResponseOf<'follow-case'>;
export type ResidentAction = BodyOf<'act-on-my-case'>;
export type ResidentActionType = ResidentAction['type'];
export type MyCasesResponse = ResponseOf<'list-my-cases'>;
export type CaseListEntry = MyCasesResponse['cases'][number];
export type CaseRelation = CaseListEntry['relation'];
type MyCase = ResponseOf<'get-my-case'>;
export type FollowerCaseView = Extract<MyCase, { relation: 'followed' }>;
/** My own case in full, or a followed one as any follower sees it. */
export type CaseDetail = (Exclude<MyCase, FollowerCaseView> & { relation?: 'reported' }) | FollowerCaseView;
export type AreasResponse = ResponseOf<'list-areas'>;
export type AreaGrid = AreasResponse['streets'][number]['communities'][number]['grids'][number] & {
  /** A point inside the grid (WGS-84), when the server offers one: lets a report be placed without GPS. */
  center?: { lat: number; lng: number };
};
export interface AreaNode {
  code: string;
  name: string;
  landmark?: string;
}
export type HomeRequest = BodyOf<'set-my-home'>;
export type MeResponse = ResponseOf<'get-me'>;
export type HomeGrid = NonNullable<MeResponse['home']>;
export type LocateResponse = ResponseOf<'locate-grid'>;

export const isFollowerView = (c: CaseDetail): c is FollowerCaseView => c.relation === 'followed';
/** How the case was handled (处置后 and 核查), in both the reporter's and a follower's view. */
export type CaseResult = NonNullable<CaseDetail['result']>;

// --- 评价 and 申请重办 ---

export type { Satisfaction };
export type RatingTag = SharedRatingTag;
/** 评价 and 申请重办 through the resident actions route. */
export type RateAction = Extract<ResidentAction, { type: 'rate' }>;
export type ReopenAction = Extract<ResidentAction, { type: 'requestReopen' }>;
