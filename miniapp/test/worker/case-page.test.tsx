import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import WorkCasePage from '../../src/worker/pages/case/index';
import { platform } from '../../src/services/platform';
import { session } from '../../src/services/session';
import { CASE_ID, caseView, staffLogin } from './fixtures';

/** Taro's H5 text fields render their inner <textarea>/<input> a moment after mounting. */
const typeInto = async (label: string, value: string) => {
  const box = screen.getByLabelText(label);
  const input = await waitFor(() => {
    const inner = box.querySelector('textarea, input');
    if (!inner) throw new Error(`no text field inside ${label} yet`);
    return inner;
  });
  fireEvent.input(input, { target: { value } });
};

const OPTIONS = [
  { id: 'D440106-YL', name: '区园林绿化局', areaCode: '440106' },
  { id: 'D440106-CG', name: '区城市管理和综合执法局', areaCode: '440106' },
  { id: 'D440106001-HW', name: '榕溪街环卫站', areaCode: '440106001' },
];

describe('worker desk: a case and its actions', () => {
  beforeEach(() => {
    jest.spyOn(platform, 'pageParams').mockReturnValue({ id: CASE_ID });
    jest.spyOn(platform, 'toast').mockImplementation(() => undefined);
    jest.spyOn(platform, 'scrollToTop').mockImplementation(() => undefined);
  });
  afterEach(() => {
    jest.restoreAllMocks();
    session.clear();
  });

  it('shows the case, its photos and timeline, and exactly the actions the server offers', async () => {
    // Prepare
    session.save(staffLogin('dispatcher', { areas: ['440106001'] }));
    const request = jest.spyOn(platform, 'request').mockResolvedValue({ status: 200, data: caseView() });

    // Act
    render(<WorkCasePage />);

    // Assess
    const head = await screen.findByRole('region', { name: '行道树倒伏' });
    expect(within(head).getByText('黄色预警')).toBeTruthy();
    expect(within(head).getByText('区园林绿化局（按权责清单）')).toBeTruthy();
    expect(within(head).getByText('居民催办 1 次')).toBeTruthy();
    expect(within(head).getByText('TH 261122 0001')).toBeTruthy();
    expect(screen.getByLabelText('上报照片 1').getAttribute('src')).toBe('https://s3.local/before-1.jpg');
    expect(within(screen.getByRole('group', { name: '处置后照片' })).getByText('无照片')).toBeTruthy();
    const actions = screen.getByRole('region', { name: '可执行的操作' });
    expect(within(actions).getAllByRole('button').map((b) => b.getAttribute('aria-label'))).toEqual(['派遣', '不予立案']);
    const timeline = screen.getByRole('list', { name: '办理记录' });
    expect(within(timeline).getAllByRole('listitem')).toHaveLength(2);
    expect(within(timeline).getByText(/网格员 李网格/)).toBeTruthy();
    expect(within(timeline).getByText('现场核实属实')).toBeTruthy();
    expect(request).toHaveBeenCalledWith(expect.objectContaining({ method: 'GET', url: expect.stringMatching(new RegExp(`/v1/work/cases/${CASE_ID}$`)) }));
  });

  it('dispatches to the 权责清单 department and deadline by default, with the version it showed', async () => {
    // Prepare
    session.save(staffLogin('dispatcher', { areas: ['440106001'] }));
    const after = caseView({
      version: 4,
      status: 'dispatched',
      statusLabel: '已派遣',
      availableActions: [],
      deadlines: { dispatchDeadline: '2026-11-23T09:00:00.000Z', handlingDeadline: '2026-11-24T09:00:00.000Z', current: '2026-11-24T09:00:00.000Z', currentKind: 'handling', warning: 'none', warningLabel: '正常' },
    });
    const request = jest
      .spyOn(platform, 'request')
      .mockResolvedValueOnce({ status: 200, data: caseView({ departmentOptions: OPTIONS }) })
      .mockResolvedValueOnce({ status: 200, data: after });
    render(<WorkCasePage />);

    // Act
    fireEvent.click(await screen.findByRole('button', { name: '派遣' }));
    const form = screen.getByRole('form', { name: '派遣' });
    expect(within(form).getByRole('radio', { name: '区园林绿化局（权责清单建议）' }).getAttribute('aria-checked')).toBe('true');
    expect(within(form).getByRole('radio', { name: '默认 11月24日 17:00' }).getAttribute('aria-checked')).toBe('true');
    // The other departments of the case's area are on offer, the suggestion first.
    expect(within(within(form).getByRole('radiogroup', { name: '派遣到' })).getAllByRole('radio').map((r) => r.getAttribute('aria-label'))).toEqual([
      '区园林绿化局（权责清单建议）', '区城市管理和综合执法局', '榕溪街环卫站',
    ]);
    fireEvent.click(within(form).getByRole('button', { name: '确认派遣' }));

    // Assess
    expect(await screen.findByText('已派遣')).toBeTruthy();
    expect(screen.getByText('您当前不能对此案件操作。')).toBeTruthy();
    expect(request).toHaveBeenLastCalledWith(expect.objectContaining({
      method: 'POST',
      url: expect.stringMatching(new RegExp(`/v1/work/cases/${CASE_ID}/actions$`)),
      data: { type: 'dispatch', departmentId: 'D440106-YL', handlingDeadline: '2026-11-24T09:00:00.000Z', version: 3 },
    }));
    expect(platform.toast).toHaveBeenCalledWith('已派遣', 'success');
  });

  it('will not send a 退单 without a reason, and sends it with one', async () => {
    // Prepare
    session.save(staffLogin('departmentHandler', { departmentId: 'D440106-YL', areas: ['440106'] }));
    const dispatched = caseView({ status: 'dispatched', statusLabel: '已派遣', availableActions: [{ type: 'accept', label: '签收' }, { type: 'return', label: '退单' }] });
    const request = jest
      .spyOn(platform, 'request')
      .mockResolvedValueOnce({ status: 200, data: dispatched })
      .mockResolvedValueOnce({ status: 200, data: caseView({ status: 'returned', statusLabel: '已退单', returnCount: 1, availableActions: [] }) });
    render(<WorkCasePage />);
    fireEvent.click(await screen.findByRole('button', { name: '退单' }));

    // Act: no reason
    fireEvent.click(screen.getByRole('button', { name: '确认退单' }));

    // Assess
    expect(screen.getByRole('alert').textContent).toBe('请填写原因');
    expect(request).toHaveBeenCalledTimes(1);

    // Act: with a reason
    await typeInto('原因（必填）', '该树属小区物业管理范围');
    fireEvent.click(screen.getByRole('button', { name: '确认退单' }));

    // Assess
    expect(await screen.findByText('已退单 1 次')).toBeTruthy();
    expect(request).toHaveBeenLastCalledWith(expect.objectContaining({ data: { type: 'return', reason: '该树属小区物业管理范围', version: 3 } }));
  });

  it('shows the server refusal under the form and keeps what was typed', async () => {
    // Prepare
    session.save(staffLogin('gridWorker'));
    const submitted = caseView({ status: 'submitted', statusLabel: '已上报', availableActions: [{ type: 'file', label: '立案' }, { type: 'reject', label: '不予立案' }] });
    jest
      .spyOn(platform, 'request')
      .mockResolvedValueOnce({ status: 200, data: submitted })
      .mockResolvedValueOnce({ status: 422, data: { error: { code: 'CASE.VALIDATION', message: '不能标记为与自身重复' } } });
    render(<WorkCasePage />);
    fireEvent.click(await screen.findByRole('button', { name: '不予立案' }));

    // Act
    fireEvent.click(screen.getByRole('radio', { name: '重复上报' }));
    await typeInto('原案件编号', CASE_ID);
    fireEvent.click(screen.getByRole('button', { name: '确认不予立案' }));

    // Assess
    expect((await screen.findByRole('alert')).textContent).toBe('不能标记为与自身重复');
    expect(screen.getByRole('form', { name: '不予立案' })).toBeTruthy();
  });

  it('on a 409 shows the case as it is now instead of the stale one', async () => {
    // Prepare
    session.save(staffLogin('gridWorker'));
    const submitted = caseView({ status: 'submitted', statusLabel: '已上报', availableActions: [{ type: 'file', label: '立案' }] });
    const filedByOther = caseView({ version: 4, statusLabel: '已立案', availableActions: [] });
    const request = jest
      .spyOn(platform, 'request')
      .mockResolvedValueOnce({ status: 200, data: submitted })
      .mockResolvedValueOnce({ status: 409, data: { error: { code: 'CASE.VERSION_CONFLICT', message: '案件已被他人更新' } } })
      .mockResolvedValueOnce({ status: 200, data: filedByOther });
    render(<WorkCasePage />);
    fireEvent.click(await screen.findByRole('button', { name: '立案' }));

    // Act
    fireEvent.click(screen.getByRole('button', { name: '确认立案' }));

    // Assess
    expect(await screen.findByText('您当前不能对此案件操作。')).toBeTruthy();
    expect(screen.queryByRole('form')).toBeNull();
    expect(platform.toast).toHaveBeenCalledWith('案件已被他人更新，已为您刷新，请确认后再操作');
    expect(request).toHaveBeenCalledTimes(3);
  });

  it('reports the result with a photo uploaded straight to storage, and waits for the upload', async () => {
    // Prepare
    session.save(staffLogin('departmentHandler', { departmentId: 'D440106-CG', areas: ['440106'] }));
    const handling = caseView({ status: 'handling', statusLabel: '处置中', availableActions: [{ type: 'handle', label: '处理反馈' }, { type: 'requestExtension', label: '申请延期' }] });
    const handled = caseView({
      status: 'handled',
      statusLabel: '已处置',
      availableActions: [],
      photos: [...handling.photos, { url: 'https://s3.local/result-1.jpg', kind: 'result', at: new Date().toISOString() }],
    });
    const request = jest.spyOn(platform, 'request').mockImplementation(async (req) => {
      if (req.method === 'GET') return { status: 200, data: handling };
      if (req.url.endsWith('/v1/uploads')) {
        return { status: 201, data: { url: 'http://s3.local/bucket', fields: { key: 'uploads/Ucg/p1.jpg' }, key: 'uploads/Ucg/p1.jpg', expiresAt: new Date().toISOString(), maxBytes: 10_000_000 } };
      }
      return { status: 200, data: handled };
    });
    jest.spyOn(platform, 'choosePhotos').mockResolvedValue([{ path: 'blob:result', size: 200_000 }]);
    jest.spyOn(platform, 'imageInfo').mockResolvedValue({ width: 1200, height: 900, size: 200_000, type: 'image/jpeg' });
    jest.spyOn(platform, 'encodeJpeg').mockResolvedValue({ path: 'blob:result-small', size: 150_000 });
    let finishUpload: (v: { status: number; data: unknown }) => void = () => undefined;
    const uploadFile = jest.spyOn(platform, 'uploadFile').mockImplementation(() => new Promise((resolve) => { finishUpload = resolve; }));
    render(<WorkCasePage />);
    fireEvent.click(await screen.findByRole('button', { name: '处理反馈' }));

    // Act: a photo still on its way cannot be sent
    fireEvent.click(screen.getByRole('button', { name: '添加照片' }));
    await waitFor(() => expect(uploadFile).toHaveBeenCalled());
    fireEvent.click(screen.getByRole('button', { name: '确认处理反馈' }));
    expect(screen.getByRole('alert').textContent).toContain('照片还在上传');

    // Act: once uploaded, with a note
    finishUpload({ status: 204, data: '' });
    expect(await screen.findByText('已上传')).toBeTruthy();
    await typeInto('处置结果说明', '已清理现场');
    fireEvent.click(screen.getByRole('button', { name: '确认处理反馈' }));

    // Assess
    expect(await screen.findByLabelText('处置后照片 1')).toBeTruthy();
    expect(screen.getByText('已处置')).toBeTruthy();
    expect(request).toHaveBeenLastCalledWith(expect.objectContaining({
      method: 'POST',
      url: expect.stringMatching(/\/actions$/),
      data: { type: 'handle', notes: '已清理现场', photos: [{ key: 'uploads/Ucg/p1.jpg' }], version: 3 },
    }));
  });

  it('shows a closed case without a running deadline', async () => {
    // Prepare
    session.save(staffLogin('gridWorker'));
    jest.spyOn(platform, 'request').mockResolvedValue({ status: 200, data: caseView({ status: 'closed', statusLabel: '已结案', closedAt: '2026-11-22T02:00:00.000Z', availableActions: [] }) });

    // Act
    render(<WorkCasePage />);

    // Assess
    const head = await screen.findByRole('region', { name: '行道树倒伏' });
    expect(within(head).getByText('11月22日 10:00')).toBeTruthy();
    expect(within(head).queryByText('派遣期限')).toBeNull();
    expect(within(head).queryByText('黄色预警')).toBeNull();
  });

  it("shows the reporter's phone only after a stated reason, which goes to the server", async () => {
    // Prepare
    session.save(staffLogin('gridWorker'));
    const request = jest
      .spyOn(platform, 'request')
      .mockResolvedValueOnce({ status: 200, data: caseView() })
      .mockResolvedValueOnce({ status: 200, data: caseView({ version: 4, contactPhone: '13800138000' }) });
    const call = jest.spyOn(platform, 'makePhoneCall').mockImplementation(() => undefined);
    render(<WorkCasePage />);
    fireEvent.click(await screen.findByRole('button', { name: '查看联系电话' }));
    expect(screen.queryByText('13800138000')).toBeNull();

    // Act: no reason, then a reason
    fireEvent.click(screen.getByRole('button', { name: '确认查看' }));
    expect(screen.getByRole('alert').textContent).toBe('请说明查看原因（至少 2 个字）');
    await typeInto('查看原因（必填）', '联系居民确认具体位置');
    fireEvent.click(screen.getByRole('button', { name: '确认查看' }));

    // Assess
    expect(await screen.findByText('13800138000')).toBeTruthy();
    expect(request).toHaveBeenCalledTimes(2);
    expect(request).toHaveBeenLastCalledWith(expect.objectContaining({
      method: 'GET',
      url: expect.stringMatching(new RegExp(`/v1/work/cases/${CASE_ID}\\?reveal=contact&reason=${encodeURIComponent('联系居民确认具体位置')}$`)),
    }));
    fireEvent.click(screen.getByRole('button', { name: '拨打 13800138000' }));
    expect(call).toHaveBeenCalledWith('13800138000');
  });

  it('dispatches to another department of the area when the dispatcher picks it', async () => {
    // Prepare
    session.save(staffLogin('dispatcher', { areas: ['440106001'] }));
    const request = jest
      .spyOn(platform, 'request')
      .mockResolvedValueOnce({ status: 200, data: caseView({ departmentOptions: OPTIONS }) })
      .mockResolvedValueOnce({ status: 200, data: caseView({ version: 4, status: 'dispatched', statusLabel: '已派遣', availableActions: [] }) });
    render(<WorkCasePage />);
    fireEvent.click(await screen.findByRole('button', { name: '派遣' }));

    // Act
    fireEvent.click(screen.getByRole('radio', { name: '榕溪街环卫站' }));
    fireEvent.click(screen.getByRole('radio', { name: '+3天' }));
    fireEvent.click(screen.getByRole('button', { name: '确认派遣' }));

    // Assess
    expect(await screen.findByText('已派遣')).toBeTruthy();
    expect(request).toHaveBeenLastCalledWith(expect.objectContaining({
      data: { type: 'dispatch', departmentId: 'D440106001-HW', handlingDeadline: '2026-11-27T09:00:00.000Z', version: 3 },
    }));
  });
});
