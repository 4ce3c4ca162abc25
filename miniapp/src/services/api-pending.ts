/*
 * Shapes of the resident routes issue 6 adds to the route table (nearby, follow, resident
 * actions, 我的住址, areas, list relation), written from the issue text while the backend
 * lands on its own branch. Replace each with the route-derived type (api-types.ts) once
 * the rows exist; every field read here that the server may not send yet is optional.
 */
import type { CaseStatus } from '@gridtong/shared/schemas/case';
import type { CaseSummary, CaseView, LocateResponse, WorkerCard } from '@gridtong/shared/api/contracts';

export type CaseRelation = 'reported' | 'followed';
export type WarningStage = 'none' | 'yellow' | 'orange' | 'red' | 'overdue';

/** An open case of the same item near the resident: anonymised, never the reporter. */
export interface NearbyCase {
  id: string;
  itemCode: string;
  itemName: string;
  status: CaseStatus;
  statusLabel?: string;
  distanceMeters: number;
  reportedAt: string;
  followerCount: number;
  photoUrl?: string | null;
  following?: boolean;
}

export interface NearbyResponse {
  cases: NearbyCase[];
}

export interface NearbyQuery {
  lat: number;
  lng: number;
  coord: 'gcj02' | 'wgs84';
  itemCode: string;
}

export interface FollowResponse {
  following?: boolean;
  followerCount?: number;
}

export type ResidentAction =
  | { type: 'cancel'; reason?: string; version: number }
  | { type: 'urge'; note?: string; version: number }
  | { type: 'supplement'; text?: string; photos?: { key: string }[]; version: number };

export type ResidentActionType = ResidentAction['type'];

export interface CaseListEntry extends CaseSummary {
  relation?: CaseRelation;
  nextDeadline?: string | null;
  warningStage?: WarningStage | null;
}

export interface CaseDetail extends CaseView {
  relation?: CaseRelation;
  /** What staff asked for when the case is back with the resident (待补充). */
  infoRequest?: string | null;
}

export interface AreaNode {
  code: string;
  name: string;
  description?: string;
}

export interface AreaGrid extends AreaNode {
  /** A point inside the grid (WGS-84), used as the report's location when no GPS is given. */
  center?: { lat: number; lng: number };
}

export interface AreasResponse {
  streets: (AreaNode & { communities: (AreaNode & { grids: AreaGrid[] })[] })[];
}

export type HomeRequest =
  | { location: { lat: number; lng: number; coord: 'gcj02' | 'wgs84' }; address?: string }
  | { gridCode: string; address?: string };

export interface HomeGrid {
  grid: { code: string; name: string };
  community?: { code: string; name: string };
  street?: { code: string; name: string };
  address?: string;
  workers: WorkerCard[];
}

export interface MeResponse {
  home: HomeGrid | null;
}

export type { LocateResponse };
