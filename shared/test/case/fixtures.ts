import { applyAction, type CaseActionInput, type CaseActionType, type CaseActor, draftCase, type SystemActor } from '../../src/case';
import type { Case, CaseStatus } from '../../src/schemas/case';
import type { Principal } from '../../src/schemas/roles';

export const GRID = '440106001001001';
export const OTHER_GRID = '440106001001002';
export const DEPT = 'D-SZ'; // 市政
export const OTHER_DEPT = 'D-YL'; // 园林

export const T0 = new Date('2025-05-06T01:00:00.000Z'); // 09:00 in Guangzhou
export const HOUR = 3_600_000;
export const at = (hours: number) => new Date(T0.getTime() + hours * HOUR);
export const iso = (hours: number) => at(hours).toISOString();

const principal = (userId: string, role: Principal['role'], areas: string[] = [], departmentId?: string): Principal => ({
  userId,
  role,
  scope: departmentId === undefined ? { areas } : { areas, departmentId },
});

export const resident = principal('u-res-1', 'resident');
export const otherResident = principal('u-res-2', 'resident');
export const gridWorker = principal('u-gw-1', 'gridWorker', [GRID]);
export const otherGridWorker = principal('u-gw-2', 'gridWorker', [OTHER_GRID]);
export const gridLeader = principal('u-gl-1', 'gridLeader', ['440106001001']);
export const streetDispatcher = principal('u-dc-1', 'dispatcher', ['440106001']);
export const districtDispatcher = principal('u-dc-2', 'dispatcher', ['440106']);
export const handler = principal('u-dh-1', 'departmentHandler', ['440106'], DEPT);
export const otherHandler = principal('u-dh-2', 'departmentHandler', ['440106'], OTHER_DEPT);
export const admin = principal('u-admin', 'admin');
export const system: SystemActor = { role: 'system' };

export function reportedCase(now: Date = T0): Case {
  return draftCase({
    id: 'C0000000000001',
    residentId: resident.userId,
    item: { code: '0101', name: '井盖破损' },
    urgency: 'important',
    description: '人行道上的井盖裂开了，晚上很危险',
    answers: { size: '大' },
    photos: [{ key: 'uploads/u-res-1/p1.jpg' }],
    location: {
      lng: 113.36,
      lat: 23.12,
      address: '天河路 100 号门口',
      gridCode: GRID,
      communityCode: '440106001001',
      streetCode: '440106001',
      districtCode: '440106',
      geohash: 'ws0e9',
    },
    routing: { departmentId: DEPT, via: 'matrix', matrixAreaCode: '440106' },
    dispatchDeadline: new Date(now.getTime() + 24 * HOUR).toISOString(),
    anonymous: false,
    contactPhone: '13800138000',
    now,
  });
}

/** The actor a test uses when it means "someone who is allowed to do this". */
export function authorisedActor(type: CaseActionType): CaseActor {
  switch (type) {
    case 'cancel':
    case 'supplement':
    case 'rate':
    case 'requestReopen':
    case 'urge':
      return resident;
    case 'file':
    case 'reject':
    case 'requestInfo':
    case 'checkPass':
    case 'checkFail':
      return gridWorker;
    case 'dispatch':
    case 'approveExtension':
    case 'denyExtension':
    case 'suspend':
    case 'resume':
    case 'approveReopen':
    case 'denyReopen':
      return streetDispatcher;
    case 'accept':
    case 'return':
    case 'startHandling':
    case 'requestExtension':
    case 'handle':
      return handler;
    case 'expireRating':
      return system;
  }
}

/** A well-formed payload for each action, with dates after `now`. */
export function sampleAction(type: CaseActionType, now: Date): CaseActionInput {
  const later = (h: number) => new Date(now.getTime() + h * HOUR).toISOString();
  switch (type) {
    case 'cancel': return { type, reason: '已经自己解决了' };
    case 'supplement': return { type, text: '井盖在公交站牌东侧', photos: [{ key: 'uploads/u-res-1/p2.jpg' }] };
    case 'file': return { type };
    case 'reject': return { type, kind: 'outOfScope', note: '属于小区物业管理范围' };
    case 'requestInfo': return { type, question: '请补充井盖的具体位置' };
    case 'dispatch': return { type, departmentId: DEPT, handlingDeadline: later(24) };
    case 'accept': return { type };
    case 'return': return { type, reason: '该井盖属于燃气公司' };
    case 'startHandling': return { type };
    case 'requestExtension': return { type, until: later(24 * 30), reason: '需要订购特殊规格的井盖' };
    case 'approveExtension': return { type };
    case 'denyExtension': return { type, reason: '现有库存可以满足' };
    case 'suspend': return { type, reason: '雨季道路施工，需与改造工程一并处理', reviewDate: later(24 * 14) };
    case 'resume': return { type };
    case 'handle': return { type, notes: '已更换新井盖', photos: [{ key: 'uploads/u-dh-1/after.jpg' }] };
    case 'checkPass': return { type };
    case 'checkFail': return { type, reason: '井盖仍有松动' };
    case 'rate': return { type, level: 'satisfied', comment: '很快' };
    case 'expireRating': return { type };
    case 'requestReopen': return { type, reason: '没几天又坏了' };
    case 'approveReopen': return { type };
    case 'denyReopen': return { type, reason: '已另案处理' };
    case 'urge': return { type };
  }
}

/** A case walked through the real machine, one minute per step. */
export class Story {
  case: Case;
  clock: Date;

  constructor(start: Date = T0) {
    this.clock = start;
    this.case = reportedCase(start);
  }

  tick(minutes = 1): Date {
    this.clock = new Date(this.clock.getTime() + minutes * 60_000);
    return this.clock;
  }

  do(actor: CaseActor, action: CaseActionInput, minutes = 1): this {
    this.case = applyAction(this.case, action, { actor, now: this.tick(minutes) }).next;
    return this;
  }

  sample(type: CaseActionType, minutes = 1): this {
    return this.do(authorisedActor(type), sampleAction(type, new Date(this.clock.getTime() + minutes * 60_000)), minutes);
  }
}

/** Shortest real path to each status (a 不满意 rating for `rated`, so 重办 is possible). */
export function storyIn(status: CaseStatus): Story {
  const s = new Story();
  const toHandling = () => s.sample('file').sample('dispatch').sample('accept').sample('startHandling');
  const toClosed = () => toHandling().sample('handle').sample('checkPass');
  switch (status) {
    case 'submitted': return s;
    case 'needsInfo': return s.sample('requestInfo');
    case 'rejected': return s.sample('reject');
    case 'cancelled': return s.sample('cancel');
    case 'filed': return s.sample('file');
    case 'dispatched': return s.sample('file').sample('dispatch');
    case 'returned': return s.sample('file').sample('dispatch').sample('return');
    case 'accepted': return s.sample('file').sample('dispatch').sample('accept');
    case 'handling': return toHandling();
    case 'suspended': return toHandling().sample('suspend');
    case 'handled': return toHandling().sample('handle');
    case 'closed': return toClosed();
    case 'rated': return toClosed().do(resident, { type: 'rate', level: 'dissatisfied', comment: '井盖还是晃' });
    case 'unrated': return toClosed().do(system, { type: 'expireRating' }, 8 * 24 * 60);
  }
}

/** The error `fn` throws, for asserting its code and details. */
export function caught(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to throw');
}
