import { residentTimeline, type ResidentTimelineOptions } from '../case/timeline-view';
import { WARNING_STAGE_LABELS, type WarningStage } from '../deadlines';
import { SATISFACTION_LABELS } from '../labels';
import type { Case, CaseStatus, TimelineEvent } from '../schemas/case';
import { formatMonthDayTime } from '../deadlines/beijing-format';
import { replayTo } from './counters';
import { WARN_ACTION } from './sweep';

/**
 * Who should hear of an event, as groups the deliverer resolves to people at delivery
 * time (the staff of an area change; the case's followers grow).
 */
export type StaffGroup =
  | { kind: 'gridStaff'; gridCode: string } // 网格员 / 网格长 / 督导员 of the grid (and those above it)
  | { kind: 'supervisors'; gridCode: string } // 督导员 over the grid
  | { kind: 'dispatchers'; gridCode: string; level: 'street' | 'district' }
  | { kind: 'department'; departmentId: string };

export interface Audience {
  staff: StaffGroup[];
  reporter: boolean;
  followers: boolean;
}

/** Who holds the ball in each status: urges and warnings go to them. */
function holders(c: Case, status: CaseStatus, departmentId: string): StaffGroup[] {
  const grid = c.location.gridCode;
  switch (status) {
    case 'submitted':
    case 'needsInfo':
    case 'handled':
      return [{ kind: 'gridStaff', gridCode: grid }];
    case 'filed':
    case 'returned':
    case 'closed':
    case 'rated':
      return dispatchers(c);
    case 'dispatched':
    case 'accepted':
    case 'handling':
    case 'suspended':
      return [{ kind: 'department', departmentId }];
    default:
      return [];
  }
}

function dispatchers(c: Case): StaffGroup[] {
  const grid = c.location.gridCode;
  return c.escalationLevel > 0
    ? [{ kind: 'dispatchers', gridCode: grid, level: 'district' }]
    : [{ kind: 'dispatchers', gridCode: grid, level: 'street' }];
}

// Steps of the case a follower (我也遇到) cares about: its public progress, not the reporter's own dealings.
const FOLLOWER_ACTIONS = new Set(['file', 'reject', 'dispatch', 'accept', 'return', 'startHandling', 'approveExtension', 'suspend', 'resume', 'handle', 'checkPass', 'checkFail']);

export function audienceOf(c: Case, event: TimelineEvent): Audience {
  const before = replayTo(c, event.seq);
  const grid = c.location.gridCode;
  const data = event.data ?? {};
  const department = typeof data['departmentId'] === 'string' ? (data['departmentId'] as string) : before.departmentId;
  const staff: StaffGroup[] = [];
  switch (event.action) {
    case 'submit':
    case 'supplement':
    case 'cancel':
    case 'handle':
      staff.push({ kind: 'gridStaff', gridCode: grid });
      break;
    case 'file':
    case 'requestExtension':
    case 'requestReopen':
      staff.push(...dispatchers(c));
      break;
    case 'return':
      staff.push({ kind: 'dispatchers', gridCode: grid, level: 'street' });
      if (data['escalated'] === true || c.escalationLevel > 0) staff.push({ kind: 'dispatchers', gridCode: grid, level: 'district' });
      break;
    case 'dispatch':
    case 'approveExtension':
    case 'denyExtension':
    case 'suspend':
    case 'resume':
    case 'checkFail':
      staff.push({ kind: 'department', departmentId: department });
      break;
    case 'rate':
      if (data['level'] === 'dissatisfied' || data['level'] === 'veryDissatisfied') staff.push(...dispatchers(c));
      break;
    case 'urge':
      staff.push(...holders(c, event.to, department));
      break;
    case WARN_ACTION: {
      const held = holders(c, event.to, department);
      staff.push(...held);
      // The responsible staff's supervisor: the centre over a department, the 督导员 over the grid.
      staff.push(...(held.some((g) => g.kind === 'department') ? dispatchers(c) : [{ kind: 'supervisors' as const, gridCode: grid }]));
      break;
    }
  }
  return { staff, reporter: event.action !== WARN_ACTION, followers: FOLLOWER_ACTIONS.has(event.action) };
}

