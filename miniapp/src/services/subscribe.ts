import type { ResponseOf } from './api-types';
import { call } from './api';
import { platform } from './platform';

/**
 * WeChat subscribe messages. `requestSubscribeMessage` only works inside a tap,
 * so the template ids are fetched beforehand (prefetch, when a page that asks opens) and
 * `ask` calls the platform at once. H5 has no subscribe messages: nothing is fetched,
 * asked or reported there — the message centre carries every update anyway.
 */

type Subscription = ResponseOf<'list-subscriptions'>['subscriptions'][number];
type Kind = Subscription['kind'];
export type SubscribeMoment = 'submit' | 'case' | 'booking';

/** At most three per tap: what a resident wants to hear at that moment. */
const KINDS: Record<SubscribeMoment, readonly Kind[]> = {
  submit: ['accepted', 'progress', 'closed'],
  case: ['progress', 'closed', 'needsInfo'],
  // 代办 visits: confirmed, rescheduled, reminded the day before, done
  booking: ['booking'],
};

let offered: Subscription[] | undefined;

/** Template ids to ask for now: a long-term template already accepted needs no asking again. */
export function templatesFor(moment: SubscribeMoment, subscriptions: readonly Subscription[]): string[] {
  return KINDS[moment]
    .map((kind) => subscriptions.find((s) => s.kind === kind))
    .filter((s): s is Subscription => !!s && !(s.longTerm && s.accepted))
    .map((s) => s.templateId)
    .slice(0, 3);
}

export const subscribe = {
  /** Whether this platform has subscribe messages at all. */
  available(): boolean {
    return platform.name === 'weapp';
  },

  async prefetch(): Promise<void> {
    if (!subscribe.available() || offered) return;
    try {
      offered = (await call('list-subscriptions')).subscriptions;
    } catch {
      // asked again when the next page that offers it opens
    }
  },

  /**
   * Call straight from a tap handler. Resolves true when the resident allowed at least one
   * template (after the answer was reported); false when nothing was asked or all declined.
   */
  ask(moment: SubscribeMoment): Promise<boolean> {
    if (!subscribe.available() || !offered) return Promise.resolve(false);
    const ids = templatesFor(moment, offered);
    if (ids.length === 0) return Promise.resolve(false);
    return platform.requestSubscribe(ids).then(async (answers) => {
      if (!answers || Object.keys(answers).length === 0) return false;
      try {
        offered = (await call('report-subscriptions', { body: { results: answers } })).subscriptions;
      } catch {
        // the grant is WeChat's either way; our count is only a guide to what may be sent
      }
      return Object.values(answers).includes('accept');
    });
  },

  /** Tests: forget what was fetched. */
  reset(): void {
    offered = undefined;
  },
};
