import { useDidShow } from '@tarojs/taro';
import type { RequestHandle } from './use-request';

/**
 * Read the data again whenever the page shows again (back from a detail page, back from the
 * background), keeping what is on screen meanwhile. Nothing happens before the first answer.
 */
export function useRefreshOnShow(request: Pick<RequestHandle<unknown>, 'state' | 'refresh'>): void {
  useDidShow(() => {
    if (request.state.status === 'ready') void request.refresh();
  });
}
