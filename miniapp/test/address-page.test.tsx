import { fireEvent, render, screen } from '@testing-library/react';
import AddressPage from '../src/pages/address/index';
import { platform } from '../src/services/platform';
import { session } from '../src/services/session';
import { login, mockServer, ok } from './fixtures';

const worker = { id: 'W1', name: '李网格', title: 'gridWorker', titleLabel: '网格员', phone: '13800000001', dutyHours: '08:30–17:30', onDuty: false };
const areas = {
  streets: [{ code: '440106001', name: '天河南街道', communities: [{ code: '440106001001', name: '华康社区', grids: [{ code: '440106001001001', name: '第一网格', landmark: '天河路以北' }] }] }],
};

describe('我的住址', () => {
  beforeEach(() => session.save(login));
  afterEach(() => {
    jest.restoreAllMocks();
    session.clear();
  });

  it('a resident without GPS picks 街道 → 社区 → 网格 and sees who serves them', async () => {
    // Prepare
    const put = jest.fn(() =>
      ok({
        user: { userId: 'U1', role: 'resident', roleLabel: '居民', areas: [] },
        home: { source: 'picker', grid: { code: '440106001001001', name: '第一网格', landmark: '天河路以北' }, community: { code: '440106001001', name: '华康社区' }, street: { code: '440106001', name: '天河南街道' }, updatedAt: '2026-11-22T01:00:00Z' },
        workers: [worker],
      }),
    );
    mockServer({ 'GET /v1/areas': () => ok(areas), 'PUT /v1/me/home': put });
    jest.spyOn(platform, 'currentLocation').mockRejectedValue(new Error('getLocation:fail auth deny'));
    render(<AddressPage />);

    // Act
    fireEvent.click(await screen.findByRole('radio', { name: '天河南街道' }));
    fireEvent.click(await screen.findByRole('radio', { name: '华康社区' }));
    fireEvent.click(await screen.findByRole('radio', { name: '第一网格' }));

    // Assess
    expect(await screen.findByText('住址已保存：华康社区 第一网格')).toBeTruthy();
    expect(screen.getByRole('group', { name: '网格员 李网格' }).textContent).toContain('不在岗');
    expect(put).toHaveBeenCalledWith(expect.objectContaining({ method: 'PUT', data: { gridCode: '440106001001001' } }), {});
  });
});