export interface MessageText {
  title: string;
  body: string;
}

/**
 * What a resident reads about one step of their case: the same plain-Chinese entry as the
 * progress page (no staff name, note or phone), or null when the step is internal.
 */
export function residentMessage(c: Case, event: TimelineEvent, options: ResidentTimelineOptions & { follower?: boolean } = {}): MessageText | null {
  if (event.action === WARN_ACTION) return null;
  const upTo = (seq: number): Case => ({ ...c, timeline: c.timeline.filter((e) => e.seq <= seq) });
  const before = event.seq > 0 ? residentTimeline(upTo(event.seq - 1), options).length : 0;
  const entries = residentTimeline(upTo(event.seq), options);
  if (entries.length <= before) return null;
  const entry = entries[entries.length - 1]!;
  const numbered = c.caseNumber ? `（受理编号 ${c.caseNumber}）` : '';
  const subject = options.follower ? `您关注的“${c.itemName}”${numbered}` : `您上报的“${c.itemName}”${numbered}`;
  return { title: entry.title, body: entry.detail ? `${subject}：${entry.detail}` : `${subject}有新进展` };
}

/** The case as staff read it out: its 受理编号 first, then what and where. */
function where(c: Case): string {
  const what = c.location.address ? `${c.itemName}（${c.location.address}）` : c.itemName;
  return c.caseNumber ? `${c.caseNumber} ${what}` : what;
}

/** What staff read in their message centre. Staff may see reasons; never a resident's phone. */
export function staffMessage(c: Case, event: TimelineEvent): MessageText | null {
  const data = event.data ?? {};
  const reason = event.reason ? `原因：${event.reason}` : undefined;
  const body = (...parts: (string | undefined)[]) => [where(c), ...parts].filter(Boolean).join('；');
  switch (event.action) {
    case 'submit':
      return { title: '新上报待核实', body: body() };
    case 'supplement':
      return { title: '居民已补充信息', body: body() };
    case 'cancel':
      return { title: '居民已撤单', body: body() };
    case 'file':
      return { title: '新立案待派遣', body: body() };
    case 'dispatch': {
      const deadline = typeof data['handlingDeadline'] === 'string' ? `处置期限 ${formatMonthDayTime(data['handlingDeadline'] as string)}` : undefined;
      return { title: '新派遣案件待签收', body: body(deadline) };
    }
    case 'return':
      return {
        title: data['escalated'] === true ? '案件多次退单，已提交区级仲裁' : '案件被退单，请重新派遣',
        body: body(`已退单 ${String(data['returnCount'] ?? '')} 次`, reason),
      };
    case 'requestExtension':
      return { title: '延期申请待审批', body: body(reason) };
    case 'approveExtension':
      return { title: '延期申请已批准', body: body() };
    case 'denyExtension':
      return { title: '延期申请被驳回', body: body(reason) };
    case 'suspend':
      return { title: '案件已挂账', body: body(reason) };
    case 'resume':
      return { title: '案件已恢复处置', body: body() };
    case 'handle':
      return { title: '处置完毕待核查', body: body() };
    case 'checkFail':
      return { title: '核查未通过，请重新处置', body: body(reason) };
    case 'urge':
      return { title: '居民催办', body: body(`第 ${String(data['urgeCount'] ?? 1)} 次催办`) };
    case 'rate': {
      const level = data['level'] as keyof typeof SATISFACTION_LABELS;
      return { title: `居民评价：${SATISFACTION_LABELS[level] ?? ''}`, body: body() };
    }
    case 'requestReopen':
      return { title: '重办申请待审核', body: body(reason) };
    case WARN_ACTION: {
      const stage = data['stage'] as WarningStage;
      const deadline = typeof data['deadline'] === 'string' ? `期限 ${formatMonthDayTime(data['deadline'] as string)}` : undefined;
      return { title: stage === 'overdue' ? '案件已超期' : `${WARNING_STAGE_LABELS[stage] ?? '预警'}：临近期限`, body: body(deadline) };
    }
    default:
      return null;
  }
}
