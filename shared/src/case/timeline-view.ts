import { formatMonthDayTime } from '../deadlines/beijing-format';
import { type Actor, type Case, CASE_STATUS_LABELS, SATISFACTION_LABELS, type Satisfaction, type TimelineEvent } from '../schemas/case';

export interface ResidentTimelineEntry {
  at: string;
  title: string;
  detail?: string;
}

export interface ResidentTimelineOptions {
  /** Department id → name shown to residents (e.g. "区市政管理所"). */
  departmentName?: (departmentId: string) => string | undefined;
}

// Staff free text can carry a colleague's number; residents get the grid's public card instead.
const MOBILE = /(?<!\d)(1[3-9]\d)\d{4}(\d{4})(?!\d)/g;
const LANDLINE = /(?<!\d)0\d{2,3}-?\d{7,8}(?!\d)/g;
/** Staff free text as residents may read it: phone numbers masked, blank as nothing. */
export function redact(text: string | undefined): string | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  return text.replace(MOBILE, '$1****$2').replace(LANDLINE, '****');
}

const STAFF_LABELS: Record<Actor['role'], string> = {
  resident: '您',
  gridWorker: '网格员',
  gridLeader: '网格长',
  supervisor: '督导员',
  dispatcher: '指挥中心',
  departmentHandler: '处置部门',
  admin: '工作人员',
  system: '系统',
};

function str(data: TimelineEvent['data'], key: string): string | undefined {
  const value = data?.[key];
  return typeof value === 'string' ? value : undefined;
}

function joinDetail(...parts: (string | undefined)[]): string | undefined {
  const present = parts.filter((p): p is string => p !== undefined && p !== '');
  return present.length ? present.join('；') : undefined;
}

/**
 * The case's timeline in plain Chinese for the resident who reported it. Internal steps
 * (延期 requests, denials) are left out; no staff name, id or phone number appears.
 */
export function residentTimeline(caseItem: Case, options: ResidentTimelineOptions = {}): ResidentTimelineEntry[] {
  const deptName = (id: string | undefined) => (id && options.departmentName?.(id)) || '职能部门';
  // Which department holds the case at each point, as the timeline is replayed.
  let department = caseItem.timeline[0] ? str(caseItem.timeline[0].data, 'departmentId') : undefined;
  const entries: ResidentTimelineEntry[] = [];

  for (const event of caseItem.timeline) {
    const who = STAFF_LABELS[event.actor.role];
    const reason = redact(event.reason);
    const note = redact(event.note);
    const entry = (title: string, detail?: string) => entries.push(detail === undefined ? { at: event.at, title } : { at: event.at, title, detail });

    switch (event.action) {
      case 'submit':
        entry('您已提交上报', `问题类型：${caseItem.itemName}`);
        break;
      case 'cancel':
        entry('您已撤单', reason);
        break;
      case 'supplement':
        entry('您已补充信息', note);
        break;
      case 'file':
        entry(`${who}已受理并立案`);
        break;
      case 'reject':
        if (str(event.data, 'kind') === 'duplicate') {
          entry('未予立案：该问题已有人上报', '已并入原案件一并处理，您可以关注原案件的进度');
        } else {
          entry('未予立案：不属于受理范围', reason && `说明：${reason}`);
        }
        break;
      case 'requestInfo':
        entry(`${who}请您补充信息`, note);
        break;
      case 'dispatch': {
        department = str(event.data, 'departmentId') ?? department;
        const deadline = str(event.data, 'handlingDeadline');
        const again = caseItem.timeline.some((e) => e.seq < event.seq && e.action === 'dispatch');
        entry(`已${again ? '重新' : ''}派遣至${deptName(department)}处理`, deadline && `预计 ${formatMonthDayTime(deadline)} 前处置完毕`);
        break;
      }
      case 'accept':
        entry(`${deptName(department)}已签收`);
        break;
      case 'return': {
        const escalated = event.data?.['escalated'] === true;
        entry(
          `${deptName(department)}认为不属于其职责，已退回指挥中心重新派遣`,
          joinDetail(reason && `退回理由：${reason}`, escalated ? `该案件已被退回 ${String(event.data?.['returnCount'])} 次，已提交上级指挥中心协调` : undefined),
        );
        break;
      }
      case 'startHandling':
        entry(`${deptName(department)}正在处置`);
        break;
      case 'approveExtension': {
        const until = str(event.data, 'until');
        const why = redact(str(event.data, 'requestReason'));
        entry(until ? `处置期限已延长至 ${formatMonthDayTime(until)}` : '处置期限已延长', why && `延期原因：${why}`);
        break;
      }
      case 'suspend': {
        const review = str(event.data, 'reviewDate');
        entry('案件暂缓处置（挂账）', joinDetail(reason && `原因：${reason}`, review && `计划于 ${formatMonthDayTime(review)} 复查`));
        break;
      }
      case 'resume': {
        const deadline = str(event.data, 'handlingDeadline');
        entry('案件已恢复处置', deadline && `预计 ${formatMonthDayTime(deadline)} 前处置完毕`);
        break;
      }
      case 'handle':
        entry(`${deptName(department)}已处置完毕，等待网格员现场核查`, note && `处置结果：${note}`);
        break;
      case 'checkPass':
        entry(`${who}现场核查通过，案件已办结`, '欢迎您对办理结果进行评价');
        break;
      case 'checkFail':
        entry(`${who}现场核查未通过，已要求重新处置`, reason && `原因：${reason}`);
        break;
      case 'rate': {
        const level = str(event.data, 'level') as Satisfaction | undefined;
        entry(`您的评价：${level ? SATISFACTION_LABELS[level] : '已评价'}`, note);
        break;
      }
      case 'expireRating':
        entry('评价期已过，记为未评价');
        break;
      case 'requestReopen':
        entry('您已申请重办', reason && `理由：${reason}`);
        break;
      case 'approveReopen':
        entry('重办申请已通过，案件将重新派遣处理');
        break;
      case 'denyReopen':
        entry('重办申请未通过', reason && `说明：${reason}`);
        break;
      case 'urge':
        entry('您已催办', '已提醒处置人员尽快办理');
        break;
      case 'requestExtension':
      case 'denyExtension':
      case 'readContact': // a staff read of the phone is audited for staff, not a step of the case
        break; // internal to the centre and the department
      case 'warn':
        break; // the sweep's deadline warnings are for staff
      default:
        entry(`案件状态更新：${CASE_STATUS_LABELS[event.to]}`);
    }
  }
  return entries;
}
