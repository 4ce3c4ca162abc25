import { applyAction, type CaseActionInput, type CaseActor, draftCase, residentTimeline } from '../../src/case';
import { caseSchema } from '../../src/schemas/case';
import { caught, DEPT, gridWorker, handler, iso, reportedCase, resident, streetDispatcher, T0 } from './fixtures';

const DEPARTMENTS: Record<string, string> = { [DEPT]: '市政部门' };

describe('a report from 上报 to 评价', () => {
  it('walks the closed loop and tells the resident each step in plain Chinese', () => {
    // Prepare
    let c = reportedCase(T0);
    const steps: [CaseActor, CaseActionInput][] = [
      [gridWorker, { type: 'file', note: '现场核实属实' }],
      [streetDispatcher, { type: 'dispatch', departmentId: DEPT, handlingDeadline: '2025-05-07T10:00:00.000Z' }],
      [handler, { type: 'accept' }],
      [handler, { type: 'startHandling' }],
      [handler, { type: 'handle', notes: '已更换井盖，有问题请联系王工 13912345678', photos: [{ key: 'uploads/u-dh-1/after.jpg' }] }],
      [gridWorker, { type: 'checkPass' }],
      [resident, { type: 'rate', level: 'verySatisfied', comment: '处理很及时' }],
    ];

    // Act
    steps.forEach(([actor, action], i) => {
      c = applyAction(c, action, { actor, now: new Date(T0.getTime() + (i + 1) * 3_600_000) }).next;
    });
    const view = residentTimeline(c, { departmentName: (id) => DEPARTMENTS[id] });

    // Assess
    expect(c).toMatchObject({ status: 'rated', version: 7, closedAt: iso(6), rating: { level: 'verySatisfied', comment: '处理很及时' } });
    expect(caseSchema.safeParse(c).success).toBe(true);
    expect(view.map((e) => e.title)).toEqual([
      '您已提交上报',
      '网格员已受理并立案',
      '已派遣至市政部门处理',
      '市政部门已签收',
      '市政部门正在处置',
      '市政部门已处置完毕，等待网格员现场核查',
      '网格员现场核查通过，案件已办结',
      '您的评价：非常满意',
    ]);
    expect(view[0]).toEqual({ at: T0.toISOString(), title: '您已提交上报', detail: '问题类型：井盖破损' });
    // 10:00Z is 18:00 in Guangzhou.
    expect(view[2]?.detail).toBe('预计 5月7日 18:00 前处置完毕');
    expect(view[5]?.detail).toBe('处置结果：已更换井盖，有问题请联系王工 139****5678');
  });

  it('never shows the resident a staff id or a staff phone number', () => {
    let c = reportedCase(T0);
    const at = (m: number) => new Date(T0.getTime() + m * 60_000);
    c = applyAction(c, { type: 'requestInfo', question: '请补充楼栋号，或致电 13912345678' }, { actor: gridWorker, now: at(1), actorName: '张网格' }).next;
    c = applyAction(c, { type: 'supplement', text: '3 栋' }, { actor: resident, now: at(2) }).next;
    c = applyAction(c, { type: 'reject', kind: 'outOfScope', note: '属小区内部设施，请联系物业 020-87654321' }, { actor: gridWorker, now: at(3), actorName: '张网格' }).next;
    const text = JSON.stringify(residentTimeline(c));
    expect(text).toContain('请补充楼栋号，或致电 139****5678');
    expect(text).not.toContain(gridWorker.userId);
    expect(text).not.toContain('张网格');
    expect(text).not.toContain('87654321');
    expect(text).not.toContain('13912345678');
    expect(c.timeline.at(-1)?.actor).toEqual({ role: 'gridWorker', userId: gridWorker.userId, name: '张网格' });
  });

  it('tells the resident plainly when a department bounces the case', () => {
    let c = reportedCase(T0);
    const at = (h: number) => new Date(T0.getTime() + h * 3_600_000);
    c = applyAction(c, { type: 'file' }, { actor: gridWorker, now: at(1) }).next;
    c = applyAction(c, { type: 'dispatch', departmentId: DEPT, handlingDeadline: iso(48) }, { actor: streetDispatcher, now: at(2) }).next;
    c = applyAction(c, { type: 'return', reason: '井盖产权属于燃气公司' }, { actor: handler, now: at(3) }).next;
    expect(residentTimeline(c, { departmentName: (id) => DEPARTMENTS[id] }).at(-1)).toEqual({
      at: iso(3),
      title: '市政部门认为不属于其职责，已退回指挥中心重新派遣',
      detail: '退回理由：井盖产权属于燃气公司',
    });
  });

  it('hides internal steps (延期 requests) but shows the approved new deadline', () => {
    let c = reportedCase(T0);
    const at = (h: number) => new Date(T0.getTime() + h * 3_600_000);
    c = applyAction(c, { type: 'file' }, { actor: gridWorker, now: at(1) }).next;
    c = applyAction(c, { type: 'dispatch', departmentId: DEPT, handlingDeadline: iso(48) }, { actor: streetDispatcher, now: at(2) }).next;
    c = applyAction(c, { type: 'accept' }, { actor: handler, now: at(3) }).next;
    c = applyAction(c, { type: 'requestExtension', until: '2025-05-20T04:00:00.000Z', reason: '需订购特殊规格井盖' }, { actor: handler, now: at(4) }).next;
    const beforeApproval = residentTimeline(c);
    c = applyAction(c, { type: 'approveExtension' }, { actor: streetDispatcher, now: at(5) }).next;
    expect(beforeApproval.at(-1)?.title).toBe('职能部门已签收');
    expect(residentTimeline(c).at(-1)).toEqual({ at: iso(5), title: '处置期限已延长至 5月20日 12:00', detail: '延期原因：需订购特殊规格井盖' });
  });
});

describe('draftCase', () => {
  it('starts at 已上报 with version 0 and one submit event from nowhere', () => {
    const c = reportedCase(T0);
    expect(c).toMatchObject({ status: 'submitted', version: 0, createdAt: T0.toISOString(), updatedAt: T0.toISOString(), urgeCount: 0, returnCount: 0 });
    expect(c.timeline).toEqual([
      expect.objectContaining({ seq: 0, action: 'submit', from: null, to: 'submitted', actor: { role: 'resident', userId: resident.userId } }),
    ]);
  });

  it('refuses a report whose location has no valid grid code', () => {
    const good = reportedCase(T0);
    const bad = () =>
      draftCase({
        id: good.id,
        residentId: good.residentId,
        item: { code: good.itemCode, name: good.itemName },
        urgency: good.urgency,
        description: good.description,
        answers: good.answers,
        photos: good.photos,
        location: { ...good.location, gridCode: '4401' },
        routing: good.routing,
        dispatchDeadline: good.dispatchDeadline,
        anonymous: false,
        now: T0,
      });
    expect(caught(bad)).toMatchObject({ code: 'CASE.VALIDATION', problems: [expect.objectContaining({ path: 'location.gridCode' })] });
  });
});
