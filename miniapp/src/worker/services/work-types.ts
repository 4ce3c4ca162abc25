import type { CaseActionType } from '@gridtong/shared/case/actions';
import type { CaseStatus, Satisfaction } from '@gridtong/shared/schemas/case';
import type { Urgency } from '@gridtong/shared/deadlines/time-limits';

/*
 * What the desk shows, in its own terms. services/work-api.ts turns the staff API's answers
 * into these, so a change in the wire format touches one file, not every screen.
 */

export type { WorkQueue } from '@gridtong/shared/case/desk';

/** The deadline light of a case: the server decides it; the desk only paints it. */
export type Stage = 'normal' | 'yellow' | 'orange' | 'red' | 'overdue';

export interface QueueRow {
  id: string;
  itemName: string;
  status: CaseStatus;
  statusLabel: string;
  address: string;
  gridName: string;
  departmentName: string;
  urgency: Urgency;
  /** The deadline the case is now running against (dispatch or handling). */
  dueAt?: string;
  stage: Stage;
  followerCount: number;
  urgeCount: number;
  returnCount: number;
  /** Waiting on the district centre after repeated returns. */
  escalated: boolean;
  /** A 延期 or 重办 request waiting for the centre. */
  pendingRequest?: 'extension' | 'reopen';
}

export interface QueuePage {
  rows: QueueRow[];
  nextCursor: string | null;
}

export interface Option {
  id: string;
  name: string;
}

/** One line of the staff timeline, already worded by the server. */
export interface TimelineLine {
  seq: number;
  at: string;
  title: string;
  /** Role, and the staff member's name when known. */
  who: string;
  /** Reason, note and facts (department, deadline…), each its own line. */
  lines: string[];
}

export interface CaseDetail {
  id: string;
  version: number;
  status: CaseStatus;
  statusLabel: string;
  itemName: string;
  urgencyLabel: string;
  description: string;
  address: string;
  gridName: string;
  stage: Stage;
  dueAt?: string;
  dueKind?: 'dispatch' | 'handling';
  dispatchDeadline?: string;
  handlingDeadline?: string;
  department?: Option;
  routedByMatrix: boolean;
  returnCount: number;
  escalationLevel: number;
  urgeCount: number;
  followerCount: number;
  pendingExtension?: { until: string; reason: string };
  suspendedUntil?: string;
  duplicateOf?: string;
  rating?: { label: string; comment: string };
  createdAt: string;
  closedAt?: string;
  /** The reporter left a phone; the number itself only after an audited reveal. */
  hasContactPhone: boolean;
  contactPhone?: string;
  /** Links minted for this read: what the resident sent, and what staff reported afterwards. */
  beforePhotos: string[];
  afterPhotos: string[];
  timeline: TimelineLine[];
  /** Exactly the actions the server lets this caller take now, with its labels. */
  availableActions: { type: CaseActionType; label: string }[];
  /** 派遣 defaults: the 权责清单 department and the item's handling deadline. */
  dispatchDefaults?: { departmentId: string; departmentName: string; handlingDeadline: string };
  /** Departments a dispatcher may pick from (the default first). */
  departments: Option[];
}

export interface StatsReport {
  scopeName: string;
  from: string;
  to: string;
  totals: Record<string, number>;
  /** Shares 0–1, or null when nothing was there to measure. */
  responseRate: number | null;
  resolutionRate: number | null;
  satisfactionRate: number | null;
  meanHandlingHours: number | null;
  ratings: Record<Satisfaction, number>;
  days: { date: string; received: number; closed: number; overdue: number; returned: number }[];
}

export interface DeskMessage {
  id: string;
  at: string;
  title: string;
  body: string;
  /** A case to open on the desk, or a 代办 visit to open on the calendar. */
  caseId?: string;
  bookingId?: string;
  read: boolean;
}

export interface MessagePage {
  messages: DeskMessage[];
  unreadCount: number;
  nextCursor: string | null;
}
