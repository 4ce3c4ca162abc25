import { useCallback, useRef, useState } from 'react';
import { errorText } from './error-text';
import { useRequest, type RequestHandle } from './use-request';

/** A page of a cursor-paged route: its rows under `key`, and where the next page starts. */
export type CursorPage<K extends string> = { [P in K]: readonly { id: string }[] } & { nextCursor: string | null };

export interface PagedList<Page> extends RequestHandle<Page> {
  /** Loads the page after the last one shown and adds its rows (those not shown yet). */
  loadMore: () => Promise<void>;
  /** A next page is being read. */
  loadingMore: boolean;
  /** Why the last `loadMore` failed (the rows shown stay). */
  moreError?: string;
  /** There is a next page to load. */
  hasMore: boolean;
  /** The first page arrived and there is nothing after the rows shown. */
  atEnd: boolean;
}

/**
 * A cursor-paged list: the first page when `deps` change, then `loadMore` adds the next page's
 * rows after the ones shown (dropping any already there), the other fields (`nextCursor`, an
 * unread count…) taken from the newest page. `refresh` reads the first page again.
 * `load` may return undefined to mean "nothing to load yet".
 */
export function usePagedList<K extends string, Page extends CursorPage<K>>(
  key: K,
  load: (cursor?: string) => Promise<Page> | undefined,
  deps: readonly unknown[],
): PagedList<Page> {
  const list = useRequest<Page>(() => load(), deps);
  const [more, setMore] = useState<{ busy: boolean; error?: string }>({ busy: false });
  const busy = useRef(false);
  const loadRef = useRef(load);
  loadRef.current = load;
  const data = list.state.data;
  const { set } = list;

  const loadMore = useCallback(async () => {
    if (!data?.nextCursor || busy.current) return;
    busy.current = true;
    setMore({ busy: true });
    try {
      const next = await loadRef.current(data.nextCursor);
      if (next) {
        const seen = new Set(data[key].map((r) => r.id));
        set({ ...next, [key]: [...data[key], ...next[key].filter((r) => !seen.has(r.id))] } as Page);
      }
      setMore({ busy: false });
    } catch (e) {
      setMore({ busy: false, error: errorText(e) });
    } finally {
      busy.current = false;
    }
  }, [data, key, set]);

  return {
    ...list,
    loadMore,
    loadingMore: more.busy,
    moreError: more.error,
    hasMore: !!data?.nextCursor,
    atEnd: !!data && !data.nextCursor,
  };
}
