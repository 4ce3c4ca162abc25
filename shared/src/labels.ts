import type { ItemKind } from './schemas/catalog';
import type { CaseStatus, RatingTag, Satisfaction } from './schemas/case';
import type { WorkerTitle } from './schemas/city';
import type { Role } from './schemas/roles';
import type { CaseActionType } from './case/actions';

/*
 * What users read for each domain value, in one zod-free module: the mini-program imports
 * these values without pulling schema code into its 2 MB package.
 */

export const ROLE_LABELS: Record<Role, string> = {
  resident: '居民',
  gridWorker: '网格员',
  gridLeader: '网格长',
  supervisor: '督导员',
  dispatcher: '指挥中心调度员',
  departmentHandler: '职能部门处置人员',
  admin: '系统管理员',
};

export const ITEM_KIND_LABELS: Record<ItemKind, string> = { component: '部件', event: '事件' };

export const WORKER_TITLE_LABELS: Record<WorkerTitle, string> = {
  gridWorker: '网格员',
  gridLeader: '网格长',
  supervisor: '督导员',
};

export const CASE_STATUS_LABELS: Record<CaseStatus, string> = {
  submitted: '已上报',
  needsInfo: '待补充',
  rejected: '不予立案',
  cancelled: '已撤单',
  filed: '已立案',
  dispatched: '已派遣',
  returned: '已退单',
  accepted: '已签收',
  handling: '处置中',
  suspended: '挂账',
  handled: '已处置',
  closed: '已结案',
  rated: '已评价',
  unrated: '未评价',
};

/** 好差评 five levels (GB/T 39734/39735). */
export const SATISFACTION_LABELS: Record<Satisfaction, string> = {
  verySatisfied: '非常满意',
  satisfied: '满意',
  basicallySatisfied: '基本满意',
  dissatisfied: '不满意',
  veryDissatisfied: '非常不满意',
};

/** The quick tags that fit each level: praise for the good ones, 未解决 for the bad ones, all three in between. */
export const RATING_TAGS_BY_LEVEL: Record<Satisfaction, readonly RatingTag[]> = {
  verySatisfied: ['处理及时', '态度好'],
  satisfied: ['处理及时', '态度好'],
  basicallySatisfied: ['处理及时', '态度好', '未解决'],
  dissatisfied: ['未解决'],
  veryDissatisfied: ['未解决'],
};

/** Staff-facing labels for case actions: the desk's buttons and the staff timeline. */
export const CASE_ACTION_LABELS: Record<CaseActionType, string> = {
  cancel: '撤单',
  supplement: '补充信息',
  file: '立案',
  reject: '不予立案',
  requestInfo: '要求补充',
  dispatch: '派遣',
  accept: '签收',
  return: '退单',
  startHandling: '开始处置',
  requestExtension: '申请延期',
  approveExtension: '批准延期',
  denyExtension: '驳回延期',
  suspend: '挂账',
  resume: '恢复处置',
  handle: '处理反馈',
  checkPass: '核查通过',
  checkFail: '核查不通过',
  rate: '评价',
  expireRating: '评价期满',
  requestReopen: '申请重办',
  approveReopen: '批准重办',
  denyReopen: '驳回重办',
  urge: '催办',
};
