import { useCallback, useEffect, useRef, useState } from 'react';
import { errorText } from './error-text';

export type RequestState<T> =
  | { status: 'loading'; data?: undefined; error?: undefined }
  | { status: 'error'; data?: T; error: string; code?: string }
  | { status: 'ready'; data: T; error?: undefined };

export interface RequestHandle<T> {
  state: RequestState<T>;
  /** True while a refresh runs over data already shown (pull to refresh): keep showing it. */
  refreshing: boolean;
  /** Run again after an error, from the loading state. */
  retry: () => void;
  /** Run again keeping the current data on screen; resolves when done. */
  refresh: () => Promise<void>;
  /** Replace the data (e.g. with the answer of an action on it). */
  set: (data: T) => void;
}

const codeOf = (e: unknown): string | undefined =>
  e && typeof e === 'object' && 'code' in e && typeof (e as { code: unknown }).code === 'string' ? (e as { code: string }).code : undefined;

/**
 * One request's loading / error / data, for every page: runs `load` when `deps` change,
 * ignores answers that arrive after a newer run or after unmount.
 * `load` may return undefined to mean "nothing to load yet" (state stays loading).
 */
export function useRequest<T>(load: () => Promise<T> | undefined, deps: readonly unknown[]): RequestHandle<T> {
  const [state, setState] = useState<RequestState<T>>({ status: 'loading' });
  const [refreshing, setRefreshing] = useState(false);
  const run = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const dataRef = useRef<T | undefined>(undefined);

  const start = useCallback((keep: boolean): Promise<void> => {
    const id = ++run.current;
    if (!keep) setState({ status: 'loading' });
    else setRefreshing(true);
    const pending = loadRef.current();
    if (!pending) return Promise.resolve();
    return pending.then(
      (data) => {
        if (id !== run.current) return;
        dataRef.current = data;
        setState({ status: 'ready', data });
        setRefreshing(false);
      },
      (e: unknown) => {
        if (id !== run.current) return;
        setState({ status: 'error', data: keep ? dataRef.current : undefined, error: errorText(e), code: codeOf(e) });
        setRefreshing(false);
      },
    );
  }, []);

  useEffect(() => {
    void start(false);
    const runs = run;
    return () => {
      runs.current++;
    };
    // The caller's deps decide when to load again (`load` itself is read through loadRef).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);

  const retry = useCallback(() => void start(false), [start]);
  const refresh = useCallback(() => start(true), [start]);
  const set = useCallback((data: T) => {
    run.current++;
    dataRef.current = data;
    setState({ status: 'ready', data });
    setRefreshing(false);
  }, []);

  return { state, refreshing, retry, refresh, set };
}
