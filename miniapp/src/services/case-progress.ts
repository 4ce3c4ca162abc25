import type { CaseStatus } from '@gridtong/shared/schemas/case';

/**
 * Where a case stands on the resident's six steps 提交 → 立案 → 派遣 → 处置 → 核查 → 评价,
 * in plain language. `current` is the step being worked on now (6 = all done).
 */
export interface CaseProgress {
  current: number;
  /** Short tag for lists. */
  tag: string;
  /** One sentence saying what happens next. */
  explain: string;
  tone: 'progress' | 'done' | 'stopped' | 'attention';
}

const P = (current: number, tag: string, explain: string, tone: CaseProgress['tone'] = 'progress'): CaseProgress => ({ current, tag, explain, tone });

const PROGRESS: Record<CaseStatus, CaseProgress> = {
  submitted: P(0, '已提交', '已提交，等待网格员核实立案'),
  needsInfo: P(0, '待补充', '工作人员需要您补充信息', 'attention'),
  rejected: P(1, '不予立案', '经核实不予立案', 'stopped'),
  cancelled: P(0, '已撤销', '您已撤销这件上报', 'stopped'),
  filed: P(2, '已立案', '已立案，等待派遣到处理部门'),
  dispatched: P(3, '已派遣', '已派遣到处理部门，等待处理'),
  returned: P(2, '重新派遣中', '正在重新确定处理部门'),
  accepted: P(3, '处理中', '处理部门已接单'),
  handling: P(3, '处理中', '处理部门正在处理'),
  suspended: P(3, '暂缓处理', '需要施工或季节性处理，已登记，到期复查'),
  handled: P(4, '待核查', '已处理，等待网格员现场核查'),
  closed: P(5, '待评价', '已办结，请评价处理结果', 'attention'),
  rated: P(6, '已评价', '已办结并评价', 'done'),
  unrated: P(6, '已办结', '已办结', 'done'),
};

// Rated, but the resident asked for 重办: not done until the centre has decided.
const REOPEN_UNDER_REVIEW = P(5, '重办审核中', '您已申请重办，等待指挥中心审核', 'attention');

export function caseProgress(status: CaseStatus, reopenRequested = false): CaseProgress {
  if (reopenRequested && status === 'rated') return REOPEN_UNDER_REVIEW;
  return PROGRESS[status] ?? P(0, status, '');
}
