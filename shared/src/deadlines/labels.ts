import type { Duration, DurationUnit, Urgency } from './time-limits';
import type { WarningStage } from './warnings';

export const URGENCY_LABELS: Record<Urgency, string> = {
  urgent: '一级（紧急）',
  important: '二级（较急）',
  normal: '三级（一般）',
};

export const WARNING_STAGE_LABELS: Record<WarningStage, string> = {
  none: '正常',
  yellow: '黄色预警',
  orange: '橙色预警',
  red: '红色预警',
  overdue: '已超期',
};

export const DURATION_UNIT_LABELS: Record<DurationUnit, string> = {
  calendarHours: '小时',
  workingHours: '工作小时',
  workingDays: '个工作日',
  calendarDays: '天',
};

/** '2小时', '4工作小时', '5个工作日', '7天'. */
export function formatDuration(duration: Duration): string {
  return `${duration.amount}${DURATION_UNIT_LABELS[duration.unit]}`;
}
