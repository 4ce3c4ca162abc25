import { act, renderHook, waitFor } from '@testing-library/react';
import { useRequest } from '../src/hooks/use-request';
import { ApiError } from '../src/services/api';

const deferred = <T,>() => {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
};

describe('useRequest', () => {
  it('goes loading → ready with the data', async () => {
    const { result } = renderHook(() => useRequest(() => Promise.resolve(42), []));
    expect(result.current.state.status).toBe('loading');
    await waitFor(() => expect(result.current.state).toEqual({ status: 'ready', data: 42 }));
  });

  it('shows the error message and code, and retry starts over', async () => {
    let n = 0;
    const { result } = renderHook(() => useRequest(() => (++n === 1 ? Promise.reject(new ApiError('NETWORK', '网络连接失败', 0)) : Promise.resolve('ok')), []));
    await waitFor(() => expect(result.current.state).toMatchObject({ status: 'error', error: '网络连接失败', code: 'NETWORK' }));
    act(() => result.current.retry());
    expect(result.current.state.status).toBe('loading');
    await waitFor(() => expect(result.current.state).toEqual({ status: 'ready', data: 'ok' }));
  });

  it('refresh keeps the data on screen, and a failed refresh keeps it too', async () => {
    let n = 0;
    const { result } = renderHook(() => useRequest(() => (++n === 2 ? Promise.reject(new Error('断网了')) : Promise.resolve(n)), []));
    await waitFor(() => expect(result.current.state.data).toBe(1));
    let refreshing: Promise<void>;
    act(() => {
      refreshing = result.current.refresh();
    });
    expect(result.current.refreshing).toBe(true);
    expect(result.current.state.data).toBe(1);
    await act(() => refreshing);
    expect(result.current.state).toMatchObject({ status: 'error', data: 1, error: '断网了' });
    await act(() => result.current.refresh());
    expect(result.current.state).toEqual({ status: 'ready', data: 3 });
  });

  it('ignores an answer that arrives after a newer request', async () => {
    const first = deferred<string>();
    const second = deferred<string>();
    const pending = [first, second];
    const { result, rerender } = renderHook(({ id }) => useRequest(() => pending[id]!.promise, [id]), { initialProps: { id: 0 } });
    rerender({ id: 1 });
    await act(async () => {
      second.resolve('new');
      first.resolve('old');
    });
    expect(result.current.state).toEqual({ status: 'ready', data: 'new' });
  });

  it('waits while load has nothing to do (e.g. no session yet)', () => {
    const { result } = renderHook(() => useRequest(() => undefined, []));
    expect(result.current.state.status).toBe('loading');
  });
});
