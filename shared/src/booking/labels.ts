import type { BookingStatus } from './schema';

export const BOOKING_STATUS_LABELS: Record<BookingStatus, string> = {
  requested: '待确认',
  confirmed: '已确认',
  declined: '未能安排',
  visited: '已上门',
  submitted: '已代交',
  completed: '已办结',
  cancelled: '已取消',
  noShow: '未能见面',
};

/** How each step reads in the resident's timeline and the message centre. */
export const BOOKING_ACTION_LABELS: Record<string, string> = {
  request: '提交预约',
  confirm: '网格员已确认上门时间',
  decline: '网格员未能安排此次上门',
  cancel: '已取消预约',
  reschedule: '已改约',
  workerReschedule: '网格员调整了上门时间',
  visited: '网格员已上门收取材料',
  submitted: '材料已交办证机关',
  completed: '证件已送达，办结',
  noShow: '上门未能见面',
  rate: '已评价',
  remind: '明天有上门代办，请准备好材料',
};
