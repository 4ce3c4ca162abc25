import type { Case } from '../schemas/case';
import type { ResidentTimelineEntry, ResidentTimelineOptions } from './timeline-view';

/**
 * A followed case's progress for a neighbour who follows it: only the public steps, with no
 * free text at all (neither the reporter's words nor staff notes) and no one's name.
 */
export function followerTimeline(caseItem: Case, options: ResidentTimelineOptions = {}): ResidentTimelineEntry[] {
  const deptName = (id: string | undefined) => (id && options.departmentName?.(id)) || '职能部门';
  const first = caseItem.timeline[0]?.data?.['departmentId'];
  let department = typeof first === 'string' ? first : undefined;
  const entries: ResidentTimelineEntry[] = [];
  for (const event of caseItem.timeline) {
    const add = (title: string) => entries.push({ at: event.at, title });
    switch (event.action) {
      case 'submit':
        add('居民已上报');
        break;
      case 'cancel':
        add('上报人已撤单');
        break;
      case 'requestInfo':
        add('工作人员请上报人补充信息');
        break;
      case 'supplement':
        add('上报人已补充信息');
        break;
      case 'file':
        add('已受理并立案');
        break;
      case 'reject':
        add(event.data?.['kind'] === 'duplicate' ? '未予立案：已并入其他案件处理' : '未予立案：不属于受理范围');
        break;
      case 'dispatch': {
        const to = event.data?.['departmentId'];
        department = typeof to === 'string' ? to : department;
        add(`已派遣至${deptName(department)}处理`);
        break;
      }
      case 'accept':
        add(`${deptName(department)}已签收`);
        break;
      case 'return':
        add('已退回指挥中心重新派遣');
        break;
      case 'startHandling':
        add(`${deptName(department)}正在处置`);
        break;
      case 'approveExtension':
        add('处置期限已延长');
        break;
      case 'suspend':
        add('案件暂缓处置（挂账）');
        break;
      case 'resume':
        add('案件已恢复处置');
        break;
      case 'handle':
        add(`${deptName(department)}已处置完毕，等待现场核查`);
        break;
      case 'checkPass':
        add('现场核查通过，案件已办结');
        break;
      case 'checkFail':
        add('现场核查未通过，已要求重新处置');
        break;
      case 'approveReopen':
        add('案件已重新办理');
        break;
      default:
        // 催办, ratings, 重办 requests and internal steps are the reporter's or the staff's own.
        break;
    }
  }
  return entries;
}
