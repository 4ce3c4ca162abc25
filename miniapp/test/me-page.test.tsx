import { render, screen } from '@testing-library/react';
import MePage from '../src/pages/me/index';
import { login, mockServer, ok, signedInAs } from './fixtures';

const worker = { ...login, user: { userId: 'S1', role: 'gridWorker' as const, areas: ['440106001001001'], name: '李网格' } };

describe('我的, as a grid worker', () => {
  signedInAs(worker);

  it('names the areas served as people say them, not as codes', async () => {
    // Prepare
    mockServer({
      'GET /v1/me': () => ok({ user: { userId: 'S1', role: 'gridWorker', roleLabel: '网格员', areas: [{ code: '440106001001001', name: '华康社区第一网格' }] }, home: null, workers: [] }),
      'GET /v1/messages': () => ok({ messages: [], unreadCount: 0 }),
    });

    // Act
    render(<MePage />);

    // Assess
    expect(await screen.findByText('负责区域：华康社区第一网格')).toBeTruthy();
    expect(screen.queryByText(/440106001001001/)).toBeNull();
  });
});
