import { useCallback, useEffect, useState } from 'react';
import type { ResponseOf } from '../services/api-types';
import { loadCatalog } from '../services/catalog';
import { errorText } from './error-text';

type CatalogResponse = ResponseOf<'get-catalog'>;

export type CatalogState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; catalog: CatalogResponse };

export function useCatalog(): { state: CatalogState; retry: () => void } {
  const [state, setState] = useState<CatalogState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    setState({ status: 'loading' });
    loadCatalog(undefined, { refresh: attempt > 0 }).then(
      (catalog) => live && setState({ status: 'ready', catalog }),
      (e: unknown) => live && setState({ status: 'error', message: errorText(e) }),
    );
    return () => {
      live = false;
    };
  }, [attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, retry };
}
