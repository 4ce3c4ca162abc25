import { fireEvent, render, screen, within } from '@testing-library/react';
import HomePage from '../src/pages/index/index';
import { forgetCatalog } from '../src/services/catalog';
import { platform } from '../src/services/platform';
import { session } from '../src/services/session';
import { catalog, login } from './fixtures';

describe('home page: the 点菜 menu', () => {
  beforeEach(() => {
    forgetCatalog();
    session.save(login);
  });
  afterEach(() => {
    jest.restoreAllMocks();
    session.clear();
  });

  it('groups active items by kind (部件 before 事件) and then by category', async () => {
    // Prepare
    jest.spyOn(platform, 'request').mockResolvedValue({ status: 200, data: catalog });

    // Act
    render(<HomePage />);

    // Assess
    const component = await screen.findByRole('region', { name: '部件' });
    const event = screen.getByRole('region', { name: '事件' });
    expect(component.compareDocumentPosition(event) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();

    const facilities = within(component).getByRole('group', { name: '部件·公用设施' });
    expect(within(facilities).getAllByRole('button').map((b) => b.getAttribute('aria-label'))).toEqual(['井盖破损', '路灯不亮']);
    const greenery = within(component).getByRole('group', { name: '部件·园林绿化' });
    expect(within(greenery).getAllByRole('button').map((b) => b.getAttribute('aria-label'))).toEqual(['行道树倒伏']);
    expect(within(event).getByRole('group', { name: '事件·市容环境' })).toBeTruthy();
    expect(within(event).getByRole('group', { name: '事件·突发事件' })).toBeTruthy();
    // Inactive items are not offered.
    expect(screen.queryByText('绿地破坏')).toBeNull();
  });

  it('sends the bearer token and opens the report page for the tapped item', async () => {
    // Prepare
    const request = jest.spyOn(platform, 'request').mockResolvedValue({ status: 200, data: catalog });
    const navigateTo = jest.spyOn(platform, 'navigateTo').mockImplementation(() => undefined);
    render(<HomePage />);

    // Act
    fireEvent.click(await screen.findByRole('button', { name: '行道树倒伏' }));

    // Assess
    expect(request).toHaveBeenCalledWith(expect.objectContaining({ method: 'GET', url: expect.stringMatching(/\/v1\/catalog$/), headers: { authorization: 'Bearer tok-123' } }));
    expect(navigateTo).toHaveBeenCalledWith('/pages/report/index?code=0401');
  });

  it('shows the server message and retries on 重试', async () => {
    // Prepare
    const request = jest
      .spyOn(platform, 'request')
      .mockResolvedValueOnce({ status: 500, data: { error: { code: 'INTERNAL', message: '服务器开小差了' } } })
      .mockResolvedValueOnce({ status: 200, data: catalog });
    render(<HomePage />);
    expect(screen.getByRole('status')).toBeTruthy();

    // Act
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('服务器开小差了');
    fireEvent.click(within(alert).getByText('重试'));

    // Assess
    expect(await screen.findByRole('button', { name: '井盖破损' })).toBeTruthy();
    expect(request).toHaveBeenCalledTimes(2);
  });
});
