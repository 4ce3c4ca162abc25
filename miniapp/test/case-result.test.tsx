import { fireEvent, render, screen, within } from '@testing-library/react';
import CasePage from '../src/pages/case/index';
import { platform } from '../src/services/platform';
import { login, mockServer, ok, signedInAs, typeInto } from './fixtures';

const result = {
  departmentName: '区园林局',
  notes: '已清走倒伏树干，路面已清扫，联系电话 138****5678',
  handledAt: '2026-11-22T05:00:00Z',
  verifiedAt: '2026-11-22T06:00:00Z',
  photos: [
    { url: 'https://photos.test/after-1.jpg', kind: 'result', at: '2026-11-22T05:00:00Z' },
    { url: 'https://photos.test/check-1.jpg', kind: 'check', at: '2026-11-22T06:00:00Z' },
  ],
};

const closedCase = (over: object = {}) => ({
  id: 'C20261122ABCDEF', version: 9, status: 'closed', statusLabel: '已结案', itemCode: '0401', itemName: '行道树倒伏', urgency: 'urgent',
  description: '树倒了', answers: {}, anonymous: false,
  location: { lat: 23.1, lng: 113.3, address: '天河路 1 号', gridCode: '440106001001001', gridName: '第一网格', communityName: '华康社区', streetName: '天河南街道' },
  photoUrls: ['https://photos.test/before-1.jpg'], departmentName: '区园林局', dispatchDeadline: '2026-11-22T10:00:00Z', followerCount: 0, urgeCount: 0, reopenRequested: false,
  createdAt: '2026-11-22T01:00:00Z', updatedAt: '2026-11-22T06:00:00Z', closedAt: '2026-11-22T06:00:00Z',
  result,
  timelineView: [{ at: '2026-11-22T06:00:00Z', title: '核查通过，已办结' }],
  availableActions: ['rate'],
  ...over,
});

