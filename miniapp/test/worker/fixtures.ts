import type { LoginResponse } from '@gridtong/shared/api/auth';
import type { WorkerBookingView } from '@gridtong/shared/api/bookings';
import type { WorkCaseRow, WorkCaseView } from '@gridtong/shared/api/desk';

/* Answers shaped like the staff API's (shared/src/api/desk.ts), as the desk receives them. */

export const staffLogin = (role: LoginResponse['user']['role'], extra: Partial<LoginResponse['user']> = {}): LoginResponse => ({
  token: `tok-${role}`,
  expiresAt: '2999-01-01T00:00:00.000Z',
  user: { userId: `U-${role}`, role, areas: ['440106001001001'], name: '测试', ...extra },
});

const HOUR = 3_600_000;
export const at = (hoursFromNow: number) => new Date(Date.now() + hoursFromNow * HOUR).toISOString();

export const row = (id: string, itemName: string, warning: WorkCaseRow['warning'], deadlineHours: number, extra: Partial<WorkCaseRow> = {}): WorkCaseRow => ({
  id,
  version: 1,
  itemCode: '0401',
  itemName,
  status: 'submitted',
  statusLabel: '已上报',
  urgency: 'normal',
  urgencyLabel: '三级（一般）',
  address: '榕溪东路 12 号',
  gridCode: '440106001001001',
  gridName: '榕溪东社区第1网格',
  departmentId: 'D440106-YL',
  departmentName: '区园林绿化局',
  deadline: at(deadlineHours),
  deadlineKind: 'dispatch',
  warning,
  warningLabel: '',
  followerCount: 0,
  urgeCount: 0,
  returnCount: 0,
  escalationLevel: 0,
  createdAt: at(-30),
  updatedAt: at(-1),
  ...extra,
});

export const queue = (name: string, cases: unknown[], nextCursor: string | null = null) => ({ queue: name, cases, nextCursor });

export const CASE_ID = 'C01HZXTESTCASE0001';

export const caseView = (extra: Partial<WorkCaseView> = {}): WorkCaseView => ({
  id: CASE_ID,
  caseNumber: 'TH2611220001',
  version: 3,
  status: 'filed',
  statusLabel: '已立案',
  itemCode: '0401',
  itemName: '行道树倒伏',
  urgency: 'important',
  urgencyLabel: '二级（较急）',
  description: '大树倒在人行道上，挡住了路',
  answers: {},
  anonymous: false,
  hasContactPhone: true,
  location: {
    address: '榕溪东路 12 号',
    lat: 23.1,
    lng: 113.3,
    gridCode: '440106001001001',
    gridName: '榕溪东社区第1网格',
    communityCode: '440106001001',
    communityName: '榕溪东社区',
    streetCode: '440106001',
    streetName: '榕溪街道',
    districtCode: '440106',
  },
  routing: { departmentId: 'D440106-YL', departmentName: '区园林绿化局', via: 'matrix' },
  deadlines: { dispatchDeadline: at(20), current: at(20), currentKind: 'dispatch', warning: 'yellow', warningLabel: '黄色预警' },
  returnCount: 0,
  escalationLevel: 0,
  extensionCount: 0,
  followerCount: 2,
  urgeCount: 1,
  reopenRequested: false,
  reopenCount: 0,
  createdAt: at(-4),
  updatedAt: at(-1),
  photos: [{ url: 'https://s3.local/before-1.jpg', kind: 'report', at: at(-4) }],
  timeline: [
    { seq: 0, at: at(-4), action: 'submit', actionLabel: '上报', from: null, to: 'submitted', actorRole: 'resident', actorRoleLabel: '居民' },
    { seq: 1, at: at(-1), action: 'file', actionLabel: '立案', from: 'submitted', to: 'filed', actorRole: 'gridWorker', actorRoleLabel: '网格员', actorName: '李网格', note: '现场核实属实' },
  ],
  availableActions: [
    { type: 'dispatch', label: '派遣' },
    { type: 'reject', label: '不予立案' },
  ],
  dispatchDefaults: { departmentId: 'D440106-YL', departmentName: '区园林绿化局', handlingDeadline: '2026-11-24T09:00:00.000Z' },
  ...extra,
});

/** A 代办 visit as the worker's calendar receives it: a 社保卡 visit waiting for confirmation, theirs to make. */
export const workerVisit = (over: Partial<WorkerBookingView> = {}): WorkerBookingView => ({
  id: 'B0123456789ABCDEF', version: 1, status: 'requested', statusLabel: '待确认',
  service: { code: 'S04', name: '社保卡申领/补换', agency: '区人力资源和社会保障局', visitMinutes: 20 },
  workerName: '李网格', start: '2026-11-24T06:00:00.000Z', end: '2026-11-24T06:30:00.000Z', slotLabel: '11月24日（周二）14:00',
  materials: [{ name: '本人居民身份证原件', required: true, ready: true }, { name: '数码相片回执', required: false, ready: false }],
  mine: true, address: '榕溪东路 8 号 3 栋 502', contactPhone: '13800138000', note: '老人在家，请先打电话',
  availableActions: ['confirm', 'decline', 'reschedule'], createdAt: '2026-11-24T01:00:00.000Z',
  gridCode: '440106001001001', checklist: [], receiptPhotoUrls: [], residentReschedules: 0,
  timeline: [{ at: '2026-11-24T01:00:00.000Z', action: 'request', label: '提交预约' }],
  ...over,
});
