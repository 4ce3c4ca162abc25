import { act, renderHook, waitFor } from '@testing-library/react';
import { errorText } from '../src/hooks/error-text';
import { usePagedList } from '../src/hooks/use-paged-list';
import { useRefreshOnShow } from '../src/hooks/use-refresh-on-show';
import { ApiError } from '../src/services/api';

interface Page {
  rows: { id: string }[];
  unread: number;
  nextCursor: string | null;
}

const page = (ids: string[], nextCursor: string | null, unread = 0): Page => ({ rows: ids.map((id) => ({ id })), unread, nextCursor });

describe('usePagedList', () => {
  it('reads the first page, adds the next ones after it, and knows when it reached the end', async () => {
    // Prepare
    const pages: Record<string, Page> = { first: page(['a', 'b'], 'c2', 3), c2: page(['b', 'c'], 'c3', 2), c3: page(['d'], null, 1) };
    const load = jest.fn((cursor?: string) => Promise.resolve(pages[cursor ?? 'first']!));

    // Act
    const { result } = renderHook(() => usePagedList('rows', load, []));
    await waitFor(() => expect(result.current.state.status).toBe('ready'));
    const afterFirst = { hasMore: result.current.hasMore, atEnd: result.current.atEnd };
    await act(() => result.current.loadMore());
    await act(() => result.current.loadMore());
    await act(() => result.current.loadMore());

    // Assess
    expect(afterFirst).toEqual({ hasMore: true, atEnd: false });
    expect(load.mock.calls.map((c) => c[0])).toEqual([undefined, 'c2', 'c3']);
    expect(result.current.state.data?.rows.map((r) => r.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(result.current.state.data).toMatchObject({ unread: 1, nextCursor: null });
    expect(result.current).toMatchObject({ hasMore: false, atEnd: true, loadingMore: false });
  });

  it('a failed next page keeps the rows shown and says why; refresh starts again from the first page', async () => {
    // Prepare
    let failNext = true;
    const load = jest.fn((cursor?: string) =>
      cursor && failNext ? Promise.reject(new ApiError('NETWORK', '网络连接失败，请检查网络后重试', 0)) : Promise.resolve(cursor ? page(['c'], null) : page(['a', 'b'], 'c2')),
    );
    const { result } = renderHook(() => usePagedList('rows', load, []));
    await waitFor(() => expect(result.current.state.status).toBe('ready'));

    // Act
    await act(() => result.current.loadMore());
    const failed = { error: result.current.moreError, rows: result.current.state.data?.rows.map((r) => r.id) };
    failNext = false;
    await act(() => result.current.loadMore());
    const more = result.current.state.data?.rows.map((r) => r.id);
    await act(() => result.current.refresh());

    // Assess
    expect(failed).toEqual({ error: '网络连接失败，请检查网络后重试', rows: ['a', 'b'] });
    expect(more).toEqual(['a', 'b', 'c']);
    expect(result.current.moreError).toBeUndefined();
    expect(result.current.state.data?.rows.map((r) => r.id)).toEqual(['a', 'b']);
    expect(result.current.hasMore).toBe(true);
  });

  it('loads nothing while `load` has nothing to load, and reads again when its deps change', async () => {
    // Prepare
    const load = jest.fn((token: string | undefined) => (token ? Promise.resolve(page([token], null)) : undefined));
    const { result, rerender } = renderHook(({ token }: { token?: string }) => usePagedList('rows', () => load(token), [token]), { initialProps: {} });

    // Act
    const before = result.current.state.status;
    rerender({ token: 'x' });
    await waitFor(() => expect(result.current.state.status).toBe('ready'));

    // Assess
    expect(before).toBe('loading');
    expect(result.current.state.data?.rows).toEqual([{ id: 'x' }]);
    expect(result.current.atEnd).toBe(true);
  });

  it('asks for one next page at a time', async () => {
    // Prepare
    let release!: (p: Page) => void;
    const load = jest.fn((cursor?: string) => (cursor ? new Promise<Page>((res) => (release = res)) : Promise.resolve(page(['a'], 'c2'))));
    const { result } = renderHook(() => usePagedList('rows', load, []));
    await waitFor(() => expect(result.current.state.status).toBe('ready'));

    // Act
    let first!: Promise<void>;
    act(() => {
      first = result.current.loadMore();
    });
    const busy = result.current.loadingMore;
    await act(() => result.current.loadMore());
    release(page(['b'], null));
    await act(() => first);

    // Assess
    expect(busy).toBe(true);
    expect(load).toHaveBeenCalledTimes(2);
    expect(result.current.state.data?.rows.map((r) => r.id)).toEqual(['a', 'b']);
  });
});

describe('useRefreshOnShow', () => {
  it('reads again when the page shows once the first answer is there, not before', async () => {
    // Prepare
    const refresh = jest.fn(() => Promise.resolve());

    // Act (the test stand-in shows a page once, when it mounts)
    renderHook(() => useRefreshOnShow({ state: { status: 'loading' }, refresh }));
    const whileLoading = refresh.mock.calls.length;
    renderHook(() => useRefreshOnShow({ state: { status: 'ready', data: 1 }, refresh }));

    // Assess
    expect(whileLoading).toBe(0);
    expect(refresh).toHaveBeenCalledTimes(1);
  });
});

describe('errorText', () => {
  it('shows an error\'s own (Chinese) message, and anything else as text', () => {
    expect(errorText(new ApiError('TIMEOUT', '网络较慢，请求超时，请稍后重试', 0))).toBe('网络较慢，请求超时，请稍后重试');
    expect(errorText('出错了')).toBe('出错了');
  });
});