describe('the handling result before the rating', () => {
  signedInAs(login, {
    before: () => {
      jest.spyOn(platform, 'pageParams').mockReturnValue({ id: 'C20261122ABCDEF', focus: 'result' });
      jest.spyOn(platform, 'setTabBadge').mockImplementation(() => undefined);
    },
  });

  it('shows the department, its notes, the after and check photos above the rating panel, and opens there from the 办结 message', async () => {
    // Prepare
    const scroll = jest.spyOn(platform, 'scrollToSelector').mockImplementation(() => undefined);
    const preview = jest.spyOn(platform, 'previewImages').mockImplementation(() => undefined);
    mockServer({ 'GET /v1/cases/{id}': () => ok(closedCase()) });
    render(<CasePage />);
    const block = await screen.findByRole('region', { name: '处理结果' });

    // Act
    fireEvent.click(within(block).getByRole('button', { name: '核查照片第 1 张，点击查看大图' }));

    // Assess
    expect(block.textContent).toContain('区园林局已处理完毕');
    expect(block.textContent).toContain('已清走倒伏树干，路面已清扫');
    expect(block.textContent).toContain('网格员现场核查通过');
    expect(within(block).getAllByRole('button').map((b) => b.getAttribute('aria-label'))).toEqual(['处置后照片第 1 张，点击查看大图', '核查照片第 1 张，点击查看大图']);
    expect(preview).toHaveBeenCalledWith(['https://photos.test/after-1.jpg', 'https://photos.test/check-1.jpg'], 'https://photos.test/check-1.jpg');
    const panel = screen.getByRole('region', { name: '评价处理结果' });
    expect(block.compareDocumentPosition(panel) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(block.id).toBe('case-result');
    expect(scroll).toHaveBeenCalledTimes(1);
    expect(scroll).toHaveBeenCalledWith('#case-result');
  });

  it('says the check is still to come while the case waits for it, and shows no result before 处理反馈', async () => {
    // Prepare
    let handled = true;
    const scroll = jest.spyOn(platform, 'scrollToSelector').mockImplementation(() => undefined);
    mockServer({
      'GET /v1/cases/{id}': () =>
        ok(handled
          ? closedCase({ status: 'handled', availableActions: ['urge'], closedAt: undefined, result: { ...result, verifiedAt: undefined, photos: result.photos.slice(0, 1) } })
          : closedCase({ status: 'handling', availableActions: ['urge'], closedAt: undefined, result: undefined })),
    });

    // Act
    const first = render(<CasePage />);
    const block = await screen.findByRole('region', { name: '处理结果' });
    const waiting = block.textContent;
    first.unmount();
    handled = false;
    scroll.mockClear();
    render(<CasePage />);
    await screen.findByRole('region', { name: '办理进度' });

    // Assess
    expect(waiting).toContain('等待网格员现场核查');
    expect(screen.queryByRole('region', { name: '处理结果' })).toBeNull();
    expect(scroll).not.toHaveBeenCalled();
  });

  it('offers only the tags that fit the level: no 态度好 for 不满意', async () => {
    // Prepare
    mockServer({ 'GET /v1/cases/{id}': () => ok(closedCase()) });
    render(<CasePage />);
    const panel = await screen.findByRole('region', { name: '评价处理结果' });
    const tagsBefore = within(panel).queryAllByRole('checkbox').length;

    // Act
    fireEvent.click(within(panel).getByRole('radio', { name: '满意' }));
    const good = within(panel).getAllByRole('checkbox').map((c) => c.getAttribute('aria-label'));
    fireEvent.click(within(panel).getByRole('checkbox', { name: '态度好' }));
    fireEvent.click(within(panel).getByRole('radio', { name: '不满意' }));
    const bad = within(panel).getAllByRole('checkbox').map((c) => c.getAttribute('aria-label'));

    // Assess
    expect(tagsBefore).toBe(0);
    expect(good).toEqual(['处理及时', '态度好']);
    expect(bad).toEqual(['未解决']);
  });

  it('carries the rating comment into the 重办 reason, and shows 重办 under review instead of all green', async () => {
    // Prepare
    const bad = { level: 'dissatisfied', comment: '树枝还堆在路边', ratedAt: '2026-11-22T07:00:00Z' };
    const act = jest.fn((req: { data?: unknown }) => {
      const body = req.data as { type: string };
      return body.type === 'rate'
        ? ok(closedCase({ version: 10, status: 'rated', rating: bad, availableActions: ['requestReopen'] }))
        : ok(closedCase({ version: 11, status: 'rated', rating: bad, reopenRequested: true, availableActions: [] }));
    });
    mockServer({ 'GET /v1/cases/{id}': () => ok(closedCase()), 'POST /v1/cases/{id}/actions': act });
    render(<CasePage />);

    // Act
    fireEvent.click(await screen.findByRole('radio', { name: '不满意' }));
    typeInto(screen.getByRole('region', { name: '评价处理结果' }).querySelector('.text-area')!, '树枝还堆在路边');
    fireEvent.click(screen.getByText('提交评价'));
    const reopen = await screen.findByRole('region', { name: '申请重办' });
    const carried = (reopen.querySelector('.text-area') as HTMLTextAreaElement).value;
    fireEvent.click(within(reopen).getByText('提交重办申请'));
    await screen.findByText('重办申请已提交，审核结果会通知您。');

    // Assess
    expect(carried).toBe('树枝还堆在路边');
    expect(act.mock.calls.map((c) => c[0].data)).toEqual([
      { type: 'rate', level: 'dissatisfied', comment: '树枝还堆在路边', version: 9 },
      { type: 'requestReopen', reason: '树枝还堆在路边', version: 10 },
    ]);
    const steps = screen.getByRole('region', { name: '办理进度' });
    expect(steps.textContent).toContain('您已申请重办，等待指挥中心审核');
    expect(within(steps).getByRole('listitem', { name: '评价，进行中' })).toBeTruthy();
  });
});
