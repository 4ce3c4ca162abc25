import { SATISFACTION_LABELS } from '../labels';
import type { SubscribeContent } from '../wechat/templates';
import { formatSlotTime } from '../deadlines/beijing-format';
import { BOOKING_STATUS_LABELS } from './labels';
import type { Booking, BookingEvent } from './schema';
import type { Satisfaction } from '../schemas/case';

export interface BookingMessage {
  title: string;
  body: string;
}

export interface BookingMessages {
  resident?: BookingMessage;
  worker?: BookingMessage;
}

interface ServiceFacts {
  name: string;
  agency: string;
  requiredMaterials: string[];
}

/**
 * What the message centre tells the resident and the worker about one step. Each hears of
 * what the other did (and both of the day-before reminder); nobody is told of their own
 * step. Staff notes never appear; the address stays in the booking, not in messages.
 */
export function bookingMessages(b: Booking, e: BookingEvent, service: ServiceFacts): BookingMessages {
  const slotOf = (key: string) => (typeof e.data?.[key] === 'string' ? (e.data[key] as string) : b.slotStart);
  const when = formatSlotTime(slotOf(e.action === 'request' || e.action === 'remind' ? 'slotStart' : 'toStart'));
  const worker = b.workerName;
  switch (e.action) {
    case 'request':
      return { worker: { title: '新的代办预约', body: `${when} ${service.name}，请尽快确认。` } };
    case 'cancel':
      return { worker: { title: '居民取消了预约', body: `${formatSlotTime(b.slotStart)} ${service.name}${e.reason ? `。原因：${e.reason}` : ''}` } };
    case 'reschedule':
      return { worker: { title: '居民改约，请重新确认', body: `${service.name}改到 ${when}${e.reason ? `。原因：${e.reason}` : ''}` } };
    case 'rate': {
      const level = e.data?.level as Satisfaction | undefined;
      return { worker: { title: '居民评价了上门代办', body: `${service.name}：${level ? SATISFACTION_LABELS[level] : '已评价'}` } };
    }
    case 'confirm':
      return { resident: { title: '预约已确认', body: `${worker}将于 ${formatSlotTime(b.slotStart)} 上门办理${service.name}，请提前准备好材料。` } };
    case 'decline':
      return { resident: { title: '预约未能安排', body: `${service.name}：${e.reason ?? ''}` } };
    case 'workerReschedule':
      return { resident: { title: '上门时间有调整', body: `${worker}把上门时间改到 ${when}。原因：${e.reason ?? ''}` } };
    case 'visited':
      return { resident: { title: '材料已收取', body: `${worker}已上门收取${service.name}的材料。` } };
    case 'submitted':
      return { resident: { title: '材料已交办证机关', body: `${service.name}的材料已交${service.agency}办理，办好后送到您家。` } };
    case 'completed':
      return { resident: { title: '代办已办结', body: `${service.name}已办好并送达，欢迎为这次上门服务评价。` } };
    case 'noShow':
      return { resident: { title: '上门未能见面', body: `${worker}按约上门未能见到您，如仍需办理请重新预约。` } };
    case 'remind':
      return {
        resident: { title: '明天有上门代办', body: `${when}，${worker}上门办理${service.name}。请准备：${service.requiredMaterials.join('、') || '见预约详情'}。` },
        worker: { title: '明天有上门代办', body: `${when} ${service.name}，地址见当天日程。` },
      };
    default:
      return {};
  }
}

/** Steps that put work in the worker's hands (a visit to confirm again, or one to prepare for): worth a WeChat message. */
const WORKER_NEWS = new Set(['request', 'reschedule', 'remind']);

/**
 * Which subscribe message (if any) carries a step to the resident or the worker, given what
 * the message centre tells them (`text`; none: the step is not theirs to hear of). Residents
 * hear every step of their own booking on the 代办预约 template and land on its page;
 * workers hear only of new work, on the 新工单 template, and land on that day's calendar.
 * The address never goes to WeChat.
 */
export function bookingSubscribeContent(b: Booking, e: BookingEvent, as: 'resident' | 'worker', text: BookingMessage | undefined, serviceName: string): SubscribeContent | null {
  if (!text) return null;
  const start = typeof e.data?.toStart === 'string' ? e.data.toStart : b.slotStart;
  if (as === 'resident') {
    return {
      kind: 'booking',
      page: `bookings/pages/detail/index?id=${b.id}`,
      fields: { item: serviceName, status: BOOKING_STATUS_LABELS[e.to], time: start, note: text.title },
    };
  }
  if (!WORKER_NEWS.has(e.action)) return null;
  return {
    kind: 'newCase',
    page: `worker/pages/visits/index?booking=${b.id}`,
    fields: { item: `上门代办：${serviceName}`, address: '见当天日程', note: text.title, time: start },
  };
}
