import { counterDelta } from '@gridtong/shared/events/counters';
import type { CounterStore } from '../store/counters';
import type { Channel, Delivery } from './channels';

/** 考核 counters: each event adds to its grid, street, district and department, once per event id. */
export class CounterChannel implements Channel {
  readonly name = 'counters';

  constructor(private readonly store: CounterStore) {}

  async deliver({ eventId, event, caseItem }: Delivery): Promise<void> {
    const delta = counterDelta(caseItem, event);
    if (!delta) return;
    for (const scope of delta.scopes) await this.store.add(scope, delta.date, eventId, delta.add);
  }
}
