import type { Case, TimelineEvent } from '@gridtong/shared/schemas/case';
import type { CityReference } from '../city/city-snapshot';

export interface Delivery {
  eventId: string;
  event: TimelineEvent;
  /** The case as it is now (the event is in its timeline); recipients are resolved from it. */
  caseItem: Case;
  city: CityReference;
  now: Date;
}

/**
 * One way an event reaches someone or something (message centre, counters, later WeChat
 * subscribe messages or an external platform). A channel must be idempotent by event id:
 * it may be handed the same delivery again after a crash or a stream replay. Throwing
 * means "try again later"; the deliverer backs off and eventually parks it.
 */
export interface Channel<D = Delivery> {
  readonly name: string;
  deliver(delivery: D): Promise<void>;
}
